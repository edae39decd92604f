"""The weekly digest and the tasking summary as plain text: what `--preview` prints, and the
fallback text of the Slack message. The lines are shared with the Block Kit builders."""

from __future__ import annotations

from knowledge.domain.schedule import LONDON, when_label
from knowledge.render.lists import list_period
from knowledge.render.phrasing import number, recorder
from knowledge.render.text import row_line
from knowledge.services.digest import Digest, FigureChange, StatusChange


def day_label(moment) -> str:
    local = moment.astimezone(LONDON)
    return f"{local:%a} {local.day} {local:%b %Y}"


def title(digest: Digest) -> str:
    return f"Community Safety Partnership weekly digest, {day_label(digest.until)}"


def late_note(digest: Digest) -> str | None:
    if digest.late_for is None:
        return None
    return (
        f"This digest is late: it was due {when_label(digest.late_for)} and goes out now, "
        "after the bot was unavailable."
    )


def _value(change: FigureChange, value: float | None) -> str:
    return "none" if value is None else number(value, change.indicator.unit)


def figure_line(change: FigureChange) -> str:
    return (
        f"{change.indicator.short_name}, {change.period.short_label}: "
        f"{_value(change, change.old)} → {_value(change, change.new)}"
    )


def status_line(change: StatusChange) -> str:
    before = change.old or "no status"
    return f"{change.action.commitment}: “{before}” → “{change.new}”"


def tasking_count_line(digest: Digest) -> str:
    counts = digest.taskings
    return f"PTF taskings this week: {counts.new} raised, {counts.closed} closed."


def render_digest(digest: Digest) -> str:
    lines = [title(digest), digest.headline]
    note = late_note(digest)
    if note:
        lines.append(note)
    lines.append(f"\nFigures updated since {day_label(digest.since)}:")
    lines += [
        f"  • {figure_line(c)} (by {', '.join(recorder(b) for b in c.by)})" for c in digest.figures
    ] or ["  • none"]
    for heading, views in (("Worse", digest.worse), ("Better", digest.better)):
        period, with_period = list_period(views)
        lines.append(f"\n{heading} than a year before" + (f" ({period}):" if period and views else ":"))
        lines += [row_line(v, with_period) for v in views] or ["  • none"]
    lines.append("\nAction statuses changed:")
    lines += [f"  • {status_line(c)} (by {recorder(c.by)})" for c in digest.statuses] or ["  • none"]
    lines.append("\n" + tasking_count_line(digest))
    for tasking in digest.taskings.details or ():
        lines.append(f"  • {tasking.ref} ({tasking.theme.value}, {tasking.ward}): {tasking.status.value}")
    lines.append("\nThe whole scorecard is on the bot's Home tab in Slack.")
    return "\n".join(lines)
