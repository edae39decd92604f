"""Each answer type, reached by a real question, and rendered both as plain text and as
Block Kit. Every answer type has a renderer of each kind."""

import inspect

import pytest

import handlers.blocks
from handlers.blocks.answers import _BUILDERS
from knowledge.answering import types
from knowledge.answering.types import (
    ActionAnswer,
    ActionsDocumentAnswer,
    Answer,
    Declined,
    DeliverableAnswer,
    DeliverablesDocumentAnswer,
    FactAnswer,
    HelpAnswer,
    IndicatorAnswer,
    IndicatorListAnswer,
    PrioritiesDocumentAnswer,
    PriorityAnswer,
    SeveralAnswer,
    Thanks,
    TopicGroupAnswer,
)
from knowledge.domain.models import Kind
from knowledge.render.text import _RENDERERS, render_text
from tests.block_limits import limit_problems

CASES = [
    ("knife crime this year", IndicatorAnswer, Kind.INDICATOR, True, "knife-crime"),
    ("which indicators are getting worse", IndicatorListAnswer, Kind.LIST, True, "list:worse"),
    ("key successes", TopicGroupAnswer, Kind.LIST, True, "list:group:key-successes"),
    ("the CSP priorities", PrioritiesDocumentAnswer, Kind.LIST, True, "list:document:csp-priorities"),
    ("the strategic plan", DeliverablesDocumentAnswer, Kind.LIST, True, "list:document:strategic-plan"),
    ("the manifesto", ActionsDocumentAnswer, Kind.LIST, True, "list:document:manifesto"),
    ("violence priority", PriorityAnswer, Kind.PRIORITY, True, "violence"),
    ("tackle violence deliverable", DeliverableAnswer, Kind.DELIVERABLE, True, "sp-tackle-violence"),
    ("status of RRT expansion", ActionAnswer, Kind.ACTION, True, "rrt-expansion"),
    ("op continuum results", FactAnswer, Kind.FACT, True, "operation-continuum"),
    ("help", HelpAnswer, Kind.HELP, True, "help"),
    ("shoplifting", Declined, Kind.UNKNOWN, False, None),
    ("thanks, that's helpful", Thanks, Kind.THANKS, False, None),
    (
        "knife crime and the VAWG charter",
        SeveralAnswer,
        Kind.SEVERAL,
        True,
        "several:knife-crime+vawg-charter",
    ),
]


def answer_types() -> set[type]:
    """Every answer type a renderer can be given: each subclass of Answer with none of its own."""
    found: set[type] = set()
    stack = [Answer]
    while stack:
        cls = stack.pop()
        below = cls.__subclasses__()
        stack.extend(below)
        if not below and cls is not Answer:
            found.add(cls)
    return found


def test_every_answer_type_is_reached_by_a_question():
    assert {case[1] for case in CASES} == answer_types()


@pytest.mark.parametrize(("question", "answer_type", "kind", "matched", "key"), CASES)
def test_a_question_gets_its_answer_type(knowledge, question, answer_type, kind, matched, key):
    answer = knowledge.ask(question)
    assert type(answer) is answer_type
    assert (answer.kind, answer.matched, answer.key) == (kind, matched, key)
    assert answer.question == question
    assert answer.title


@pytest.mark.parametrize(("question", "answer_type", "kind", "matched", "key"), CASES)
def test_it_renders_as_text_and_blocks(knowledge, question, answer_type, kind, matched, key):
    answer = knowledge.ask(question)
    text = render_text(answer)
    assert text.strip()
    message = handlers.blocks.build_message(answer)
    assert message["blocks"]
    assert message["text"].strip()
    assert limit_problems(message) == []


def test_what_each_answer_holds(knowledge):
    """The fields that make each type what it is."""
    indicator = knowledge.ask("knife crime this year")
    assert indicator.indicator.indicator.key == "knife-crime"
    assert indicator.indicator.current.value == 830

    worse = knowledge.ask("which indicators are getting worse")
    assert worse.list_filter and worse.rows
    assert all(isinstance(p, types.Priority) for p in worse.priorities)

    assert knowledge.ask("key successes").topics
    assert knowledge.ask("the CSP priorities").priorities
    assert knowledge.ask("the strategic plan").deliverables
    assert knowledge.ask("the manifesto").actions

    priority = knowledge.ask("violence priority")
    assert priority.priority.key == "violence"
    assert any(row.indicator.key == "knife-crime" for row in priority.rows)

    assert knowledge.ask("tackle violence deliverable").deliverable.key == "sp-tackle-violence"
    assert knowledge.ask("status of RRT expansion").action.key == "rrt-expansion"
    assert knowledge.ask("op continuum results").topic.key == "operation-continuum"
    assert knowledge.ask("help").suggestions

    declined = knowledge.ask("shoplifting")
    assert declined.not_held is not None and declined.not_held.key == "crime-type:shoplifting"
    assert declined.declined_because

    several = knowledge.ask("knife crime and the VAWG charter")
    assert [type(part) for part in several.parts] == [IndicatorAnswer, ActionAnswer]
    assert [part.key for part in several.parts] == ["knife-crime", "vawg-charter"]


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("knife crime in Hackney", "I hold figures for Tower Hamlets only"),
        ("zzzz", None),
    ],
)
def test_other_declines(knowledge, question, reason):
    answer = knowledge.ask(question)
    assert type(answer) is Declined
    assert (answer.kind, answer.matched, answer.key) == (Kind.UNKNOWN, False, None)
    if reason:
        assert answer.declined_because.startswith(reason)
    else:
        assert answer.declined_because is None
    assert render_text(answer).strip()
    assert limit_problems(handlers.blocks.build_message(answer)) == []


def test_every_answer_type_has_a_text_renderer_and_a_block_builder():
    concrete = answer_types()
    assert len(concrete) >= 13
    assert concrete <= set(_RENDERERS), concrete - set(_RENDERERS)
    assert concrete <= set(_BUILDERS), concrete - set(_BUILDERS)


def test_every_answer_type_is_defined_in_types():
    """The dispatch tables hold only answer types, all of them from types.py."""
    defined = {
        cls
        for _, cls in inspect.getmembers(types, inspect.isclass)
        if issubclass(cls, Answer) and cls.__module__ == types.__name__
    }
    assert answer_types() <= defined
    assert set(_RENDERERS) <= defined and set(_BUILDERS) <= defined
