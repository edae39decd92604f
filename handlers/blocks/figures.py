"""Figures as Block Kit: one indicator, and lists of them. The figure comes first and bold,
said once; then what it is compared with; then one line of small print."""

from __future__ import annotations

from datetime import date

from handlers.blocks.kit import (
    actions,
    ask_buttons,
    escape,
    header,
    person,
    report_button,
    section,
    small_print,
)
from knowledge.answering.types import IndicatorAnswer, IndicatorListAnswer, IndicatorView, Suggestion
from knowledge.render import says
from knowledge.render.lists import list_follow_ups, list_period, row_parts
from knowledge.render.phrasing import (
    JUDGEMENT_EMOJI,
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

PRIORITY_BUTTON = "{} indicators"


def headline(view: IndicatorView) -> str:
    """ "*830* knife crimes in Jan-Dec 2018 · :large_green_circle: down 6.6% on 2017"."""
    current = view.current
    if current is None:
        return f"*No figure held* for {escape(view.indicator.name)}"
    text = f"*{number(current.value, view.indicator.unit)}* {escape(headline_rest(view))}"
    moved = movement(view)
    if moved:
        text += f" · {JUDGEMENT_EMOJI[judgement_of(view)]} {escape(moved)}"
    return text


def indicator_blocks(answer: IndicatorAnswer, today: date) -> list[dict]:
    view = answer.indicator
    indicator = view.indicator
    lines = [headline(view)]
    for line in (comparison(view), reported_note(view), indicator.note, indicator.priority_note):
        if line:
            lines.append(escape(line))
    missing = missing_period_note(view)
    if missing:
        lines.append(f":warning: {escape(missing)}")
    old = age_note(latest_period([view]), today)
    if old:
        lines.append(f":hourglass: {escape(old)}")
    blocks = [header(indicator.short_name), section("\n".join(lines))]
    blocks.append(figure_small_print(view))
    follow_ups = []
    if view.change is None and len(view.held_periods) >= 2:
        follow_ups.append(
            Suggestion(indicator.key, "Compare with last year", f"{indicator.short_name} vs last year")
        )
    name = view.priority.name
    label = PRIORITY_BUTTON.format(name)
    follow_ups.append(
        Suggestion(f"list:{view.priority.key}", label if len(label) <= 30 else "Related indicators", label)
    )
    elements = ask_buttons(follow_ups)
    report = report_button(view, answer.question)
    if report is not None:
        elements.append(report)
    blocks.append(actions(elements, "follow_ups"))
    return blocks


def figure_small_print(view: IndicatorView) -> dict:
    """Where the figure comes from (or who recorded it, and when) and how sure it is."""
    current = view.current
    if current is None:
        return small_print("No figure held")
    if current.recorded_by == SEED:
        origin = escape(source_said(current.source))
    else:
        origin = recorded(person(current.recorded_by), current.recorded_at, current.source)
    return small_print(origin, escape(confidence_words(view.indicator, current) or ""))


def row_text(view: IndicatorView, with_period: bool) -> str:
    """One indicator in a list: emoji, the figure in bold, its name, how it moved."""
    parts = row_parts(view, with_period)
    emoji = JUDGEMENT_EMOJI[judgement_of(view) if view.change else NO_COMPARISON]
    if parts.figure is None:
        return f"{emoji} {escape(parts.name)}: {escape(parts.rest)}"
    text = f"{emoji} *{parts.figure}* {escape(parts.name)}"
    return text + (f" · {escape(parts.rest)}" if parts.rest else "")


def rows_text(rows: list[IndicatorView] | tuple[IndicatorView, ...], with_period: bool) -> str:
    return "\n".join(row_text(r, with_period) for r in rows)


def list_small_print(rows: tuple[IndicatorView, ...]) -> dict:
    """The legend of the emoji, and where the figures come from."""
    legend = " ".join(f"{JUDGEMENT_EMOJI[j]} {w}" for j, w in LEGEND)
    return small_print(legend, escape(says.origins(rows)))


def indicator_list_blocks(answer: IndicatorListAnswer, today: date) -> list[dict]:
    blocks = [header(answer.title)]
    if not answer.rows:
        blocks.append(section("None at the moment."))
    else:
        period, with_period = list_period(answer.rows)
        lead = [escape(period)] if period else []
        old = age_note(latest_period(answer.rows), today)
        if old:
            lead.append(f":hourglass: {escape(old)}")
        if lead:
            blocks.append(section("\n".join(lead)))
        for priority in answer.priorities:
            rows = [r for r in answer.rows if r.priority.key == priority.key]
            if rows:
                blocks.append(section(f"*{escape(priority.name)}*\n{rows_text(rows, with_period)}"))
    blocks.append(list_small_print(answer.rows))
    blocks.append(actions(ask_buttons(list_follow_ups(answer)), "follow_ups"))
    return blocks
