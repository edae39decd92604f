"""What the partnership committed to and what it holds as facts, as Block Kit: priorities,
Strategic Plan deliverables, manifesto actions with a status badge, the documents they come
from, and the facts of the slides. Each names the thing in its header, says the status or
the facts first, and ends with one line of small print saying where it comes from."""

from __future__ import annotations

from datetime import date

from handlers.blocks.figures import rows_text
from handlers.blocks.kit import bullets, escape, header, person, section, small_print
from knowledge.answering.types import (
    ActionAnswer,
    ActionsDocumentAnswer,
    DeliverableAnswer,
    DeliverablesDocumentAnswer,
    DocumentAnswer,
    FactAnswer,
    PrioritiesDocumentAnswer,
    PriorityAnswer,
    TopicGroupAnswer,
)
from knowledge.domain.models import ActionStatus
from knowledge.render import says
from knowledge.render.lists import list_period
from knowledge.render.phrasing import SEED, age_note, latest_period, recorded, source_said
from knowledge.render.progress import PROGRESS_EMOJI, as_of_words, badge_words, progress


def _origin(*parts: str | None) -> dict:
    return small_print(*(escape(p) for p in parts if p))


def status_text(status: ActionStatus | None, today: date) -> str:
    """ "✅ *Done* · as of early 2019", then the status as recorded."""
    state = progress(status)
    badge = f"{PROGRESS_EMOJI[state]} *{badge_words(state)}*"
    if status is None:
        return f"{badge} · no status recorded yet"
    return f"{badge} · {escape(as_of_words(status, today))}\n{escape(status.status)}"


def recorded_by_officer(status: ActionStatus | None) -> str | None:
    """Who recorded a status and when, unless it is the seed's."""
    if status is None or status.recorded_by == SEED:
        return None
    return recorded(person(status.recorded_by), status.recorded_at)


def priority_blocks(answer: PriorityAnswer, today: date) -> list[dict]:
    priority = answer.priority
    blocks = [
        header(priority.name),
        section(f"*Key deliverables*\n{bullets(priority.key_deliverables, answer.focus)}"),
    ]
    if answer.rows:
        lead = ["*Indicators*"]
        period, with_period = list_period(answer.rows)
        old = age_note(latest_period(answer.rows), today)
        lead += [escape(period)] if period else []
        lead += [f":hourglass: {escape(old)}"] if old else []
        blocks.append(section("\n".join([*lead, rows_text(answer.rows, with_period)])))
    blocks.append(_origin(*says.document_origin(answer.document, "A CSP priority")))
    return blocks


def deliverable_blocks(answer: DeliverableAnswer, today: date) -> list[dict]:
    deliverable = answer.deliverable
    blocks = [
        header(answer.title),
        section(status_text(answer.status, today)),
        section(f"*Strategic Plan deliverable:* {escape(deliverable.text)}"),
    ]
    if deliverable.example_outputs:
        blocks.append(section(f"*Example outputs*\n{bullets(deliverable.example_outputs, answer.focus)}"))
    origin = says.document_origin(answer.document, "A Strategic Plan deliverable")
    blocks.append(small_print(recorded_by_officer(answer.status), *(escape(p) for p in origin if p)))
    return blocks


def action_blocks(answer: ActionAnswer, today: date) -> list[dict]:
    origin = says.document_origin(answer.document, "A manifesto action")
    return [
        header(answer.title),
        section(status_text(answer.status, today)),
        section(f"*Manifesto action:* {escape(answer.action.commitment)}"),
        small_print(recorded_by_officer(answer.status), *(escape(p) for p in origin if p)),
    ]


def _document_origin(answer: DocumentAnswer) -> dict:
    return _origin(*says.document_origin(answer.document, None))


def priorities_document_blocks(answer: PrioritiesDocumentAnswer, today: date) -> list[dict]:
    return [
        header(answer.title),
        *(section(f"*{escape(p.name)}*\n{bullets(p.key_deliverables)}") for p in answer.priorities),
        _document_origin(answer),
    ]


def deliverables_document_blocks(answer: DeliverablesDocumentAnswer, today: date) -> list[dict]:
    return [
        header(answer.title),
        section(escape(answer.document.subtitle)),
        *(section(f"*{escape(d.text)}*\n{bullets(d.example_outputs)}") for d in answer.deliverables),
        _document_origin(answer),
    ]


def actions_document_blocks(answer: ActionsDocumentAnswer, today: date) -> list[dict]:
    return [
        header(answer.title),
        section(escape(answer.document.subtitle)),
        *(
            section(f"*{escape(action.commitment)}*\n{status_text(status, today)}")
            for action, status in answer.actions
        ),
        _document_origin(answer),
    ]


def topic_group_blocks(answer: TopicGroupAnswer, today: date) -> list[dict]:
    return [
        header(answer.title),
        *(section(f"*{escape(t.title)}*\n{bullets(t.facts)}") for t in answer.topics),
        _origin(*says.sources(t.source for t in answer.topics)),
    ]


def fact_blocks(answer: FactAnswer, today: date) -> list[dict]:
    topic = answer.topic
    group = topic.group_title if topic.group_title != topic.title else None
    return [
        header(topic.title),
        section(bullets(topic.facts, answer.focus)),
        _origin(group, source_said(topic.source)),
    ]
