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


def test_the_answer_cut_off_is_the_highest_of_those_nearly_as_good():
    from tools.fit_decision import _answer_threshold

    # Gain +1 per right answer, -4 per wrong: the best cut, 0.6, gains 201; 0.95 gains 200,
    # within one wrong answer of it (one right answer fewer), so it is taken.
    probabilities = [0.5, 0.6] + [0.95] * 200
    right = [False, True] + [True] * 200
    assert _answer_threshold(probabilities, right, cost=4.0) == 0.95
    # Where a higher cut-off loses more than that, the best is kept.
    assert _answer_threshold([0.5] * 10 + [0.9] * 5, [True] * 15, cost=4.0) == 0.5
    assert _answer_threshold([0.5, 0.6], [False, False], cost=4.0) == 1.01  # never worth answering


def test_the_read_as_cut_off_is_the_lowest_of_those_that_gain_most():
    from tools.fit_decision import _read_as_threshold

    # Cutting at 0.6 or at 0.4 gains 2 (the wrong answer at 0.5 costs as much as the two
    # right ones below it): the lower is taken.
    probabilities = [0.4, 0.45, 0.5, 0.6, 0.7]
    right = [True, True, False, True, True]
    assert _read_as_threshold(probabilities, right, cost=2.0) == 0.4
    assert _read_as_threshold([0.3], [False], cost=2.0) == 1.01
