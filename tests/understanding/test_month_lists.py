"""Months named one by one are the run of months they name (issue #16): "july & august 2012"
gave August alone, as if it answered."""

import pytest

from knowledge.understanding.month_lists import months_as_a_run


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("theft in july & august 2012", "theft in july to august 2012"),
        ("drug offences in june, july and august 2023", "drug offences in june to august 2023"),
        ("drug offences in june july and august 2023", "drug offences in june to august 2023"),
        ("burglary in dec and jan", "burglary in dec to jan"),  # across the year's end
        ("burglary in june and september 2023", "burglary in june and september 2023"),  # a gap
        ("knife crime and robbery in may", "knife crime and robbery in may"),
    ],
)
def test_months_that_follow_one_another_are_a_run(text, read):
    assert months_as_a_run(text) == read


def test_a_run_of_listed_months_is_read_as_one_period(knowledge):
    _, reader = knowledge.current()
    query = reader.read("theft in july & august 2012")
    assert query.period is not None and query.period.label == "Jul-Aug 2012"
