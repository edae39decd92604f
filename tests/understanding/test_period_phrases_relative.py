"""Periods whose year is said relative to now or written short: a quarter by its place in this
year or last, the twelve months to a month named without a year, a run of months with
two-digit years, and a run of months of this year or last. Each is read on cleaned text, as
the reader gives it (a list of months is a run by then)."""

import pytest

from knowledge.understanding.month_lists import months_as_a_run
from knowledge.understanding.reader import numbers_told
from knowledge.understanding.text import clean
from knowledge.understanding.when import YEAR_BEFORE, read_times
from tools.evaluation import months_of as months_of_code


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


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("weapon possession offences in the 12 months to September", 9),
        ("burglary the twelve months ending june", 6),
        ("burglary rolling 12 months to march", 3),
        ("burglary the last 12 months to sept", 9),
    ],
)
def test_the_twelve_months_to_a_month_named_without_a_year_is_a_span(text, month):
    said = read(text)
    assert (said.period, said.span.kind, said.span.month, said.comparison) == (None, "rolling", month, None)
    assert "months" not in words_left(text)


def test_the_twelve_months_to_a_month_with_its_year_is_still_a_period():
    said = read("burglary the 12 months to september 2023")
    assert (said.period.code, said.span) == ("R12-2023-09", None)


@pytest.mark.parametrize(
    "text",
    [
        "burglary dec 22 to feb 23",
        "burglary over last winter - Dec 22 to Feb 23",
        "burglary Dec '22 - Feb '23",
        "burglary Dec-22 to Feb-23",
        "burglary from december 22 to february 23",
    ],
)
def test_a_run_of_months_with_two_digit_years(text):
    assert read(text).period.code == "2022-12..2023-02"


@pytest.mark.parametrize(
    ("text", "code"),
    [("burglary nov 21 to jan 22", "2021-11..2022-01"), ("burglary jan 21 to mar 21", "2021-Q1")],
)
def test_a_run_of_months_with_two_digit_years_over_a_year_or_within_one(text, code):
    assert read(text).period.code == code


@pytest.mark.parametrize(
    "text",
    ["we had 22 burglaries", "burglary dec 22 to feb 21", "in march 20 to 25 burglaries a week"],
)
def test_a_number_that_is_no_year_of_a_run_is_left(text):
    assert read(text).period is None or read(text).period.kind.value != "months"


@pytest.mark.parametrize(
    ("text", "kind", "first", "last"),
    [
        ("burglary june to august this year", "months_this_year", 6, 8),
        ("how many drug offences in June, July and August this year", "months_this_year", 6, 8),
        ("burglary june, july and august last year", "months_last_year", 6, 8),
        ("burglary jun-aug of last year", "months_last_year", 6, 8),
        ("burglary in march this year", "months_this_year", 3, 3),
        ("burglary nov to feb this year", "months_this_year", 11, 2),
    ],
)
def test_a_run_of_months_of_this_year_or_last(text, kind, first, last):
    said = read(text)
    assert (said.span.kind, said.span.month, said.span.until, said.period) == (kind, first, last, None)
    assert said.span.names_a_period
    assert not {"this", "last", "year", "june", "august"} & set(said.rest.split())


def test_a_run_of_months_of_this_year_set_against_last_year():
    said = read("burglary june to august this year vs last year")
    assert (said.span.kind, said.comparison) == ("months_this_year", YEAR_BEFORE)


def test_a_month_set_against_the_same_month_last_year_is_still_a_comparison():
    said = read("burglary september vs september last year")
    assert (said.span.kind, said.span.month, said.comparison) == ("month", 9, YEAR_BEFORE)


@pytest.mark.parametrize(
    ("text", "told"),
    [("burglary nov '20", []), ("burglary Dec-22", []), ("we had 22 burglaries", ["22"])],
)
def test_a_year_written_short_is_no_figure_told(text, told):
    """ "burglary Nov '20 - Jan '21" breaks into two clauses at the dash: neither tells a figure."""
    assert numbers_told(text, frozenset()) == told


@pytest.mark.parametrize(
    "text",
    [
        "burglary dec 2022 until feb 2023",
        "burglary december 2022 through february 2023",
        "burglary dec 22 thru feb 23",
        "burglary from dec 2022 till feb 2023",
        "burglary dec 2022 up to feb 2023",
    ],
)
def test_a_run_of_months_until_another_is_the_run(text):
    """Read as the last month alone, before: a sure figure for a month not asked."""
    said = read(text)
    assert (said.period.code, said.comparison) == ("2022-12..2023-02", None)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("violence against the person up to june 2023", "YTD2023-06"),
        ("robbery until the end of march 2022", "YTD2022-03"),
        ("burglary up until 30th june 2023", "YTD2023-06"),
    ],
)
def test_a_month_said_as_where_a_run_ends_is_the_year_so_far_to_it(text, code):
    assert months_of_code(read(text).period.code) == months_of_code(code)  # January to March is Q1


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("burglary the 12 months up to june 2023", "R12-2023-06"),
        ("burglary ytd up to june 2023", "YTD2023-06"),
        ("burglary jan 2023 up to june 2023", "2023-01..2023-06"),
    ],
)
def test_a_month_ending_a_run_whose_start_is_said_is_read_by_the_run(text, code):
    assert months_of_code(read(text).period.code) == months_of_code(code)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("theft in q2", 4, 6),
        ("theft quarter 3", 7, 9),
        ("theft in the first quarter", 1, 3),
        ("theft qtr4", 10, 12),
    ],
)
def test_a_quarter_without_a_year_is_its_run_of_months(text, first, last):
    span = read(text).span
    assert (span.kind, span.month, span.until) == ("months", first, last)


@pytest.mark.parametrize(
    "text", ["theft q2 2023", "theft q2 of 2022/23", "theft q3 this year", "theft last quarter"]
)
def test_a_quarter_with_its_year_is_read_by_the_rules_for_it(text):
    said = read(text)
    assert said.span is None or said.span.kind != "months"
