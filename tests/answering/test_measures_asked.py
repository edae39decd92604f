"""What a question asks of a figure, and what the answer says it did not use (issue #16): a
count asked of a rate, and the words of an entry's other names."""

import pytest

from knowledge.answering.types import Declined, IndicatorAnswer
from knowledge.render.text import render_text


@pytest.mark.parametrize(
    "question",
    [
        "how many perpetrators were convicted at the SDVC last yr (number not %)",
        "SDVC convictions as a number not a percentage",
        "how many convictions at the specialist DV court, rather than the rate",
    ],
)
def test_a_count_asked_of_a_rate_saying_the_rate_will_not_do_is_declined(knowledge, question):
    answer = knowledge.ask(question)
    assert isinstance(answer, Declined) and not answer.matched
    assert answer.declined_because == "I hold no count for “SDVC conviction rate”."
    assert answer.suggestions[0].key == "sdvc-conviction-rate"


def test_a_count_asked_of_a_rate_is_answered_with_the_rate_saying_so(knowledge):
    answer = knowledge.ask("how many convictions at the SDVC")
    assert isinstance(answer, IndicatorAnswer) and answer.indicator.current.value == 69
    assert "SDVC conviction rate is a rate, a percentage: I hold no count for it." in answer.notes


def test_a_rate_asked_is_answered_without_a_note_on_counts(knowledge):
    answer = knowledge.ask("SDVC conviction rate not including 2017")
    assert isinstance(answer, IndicatorAnswer)
    assert not [note for note in answer.notes if "no count" in note]


def test_a_count_not_of_a_rate_is_answered_whatever_it_takes_out(knowledge):
    answer = knowledge.ask("how many DA offences, not the rate")
    assert isinstance(answer, IndicatorAnswer) and answer.key == "domestic-abuse-offences"


@pytest.mark.parametrize("question", ["SDVC conviction rate", "sdvc convictions 2018"])
def test_words_of_another_of_the_entrys_names_are_not_said_to_be_unused(knowledge, question):
    # "SDVC" reads as "specialist domestic abuse court"; the name matched best may not hold
    # "specialist" or "court", but the indicator's full name does.
    answer = knowledge.ask(question)
    assert answer.key == "sdvc-conviction-rate"
    assert answer.read_as is None
    assert "didn't use" not in render_text(answer)


SAFETY = "I hold no measure of how safe the borough or a group of people is overall"
BUDGET = "I hold no budget of the council or the police as a whole"


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("are women safer", SAFETY),
        ("is the borough safer than last year", SAFETY),
        ("how safe is tower hamlets these days", SAFETY),
        ("council budget 2019", BUDGET),
        ("what's the council's total budget for 2019/20?", BUDGET),
        ("the police budget please", BUDGET),
    ],
)
def test_what_is_asked_of_the_whole_borough_or_organisation_is_declined_saying_so(knowledge, question, said):
    answer = knowledge.ask(question)
    assert isinstance(answer, Declined) and not answer.matched
    assert answer.title == said


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("making tower hamlets safer", "list:document:manifesto"),  # the manifesto's title
        ("people feel safer in their neighbourhoods", "list:document:strategic-plan"),  # a plan's outcome
        ("ASB budget for 2020", "key-investments"),  # the partnership's own money
        ("what's the council spending on cameras", "key-investments"),
    ],
)
def test_the_same_words_not_asked_of_a_whole_still_find_their_entry(knowledge, question, key):
    assert knowledge.ask(question).key == key


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "how many repeat callers rang more than 10 times",
            "I hold no counts split by how many times something happened",
        ),
        ("victims targeted 3 or more times", "I hold no counts split by how many times something happened"),
        ("average number of calls per repeat caller", "I hold no averages"),
    ],
)
def test_a_count_split_by_how_often_or_an_average_is_declined_saying_so(knowledge, question, said):
    answer = knowledge.ask(question)
    assert isinstance(answer, Declined) and answer.title == said


def test_more_than_once_is_what_a_repeat_caller_is(knowledge):
    assert knowledge.ask("people who rang about ASB more than once").key == "asb-repeat-callers"


def test_vulnerable_people_are_a_group_the_indicators_are_not_split_by(knowledge):
    # Was all repeat callers, sure; the Community MARAC's "vulnerable victims" still hold it.
    assert not knowledge.ask("repeat callers who are vulnerable").matched


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("how many arrests for drug offences last month", "I hold no count for last month"),
    ],
)
def test_a_count_asked_for_a_time_a_fact_is_not_dated_by_is_declined_offering_it(knowledge, question, title):
    # Op Continuum's 190 arrests are a total since November 2017, no count for the time asked.
    answer = knowledge.ask(question)
    assert isinstance(answer, Declined) and answer.title == title
    assert answer.suggestions[0].key == "operation-continuum"


def test_a_fact_asked_for_a_time_without_a_count_is_answered_saying_so(knowledge):
    answer = knowledge.ask("ASB budget for 2020")
    assert answer.key == "key-investments" and "I hold nothing dated 2020" in " ".join(answer.notes)
