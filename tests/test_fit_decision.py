"""The decision model in data/ is what `python -m tools.fit_decision` makes from the labelled
sets: refitting gives the same weights. Needs the `fit` extra (scikit-learn)."""

import json

import pytest

from knowledge.understanding.model import MODEL_FILE

pytest.importorskip("sklearn")


def test_refitting_gives_the_model_in_data(data_dir):
    from tools.fit_decision import examples, fit

    fitted = fit(examples(data_dir))
    stored = json.loads((data_dir / MODEL_FILE).read_text())
    for name, cut in stored["thresholds"].items():  # a cut-off sits on a flat stretch of the gain
        assert fitted["thresholds"][name] == pytest.approx(cut, abs=0.02)
    for name, weight in stored["weights"].items():
        assert fitted["weights"][name] == pytest.approx(weight, abs=0.05)
