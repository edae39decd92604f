"""Which words split a count by how often (`thresholds.py`)."""

import pytest

from knowledge.understanding.thresholds import threshold_asked


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("callers who rang more than 10 times", True),
        ("victims targeted 3 or more times", True),
        ("people calling 5+ times", True),
        ("rang at least 2 times", True),
        ("rang more than once", False),  # a repeat caller
        ("under 18s", False),
        ("knife crime 3 times higher", False),
    ],
)
def test_a_threshold_on_how_often_is_read(text, asked):
    assert bool(threshold_asked(text)) is asked
