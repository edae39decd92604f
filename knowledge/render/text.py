"""Answers as plain, readable text: what `csp-bot ask` prints and the basis of Slack's fallback.

Laid out as the Block Kit answer is: a line naming the thing, the figure (or the status)
first, what it is compared with, and one line of small print at the end.
"""

from __future__ import annotations

from datetime import date

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
    Thanks,
    TopicGroupAnswer,
)
from knowledge.domain.models import ActionStatus
from knowledge.render import says
from knowledge.render.lists import list_period, row_parts
from knowledge.render.phrasing import (
    JUDGEMENT_SYMBOLS,
    LEGEND,
    NO_COMPARISON,
    SEED,
    age_note,
    comparison,
    confidence_words,
    headline_rest,
    judgement_of,
    latest_period,
    missing_period_note,
    movement,
    number,
    recorded,
    reported_note,
    source_said,
)
from knowledge.render.progress import PROGRESS_SYMBOLS, as_of_words, badge_words, progress

Lines = list[str | None]


def render_text(answer: Answer, today: date | None = None) -> str:
    """The answer as plain text; `today` (by default the real one) says how old a figure is."""
    lines = _RENDERERS[type(answer)](answer, today or date.today())
    small = lines.pop() if lines and type(answer) in _WITH_SMALL_PRINT else None
    lines.append(says.read_as_note(answer))
    lines.extend(answer.notes)
    lines.append(small)
    return "\n".join(line for line in lines if line is not None).strip()


def _bullets(items: list[str] | tuple[str, ...], focus: int | None) -> list[str]:
    """One line an item; the one the question matched is marked, as the Block Kit answer
    puts it in bold."""
    return [f"  ▸ {text}" if i == focus else f"  • {text}" for i, text in enumerate(items)]


def _small_print(*parts: str | None) -> str | None:
    said = " · ".join(p for p in parts if p)
    return said or None


def headline(view: IndicatorView) -> str:
    """ "830 knife crimes in Jan-Dec 2018 · 🟢 down 6.6% on 2017"."""
    current = view.current
    if current is None:
        return f"No figure held for {view.indicator.name}"
    text = f"{number(current.value, view.indicator.unit)} {headline_rest(view)}"
    moved = movement(view)
    return text + (f" · {JUDGEMENT_SYMBOLS[judgement_of(view)]} {moved}" if moved else "")


def figure_small_print(view: IndicatorView) -> str | None:
    current = view.current
    if current is None:
        return None
    origin = (
        source_said(current.source)
        if current.recorded_by == SEED
        else recorded(current.recorded_by, current.recorded_at, current.source)
    )
    return _small_print(origin, confidence_words(view.indicator, current))


def _indicator(answer: IndicatorAnswer, today: date) -> Lines:
    view = answer.indicator
    indicator = view.indicator
    return [
        indicator.short_name,
        headline(view),
        comparison(view),
        reported_note(view),
        indicator.note,
        indicator.priority_note,
        missing_period_note(view),
        age_note(latest_period([view]), today),
        figure_small_print(view),
    ]


def row_line(view: IndicatorView, with_period: bool) -> str:
    parts = row_parts(view, with_period)
    symbol = JUDGEMENT_SYMBOLS[judgement_of(view) if view.change else NO_COMPARISON]
    if parts.figure is None:
        return f"  {symbol} {parts.name}: {parts.rest}"
    return f"  {symbol} {parts.figure} {parts.name}" + (f" · {parts.rest}" if parts.rest else "")


def _rows(rows: tuple[IndicatorView, ...], today: date, lines: Lines) -> bool:
    """The period the rows share and how old it is, into lines; whether each row says its own."""
    period, with_period = list_period(rows)
    lines.append(period)
    lines.append(age_note(latest_period(rows), today))
    return with_period


def list_small_print(rows: tuple[IndicatorView, ...]) -> str | None:
    legend = " ".join(f"{JUDGEMENT_SYMBOLS[j]} {w}" for j, w in LEGEND)
    return _small_print(legend, says.origins(rows))


def _indicator_list(answer: IndicatorListAnswer, today: date) -> Lines:
    lines: Lines = [answer.title]
    if not answer.rows:
        return [*lines, "None at the moment.", None]
    with_period = _rows(answer.rows, today, lines)
    for priority in answer.priorities:
        rows = [r for r in answer.rows if r.priority.key == priority.key]
        if rows:
            lines.append(priority.name)
            lines.extend(row_line(r, with_period) for r in rows)
    return [*lines, list_small_print(answer.rows)]


def _priority(answer: PriorityAnswer, today: date) -> Lines:
    priority = answer.priority
    lines: Lines = [priority.name, "Key deliverables:"]
    lines.extend(_bullets(priority.key_deliverables, answer.focus))
    if answer.rows:
        lines.append("Indicators:")
        with_period = _rows(answer.rows, today, lines)
        lines.extend(row_line(r, with_period) for r in answer.rows)
    return [*lines, _small_print(*says.document_origin(answer.document, "A CSP priority"))]


def status_line(status: ActionStatus | None, today: date) -> str:
    """ "✅ Done · as of early 2019": the badge in words and emoji, and how old it is."""
    state = progress(status)
    badge = f"{PROGRESS_SYMBOLS[state]} {badge_words(state)}"
    if status is None:
        return f"{badge} · no status recorded yet"
    return f"{badge} · {as_of_words(status, today)}"


def status_small_print(status: ActionStatus | None) -> str | None:
    if status is None or status.recorded_by == SEED:
        return None
    return recorded(status.recorded_by, status.recorded_at)


def _deliverable(answer: DeliverableAnswer, today: date) -> Lines:
    deliverable, status = answer.deliverable, answer.status
    lines: Lines = [answer.title, status_line(status, today)]
    if status is not None:
        lines.append(status.status)
    lines.append(f"Strategic Plan deliverable: {deliverable.text}")
    if deliverable.example_outputs:
        lines.append("Example outputs:")
        lines.extend(_bullets(deliverable.example_outputs, answer.focus))
    origin = says.document_origin(answer.document, "A Strategic Plan deliverable")
    return [*lines, _small_print(status_small_print(status), *origin)]


def _action(answer: ActionAnswer, today: date) -> Lines:
    status = answer.status
    lines: Lines = [answer.title, status_line(status, today)]
    if status is not None:
        lines.append(status.status)
    lines.append(f"Manifesto action: {answer.action.commitment}")
    origin = says.document_origin(answer.document, "A manifesto action")
    return [*lines, _small_print(status_small_print(status), *origin)]


def _document_origin(answer: DocumentAnswer) -> str | None:
    return _small_print(*says.document_origin(answer.document, None))


def _priorities_document(answer: PrioritiesDocumentAnswer, today: date) -> Lines:
    lines: Lines = [answer.title]
    for priority in answer.priorities:
        lines.append(priority.name)
        lines.extend(f"  • {d}" for d in priority.key_deliverables)
    return [*lines, _document_origin(answer)]


def _deliverables_document(answer: DeliverablesDocumentAnswer, today: date) -> Lines:
    lines: Lines = [answer.title, answer.document.subtitle]
    for deliverable in answer.deliverables:
        lines.append(deliverable.text)
        lines.extend(f"  • {o}" for o in deliverable.example_outputs)
    return [*lines, _document_origin(answer)]


def _actions_document(answer: ActionsDocumentAnswer, today: date) -> Lines:
    lines: Lines = [answer.title, answer.document.subtitle]
    for action, status in answer.actions:
        lines.append(action.commitment)
        lines.append(f"  {status_line(status, today)}")
        if status is not None:
            lines.append(f"  {status.status}")
    return [*lines, _document_origin(answer)]


def _topic_group(answer: TopicGroupAnswer, today: date) -> Lines:
    lines: Lines = [answer.title]
    for topic in answer.topics:
        lines.append(topic.title)
        lines.extend(f"  • {fact}" for fact in topic.facts)
    sources = says.sources(t.source for t in answer.topics)
    return [*lines, _small_print(*sources)]


def _fact(answer: FactAnswer, today: date) -> Lines:
    topic = answer.topic
    lines: Lines = [topic.title, *_bullets(topic.facts, answer.focus)]
    group = topic.group_title if topic.group_title != topic.title else None
    return [*lines, _small_print(group, source_said(topic.source))]


def _help(answer: HelpAnswer, today: date) -> Lines:
    return [
        answer.title,
        says.HELP_INTRO,
        "Try:",
        *(f"  • {s.question}" for s in answer.suggestions),
        says.HELP_WHERE,
    ]


def _declined(answer: Declined, today: date) -> Lines:
    lines: Lines = [answer.title, *says.not_understood(answer)]
    if answer.suggestions:
        lines.append(f"{answer.suggestions_heading}:")
        lines.extend(f"  • {s.title}" for s in answer.suggestions)
    return [*lines, says.ASK_HELP]


def _thanks(answer: Thanks, today: date) -> Lines:
    return [says.thanks_reply(answer)]


def _several(answer: SeveralAnswer, today: date) -> Lines:
    """Each part's answer in turn, a blank line between."""
    lines: Lines = []
    for part in answer.parts:
        if lines:
            lines.append("")
        lines.append(render_text(part, today))
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
    Thanks: _thanks,
}
"""One renderer per answer type."""
_WITH_SMALL_PRINT = frozenset(_RENDERERS) - {SeveralAnswer, Thanks}
"""The renderers whose last line is the small print: notes go above it."""
