"""Each way of naming a period, end to end: a small Met file imported into a fresh store, the
question asked through `Knowledge.ask` on a fixed day, the figure for the period meant, and
that period said in the answer. A period not held gets no figure: "I hold no figure for …",
the periods held, and the latest of them as choices."""

from datetime import UTC, date, datetime

import pytest

from handlers.blocks import build_message
from knowledge.answering import open_knowledge
from knowledge.domain.periods import Period
from knowledge.render.text import render_text
from knowledge.services.imports import Imports
from knowledge.store import Store
from tests.police_files import mps_file
from tools.evaluation import answered_key

TODAY = date(2021, 10, 15)
MONTHS = [(y, m) for y in (2018, 2019, 2020, 2021) for m in range(1, 13) if (y, m) <= (2021, 9)]


def burglaries(year: int, month: int) -> int:
    """A made-up count, different every month, so each sum is checkable."""
    return 100 + (year - 2018) * 20 + month


def total(first: tuple[int, int], last: tuple[int, int]) -> int:
    return sum(burglaries(y, m) for y, m in MONTHS if first <= (y, m) <= last)


@pytest.fixture(scope="module")
def monthly(tmp_path_factory, data_dir):
    path = tmp_path_factory.mktemp("periods") / "csp.db"
    rows = (("Burglary", "Burglary - Residential", "Tower Hamlets", *(burglaries(y, m) for y, m in MONTHS)),)
    data = mps_file(rows, tuple(f"{y}{m:02d}" for y, m in MONTHS))
    store = Store(path, data_dir)
    Imports(store).apply(data, "small.csv", "test", datetime(2021, 10, 1, tzinfo=UTC))
    store.close()
    return open_knowledge(path, data_dir, today=lambda: TODAY)


def figure(knowledge, question):
    answer = knowledge.ask(question)
    assert answer.key == "total-burglary", render_text(answer, TODAY)
    current = answer.indicator.current
    assert current.period.label in render_text(answer, TODAY)  # the period is said
    return current.period.code, current.value


@pytest.mark.parametrize(
    ("question", "code", "first", "last"),
    [
        # the twelve months to a month
        ("burglary in the 12 months to June 2021", "R12-2021-06", (2020, 7), (2021, 6)),
        ("burglary year to June 2021", "R12-2021-06", (2020, 7), (2021, 6)),
        # a run of months; a whole quarter is the quarter
        ("burglary jul-sep 2019", "2019-Q3", (2019, 7), (2019, 9)),
        ("burglary July to September 2019", "2019-Q3", (2019, 7), (2019, 9)),
        ("burglary May to June 2019", "2019-05..2019-06", (2019, 5), (2019, 6)),
        # quarters
        ("burglary first quarter of 2021", "2021-Q1", (2021, 1), (2021, 3)),
        ("burglary Q1 2021", "2021-Q1", (2021, 1), (2021, 3)),
        ("burglary last quarter", "2021-Q3", (2021, 7), (2021, 9)),  # the whole quarter before today
        # financial years
        ("burglary last financial year", "FY2020-21", (2020, 4), (2021, 3)),
        ("burglary previous financial year", "FY2020-21", (2020, 4), (2021, 3)),
        ("burglary this financial year", "2021-04..2021-09", (2021, 4), (2021, 9)),
        ("burglary financial year to date", "2021-04..2021-09", (2021, 4), (2021, 9)),
        # the year so far
        ("burglary so far in 2021", "YTD2021-09", (2021, 1), (2021, 9)),
        ("burglary since the start of the year", "YTD2021-09", (2021, 1), (2021, 9)),
        ("burglary since January", "YTD2021-09", (2021, 1), (2021, 9)),
        ("burglary so far in 2019", "2019", (2019, 1), (2019, 12)),  # a year gone: the whole of it
        # a month and a two-digit year
        ("burglary mar 20", "2020-03", (2020, 3), (2020, 3)),
        ("burglary march '20", "2020-03", (2020, 3), (2020, 3)),
        # the rolling year
        ("burglary over the past year", "R12-2021-09", (2020, 10), (2021, 9)),
        # the last few months: the whole months before today
        ("burglary in the last 6 months", "2021-04..2021-09", (2021, 4), (2021, 9)),
        ("burglary over the past three months", "2021-Q3", (2021, 7), (2021, 9)),
        # a quarter of this year or last
        ("burglary Q2 this year", "2021-Q2", (2021, 4), (2021, 6)),
        ("burglary q1 last year", "2020-Q1", (2020, 1), (2020, 3)),
        # the year so far set against the same months a year before
        ("burglary this year vs same period last year", "YTD2021-09", (2021, 1), (2021, 9)),
        # half a year
        ("burglary in the first half of 2021", "YTD2021-06", (2021, 1), (2021, 6)),
        ("burglary second half of 2020", "2020-07..2020-12", (2020, 7), (2020, 12)),
        ("burglary H1 2020", "YTD2020-06", (2020, 1), (2020, 6)),
        ("burglary in the first six months of 2020", "YTD2020-06", (2020, 1), (2020, 6)),
        ("burglary the last 6 months of 2020", "2020-07..2020-12", (2020, 7), (2020, 12)),
        ("burglary first half of this year", "YTD2021-06", (2021, 1), (2021, 6)),
        ("burglary for the second half of last year", "2020-07..2020-12", (2020, 7), (2020, 12)),
        ("burglary h1 last year", "YTD2020-06", (2020, 1), (2020, 6)),
        # any count of months at either end of a year, and a financial year's halves
        ("burglary in the last 3 months of 2020", "2020-Q4", (2020, 10), (2020, 12)),
        ("burglary the first 3 months of 2021", "2021-Q1", (2021, 1), (2021, 3)),
        ("burglary the first two months of 2021", "YTD2021-02", (2021, 1), (2021, 2)),
        ("burglary first half of the 2020/21 financial year", "2020-04..2020-09", (2020, 4), (2020, 9)),
        ("burglary second half of FY 2019/20", "2019-10..2020-03", (2019, 10), (2020, 3)),
        ("burglary the last 4 months of financial year 2019-20", "2019-12..2020-03", (2019, 12), (2020, 3)),
        # the year (or financial year) so far to a month: one span, not set against the month
        ("burglary year to date to june 2020", "YTD2020-06", (2020, 1), (2020, 6)),
        ("burglary ytd up to the end of june 2020", "YTD2020-06", (2020, 1), (2020, 6)),
        ("burglary 2020 ytd to june", "YTD2020-06", (2020, 1), (2020, 6)),
        ("burglary ytd to june", "YTD2021-06", (2021, 1), (2021, 6)),  # the latest June
        ("burglary financial year to date to dec 2020", "2020-04..2020-12", (2020, 4), (2020, 12)),
        ("burglary financial ytd to feb 2021", "2020-04..2021-02", (2020, 4), (2021, 2)),
        ("burglary fytd to june", "2021-Q2", (2021, 4), (2021, 6)),
        # a quarter by its place in this year or last
        ("burglary in the first quarter of this year", "2021-Q1", (2021, 1), (2021, 3)),
        ("burglary the last quarter of last year", "2020-Q4", (2020, 10), (2020, 12)),
        # the twelve months to a month named without a year: the latest such, whole by today
        ("burglary in the 12 months to June", "R12-2021-06", (2020, 7), (2021, 6)),
        ("burglary the 12 months to September", "R12-2021-09", (2020, 10), (2021, 9)),
        # a run of months with two-digit years
        ("burglary dec 19 to feb 20", "2019-12..2020-02", (2019, 12), (2020, 2)),
        ("burglary Nov '20 - Jan '21", "2020-11..2021-01", (2020, 11), (2021, 1)),
        # a run of months of this year or last
        ("burglary june to august this year", "2021-06..2021-08", (2021, 6), (2021, 8)),
        ("burglary in June, July and August last year", "2020-06..2020-08", (2020, 6), (2020, 8)),
        ("burglary nov to feb this year", "2020-11..2021-02", (2020, 11), (2021, 2)),  # ends this year
    ],
)
def test_each_phrase_means_one_period_said_in_the_answer(monthly, question, code, first, last):
    assert figure(monthly, question) == (code, total(first, last))


@pytest.mark.parametrize(
    ("question", "code", "against"),
    [
        ("burglary last month vs the month before", "2021-09", "2021-08"),
        ("burglary last month compared with the previous month", "2021-09", "2021-08"),
        ("burglary last month - up or down on the month before?", "2021-09", "2021-08"),
        ("is burglary higher than the previous month", "2021-09", "2021-08"),  # the latest whole month
        ("burglary month on month", "2021-09", "2021-08"),
        ("burglary march 2021 vs the month before", "2021-03", "2021-02"),
        ("burglary September compared with August", "2021-09", "2021-08"),
        ("burglary sept vs aug", "2021-09", "2021-08"),
        ("burglary in january vs december", "2021-01", "2020-12"),  # over the turn of a year
        ("burglary last quarter vs the quarter before", "2021-Q3", "2021-Q2"),
        ("burglary Q1 2021 compared with the previous quarter", "2021-Q1", "2020-Q4"),
        ("burglary quarter on quarter", "2021-Q3", "2021-Q2"),
        # the same month a year before, said
        ("burglary september vs september last year", "2021-09", "2020-09"),
        ("burglary last month vs the same month last year", "2021-09", "2020-09"),
    ],
)
def test_a_period_set_against_the_one_just_before(monthly, question, code, against):
    """ "vs the month before", "on the previous quarter": the period just before, of as many
    months, not the same months a year before; and each figure is the sum of its months."""
    answer = monthly.ask(question)
    view = answer.indicator
    assert (view.current.period.code, view.previous.period.code) == (code, against), render_text(
        answer, TODAY
    )
    previous = Period.of_months(view.previous.period.start, view.previous.period.end)
    first, last = previous.start, previous.end
    assert view.previous.value == total((first.year, first.month), (last.year, last.month))
    assert view.previous.period.label in render_text(answer, TODAY)


def test_over_the_past_year_is_set_against_the_twelve_months_before(monthly):
    view = monthly.ask("burglary over the past year").indicator
    assert (view.previous.period.code, view.previous.value) == ("R12-2020-09", total((2019, 10), (2020, 9)))


def test_a_period_not_held_gets_no_figure_but_the_months_held(monthly):
    answer = monthly.ask("burglary in 2009")
    assert answered_key(answer) == "none"  # a decline, as `csp-bot eval` counts it
    text = render_text(answer, TODAY)
    assert text.startswith(
        "I hold no figure for total burglary in 2009\nI hold Jan-Dec 2017 and Jan 2018 to Sep 2021.\n"
    )
    assert str(total((2020, 10), (2021, 9))) not in text.replace(",", "")  # no headline figure
    assert [s.question for s in answer.suggestions] == ["Total burglary", "Total burglary Sep 2021"]


def test_the_choices_are_buttons_in_slack(monthly):
    message = build_message(monthly.ask("burglary in 2009"), TODAY)
    assert message["blocks"][0]["text"]["text"] == "I hold no figure for total burglary in 2009"
    buttons = [b for block in message["blocks"] if block["type"] == "actions" for b in block["elements"]]
    assert [b["value"] for b in buttons] == ["Total burglary", "Total burglary Sep 2021"]
    assert [b["text"]["text"] for b in buttons] == ["Oct 2020-Sep 2021", "Total burglary in Sep 2021"]


def test_last_quarter_not_yet_held_is_said_plainly(data_dir, monthly):
    later = open_knowledge(monthly.store.path, data_dir, today=lambda: date(2022, 1, 10))
    answer = later.ask("burglary last quarter")
    assert answer.period_not_held == Period.quarter(2021, 4)
    assert render_text(answer).startswith("I hold no figure for total burglary in Oct-Dec 2021\n")


def test_a_question_naming_no_period_keeps_the_headline(monthly):
    assert figure(monthly, "burglary") == ("R12-2021-09", total((2020, 10), (2021, 9)))


def test_an_indicator_without_months_has_no_quarter(monthly):
    """Knife crime is held for whole years: the quarter before today is not held, and said so."""
    answer = monthly.ask("knife crime last quarter")
    assert not answer.matched and answer.period_not_held == Period.quarter(2021, 3)
    assert render_text(answer).startswith(
        "I hold no figure for knife crime in Jul-Sep 2021\n"
        "I hold no quarterly figures for knife crime, only Jan-Dec 2017 and Jan-Dec 2018.\n"
    )


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("knife crime last quarter", "I hold no quarterly figures for knife crime"),
        ("knife crime last month", "I hold no monthly figures for knife crime"),
        ("knife crime last financial year", "I hold no financial-year figures for knife crime"),
        ("knife crime so far in 2021", "I hold Jan-Dec 2017 and Jan-Dec 2018."),
        ("knife crime in the 12 months to June 2021", "I hold Jan-Dec 2017 and Jan-Dec 2018."),
        ("knife crime Q4", "I hold no quarterly figures for knife crime"),  # the year, before
    ],
)
def test_the_seed_alone_says_what_it_does_not_hold(knowledge, question, said):
    answer = knowledge.ask(question)
    assert answered_key(answer) == "none"
    assert said in render_text(answer)
    assert [s.question for s in answer.suggestions] == ["Knife crime", "Knife crime 2017"]


def test_a_comparison_with_a_year_not_held_is_declined_offering_the_year_held(knowledge):
    answer = knowledge.ask("knife crime 2018 vs 2016")
    assert answer.key is None
    assert answer.title == "I hold no figure for knife crime in 2016 to compare with"
    assert answer.suggestions[0].question == "Knife crime"


@pytest.mark.parametrize(
    "question",
    ["we had 320 burglaries, right?", "was it really 3,293 burglaries in 2018", "we had 215 burglaries?"],
)
def test_a_figure_typed_still_finds_its_indicator(knowledge, monthly, question):
    """320 is serious youth violence's 2018 figure: quoted beside "burglaries" it is a value,
    not a second topic."""
    assert knowledge.ask(question).key == "total-burglary"
    assert monthly.ask(question).key == "total-burglary"


def test_the_last_few_months_of_an_indicator_held_by_year_are_not_held(monthly):
    answer = monthly.ask("knife crime in the last 6 months")
    assert not answer.matched
    assert "I hold no figure for knife crime in Apr-Sep 2021" in render_text(answer, TODAY)


def test_the_year_so_far_is_set_against_the_same_months_a_year_before(monthly):
    view = monthly.ask("burglary this year vs the same period last year").indicator
    assert (view.current.period.code, view.previous.period.code) == ("YTD2021-09", "YTD2020-09")


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("burglary this month so far", "I hold no figure for total burglary in Oct 2021"),
        ("burglary this quarter", "I hold no figure for total burglary in Oct-Dec 2021"),
    ],
)
def test_the_month_or_quarter_today_is_in_is_not_held_yet(monthly, question, said):
    answer = monthly.ask(question)
    assert not answer.matched and said in render_text(answer, TODAY)


@pytest.mark.parametrize(
    ("question", "code"),
    [
        (
            "just checking before I send the briefing - is it right that SYV fell?",
            "2018",
        ),  # 2017, sure, before
        ("knife crime before going on leave", "2018"),
        ("what was knife crime the year before", "2017"),
        ("knife crime, what was it before", "2017"),
    ],
)
def test_before_a_clause_is_when_the_partner_asks_not_the_year_before(knowledge, question, code):
    answer = knowledge.ask(question)
    assert answer.indicator.current.period.code == code


def test_pleasantries_around_a_question_are_how_it_is_put(knowledge):
    answer = knowledge.ask(
        "Hiya, hope you're well! Could you tell me how many knife crimes there were in 2018?"
    )
    assert (answer.key, answer.indicator.current.period.code) == ("knife-crime", "2018")
