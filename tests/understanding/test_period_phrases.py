"""The time grammar's ways of naming a period beyond a year or a quarter's code: the twelve
months to a month, runs of months, quarters in words, a month with a two-digit year, and the
spans named relative to now (last quarter, last financial year, this financial year, a year
so far, since the start of the year, over the past year). Each is read on cleaned text."""

import pytest

from knowledge.understanding.text import clean
from knowledge.understanding.when import YEAR_BEFORE, read_times
from knowledge.understanding.years import full_years


def period_read(text: str) -> tuple[str | None, str]:
    """The period asked for, by its code, and the words left."""
    said = read_times(clean(text))
    return (said.period.code if said.period else None), " ".join(said.rest.split())


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("burglary in the 12 months to June 2021", "R12-2021-06"),
        ("burglary year to June 2021", "R12-2021-06"),
        ("burglary for the twelve months ending September 2019", "R12-2019-09"),
        ("burglary rolling year to may 2020", "R12-2020-05"),
        ("robbery year ending December 2018", "2018"),  # a calendar year
        ("robbery 12 months to March 2019", "FY2018-19"),  # a financial year
    ],
)
def test_the_twelve_months_to_a_month(text, code):
    assert period_read(text)[0] == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("burglary jul-sep 2019", "2019-Q3"),
        ("burglary July to September 2019", "2019-Q3"),
        ("burglary July through September 2019", "2019-Q3"),
        ("burglary between July and September 2019", "2019-Q3"),
        ("burglary jan-mar 2021", "2021-Q1"),
        ("burglary May to June 2019", "2019-05..2019-06"),
        ("burglary jan-jun 2019", "YTD2019-06"),
    ],
)
def test_a_run_of_months_and_a_whole_quarter(text, code):
    assert period_read(text) == (code, "burglary")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("burglary first half of 2023", "YTD2023-06"),
        ("burglary in the second half of 2022", "2022-07..2022-12"),
        ("burglary H2 2022", "2022-07..2022-12"),
        ("burglary 2023 h1", "YTD2023-06"),
    ],
)
def test_half_a_year(text, code):
    period, rest = period_read(text)
    assert period == code and "half" not in rest and rest.startswith("burglary")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("burglary the last 3 months of 2022", "2022-Q4"),
        ("burglary the first 3 months of 2023", "2023-Q1"),
        ("burglary first five months of 2023", "YTD2023-05"),
        ("burglary the last two months of 2022", "2022-11..2022-12"),
        ("burglary the first half of the 2022/23 financial year", "2022-04..2022-09"),
        ("burglary the second half of 2022/23", "2022-10..2023-03"),
        ("burglary the first 3 months of fy 2022-23", "2022-Q2"),
    ],
)
def test_the_first_or_last_months_of_a_year_or_a_financial_year(text, code):
    assert period_read(text) == (code, "burglary")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("burglary the second 3 months of 2022", "2022"),  # no part of a year: the year alone
        ("burglary the last 3 months", None),  # a span before today, read as before
        ("burglary 2022/23", "FY2022-23"),
    ],
)
def test_what_is_no_part_of_a_year_is_read_as_before(text, code):
    assert period_read(text)[0] == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("burglary first quarter of 2021", "2021-Q1"),
        ("burglary in the second quarter of 2021", "2021-Q2"),
        ("burglary third quarter 2021", "2021-Q3"),
        ("burglary the fourth quarter of 2021", "2021-Q4"),
        ("burglary the last quarter of 2021", "2021-Q4"),
        ("burglary Q1 2021", "2021-Q1"),
        ("burglary Q1 of 2021", "2021-Q1"),
        ("burglary quarter 1 2021", "2021-Q1"),
        ("burglary q1 2019/20", "2019-Q2"),  # a financial year's first quarter, not the year
        ("burglary the first quarter of 2019/20", "2019-Q2"),
    ],
)
def test_quarters_in_words(text, code):
    assert period_read(text)[0] == code
    assert "quarter" not in period_read(text)[1]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("burglary mar 20", "2020-03"),
        ("burglary march '20", "2020-03"),
        ("burglary in Sep-19", "2019-09"),
        ("burglary mar 20?", "2020-03"),
    ],
)
def test_a_month_with_a_two_digit_year(text, code):
    assert period_read(text)[0] == code


def test_two_months_with_two_digit_years_compared():
    said = read_times(clean("burglary mar 20 vs mar 19"))
    assert (said.period.code, said.comparison.baseline.code) == ("2020-03", "2019-03")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("in march 20 burglaries were recorded", "20 burglaries"),  # a count, not a year
        ("did robbery go up by 24", "by 24"),  # how much it moved
        ("was it 17 robberies", "17"),
    ],
)
def test_a_number_that_counts_is_no_year(text, kept):
    assert kept in full_years(clean(text))
    assert read_times(clean(text)).period is None


@pytest.mark.parametrize(
    ("text", "kind", "year"),
    [
        ("burglary last quarter", "last_quarter", None),
        ("burglary in the previous quarter", "last_quarter", None),
        ("burglary the latest full quarter", "last_quarter", None),
        ("burglary last financial year", "last_fy", None),
        ("burglary previous financial year", "last_fy", None),
        ("burglary in the last fiscal year", "last_fy", None),
        ("burglary this financial year", "fytd", None),
        ("burglary financial year to date", "fytd", None),
        ("burglary in the current financial year", "fytd", None),
        ("burglary this fy to date", "fytd", None),
        ("burglary fy so far", "fytd", None),
        ("burglary last month", "last_month", None),
        ("burglary so far in 2023", "ytd", 2023),
        ("burglary 2023 so far", "ytd", 2023),
        ("burglary year to date 2023", "ytd", 2023),
        ("burglary since the start of 2023", "ytd", 2023),
        ("burglary since the start of the year", "ytd", None),
        ("burglary since the beginning of this year", "ytd", None),
        ("burglary since January", "ytd", None),
        ("burglary in the last 6 months", "last_months", None),
        ("burglary in the past three months", "last_months", None),
        ("burglary this month so far", "this_month", None),
        ("burglary this quarter", "this_quarter", None),
        ("burglary Q2 this year", "quarter_this_year", None),
        ("burglary q1 last year", "quarter_last_year", None),
    ],
)
def test_spans_named_relative_to_now_leave_no_words(text, kind, year):
    """Their words ("financial", "quarter", "start") are no topic: they go with the span."""
    said = read_times(clean(text))
    assert (said.span.kind, said.span.year, said.period) == (kind, year, None)
    assert said.rest.split() in (["burglary"], ["burglary", "in"])
    assert said.finer is None  # a span names its months: no "these are for whole years"


def test_a_span_is_not_read_inside_a_period():
    said = read_times(clean("burglary the last quarter of 2021"))
    assert (said.span, said.period.code) == (None, "2021-Q4")
    said = read_times(clean("burglary since January 2019"))
    assert said.span is None or said.span.kind != "ytd"


@pytest.mark.parametrize("text", ["burglary over the past year", "burglary over the last year"])
def test_over_the_past_year_is_the_rolling_year_against_the_one_before(text):
    said = read_times(clean(text))
    assert (said.span.kind, said.comparison, said.period) == ("rolling", YEAR_BEFORE, None)


@pytest.mark.parametrize("text", ["burglary in the past year", "burglary in the last 12 months"])
def test_the_past_year_is_the_rolling_year(text):
    assert read_times(clean(text)).span.kind == "rolling"


def test_last_year_alone_is_still_the_year_before():
    said = read_times(clean("burglary last year"))
    assert (said.span, said.period) == (None, None)
    assert "last year" in said.rest  # the vocabulary's "previous"


def test_a_span_set_against_the_same_quarter_last_year():
    said = read_times(clean("burglary last quarter vs the same quarter last year"))
    assert (said.span.kind, said.comparison) == ("last_quarter", YEAR_BEFORE)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("theft oct 2016 to mar 2017", "2016-10..2017-03"),
        ("burglary nov 2018-feb 2019", "2018-11..2019-02"),
        ("theft from Oct 2016 to Mar 2017", "2016-10..2017-03"),
        ("burglary between jan 2019 and jun 2019", "YTD2019-06"),
    ],
)
def test_two_months_each_with_its_year_joined_as_a_run_are_the_run(text, code):
    """Not March 2017 set against October 2016."""
    said = read_times(clean(text))
    assert (said.period.code, said.comparison) == (code, None)
    assert period_read(text)[1] in ("theft", "burglary")


@pytest.mark.parametrize(
    ("text", "code", "against"),
    [("burglary march 2019 vs march 2020", "2020-03", "2019-03"), ("burglary 2017 to 2018", "2018", "2017")],
)
def test_two_periods_set_against_each_other_stay_a_comparison(text, code, against):
    said = read_times(clean(text))
    assert (said.period.code, said.comparison.baseline.code) == (code, against)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("theft in summer 2022", "2022-06..2022-08"),
        ("muggings over the summer of 2019", "2019-06..2019-08"),
        ("vehicle crime winter 2017/18", "2017-12..2018-02"),
        ("vehicle crime in winter 2017", "2017-12..2018-02"),
        ("burglary spring 2020", "2020-03..2020-05"),
        ("burglary autumn 2021", "2021-09..2021-11"),
        ("break ins over xmas 2022", "2022-12"),
        ("robbery christmas 2019", "2019-12"),
    ],
)
def test_a_season_of_a_year_is_its_months(text, code):
    assert period_read(text)[0] == code
    seasons = {"summer", "winter", "spring", "autumn", "xmas", "christmas"}
    assert not seasons & set(period_read(text)[1].split())


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("street robberies in summer 2019, jun to aug", "street robberies in ,"),
        ("vehicle crime in winter 2017/18 (dec to feb)", "vehicle crime in ( )"),
        ("burglary in Q2 2021, apr-jun", "burglary in ,"),
    ],
)
def test_the_months_of_the_period_said_again_are_its_words(text, rest):
    assert period_read(text)[1] == rest


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("vehicle offences for the 2019/20 financial year", "FY2019-20"),
        ("thefts in the financial year 2016/17", "FY2016-17"),
        ("drug offences financial year 2019-20", "FY2019-20"),
    ],
)
def test_the_words_financial_year_beside_one_named_are_its_words(text, code):
    code_read, rest = period_read(text)
    assert code_read == code
    assert "financial" not in rest and "year" not in rest


@pytest.mark.parametrize(
    ("text", "kind"), [("drugs last financial yr", "last_fy"), ("theft this financial yr", "fytd")]
)
def test_year_written_yr_in_a_financial_year_span(text, kind):
    said = read_times(clean(text))
    assert said.span is not None and said.span.kind == kind


def test_year_written_yr_in_a_comparison():
    said = read_times(clean("public order offences last yr vs the year before"))
    assert said.comparison is not None and said.time == "compare"
    assert "yr" not in said.rest.split()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("rolling 12 month sexual offences to march 2022", "R12-2022-03"),
        ("vehicle offences ytd june 2022", "YTD2022-06"),
        ("drug offences fytd to dec 2021", "2021-04..2021-12"),
        ("burglary fytd to feb 2022", "2021-04..2022-02"),
        ("burglary in march 2022", "2022-03"),  # a month alone stays the month
    ],
)
def test_a_year_so_far_or_rolling_year_to_a_month_named_ends_with_it(text, code):
    assert period_read(text)[0] == code


@pytest.mark.parametrize(
    ("text", "span", "period"),
    [
        ("theft last month vs the month before", "last_month", None),
        ("theft last month compared with the previous month", "last_month", None),
        ("theft month on month", "last_month", None),
        ("theft quarter on quarter", "last_quarter", None),
        ("theft last quarter - up on the previous quarter?", "last_quarter", None),
        ("theft q2 2023 vs the quarter before", None, "2023-Q2"),
    ],
)
def test_the_period_just_before_is_what_is_compared_with(text, span, period):
    """Not the same months a year before ("vs last year"), nor the month asked for: "the
    previous month" after "vs" is what the figure is set against."""
    said = read_times(clean(text))
    assert said.comparison.just_before and said.comparison.baseline is None
    assert (said.span.kind if said.span else None, said.period.code if said.period else None) == (
        span,
        period,
    )
    assert "month" not in said.rest and "quarter" not in said.rest


@pytest.mark.parametrize("text", ["theft in the previous month", "theft month by month", "theft last month"])
def test_a_month_alone_is_no_comparison_with_the_one_before(text):
    assert not (read_times(clean(text)).comparison or YEAR_BEFORE).just_before


def test_a_month_named_without_a_year_set_against_another():
    said = read_times(clean("theft September compared with August"))
    assert (said.span.kind, said.span.month, said.comparison.month) == ("month", 9, 8)
    again = read_times(clean("theft in sept vs sept last year"))
    assert (again.span.month, again.comparison) == (9, YEAR_BEFORE)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("burglary year to date to june 2022", "YTD2022-06"),
        ("burglary ytd to 30 june 2022", "YTD2022-06"),
        ("burglary calendar year to date until june 2022", "YTD2022-06"),
        ("burglary financial year to date to june 2022", "2022-Q2"),
        ("burglary fytd to march 2022", "FY2021-22"),
    ],
)
def test_the_year_so_far_to_a_month_is_one_period_not_a_comparison(text, code):
    said = read_times(clean(text))
    assert (said.period.code, said.comparison) == (code, None)
    assert " ".join(said.rest.split()) == "burglary"


def test_the_year_so_far_to_a_month_with_no_year_is_a_span():
    said = read_times(clean("burglary fytd to june"))
    assert (said.period, said.span.kind, said.span.month, said.comparison) == (None, "fytd", 6, None)
