"""Which words ask a measure of the whole borough or organisation (`overall.py`)."""

import pytest

from knowledge.understanding.overall import OverallMeasureWords, overall_asked, overall_measures
from knowledge.understanding.text import words

SAFETY = OverallMeasureWords(words="safe safer", after="is are how", within=3, not_between="made making feel")
MEASURES = overall_measures({"safety": SAFETY})


@pytest.mark.parametrize(
    ("typed", "asked"),
    [
        ("are women safer", True),
        ("is the whole borough safer", True),  # three words between: within
        ("is the whole of the borough safer", False),  # too far back to be what is asked
        ("are homes being made safer", False),  # something done, not asked
        ("making it safer", False),
        ("safer streets", False),  # nothing before it asks
        ("how safe", True),
    ],
)
def test_a_measure_is_asked_only_by_the_words_before_it(typed, asked):
    assert bool(overall_asked(MEASURES, words(typed))) is asked
