"""Answers as plain, readable text: what `csp-bot ask` prints and the basis of Slack's fallback."""

from __future__ import annotations

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
    IndicatorView,
    PrioritiesDocumentAnswer,
    PriorityAnswer,
    SeveralAnswer,
    TopicGroupAnswer,
)
from knowledge.render.phrasing import (
    JUDGEMENT_WORDS,
    change_summary,
    confidence_note,
    direction_of_travel,
    headline,
    missing_period_note,
    number,
    recorder,
    updated_note,
)


def _bullets(items: list[str] | tuple[str, ...], focus: int | None) -> list[str]:
    """One line an item; the one the question matched is marked, as the Block Kit answer
    puts it in bold."""
    return [f"  ▸ {text}" if i == focus else f"  • {text}" for i, text in enumerate(items)]


def render_text(answer: Answer) -> str:
    lines = _RENDERERS[type(answer)](answer)
    if answer.read_as is not None:
        lines.insert(0, answer.read_as.note)
    lines.extend(answer.notes)
    return "\n".join(line for line in lines if line is not None).strip()


def indicator_line(view: IndicatorView) -> str:
    """One row of a list: "Knife crime: 830 (2017: 889, −59 (−6.6%)) better"."""
    indicator, current = view.indicator, view.current
    if current is None:
        return f"{indicator.short_name}: no figure held"
    text = f"{indicator.short_name}: {number(current.value, indicator.unit)} ({current.period.short_label}"
    if view.previous is not None and view.change is not None:
        text += (
            f"; {view.previous.period.short_label}: {number(view.previous.value, indicator.unit)}, "
            f"{change_summary(view.change, indicator.unit)}, {JUDGEMENT_WORDS[view.change.judgement]}"
        )
    return text + ")"


def _indicator(answer: IndicatorAnswer) -> list[str]:
    view = answer.indicator
    lines = [answer.title, missing_period_note(view), headline(view)]
    if view.change is not None:
        lines.append(f"Change: {change_summary(view.change, view.indicator.unit)}")
    lines.append(f"Direction of travel: {direction_of_travel(view)}")
    lines.append(f"CSP priority: {view.priority.name}")
    for note in (view.indicator.note, view.indicator.priority_note, confidence_note(view.indicator)):
        if note:
            lines.append(note)
    lines.append(updated_note(view))
    return lines


def _document_head(answer: DocumentAnswer) -> list[str]:
    return [answer.title, answer.document.subtitle]


def _priorities_document(answer: PrioritiesDocumentAnswer) -> list[str]:
    lines = _document_head(answer)
    for priority in answer.priorities:
        lines.append(f"• {priority.name}")
        lines.extend(f"    – {d}" for d in priority.key_deliverables)
    return lines


def _deliverables_document(answer: DeliverablesDocumentAnswer) -> list[str]:
    lines = _document_head(answer)
    for deliverable in answer.deliverables:
        lines.append(f"• {deliverable.text}")
        lines.extend(f"    – {o}" for o in deliverable.example_outputs)
    return lines


def _actions_document(answer: ActionsDocumentAnswer) -> list[str]:
    lines = _document_head(answer)
    for action, status in answer.actions:
        lines.append(f"• {action.commitment}")
        if status:
            lines.append(f"    Status ({status.as_of}): {status.status}")
    return lines


def _topic_group(answer: TopicGroupAnswer) -> list[str]:
    lines = [answer.title]
    for topic in answer.topics:
        lines.append(f"• {topic.title}")
        lines.extend(f"    – {fact}" for fact in topic.facts)
    return lines


def _indicator_list(answer: IndicatorListAnswer) -> list[str]:
    lines = [answer.title]
    if not answer.rows:
        lines.append("None at the moment.")
        return lines
    for priority in answer.priorities:
        rows = [r for r in answer.rows if r.priority.key == priority.key]
        if rows:
            lines.append(priority.name)
            lines.extend(f"  • {indicator_line(r)}" for r in rows)
    return lines


def _priority(answer: PriorityAnswer) -> list[str]:
    priority = answer.priority
    lines = [f"CSP priority: {priority.name}"]
    if answer.document is not None:
        lines.append(f"{answer.document.title} ({answer.document.subtitle})")
    lines.append("Key deliverables:")
    lines.extend(_bullets(priority.key_deliverables, answer.focus))
    if answer.rows:
        lines.append("Indicators:")
        lines.extend(f"  • {indicator_line(r)}" for r in answer.rows)
    return lines


def _deliverable(answer: DeliverableAnswer) -> list[str]:
    deliverable = answer.deliverable
    lines = [deliverable.text]
    if answer.document is not None:
        lines.append(f"{answer.document.title}. {answer.document.subtitle}")
    lines.append("Example outputs:")
    lines.extend(_bullets(deliverable.example_outputs, answer.focus))
    return lines


def _action(answer: ActionAnswer) -> list[str]:
    action = answer.action
    lines = [f"Action: {action.commitment}"]
    if answer.document is not None:
        lines.append(f"From: {answer.document.title}")
    if answer.status is None:
        lines.append("Status: none recorded yet.")
    else:
        status = answer.status
        lines.append(f"Status: {status.status}")
        who = recorder(status.recorded_by)
        lines.append(
            f"Status as of {status.as_of}; recorded {status.recorded_at[:10]} from {who}. "
            f"Source: {status.source}."
        )
    return lines


def _fact(answer: FactAnswer) -> list[str]:
    topic = answer.topic
    lines = [f"{topic.title} ({topic.group_title})"]
    lines.extend(_bullets(topic.facts, answer.focus))
    lines.append(f"Source: {topic.source}.")
    return lines


def _help(answer: HelpAnswer) -> list[str]:
    return [
        "I answer questions about the Tower Hamlets Community Safety Partnership: its performance "
        "indicators, priorities, plans, manifesto actions, successes and investments.",
        "Try:",
        *(f"  • {s.question}" for s in answer.suggestions),
    ]


def _declined(answer: Declined) -> list[str]:
    if answer.declined_because:
        lines = [answer.declined_because]
    else:
        lines = ["Sorry, I don't know that one: nothing I hold matches it closely enough."]
    if answer.unknown_words:
        lines.append("Words I don't hold anything about: " + ", ".join(answer.unknown_words) + ".")
    if answer.suggestions:
        lines.append(f"{answer.suggestions_heading}:")
        lines.extend(f"  • {s.title}" for s in answer.suggestions)
    lines.append("Ask “help” to see what I can answer.")
    return lines


def _several(answer: SeveralAnswer) -> list[str]:
    """Each part's answer in turn, a blank line between."""
    lines: list[str] = []
    for part in answer.parts:
        if lines:
            lines.append("")
        lines.append(render_text(part))
    return lines


_RENDERERS = {
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
"""One renderer per answer type."""
