"""The decision model in data/ is what `python -m tools.fit_decision` makes from the labelled
sets: refitting gives the same weights (needs the `fit` extra, scikit-learn); and how the
cut-offs are chosen."""

import json

import pytest

from knowledge.understanding.model import MODEL_FILE


def test_refitting_gives_the_model_in_data(data_dir):
    pytest.importorskip("sklearn")
    from tools.fit_decision import examples, fit

    fitted = fit(examples(data_dir))
    stored = json.loads((data_dir / MODEL_FILE).read_text())
    for name, cut in stored["thresholds"].items():  # a cut-off sits on a flat stretch of the gain
        assert fitted["thresholds"][name] == pytest.approx(cut, abs=0.02)
    for name, weight in stored["weights"].items():
        assert fitted["weights"][name] == pytest.approx(weight, abs=0.05)


def test_of_cut_offs_nearly_as_good_the_highest_is_taken():
    from tools.fit_decision import _threshold

    # Gain +1 per right answer, -4 per wrong: the best cut, 0.6, gains 201; 0.95 gains 200,
    # within 1% of it (one right answer fewer), so it is taken.
    probabilities = [0.5, 0.6] + [0.95] * 200
    right = [False, True] + [True] * 200
    assert _threshold(probabilities, right, cost=4.0) == 0.95
    # Where a higher cut-off loses more than that, the best is kept.
    assert _threshold([0.5] * 10 + [0.9] * 5, [True] * 10 + [True] * 5, cost=4.0) == 0.5
    assert _threshold([0.5, 0.6], [False, False], cost=4.0) == 1.01  # never worth answering
