"""Messages of several parts, each with its own period, and lists for a period some
indicators do not hold: every figure shown is for the period asked of it, or it is not shown."""

from datetime import date

import pytest

from knowledge.answering import open_knowledge
from knowledge.answering.types import Declined, IndicatorListAnswer, SeveralAnswer
from knowledge.domain.periods import Period
from knowledge.render.text import render_text
from knowledge.store import Store

TODAY = date(2020, 4, 15)
MONTHS = [(y, m) for y in (2018, 2019, 2020) for m in range(1, 13) if (y, m) <= (2020, 3)]


@pytest.fixture(scope="module")
def monthly(tmp_path_factory, data_dir):
    """Burglary and robbery held month by month from Jan 2018 to Mar 2020; today mid-April 2020."""
    path = tmp_path_factory.mktemp("parts") / "csp.db"
    store = Store(path, data_dir)
    with store.write_content() as db:
        from knowledge.store.figures import add_figure, figure_row

        for key, base in (("total-burglary", 200), ("personal-robbery", 100)):
            for y, m in MONTHS:
                value = base + (y - 2018) * 12 + m
                add_figure(db, figure_row(key, Period.month(y, m), value, "now", "import", "import"))
    store.close()
    return open_knowledge(path, data_dir, today=lambda: TODAY)


def _periods(answer: SeveralAnswer) -> dict[str, str]:
    return {part.key: part.indicator.current.period.code for part in answer.parts if part.key}


def test_each_part_is_answered_for_the_period_it_names(monthly):
    answer = monthly.ask("burglary in 2019 and robbery last month")
    assert isinstance(answer, SeveralAnswer), render_text(answer)
    assert _periods(answer) == {"total-burglary": "2019", "personal-robbery": "2020-03"}


def test_two_indicators_asked_for_a_period_neither_holds_are_declined_together(monthly):
    answer = monthly.ask("robbery and burglary in 2016")
    assert isinstance(answer, Declined) and answer.period_not_held == Period.year(2016)
    assert answer.title == "I hold no figures for personal robbery or total burglary in 2016"
    assert "I hold Jan-Dec 2017 and Jan 2018 to Mar 2020 for each." in render_text(answer)


def test_an_indicator_without_the_period_is_left_out_beside_one_with_it(monthly):
    answer = monthly.ask("knife crime and burglary in 2019")
    assert isinstance(answer, IndicatorListAnswer), render_text(answer)
    assert [(v.indicator.key, v.current.period.code) for v in answer.rows] == [("total-burglary", "2019")]
    assert "Left out: knife crime, with no figure for 2019." in answer.notes


def test_a_list_for_a_month_shows_only_indicators_holding_that_month(monthly):
    answer = monthly.ask("which indicators went up in march 2020")
    assert isinstance(answer, IndicatorListAnswer), render_text(answer)
    assert answer.rows and {v.current.period.code for v in answer.rows} == {"2020-03"}
    assert "Left out: 11 indicators, with no figure for Mar 2020." in answer.notes


def test_a_police_category_not_held_is_declined_beside_what_is_answered(knowledge):
    answer = knowledge.ask("shoplifting and knife crime")
    assert isinstance(answer, SeveralAnswer), render_text(answer)
    answered, declined = answer.parts
    assert answered.key == "knife-crime"
    assert isinstance(declined, Declined) and declined.topic_of_its_own
    assert "Shoplifting" in declined.title


def test_a_period_not_held_is_declined_beside_a_commitment_answered(knowledge):
    answer = knowledge.ask("knife crime in 2020 and the VAWG charter")
    assert isinstance(answer, SeveralAnswer), render_text(answer)
    assert [p.key for p in answer.parts] == ["vawg-charter", None]
    assert answer.parts[1].period_not_held == Period.year(2020)


@pytest.mark.parametrize(
    "question",
    [
        "knife crime on buses and robbery",  # a place may be said of both
        "knife crime and robbery in 2020",  # so may a period said once, at the end
    ],
)
def test_what_may_be_said_of_every_part_declines_the_whole(knowledge, question):
    answer = knowledge.ask(question)
    assert isinstance(answer, Declined), render_text(answer)


@pytest.fixture(scope="module")
def imported(tmp_path_factory, data_dir):
    """Theft and violence against the person imported, so shoplifting and homicide are police
    categories counted within indicators held."""
    from datetime import UTC, datetime

    from knowledge.answering import Knowledge
    from knowledge.services.imports import Imports
    from tests.police_files import mps_file

    rows = (
        ("Violence Against the Person", "Homicide", "Tower Hamlets", 1, 0, 2),
        ("Violence Against the Person", "Violence with Injury", "Tower Hamlets", 200, 210, 220),
        ("Theft", "Shoplifting", "Tower Hamlets", 80, 81, 82),
        ("Theft", "Bicycle Theft", "Tower Hamlets", 30, 31, 32),
    )
    store = Store(tmp_path_factory.mktemp("imported") / "csp.db", data_dir)
    Imports(store).apply(mps_file(rows), "small.csv", "cli:sam", datetime(2019, 8, 1, tzinfo=UTC))
    yield Knowledge(store, data_dir)
    store.close()


def test_a_category_counted_within_an_indicator_is_declined_beside_what_is_answered(imported):
    """Declined for the category, with its reason; the other part is still answered."""
    answer = imported.ask("homicides and knife crime")
    assert isinstance(answer, SeveralAnswer), render_text(answer)
    assert [p.key for p in answer.parts] == ["knife-crime", None]
    assert "Homicide" in answer.parts[1].title


@pytest.mark.parametrize(
    ("question", "key", "period"),
    [
        ("we had 830 knife crimes last year, what about robbery", "personal-robbery", "2017"),
        ("there were 3,293 burglaries in 2018. how many robberies?", "personal-robbery", "2018"),
        ("we arrested 190 - how many were charged?", "drug-supply-charges", "2018"),
        # a part asking only for a time: the topic told, for that time
        ("I've got 574 repeat callers for 2017, what's the figure this year?", "asb-repeat-callers", "2018"),
        ("we had 830 knife crimes in 2018, what about 2017?", "knife-crime", "2017"),
        # the topic in one part, a figure told for one year in another, a year asked in a third
        ("knife crime - 830 in 2018 according to my notes. what was 2017?", "knife-crime", "2017"),
        ("knife crime: I've got 830 for 2018. and 2017?", "knife-crime", "2017"),
        (
            "have you got the SYV count? 320 is what we had for 2018 - what was 2017?",
            "serious-youth-violence",
            "2017",
        ),
    ],
)
def test_a_figure_told_is_the_setting_of_the_question_beside_it(knowledge, question, key, period):
    """The part telling a figure asks nothing: the other part is the question, for the time
    told when it names none."""
    answer = knowledge.ask(question)
    assert (answer.key, answer.indicator.current.period.code) == (key, period), render_text(answer)


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("someone said 300 burglaries in 2018, is that right?", "total-burglary"),  # asks of the figure told
        ("we had 215 burglaries?", "total-burglary"),
    ],
)
def test_a_figure_told_and_asked_about_is_the_question(knowledge, question, key):
    assert knowledge.ask(question).key == key


def test_a_number_in_a_name_is_no_figure_told(knowledge):
    """ "ASB calls to 101": the part naming them asks about them with the other part."""
    answer = knowledge.ask("asb 101 calls and repeat callers, how did they change")
    assert answer.key == "list:indicators:asb-101-calls+asb-repeat-callers", render_text(answer)


@pytest.mark.parametrize(
    "question",
    [
        "abuse by a partner or family member - how many offences did police record in 2017?",
        "domestic abuse: how many crimes were reported to police in 2017",
    ],
)
def test_a_part_saying_only_what_is_counted_asks_the_count_of_the_topic_before_it(knowledge, question):
    # Hate crime is "offences reported to police": the second part named it, and the two were
    # answered side by side.
    answer = knowledge.ask(question)
    assert answer.key == "domestic-abuse-offences"
    assert answer.indicator.current.period.label == "Jan-Dec 2017"


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("we only had 257 online ASB reports in 2017, what did it jump to?", "asb-portal-reports"),
        ("we had 309 SYV offences in 2017, what is it now?", "serious-youth-violence"),
        ("we had 309 SYV offences in 2017 - has that got worse?", "serious-youth-violence"),  # a direction
        ("309 SYV in 2017. what is it now?", "serious-youth-violence"),
        ("we recorded roughly 3,000 DA crimes in 2017, what's the latest?", "domestic-abuse-offences"),
        ("we had 2,900ish burglaries in 2017 - what was it in 2018?", "total-burglary"),  # "2,900ish" tells
    ],
)
def test_a_figure_told_for_a_time_and_asked_after_is_the_latest(knowledge, question, key):
    # The asker has the figure for the time told: "it" asks what came after, not that figure.
    answer = knowledge.ask(question)
    assert answer.key == key
    assert answer.indicator.current.period.label == "Jan-Dec 2018"
    assert answer.indicator.previous.period.label == "Jan-Dec 2017"


def test_shorthand_for_with_and_a_plus_sign_are_read(knowledge):
    answer = knowledge.ask("did online asb reports go up much compared w/ 2017")
    assert answer.key == "asb-portal-reports" and answer.indicator.current.period.label == "Jan-Dec 2018"
    both = knowledge.ask("drug op arrests + supply charges for 2018")
    assert isinstance(both, IndicatorListAnswer)
    assert {row.indicator.key for row in both.rows} == {"drug-operation-arrests", "drug-supply-charges"}
    assert knowledge.ask("knife crime +").key == "knife-crime"  # a "+" joining nothing


@pytest.mark.parametrize(
    ("question", "key"),
    [
        # The longer name holds every word of the shorter one: the parts say both are asked.
        ("ASB calls and repeat callers", "list:indicators:asb-101-calls+asb-repeat-callers"),
        (
            "ASB portal reports and the drug ones",
            "list:indicators:asb-portal-reports+drug-asb-portal-reports",
        ),
        (
            "online ASB reports and the drug-related online ones",
            "list:indicators:asb-portal-reports+drug-asb-portal-reports",
        ),
        (  # the drug-related reports alone, sure, before
            "how many ASB reports came in online in 2018, and how many of those were about drugs?",
            "list:indicators:asb-portal-reports+drug-asb-portal-reports",
        ),
        (
            "how many ASB portal reports and how many of them were about drugs",
            "list:indicators:asb-portal-reports+drug-asb-portal-reports",
        ),
        # "Of those" said of a figure told asks another measure, not a part of the first.
        (
            "190 arrests on the drug ops - how many of those turned into charges for supplying?",
            "drug-supply-charges",
        ),
    ],
)
def test_indicators_asked_part_by_part_are_all_answered(knowledge, question, key):
    assert knowledge.ask(question).key == key


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("hate crime and cohesion priority", "hate-crime-cohesion-extremism"),  # one name, read whole
        ("drug related ASB reports on the portal", "drug-asb-portal-reports"),
    ],
)
def test_one_thing_named_in_parts_is_still_one_answer(knowledge, question, key):
    assert knowledge.ask(question).key == key


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("knife crime in 2018 - we had about 190 didnt we?", "knife-crime"),  # 190 is of drug arrests
        ("robbery in 2018. we had about 190?", "personal-robbery"),
        (
            "Strategic plan 2018-21: what's the deliverable on providing support and protection for victims?",
            "sp-support-victims",
        ),
    ],
)
def test_a_figure_to_check_or_the_document_it_is_in_is_the_setting_of_what_is_asked(knowledge, question, key):
    assert knowledge.ask(question).key == key


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("how many burglaries in march 2020 when lockdown started", "Mar 2020"),
        ("burglary in December 2019, over Christmas?", "Dec 2019"),
        ("robbery in the first lockdown, Jan to Mar 2020", "Jan-Mar 2020"),
    ],
)
def test_an_event_or_season_said_beside_the_months_it_dates_is_no_topic(monthly, question, label):
    answer = monthly.ask(question)
    assert answer.matched and answer.indicator.current.period.label == label


def test_a_season_said_of_a_whole_year_is_a_part_of_it_and_declined(monthly, knowledge):
    assert not monthly.ask("burglary in 2019 over christmas").matched
    assert not knowledge.ask("knife crime at christmas 2018").matched


@pytest.mark.parametrize(
    ("question", "key"),
    [
        (
            "ASB repeat callers & 101 calls: which went up?",
            "list:indicators:asb-101-calls+asb-repeat-callers",
        ),
        ("knife crime and robbery - which got worse?", "list:indicators:personal-robbery+knife-crime"),
    ],
)
def test_which_way_asked_beside_indicators_named_is_asked_of_them(knowledge, question, key):
    # Was the named indicators and the list of every indicator that went up.
    assert knowledge.ask(question).key == key


def test_which_way_asked_of_one_indicator_in_its_own_part_is_its_answer(monthly):
    answer = monthly.ask("burglary in 2019 vs 2018 - up or down?")
    assert answer.key == "total-burglary" and answer.indicator.current.period.label == "Jan-Dec 2019"
