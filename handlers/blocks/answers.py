"""Answers as Slack Block Kit messages, one builder per answer type.

Every piece of text that came from a user or a data file goes through `escape` before it
goes into mrkdwn. Buttons carry a question in their value; the Slack listener asks it.
"""

from __future__ import annotations

from handlers.blocks.kit import (
    MAX_BLOCKS,
    MAX_FALLBACK,
    bullets,
    buttons,
    clip,
    context,
    escape,
    fields_section,
    header,
    row_line,
    section,
)
from handlers.blocks.picks import pick_buttons
from knowledge.answering.types import (
    ActionAnswer,
    ActionsDocumentAnswer,
    Answer,
    Declined,
    DeliverableAnswer,
    DeliverablesDocumentAnswer,
    DocumentAnswer,
    FactAnswer,
    HelpAnswer,
    IndicatorAnswer,
    IndicatorListAnswer,
    PrioritiesDocumentAnswer,
    PriorityAnswer,
    SeveralAnswer,
    Suggestion,
    TopicGroupAnswer,
)
from knowledge.render.phrasing import (
    JUDGEMENT_EMOJI,
    change_summary,
    confidence_note,
    direction_of_travel,
    headline,
    missing_period_note,
    number,
    recorder,
    updated_note,
)
from knowledge.render.text import render_text


def _indicator(answer: IndicatorAnswer) -> list[dict]:
    view = answer.indicator
    indicator = view.indicator
    blocks = [header(indicator.short_name)]
    missing = missing_period_note(view)
    if missing:
        blocks.append(section(f":warning: {escape(missing)}"))
    blocks.append(section(f"*{escape(indicator.name)}*\n{escape(headline(view))}"))
    fields = []
    if view.current is not None:
        fields.append(f"*{escape(view.current.period.label)}*\n{number(view.current.value, indicator.unit)}")
    if view.previous is not None:
        fields.append(
            f"*{escape(view.previous.period.label)}*\n{number(view.previous.value, indicator.unit)}"
        )
    if view.change is not None:
        fields.append(f"*Change*\n{escape(change_summary(view.change, indicator.unit))}")
        emoji = JUDGEMENT_EMOJI[view.change.judgement]
        fields.append(f"*Direction of travel*\n{emoji} {escape(direction_of_travel(view))}")
    if fields:
        blocks.append(fields_section(fields))
    notes = [n for n in (indicator.note, indicator.priority_note, confidence_note(indicator)) if n]
    if notes:
        blocks.append(section("\n".join(f"_{escape(n)}_" for n in notes)))
    blocks.append(context(f"CSP priority: *{escape(view.priority.name)}*", escape(updated_note(view))))
    follow_ups = [
        Suggestion(f"list:{view.priority.key}", "Related indicators", f"{view.priority.name} indicators")
    ]
    if view.change is None and len(view.held_periods) >= 2:
        follow_ups.insert(
            0, Suggestion(indicator.key, "Compare with last year", f"{indicator.short_name} vs last year")
        )
    blocks.append(buttons(follow_ups, "follow_ups"))
    return blocks


def _document_head(answer: DocumentAnswer) -> list[dict]:
    return [header(answer.title), context(escape(answer.document.subtitle))]


def _priorities_document(answer: PrioritiesDocumentAnswer) -> list[dict]:
    return _document_head(answer) + [
        section(f"*{escape(p.name)}*\n{bullets(p.key_deliverables)}") for p in answer.priorities
    ]


def _deliverables_document(answer: DeliverablesDocumentAnswer) -> list[dict]:
    return _document_head(answer) + [
        section(f"*{escape(d.text)}*\n{bullets(d.example_outputs)}") for d in answer.deliverables
    ]


def _actions_document(answer: ActionsDocumentAnswer) -> list[dict]:
    blocks = _document_head(answer)
    for action, status in answer.actions:
        status_text = (
            f"Status ({escape(status.as_of)}): {escape(status.status)}" if status else "No status yet."
        )
        blocks.append(section(f"*{escape(action.commitment)}*\n{status_text}"))
    return blocks


def _topic_group(answer: TopicGroupAnswer) -> list[dict]:
    return [header(answer.title)] + [
        section(f"*{escape(t.title)}*\n{bullets(t.facts)}") for t in answer.topics
    ]


def _indicator_list(answer: IndicatorListAnswer) -> list[dict]:
    blocks = [header(answer.title)]
    if not answer.rows:
        blocks.append(section("None at the moment."))
        return blocks
    for priority in answer.priorities:
        rows = [r for r in answer.rows if r.priority.key == priority.key]
        if rows:
            lines = "\n".join(row_line(r) for r in rows)
            blocks.append(section(f"*{escape(priority.name)}*\n{lines}"))
    blocks.append(
        context(
            ":large_green_circle: better   :red_circle: worse   :white_circle: no judgement or no "
            "comparison. Ask about one indicator for its details."
        )
    )
    return blocks


def _priority(answer: PriorityAnswer) -> list[dict]:
    priority = answer.priority
    blocks = [header(f"CSP priority: {priority.name}")]
    if answer.document is not None:
        blocks.append(context(escape(f"{answer.document.title}. {answer.document.subtitle}.")))
    blocks.append(section(f"*Key deliverables*\n{bullets(priority.key_deliverables, answer.focus)}"))
    if answer.rows:
        lines = "\n".join(row_line(r) for r in answer.rows)
        blocks.append(section(f"*Indicators*\n{lines}"))
    return blocks


def _deliverable(answer: DeliverableAnswer) -> list[dict]:
    deliverable = answer.deliverable
    blocks = [header("Strategic Plan deliverable"), section(f"*{escape(deliverable.text)}*")]
    if deliverable.example_outputs:
        blocks.append(section(f"*Example outputs*\n{bullets(deliverable.example_outputs, answer.focus)}"))
    if answer.document is not None:
        blocks.append(context(escape(f"{answer.document.title}. {answer.document.subtitle}")))
    return blocks


def _action(answer: ActionAnswer) -> list[dict]:
    action = answer.action
    blocks = [header("Manifesto action"), section(f"*{escape(action.commitment)}*")]
    status = answer.status
    if status is None:
        blocks.append(section("*Status*\nNo status recorded yet."))
    else:
        blocks.append(section(f"*Status*\n{escape(status.status)}"))
        who = recorder(status.recorded_by)
        blocks.append(
            context(
                escape(f"Status as of {status.as_of}; recorded {status.recorded_at[:10]} from {who}."),
                escape(f"Source: {status.source}."),
            )
        )
    if answer.document is not None:
        blocks.append(context(escape(f"{answer.document.title}: {answer.document.subtitle}")))
    return blocks


def _fact(answer: FactAnswer) -> list[dict]:
    topic = answer.topic
    return [
        header(topic.title),
        section(bullets(topic.facts, answer.focus)),
        context(escape(topic.group_title), escape(f"Source: {topic.source}.")),
    ]


def _help(answer: HelpAnswer) -> list[dict]:
    return [
        header("What I can tell you"),
        section(
            "I answer questions about the Tower Hamlets Community Safety Partnership: its "
            "performance indicators, priorities, plans, manifesto actions, successes and "
            "investments. Ask the way you would ask a colleague; try one of these:"
        ),
        buttons(answer.suggestions, "examples"),
        context("Mention me in a channel, send me a direct message, or use `/csp <question>`."),
    ]


def _declined(answer: Declined) -> list[dict]:
    if answer.declined_because:
        text = escape(answer.declined_because)
    else:
        text = "Sorry, I don't know that one: nothing I hold matches it closely enough."
    if answer.unknown_words:
        shown = ", ".join(f"“{escape(w)}”" for w in answer.unknown_words[:10])
        text += f"\nI hold nothing about {shown}."
    blocks = [section(f":thinking_face: {text}")]
    if answer.suggestions:
        blocks.append(section(f"*{answer.suggestions_heading}:*"))
        if answer.declined_because:  # what it does hold instead: not what the question meant
            blocks.append(buttons(answer.suggestions, "did_you_mean"))
        else:  # a guess: the partner's pick says which entry the question meant
            blocks.append(pick_buttons(answer.suggestions, answer.question, "did_you_mean"))
    blocks.append(context("Ask “help” to see what I can answer."))
    return blocks


def _several(answer: SeveralAnswer) -> list[dict]:
    """Each part's message in turn, a divider between; a block id names its part, as Slack
    refuses a message whose block ids repeat."""
    blocks: list[dict] = []
    for place, part in enumerate(answer.parts, start=1):
        if blocks:
            blocks.append({"type": "divider"})
        for block in build_blocks(part):
            if "block_id" in block:
                block = {**block, "block_id": f"{block['block_id']}-{place}"}
            blocks.append(block)
    return blocks


_BUILDERS = {
    SeveralAnswer: _several,
    IndicatorAnswer: _indicator,
    IndicatorListAnswer: _indicator_list,
    TopicGroupAnswer: _topic_group,
    PrioritiesDocumentAnswer: _priorities_document,
    DeliverablesDocumentAnswer: _deliverables_document,
    ActionsDocumentAnswer: _actions_document,
    PriorityAnswer: _priority,
    DeliverableAnswer: _deliverable,
    ActionAnswer: _action,
    FactAnswer: _fact,
    HelpAnswer: _help,
    Declined: _declined,
}
"""One builder per answer type."""


def _related(answer: Answer) -> list[dict]:
    if isinstance(answer, IndicatorAnswer | Declined | HelpAnswer) or not answer.related:
        return []
    block = buttons(answer.related[:3], "related")
    return [context("Related:"), block] if block else []


def _read_as(answer: Answer) -> list[dict]:
    """How a less than sure answer was read, and a button for the next reading."""
    read_as = answer.read_as
    if read_as is None:
        return []
    blocks = [context(f":mag: {escape(read_as.note)}")]
    if read_as.next_reading is not None:
        other = read_as.next_reading
        offered = Suggestion(other.key, f"Not that? {other.title}", other.question)
        blocks.append(buttons([offered], "next_reading"))
    return blocks


def build_blocks(answer: Answer) -> list[dict]:
    blocks = [b for b in _BUILDERS[type(answer)](answer) if b is not None]
    blocks.extend(_read_as(answer))
    blocks.extend(_related(answer))
    if answer.notes:
        blocks.append(context(*(escape(n) for n in answer.notes)))
    return blocks[:MAX_BLOCKS]


def build_message(answer: Answer) -> dict:
    """Blocks plus the fallback text that notifications and screen readers show."""
    return {"text": clip(escape(render_text(answer)), MAX_FALLBACK), "blocks": build_blocks(answer)}
