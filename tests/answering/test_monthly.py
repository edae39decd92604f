"""Answers over a monthly series: the headline period, sums of whole periods, spans of months
named relative to now, and periods not held."""

from datetime import date

import pytest

from knowledge.answering import open_knowledge
from knowledge.domain.periods import Period
from knowledge.render.text import render_text
from knowledge.store import Store

TODAY = date(2020, 4, 15)


def burglaries(year: int, month: int) -> int:
    """A made-up monthly count, different for every month, so each sum is checkable."""
    return 200 + (year - 2018) * 12 + month


MONTHS = [(y, m) for y in (2018, 2019, 2020) for m in range(1, 13) if (y, m) <= (2020, 3)]


def total(months) -> int:
    return sum(burglaries(y, m) for y, m in months)


@pytest.fixture(scope="module")
def monthly(tmp_path_factory, data_dir):
    path = tmp_path_factory.mktemp("monthly") / "csp.db"
    store = Store(path, data_dir)
    with store.write_content() as db:
        from knowledge.store.figures import add_figure, figure_row

        for y, m in MONTHS:
            add_figure(
                db,
                figure_row("total-burglary", Period.month(y, m), burglaries(y, m), "now", "import", "import"),
            )
    store.close()
    return open_knowledge(path, data_dir, today=lambda: TODAY)


def shown(knowledge, question):
    answer = knowledge.ask(question)
    assert answer.key == "total-burglary", render_text(answer)
    view = answer.indicator
    return view.current.period.code, view.current.value, view


def test_a_calendar_year_not_recorded_is_the_sum_of_its_months(monthly):
    code, value, _ = shown(monthly, "burglary in 2019")
    assert (code, value) == ("2019", total([(2019, m) for m in range(1, 13)]))
    assert "Jan-Dec 2019" in render_text(monthly.ask("burglary in 2019"))


def test_a_year_recorded_for_itself_wins_over_its_months(monthly, knowledge):
    seed_2018 = knowledge.ask("burglary in 2018").indicator.current.value
    assert shown(monthly, "burglary in 2018")[:2] == ("2018", seed_2018)


def test_a_sum_of_months_is_compared_with_a_sum_of_months(monthly, knowledge):
    """2019's months against 2018's, not against the figure the partnership reported for 2018
    from an earlier vintage; the reported one is named, so neither looks like a mistake."""
    seed_2018 = knowledge.ask("burglary in 2018").indicator.current.value
    months_2018 = total([(2018, m) for m in range(1, 13)])
    assert seed_2018 != months_2018
    view = shown(monthly, "burglary in 2019")[2]
    assert (view.previous.period.code, view.previous.value) == ("2018", months_2018)
    assert view.previous_reported.value == seed_2018
    text = render_text(monthly.ask("burglary in 2019"))
    assert f"2018 was {months_2018:,}" in text
    assert "2018 here is the sum of its monthly figures" in text
    assert f"reported {seed_2018:,.0f} for 2018" in text


def test_a_recorded_year_is_still_compared_with_a_recorded_year(monthly, knowledge):
    view = shown(monthly, "burglary in 2018")[2]
    assert view.previous.value == knowledge.ask("burglary in 2017").indicator.current.value
    assert view.previous_reported is None
    assert "sum of its monthly figures" not in render_text(monthly.ask("burglary in 2018"))


def test_a_financial_year_is_april_to_march(monthly):
    months = [(2019, m) for m in range(4, 13)] + [(2020, m) for m in range(1, 4)]
    assert shown(monthly, "burglary 2019/20")[:2] == ("FY2019-20", total(months))


def test_the_headline_is_the_rolling_year_against_the_one_before(monthly):
    code, value, view = shown(monthly, "burglary")
    assert code == "R12-2020-03"
    assert value == total([(2019, m) for m in range(4, 13)] + [(2020, m) for m in range(1, 4)])
    assert view.previous.period.code == "R12-2019-03"


@pytest.mark.parametrize(
    "question, code",
    [
        ("burglary last month", "2020-03"),
        ("burglary so far this year", "YTD2020-03"),
        ("burglary ytd", "YTD2020-03"),
        ("burglary since January", "YTD2020-03"),  # January on: the year so far
        ("burglary in March", "2020-03"),
        ("burglary Q3 2019", "2019-Q3"),
        ("burglary March 2019", "2019-03"),
        ("burglary last year", "2019"),
        ("burglary over the last 12 months", "R12-2020-03"),
        ("burglary last quarter", "2020-Q1"),  # the whole quarter before today
        ("burglary last financial year", "FY2019-20"),  # the whole one before today's
        ("burglary this financial year", "2019-04..2020-03"),  # April to the latest month
        ("burglary so far in 2019", "2019"),  # a year gone: the whole of it
        ("burglary in the 12 months to June 2019", "R12-2019-06"),
        ("burglary jul-sep 2019", "2019-Q3"),
        ("burglary in Q3", "2019-Q3"),  # the latest third quarter held; the headline, before
        ("burglary in the fourth quarter", "2019-Q4"),
        ("burglary quarter 1", "2020-Q1"),
    ],
)
def test_each_phrase_means_one_period_said_in_the_answer(monthly, question, code):
    got, _, view = shown(monthly, question)
    assert got == code
    assert view.current.period.label in render_text(monthly.ask(question))


def test_a_period_not_held_is_said_with_the_months_held(monthly):
    answer = monthly.ask("burglary in 2009")
    assert not answer.matched and answer.period_not_held.code == "2009"
    text = render_text(answer, TODAY)
    assert text.startswith(
        "I hold no figure for total burglary in 2009\nI hold Jan-Dec 2017 and Jan 2018 to Mar 2020.\n"
    )
    # the choices: the headline figure, and the latest month
    assert [(s.title, s.question) for s in answer.suggestions] == [
        ("Total burglary in Apr 2019-Mar 2020", "Total burglary"),
        ("Total burglary in Mar 2020", "Total burglary Mar 2020"),
    ]


def test_last_month_not_yet_held_is_said_plainly(data_dir, monthly):
    later = open_knowledge(monthly.store.path, data_dir, today=lambda: date(2020, 6, 2))
    answer = later.ask("burglary last month")
    assert answer.period_not_held.code == "2020-05"
    assert render_text(answer).startswith("I hold no figure for total burglary in May 2020\n")


def test_a_monthly_value_typed_in_a_question_is_no_topic(monthly):
    """Monthly values are not words of the index: a value quoted is left out of the topic."""
    assert burglaries(2019, 3) == 215
    assert monthly.ask("we had 215 burglaries in March?").key == "total-burglary"
    assert monthly.ask("is 226 right for burglary").key == "total-burglary"
    _, reader = monthly.current()
    assert reader.read("we had 215 burglaries in March?").tokens == ["burglari"]


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("knife crime so far this year", "Jan-Mar 2020"),
        ("knife crime last year", "2019"),
        ("knife crime since January", "Jan-Mar 2020"),
        ("knife crime over the last 12 months", "Apr 2019-Mar 2020"),
    ],
)
def test_this_year_is_the_stores_year_for_an_indicator_held_by_the_year_too(monthly, question, asked):
    """Burglary's months reach March 2020: "this year" and "last year" are 2020's and 2019,
    which knife crime (2017 and 2018) does not hold. It says so, offering what it holds,
    rather than give 2018 for this year or 2017 for last year."""
    answer = monthly.ask(question)
    assert answer.title == f"I hold no figure for knife crime in {asked}", render_text(answer)
    assert "I hold Jan-Dec 2017 and Jan-Dec 2018." in render_text(answer)


def test_an_indicator_held_by_the_year_still_answers_with_its_latest_when_no_time_is_said(monthly):
    answer = monthly.ask("knife crime")
    assert answer.indicator.current.period.code == "2018"


def test_a_month_held_is_no_whole_year(monthly):
    """ "in December" is the December just gone, held: no note that figures are yearly."""
    answer = monthly.ask("burglary in December")
    assert answer.indicator.current.period.code == "2019-12"
    assert not any("whole years" in note for note in answer.notes)


@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("burglary jan to march", "2020-Q1"),
        ("burglary nov to feb", "2019-11..2020-02"),  # over the turn of the year
        ("burglary between april and june", "2019-Q2"),  # June 2020 is not held yet
        ("burglary from july to september", "2019-Q3"),
        ("burglary jul-sep", "2019-Q3"),
        ("burglaries oct through dec", "2019-Q4"),
    ],
)
def test_a_run_of_months_with_no_year_is_the_latest_such_run_held(monthly, question, code):
    """Not the rolling year in its place: that was a figure for a period nobody asked."""
    assert shown(monthly, question)[0] == code


@pytest.mark.parametrize(
    ("question", "code", "against"),
    [
        ("burglary the year before last", "2018", "2017"),
        ("burglary two years ago", "2018", "2017"),
        ("burglary last yr vs the year before", "2019", "2018"),
        ("burglary last year compared with the year before", "2019", "2018"),
    ],
)
def test_years_back_from_the_latest(monthly, question, code, against):
    """The latest month held is Mar 2020: last year is 2019, the year before last 2018."""
    _, _, view = shown(monthly, question)
    assert (view.current.period.code, view.previous.period.code) == (code, against)


@pytest.mark.parametrize(
    "question",
    [
        "burglarys in march 2020 just as lockdown kicked in",
        "burglary in March 2020 when lockdown hit",
        "burglary March 2020 - how big was the covid dip",
        "was there a dip in burglary when lockdown started in march 2020",
    ],
)
def test_what_is_said_of_an_event_to_date_it_is_no_topic(monthly, question):
    assert shown(monthly, question)[:2] == ("2020-03", burglaries(2020, 3))
