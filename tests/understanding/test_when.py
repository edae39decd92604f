"""The time grammar: periods, years written short or in words, and months or quarters
named with no year. Each function is given cleaned (lower-case) text."""

import pytest

from knowledge.understanding.when import find_period, finer_period, full_years


@pytest.mark.parametrize(
    ("text", "code", "label", "said", "rest"),
    [
        # financial years, however written
        ("knife crime 2018/19", "FY2018-19", "Apr 2018-Mar 2019", "2018/19", "knife crime  "),
        ("knife crime 18/19", "FY2018-19", "Apr 2018-Mar 2019", "18/19", "knife crime  "),
        ("knife crime fy2018-19", "FY2018-19", "Apr 2018-Mar 2019", "fy2018-19", "knife crime  "),
        ("knife crime 2018-19", "FY2018-19", "Apr 2018-Mar 2019", "2018-19", "knife crime  "),
        ("fy18/19 robbery", "FY2018-19", "Apr 2018-Mar 2019", "fy18/19", "  robbery"),
        ("robbery 2019/20", "FY2019-20", "Apr 2019-Mar 2020", "2019/20", "robbery  "),
        # quarters
        ("robbery q4 2018", "2018-Q4", "Oct-Dec 2018", "q4 2018", "robbery  "),
        ("robbery 2018-q4", "2018-Q4", "Oct-Dec 2018", "2018-q4", "robbery  "),
        ("robbery q1 2019", "2019-Q1", "Jan-Mar 2019", "q1 2019", "robbery  "),
        # calendar years and months
        ("robbery jan-dec 2018", "2018", "Jan-Dec 2018", "jan-dec 2018", "robbery  "),
        ("burglary nov 2018", "2018-11", "Nov 2018", "nov 2018", "burglary  "),
        ("burglary november 2018", "2018-11", "Nov 2018", "november 2018", "burglary  "),
        ("burglary 2018", "2018", "Jan-Dec 2018", "2018", "burglary  "),
        ("2017 burglary", "2017", "Jan-Dec 2017", "2017", "  burglary"),
    ],
)
def test_find_period(text, code, label, said, rest):
    period, period_text, left = find_period(text)
    assert (period.code, period.label, period_text, left) == (code, label, said, rest)


@pytest.mark.parametrize(
    "text",
    [
        "knife crime",
        "victims aged 18-24",  # an age range, not 2018/24
        "rrt for 18 to 24",
        "knife crime 2019/21",  # not a financial year: its years are not consecutive
        "1999",  # outside the years read
        "case 12018",  # a longer number holding a year
    ],
)
def test_find_period_finds_none(text):
    assert find_period(text) == (None, None, text)


def test_find_period_takes_the_first_of_two():
    period, said, rest = find_period("burglary 2017 vs 2018")
    assert (period.code, said) == ("2017", "2017")
    again, said_again, _ = find_period(rest)
    assert (again.code, said_again) == ("2018", "2018")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # clipped years
        ("knife crime '18", "knife crime 2018"),
        ("knife crime ‘17?", "knife crime 2017?"),
        ("robbery in ’19 and '20", "robbery in 2019 and 2020"),
        ("o'18 robbery", "o'18 robbery"),  # an apostrophe inside a word is no clipped year
        # years in words
        ("knife crime twenty eighteen", "knife crime 2018"),
        ("two thousand and seventeen", "2017"),
        ("two thousand nineteen robbery", "2019 robbery"),
        # the year ending a month
        ("the year ending december 2018", "2018"),
        ("year ended dec 2017", "2017"),
        ("the year to march 2019", "2018/19"),
        ("12 months to mar 2019", "2018/19"),
        ("twelve months up to march 2020", "2019/20"),
        # two short years compared, consecutive only
        ("17 vs 18", "2017 vs 2018"),
        ("17 versus 18", "2017 versus 2018"),
        ("knife crime 18 compared with 19", "knife crime 2018 compared with 2019"),
        # a trailing two-digit year after a word
        ("syv 17", "syv 2017"),
        ("robbery 17", "robbery 2017"),
        ("knife crime 18?", "knife crime 2018?"),
        # not years: ages and counts
        ("victims under 18", "victims under 18"),
        ("rrt for 18 to 24", "rrt for 18 to 24"),
        ("aged 18", "aged 18"),
        ("young people over 16", "young people over 16"),
        ("top 10", "top 10"),
        ("knife crime 18 and robbery", "knife crime 18 and robbery"),  # not at the end
        # year spans
        ("2018-21", "2018-2021"),
        ("plan 2019-22", "plan 2019-2022"),
        ("2018-19", "2018-19"),  # a financial year stays as it is
        ("2018/21", "2018/21"),
        # nothing to do
        ("knife crime", "knife crime"),
        ("knife crime 2018", "knife crime 2018"),
    ],
)
def test_full_years(text, expected):
    assert full_years(text) == expected


@pytest.mark.parametrize(
    ("text", "finer", "said", "rest"),
    [
        ("knife crime q4", "quarterly", "q4", "knife crime  "),
        ("knife crime this quarter", "quarterly", "this quarter", "knife crime  "),
        ("quarterly figures", "quarterly", "quarterly", "  figures"),
        ("burglary by quarter", "quarterly", "by quarter", "burglary  "),
        ("burglary in december", "monthly", "december", "burglary in  "),
        ("robbery last month", "monthly", "last month", "robbery  "),
        ("robbery month by month", "monthly", "month by month", "robbery  "),
        ("robbery monthly", "monthly", "monthly", "robbery  "),
        ("asb in sept", "monthly", "sept", "asb in  "),
    ],
)
def test_finer_period(text, finer, said, rest):
    assert finer_period(text) == (finer, said, rest)


@pytest.mark.parametrize(
    "text",
    [
        "knife crime",
        "knife crime in may",  # "may" and "march" are everyday words
        "the march against violence",
        "knife crime 2018",
        "quartermaster",
    ],
)
def test_finer_period_finds_none(text):
    assert finer_period(text) == (None, "", text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("knife crime '18", "2018"),
        ("knife crime twenty eighteen", "2018"),
        ("the year to march 2019", "FY2018-19"),
        ("the year ending december 2018", "2018"),
        ("syv 17", "2017"),
    ],
)
def test_full_years_then_find_period(text, code):
    """The reader runs the two together: years written short become periods."""
    period, _, _ = find_period(full_years(text))
    assert period.code == code


@pytest.mark.parametrize("text", ["victims under 18", "rrt for 18 to 24"])
def test_ages_never_become_periods(text):
    assert find_period(full_years(text))[0] is None
