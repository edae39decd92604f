"""PTF taskings as plain text: the summary `csp-bot tasking --preview` prints and the fallback
text of the Slack message; one line per tasking, shared with the Block Kit builders."""

from __future__ import annotations

from knowledge.domain.schedule import when_label
from knowledge.domain.taskings import Tasking
from knowledge.render.digest import day_label
from knowledge.services.tasking_summary import TaskingSummaryView

EXAMPLES_NOTE = "Includes EXAMPLE taskings loaded by `csp-bot demo-taskings`: they are not real."
RESTRICTED = "Police intelligence: personal data under Part 3 of the Data Protection Act 2018. Do not share."


def summary_title(summary: TaskingSummaryView) -> str:
    return f"PTF tasking summary, {day_label(summary.until)}"


def tasking_line(tasking: Tasking) -> str:
    """ "PTF-2024-001 · drug dealing · Whitechapel (Market) · Council CCTV · review 2 May: ask"."""
    where = f"{tasking.ward} ({tasking.location})" if tasking.location else tasking.ward
    return (
        f"{tasking.ref} · {tasking.theme.value} · {where} · {tasking.lead_agency} · "
        f"{tasking.status.value} · review {tasking.review_on:%d %b}: {tasking.ask}"
    )


def outcome_line(tasking: Tasking) -> str:
    return f"{tasking.ref} ({tasking.status.value}): {tasking.outcomes.words()}"


def late_line(summary: TaskingSummaryView) -> str | None:
    if summary.late_for is None:
        return None
    return f"This summary is late: it was due {when_label(summary.late_for)} and goes out now."


def render_summary(summary: TaskingSummaryView) -> str:
    lines = [summary_title(summary), summary.headline, RESTRICTED]
    for note in (late_line(summary), EXAMPLES_NOTE if summary.has_examples else None):
        if note:
            lines.append(note)
    sections = (
        ("New this week", [tasking_line(t) for t in summary.new]),
        ("Open by theme", [f"{theme}: {n}" for theme, n in summary.open_by_theme]),
        ("Open by ward", [f"{ward}: {n}" for ward, n in summary.open_by_ward]),
        ("Reviews overdue", [tasking_line(t) for t in summary.overdue]),
        ("Completed or closed this week", [outcome_line(t) for t in summary.completed]),
        ("Against the commitments", [f"{c.text}: {c.detail}" for c in summary.commitments]),
    )
    for heading, items in sections:
        lines.append(f"\n{heading}:")
        lines += [f"  • {item}" for item in items] or ["  • none"]
    return "\n".join(lines)
