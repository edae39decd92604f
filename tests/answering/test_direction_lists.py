"""Which indicators went which way, asked among words the bot does not know (issue #16): the
words said around the direction ("…we should flag to the board") leave it a list; a word the
direction is said of ("council tax increase", "are the parks getting worse") or placed ("worse
in schools") is a topic the bot does not hold, and declines it."""

import pytest

from knowledge.answering.types import Declined, IndicatorAnswer
from knowledge.domain.models import Kind


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("anything deteriorating we should flag to the CSP board?", "list:worse"),
        ("tell me what went badly, need it for the cabinet paper", "list:worse"),
        ("any red flags?", "list:worse"),
        ("any good news for the partnership board?", "list:better"),
        ("can you pull the positives for the newsletter", "list:better"),
        ("anything improve?", "list:better"),  # the priority that names improving, before
    ],
)
def test_a_direction_asked_among_words_said_around_it_is_a_list(knowledge, question, key):
    answer = knowledge.ask(question)
    assert (answer.kind, answer.key) == (Kind.LIST, key)


@pytest.mark.parametrize(
    "question",
    [
        "council tax increase",
        "are the parks getting worse",
        "what got worse in schools",
        "house prices going up",
        "is the weather getting better",
    ],
)
def test_a_direction_of_a_topic_not_held_is_declined(knowledge, question):
    answer = knowledge.ask(question)
    assert isinstance(answer, Declined) and not answer.matched


def test_a_count_asked_of_a_rate_is_answered_as_read_offering_the_next_reading(knowledge):
    answer = knowledge.ask("how many convictions at the SDVC")
    assert isinstance(answer, IndicatorAnswer) and answer.key == "sdvc-conviction-rate"
    assert answer.read_as is not None and answer.read_as.next_reading is not None
    sure = knowledge.ask("SDVC conviction rate")
    assert sure.read_as is None
