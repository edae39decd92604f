"""What a question is for is said around it, and is not its topic (issue #16): "ahead of full
council", "need it for the ward panel tonight", "for Thursday's board"."""

import pytest

from knowledge.answering.types import Declined
from knowledge.understanding.occasions import occasion_pattern, without_occasion
from knowledge.understanding.reader import Reader


@pytest.fixture(scope="module")
def reader(knowledge) -> Reader:
    _, reader = knowledge.current()
    return reader


@pytest.mark.parametrize(
    ("question", "tokens"),
    [
        ("knife crime ahead of full council", ["knife", "crime"]),
        ("ASB calls, need it for the ward panel tonight", ["anti", "social", "behaviour", "call"]),
        ("I'm preparing for Thursday's board: knife crime", ["knife", "crime"]),
        ("drafting a press release on burglary", ["burglari"]),
        ("burglary figures for my briefing note", ["burglari"]),
        ("hate crime count, need it for the cohesion meeting at 2", ["hate", "crime"]),
        ("for the VAWG board paper I need the DA offences", ["domest", "abus", "offenc"]),
    ],
)
def test_what_a_question_is_for_is_not_its_topic(reader, question, tokens):
    assert reader.read(question).tokens == tokens


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("support for the victims", "victim"),  # "for the" leads to no occasion
        ("ASB reports via the portal", "report"),  # an occasion's word, led to by nothing
        ("partnership task force meeting minutes", "meet"),
    ],
)
def test_words_of_an_occasion_not_led_to_are_kept(reader, question, kept):
    assert kept in reader.read(question).tokens


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("cllr asking about knife crime in the borough ahead of full council - latest total?", "knife-crime"),
        (
            "Sorry to bother you, just back from leave - what's the latest on antisocial behaviour "
            "calls into 101? need it for the ward panel tonight",  # "ward" is no place asked about
            "asb-101-calls",
        ),
    ],
)
def test_a_question_with_its_occasion_is_answered(knowledge, question, key):
    answer = knowledge.ask(question)
    assert (answer.matched, answer.key) == (True, key)


def test_an_occasion_is_not_said_to_be_a_word_left_unused(knowledge):
    answer = knowledge.ask("knife crime figures for the board please")
    assert answer.key == "knife-crime" and answer.read_as is None


def test_a_place_asked_about_still_narrows(knowledge):
    answer = knowledge.ask("hate crime reported at the mosque")
    assert isinstance(answer, Declined) and "at the mosque" in answer.declined_because


def test_the_occasion_pattern_takes_a_time_with_it():
    pattern = occasion_pattern(["ward panel"], ["for"])
    text = "asb calls for the ward panel on thursday please"
    assert without_occasion(text, pattern, frozenset({"panel"})).split() == ["asb", "calls", "please"]
    assert without_occasion(text, None, frozenset({"panel"})) == text


@pytest.mark.parametrize(
    ("question", "key"),
    [
        (
            "Hi, residents' group says hate crime is rising in TH. Is that what the police figures show?",
            "hate-crime-offences",
        ),
        ("new starter here - remind me what the CSP actually is?", "csp-operating-context"),
        ("the press are saying knife crime is up", "knife-crime"),
        # A title with a name, an occasion and when it is: none of them a topic.
        ("Cllr Rahman wants to know if knife crime is up before the ward forum tonight", "knife-crime"),
        ("Sgt O'Neil needs the burglary figure for tmrw", "total-burglary"),
    ],
)
def test_who_says_what_frames_the_question(knowledge, question, key):
    answer = knowledge.ask(question)
    assert (answer.matched, answer.key) == (True, key)
