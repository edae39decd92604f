"""The time grammar: periods, years written short or in words, months or quarters named
with no year, and comparisons. Each function is given cleaned (lower-case) text."""

import pytest

from knowledge.understanding import when
from knowledge.understanding.when import YEAR_BEFORE, find_period, finer_period, full_years, read_times


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


def reading(text: str) -> tuple[str | None, str | None, str | None, str]:
    """What `read_times` reads, in short: the period asked for, what it is compared with, the
    time the grammar says, and the words left."""
    said = read_times(text)
    compared = None
    if said.comparison is not None:
        compared = said.comparison.baseline.code if said.comparison.baseline else "the year before"
    return (said.period.code if said.period else None, compared, said.time, " ".join(said.rest.split()))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two sides set against each other: the later is asked for, against the earlier
        ("knife crime 2018 vs 2017", ("2018", "2017", "compare", "knife crime")),
        ("knife crime 2017 vs 2018", ("2018", "2017", "compare", "knife crime")),
        ("knife crime 2018 v 2017", ("2018", "2017", "compare", "knife crime")),
        ("hate crime 2017 versus 2018", ("2018", "2017", "compare", "hate crime")),
        ("robbery 2017 to 2018", ("2018", "2017", "compare", "robbery")),
        ("robbery from 2017 to 2018", ("2018", "2017", "compare", "robbery")),
        ("robbery between 2017 and 2018", ("2018", "2017", "compare", "robbery")),
        ("burglary 2018 compared to 2017", ("2018", "2017", "compare", "burglary")),
        (
            "how does 2018 compare with 2017 for burglary",
            ("2018", "2017", "compare", "how does for burglary"),
        ),
        ("burglary 17 vs 18", ("2018", "2017", "compare", "burglary")),
        ("knife crime 2018/19 vs 2017/18", ("FY2018-19", "FY2017-18", "compare", "knife crime")),
        ("knife crime 18/19 vs 17/18", ("FY2018-19", "FY2017-18", "compare", "knife crime")),
        # "now" against "the year before", either way round
        ("hate crime this year vs last", (None, "the year before", "compare", "hate crime")),
        ("knife crime last year compared to this", (None, "the year before", "compare", "knife crime")),
        ("burglary last year vs this year", (None, "the year before", "compare", "burglary")),
        ("robbery now and a year ago", (None, "the year before", "compare", "robbery")),
        # "now" against a period, and a period against the year before it
        ("robbery this year compared with 2017", (None, "2017", "compare", "robbery")),
        ("robbery the past 12 months compared to 2017", (None, "2017", "compare", "robbery")),
        ("knife crime 2018 compared to last year", ("2018", "the year before", "compare", "knife crime")),
        # "last year" asked for is a time word, left for the vocabulary; "vs 2016" is read
        ("last year vs 2016 robbery", (None, "2016", "compare", "last year robbery")),
    ],
)
def test_two_sides(text, expected):
    assert reading(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("is robbery higher than the year before", (None, "the year before", "compare", "is robbery higher")),
        ("robbery higher than last year", (None, "the year before", "compare", "robbery higher")),
        ("are there fewer burglaries than in 2017", (None, "2017", "compare", "are there fewer burglaries")),
        ("burglary compared to 2017", (None, "2017", "compare", "burglary")),
        ("burglary compared with 2017", (None, "2017", "compare", "burglary")),
        ("what got better compared with 2017", (None, "2017", "compare", "what got better")),
        ("robbery vs 2017", (None, "2017", "compare", "robbery")),
        ("robbery versus last year", (None, "the year before", "compare", "robbery")),
        ("robbery vs last", (None, "the year before", "compare", "robbery")),
        ("robbery against 2017", (None, "2017", "compare", "robbery")),
        ("robbery relative to 2017", (None, "2017", "compare", "robbery")),
        ("robbery in comparison with 2017", (None, "2017", "compare", "robbery")),
        ("robbery since 2017", (None, "2017", "compare", "robbery")),
        (
            "has burglary gone up since last year",
            (None, "the year before", "compare", "has burglary gone up"),
        ),
        ("asb calls vs the same period last year", (None, "the year before", "compare", "asb calls")),
        ("knife crime compared to the previous year", (None, "the year before", "compare", "knife crime")),
        ("knife crime compared with a year ago", (None, "the year before", "compare", "knife crime")),
        (
            "the latest robbery figure against the previous one",
            (None, "the year before", "compare", "the latest robbery figure"),
        ),
        (
            "is domestic abuse worse than it was last year",
            (None, "the year before", "compare", "is domestic abuse worse"),
        ),
        (
            "were there fewer robberies than there were in 2017",
            (None, "2017", "compare", "were there fewer robberies"),
        ),
        ("is robbery higher than before", (None, "the year before", "compare", "is robbery higher")),
        ("asb calls compared to previously?", (None, "the year before", "compare", "asb calls ?")),
        ("is asb better than 12 months ago", (None, "the year before", "compare", "is asb better")),
        (
            "how is burglary tracking against last year",
            (None, "the year before", "compare", "how is burglary"),
        ),
        ("how does robbery stack up against 2017", (None, "2017", "compare", "how does robbery")),
        # a period named apart from the comparison is the one asked for
        ("2018 robbery vs 2017", ("2018", "2017", "compare", "robbery")),
    ],
)
def test_set_against(text, expected):
    assert reading(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("robbery up on last year", (None, "the year before", "compare", "robbery up")),
        ("knife crime down from 2017", (None, "2017", "compare", "knife crime down")),
        ("the change from 2017 in burglary", (None, "2017", "compare", "the change in burglary")),
    ],
)
def test_moved_on_or_from(text, expected):
    assert reading(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("compare knife crime with 2017", (None, "2017", "compare", "compare knife crime")),
        (
            "can you compare asb calls to the previous year",
            (None, "the year before", "compare", "can you compare asb calls"),
        ),
        ("compare 2018 with 2017 for burglary", ("2018", "2017", "compare", "compare for burglary")),
        # a sentence of its own is another thing
        ("compare the rrt. meet with 2017 staff", ("2017", None, None, "compare the rrt. meet with staff")),
    ],
)
def test_compare_a_topic_with(text, expected):
    assert reading(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("robbery over the last year", (None, "the year before", "compare", "robbery")),
        ("robbery over the past 12 months", (None, "the year before", "compare", "robbery")),
        (
            "an increase in burglary over last year",
            (None, "the year before", "compare", "an increase in burglary"),
        ),
    ],
)
def test_over_the_year(text, expected):
    assert reading(text) == expected


@pytest.mark.parametrize(
    "text", ["knife crime year on year", "knife crime year over year", "knife crime yoy"]
)
def test_year_on_year(text):
    assert reading(text) == (None, "the year before", "compare", "knife crime")


@pytest.mark.parametrize(
    "text",
    [
        "burglary in the last year",
        "burglary in the past 12 months",
        "burglary the last twelve months",
        "burglary past year",
        "burglary rolling 12 month",
        "burglary a rolling year",
        "burglary last 12-month",
    ],
)
def test_the_last_twelve_months_are_the_latest(text):
    """Not last year's figure, as "last year" alone is."""
    assert reading(text) == (None, None, "latest", "burglary")


@pytest.mark.parametrize(
    "text",
    [
        "is robbery up or down",
        "has it gone up",
        "robbery going down?",
        "burglary better or worse",
        "is asb getting worse",
        "knife crime higher or lower",
    ],
)
def test_which_way_asks_for_the_year_before(text):
    """The words stay in the text: they are the direction intents too."""
    said = read_times(text)
    assert (said.comparison, said.time, said.rest) == (YEAR_BEFORE, None, text)


def test_two_periods_named_apart_compare_the_later_with_the_earlier():
    assert reading("2017 knife crime, 2018?") == ("2018", "2017", "compare", "knife crime, ?")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time word alone is left for the vocabulary to read
        ("burglary last year", (None, None, None, "burglary last year")),
        ("robbery the year before", (None, None, None, "robbery the year before")),
        ("knife crime this year", (None, None, None, "knife crime this year")),
        ("knife crime 2017", ("2017", None, None, "knife crime")),
        # "from" and "on" compare only after a word of change
        ("robbery figures from 2017", ("2017", None, None, "robbery figures from")),
        ("the report on 2017", ("2017", None, None, "the report on")),
        # "last" before a quarter, a month or a count of years is not the year before
        ("robbery vs last quarter", (None, None, "latest", "robbery vs")),  # a span, the quarter before today
        ("robbery vs last two years", (None, None, None, "robbery vs last two years")),
        # "before" a period is no comparison
        ("knife crime since before 2017", ("2017", None, None, "knife crime since before")),
        # two things set against each other, not two times: the vocabulary reads "vs"
        ("knife crime vs robbery", (None, None, None, "knife crime vs robbery")),
        ("violence against women and girls", (None, None, None, "violence against women and girls")),
        ("what's coming up in 2019/20", ("FY2019-20", None, None, "what's coming up in")),
        ("rrt for 18 to 24", (None, None, None, "rrt for 18 to 24")),
    ],
)
def test_no_comparison(text, expected):
    assert reading(text) == expected


def test_a_comparison_keeps_the_words_of_its_baseline():
    """They make an entry that names the period a closer match, as a period asked for does."""
    assert read_times("burglary compared to 2017/18").comparison.text == "2017/18"


@pytest.mark.parametrize(
    "typed, read",
    [
        ("burglary in janaury 2019", "2019-01"),
        ("asb calls in febuary 2022", "2022-02"),
        ("theft in septmber 2022", "2022-09"),
        ("drug offences in apirl 2020", "2020-04"),
        ("public order octber 2021", "2021-10"),
    ],
)
def test_a_slip_in_a_months_name_before_a_year_is_read_as_the_month(typed, read):
    assert when.read_times(typed).period.code == read


def test_a_word_before_a_year_that_is_no_month_is_left_alone():
    assert when.months_spelt_right("robbery figures 2018") == "robbery figures 2018"
    assert when.months_spelt_right("knife crime total 2018") == "knife crime total 2018"


@pytest.mark.parametrize("text", ["knife crime this year", "hate crime 2018", "burglary in march 2020"])
def test_a_question_with_no_word_of_a_comparison_compiles_no_comparison_rule(text):
    """Start-up: the comparison rules are compiled on first use, and a question holding no
    word any of them needs (most questions) compiles none of them."""
    from knowledge.understanding import when

    when._compiled.cache_clear()
    assert when.read_times(text).comparison is None
    compiled = when._compiled.cache_info().currsize
    needed = [rule.name for rule in when._RULES if rule.may_match(text)]
    assert compiled == len(needed) and "two sides" not in needed and "set against" not in needed


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("knife crime 2018 vs 2017", "two sides"),
        ("burglary since 2017", "set against"),
        ("compare knife crime with 2017", "compare a topic with"),
        ("robbery up on last year", "moved on or from"),
        ("hate crime over the last year", "over the year"),
        ("knife crime yoy", "year on year"),
        ("robbery in the last 12 months", "recent"),
    ],
)
def test_each_comparison_rule_is_tried_when_its_words_are_there(text, rule):
    from knowledge.understanding import when

    [matched] = [r for r in when._RULES if r.name == rule]
    assert matched.may_match(text) and matched.pattern().search(text)


@pytest.mark.parametrize(
    "text",
    [
        "theft in the 2016/17 financial year",
        "theft financial year 2016-17",
        "theft in the financial year 2016/17",
        "theft fiscal yr 2016/17",
    ],
)
def test_the_words_saying_a_financial_year_go_with_it(text):
    period, compared, time, rest = reading(text)
    assert (period, compared, time) == ("FY2016-17", None, None)
    assert set(rest.split()) <= {"theft", "in", "the"}
