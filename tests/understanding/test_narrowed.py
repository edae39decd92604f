"""The rule of issue #16: a question that narrows the indicator chosen to a part it does not
hold (a place, a time, a group of people, an outcome, a sub-type, a means) is found, with its
kind and the words as typed; chat, the setting of a question and words the indicator holds
are not."""

import pytest

from knowledge.understanding.narrowed import narrowed_part, without
from knowledge.understanding.narrowing import Narrowing

PLACE, TIME, GROUP = Narrowing.PLACE, Narrowing.TIME, Narrowing.GROUP
OUTCOME, SUBTYPE, MEANS = Narrowing.OUTCOME, Narrowing.SUBTYPE, Narrowing.MEANS


@pytest.fixture(scope="module")
def context(knowledge):
    return knowledge.current()


def part_of(context, question):
    """The narrowing the rule finds for the first candidate of the question, and its key."""
    ctx, reader = context
    query = reader.read(question)
    top = ctx.index.rank(query)[0]
    held = ctx.index.held_by[ctx.index.entry_number[top.entry.key]]
    names = [text for text, item in top.entry.phrases if item is None]
    return narrowed_part(ctx.language, query, held, top.words, names), top.entry.key


@pytest.mark.parametrize(
    ("question", "key", "kind", "said"),
    [
        ("ASB calls at night", "asb-101-calls", TIME, "at night"),
        ("night-time ASB calls", "asb-101-calls", TIME, "night-time"),
        ("robbery at weekends", "personal-robbery", TIME, "at weekends"),
        ("knife crime on buses", "knife-crime", PLACE, "on buses"),
        ("ASB calls by ward", "asb-101-calls", PLACE, "by ward"),
        ("knife crime in Whitechapel", "knife-crime", PLACE, "in Whitechapel"),
        ("knife crime this year in Poplar", "knife-crime", PLACE, "in Poplar"),
        ("knife crime figures per ward 2018", "knife-crime", PLACE, "per ward"),
        ("domestic abuse by ethnicity", "domestic-abuse-offences", GROUP, "by ethnicity"),
        ("drug arrests of juveniles", "drug-operation-arrests", GROUP, "juveniles"),
        ("hate crime against muslims", "hate-crime-offences", GROUP, "against muslims"),
        ("burglaries that were charged", "total-burglary", OUTCOME, "that were charged"),
        ("knife crime arrests", "knife-crime", OUTCOME, "arrests"),
        ("moped robberies", "personal-robbery", SUBTYPE, "moped"),
        ("racist hate crime", "hate-crime-offences", SUBTYPE, "racist"),
        ("hate crime online", "hate-crime-offences", MEANS, "online"),  # "online" is read as "portal"
    ],
)
def test_a_narrowing_said_of_the_topic_is_found(context, question, key, kind, said):
    part, top = part_of(context, question)
    assert top == key
    assert part is not None and (part.kind, part.said) == (kind, said)


# Each question that must not be narrowed comes with a twin that must, so that each test also
# fails when the rule is gone.
@pytest.mark.parametrize(
    ("question", "twin"),
    [
        # chat and the setting of a question, with no narrowing word
        (
            "the licensing team are asking about knife crime",
            "the licensing team are asking about knife crime in pubs",
        ),
        ("back from leave - burglary this year?", "back from leave - burglary at night this year?"),
        ("sorry to be a pain, burglary this year?", "sorry to be a pain, burglary in Poplar this year?"),
        (
            "quick one - hate crime vs last year, thanks",
            "quick one - hate crime at weekends vs last year, thanks",
        ),
        # a narrowing word, but said of something else, or in another part of the message
        ("I'm on the bus - knife crime this year?", "knife crime on the bus this year?"),
        (
            "the schools team asked for knife crime figures",
            "the schools team asked for knife crime in schools",
        ),
        ("knife crime figures for the schools meeting", "knife crime figures for schools"),
        ("can you text me the knife crime figure", "can you text me the knife crime figure for estates"),
    ],
)
def test_chat_and_the_setting_narrow_nothing(context, question, twin):
    assert part_of(context, question)[0] is None
    assert part_of(context, twin)[0] is not None


@pytest.mark.parametrize(
    ("question", "twin"),
    [
        ("ASB portal reports online", "hate crime online"),  # the portal is online: held
        ("online ASB reports", "online ASB reports by ward"),
        ("ASB calls by phone", "knife crime by phone"),  # a phone call is a call: held
        ("street robbery", "street robbery at night"),  # the indicator is named so
        ("specialist DV court outcomes", "specialist DV court outcomes for women"),  # an outcome already
        ("drug supply charges", "drug supply charges by ward"),
        ("teen violence", "teen violence on buses"),  # the field's words for youth violence: read as that
    ],
)
def test_a_word_the_indicator_holds_narrows_nothing(context, question, twin):
    assert part_of(context, question)[0] is None
    assert part_of(context, twin)[0] is not None


def test_without_the_narrowing_the_question_asks_for_the_whole(context):
    _, reader = context
    query = reader.read("knife crime figures for under 18s")
    part, _ = part_of(context, "knife crime figures for under 18s")
    assert (part.kind, part.said) == (GROUP, "for under 18s")  # as typed, "18s" and all
    rest = without(query, part)
    assert rest.tokens == ["knife", "crime"] and set(rest.weights) == {"knife", "crime"}
