"""Periods whose year is said relative to now or written short: a quarter by its place in this
year or last. Each is read on cleaned text, as the reader gives it (a list of months is a run
by then)."""

import pytest

from knowledge.understanding.month_lists import months_as_a_run
from knowledge.understanding.text import clean
from knowledge.understanding.when import read_times


def read(text: str):
    return read_times(months_as_a_run(clean(text)))


def words_left(text: str) -> list[str]:
    return [w for w in read(text).rest.split() if w != "in"]


@pytest.mark.parametrize(
    ("text", "kind", "quarter"),
    [
        ("burglary in the first quarter of this year", "quarter_this_year", 1),
        ("burglary the 3rd quarter of the current year", "quarter_this_year", 3),
        ("burglary Q3 of this year", "quarter_this_year", 3),
        ("burglary quarter 2 this year", "quarter_this_year", 2),
        ("burglary second quarter of last year", "quarter_last_year", 2),
        ("burglary the final quarter of last year", "quarter_last_year", 4),
    ],
)
def test_a_quarter_by_its_place_in_this_year_or_last(text, kind, quarter):
    said = read(text)
    assert (said.span.kind, said.span.month, said.period) == (kind, quarter, None)
    assert words_left(text) == ["burglary"]


def test_the_last_quarter_alone_is_still_the_latest_whole_quarter():
    assert read("burglary last quarter").span.kind == "last_quarter"
