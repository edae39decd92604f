"""A "did you mean" button carries the question declined, intact and within Slack's limits."""

import json

import pytest

from handlers.blocks import build_message
from handlers.blocks.picks import ACTION_PICK, Pick, pick_buttons, pick_value, read_pick
from knowledge.answering.types import Suggestion
from knowledge.understanding.text import MAX_QUESTION_CHARS
from tests.block_limits import limit_problems

ARRESTS = Suggestion("drug-operation-arrests", "Arrests on drug operations", "Arrests on drug operations")


@pytest.mark.parametrize(
    "asked",
    [
        "the wobbly numbers on drugs",
        '<!channel> "quoted" \\ back\\slash & <@U123|x> <http://evil|council.gov.uk>',
        "naïve café – “smart quotes” 😀\n\tnew line",
        "x" * MAX_QUESTION_CHARS,
        '"' * MAX_QUESTION_CHARS,  # each escaped as two characters
        "\x01" * MAX_QUESTION_CHARS,  # each escaped as six: too long to carry
    ],
)
def test_the_question_travels_intact_or_not_at_all(asked):
    value = pick_value(ARRESTS, asked)
    assert len(value) <= 2000
    pick = read_pick(value)
    assert (pick.ask, pick.key) == ("Arrests on drug operations", "drug-operation-arrests")
    assert pick.asked in (asked, None)
    if len(json.dumps(asked, ensure_ascii=False)) < 1900:
        assert pick.asked == asked


def test_a_question_longer_than_the_matcher_reads_is_not_carried():
    assert read_pick(pick_value(ARRESTS, "x" * (MAX_QUESTION_CHARS + 1))).asked is None


@pytest.mark.parametrize(
    ("value", "pick"),
    [
        ("Knife crime", Pick("Knife crime")),  # a button posted before picks were learned from
        ("123", Pick("123")),
        ('{"ask": 5}', Pick('{"ask": 5}')),
        ('{"ask": "Knife crime", "key": 7, "asked": ["x"]}', Pick("Knife crime")),
        (
            '{"ask": "Knife crime", "key": "knife-crime", "asked": "stabby"}',
            Pick("Knife crime", "knife-crime", "stabby"),
        ),
    ],
)
def test_a_value_is_read_warily(value, pick):
    assert read_pick(value) == pick


def test_the_buttons_of_a_declined_guess_carry_the_question(knowledge):
    message = build_message(knowledge.ask("the wobbly numbers on drugs"))
    assert limit_problems(message) == []
    [actions] = [b for b in message["blocks"] if b["type"] == "actions"]
    assert [e["action_id"] for e in actions["elements"]] == [f"{ACTION_PICK}_{i}" for i in range(3)]
    picks = [read_pick(e["value"]) for e in actions["elements"]]
    assert {p.asked for p in picks} == {"the wobbly numbers on drugs"}
    assert "drug-operation-arrests" in [p.key for p in picks]


def test_what_the_bot_holds_instead_is_not_a_guess_to_learn_from(knowledge):
    """A decline with its reason ("nothing for Hackney") offers what is held, not what was meant."""
    message = build_message(knowledge.ask("knife crime in Hackney"))
    elements = [e for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert elements and all(not e["action_id"].startswith(ACTION_PICK) for e in elements)


def test_no_suggestions_no_buttons():
    assert pick_buttons((), "anything", "did_you_mean") is None
