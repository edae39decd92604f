"""How an import is told, as plain lines: the dry run's summary, what an import wrote, and
an undone batch. The CLI prints them; Slack shows them escaped, under a button."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.domain.models import Unit
from knowledge.domain.periods import Period
from knowledge.render.phrasing import number
from knowledge.services.import_undo import BatchUndone
from knowledge.services.imports import ImportPlan, ImportResult, IndicatorChanges, Revision

REVISIONS_SHOWN = 3


@dataclass(frozen=True)
class Summary:
    headline: str
    lines: tuple[str, ...]
    """One per indicator the file feeds."""
    notes: tuple[str, ...]


def month_runs(periods: list[Period] | tuple[Period, ...]) -> str:
    """Months as runs: "Apr 2010–May 2018, Jun 2020–Sep 2023"."""
    runs: list[list[Period]] = []
    for period in sorted(periods):
        last = runs[-1][-1] if runs else None
        if last is not None and _months_apart(last, period) == 1:
            runs[-1].append(period)
        else:
            runs.append([period])
    return ", ".join(r[0].label if len(r) == 1 else f"{r[0].label}–{r[-1].label}" for r in runs)


def _months_apart(first: Period, second: Period) -> int:
    return (second.start.year - first.start.year) * 12 + second.start.month - first.start.month


def _revisions(revised: tuple[Revision, ...]) -> str:
    shown = [
        f"{r.period.label} {number(r.old, Unit.COUNT)} → {number(r.new, Unit.COUNT)}"
        for r in revised[:REVISIONS_SHOWN]
    ]
    more = len(revised) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more else "")


def indicator_line(changes: IndicatorChanges) -> str:
    name = changes.name + (" (new indicator)" if changes.made else "")
    parts = []
    if changes.new:
        parts.append(f"{len(changes.new)} new ({month_runs(changes.new)})")
    if changes.revised:
        parts.append(f"{len(changes.revised)} revised ({_revisions(changes.revised)})")
    if changes.unchanged:
        parts.append(f"{changes.unchanged} unchanged")
    if changes.kept:
        parts.append(f"{len(changes.kept)} kept as held from a later file ({_revisions(changes.kept)})")
    return f"{name}: {'; '.join(parts) or 'nothing'}"


def _file_line(plan: ImportPlan) -> str:
    span = f"{plan.months[0].label} to {plan.months[-1].label}" if plan.months else "no months"
    return f"{plan.file_name} ({plan.borough}; {plan.rows_read:,} rows; {len(plan.months)} months, {span})"


def _counts(plan: ImportPlan) -> str:
    return f"{plan.new_count:,} new, {plan.revised_count:,} revised, {plan.unchanged_count:,} unchanged"


def _all_held(plan: ImportPlan) -> str:
    if plan.kept_count:
        return "every month is held already, as this file gives it or from a later file"
    return "every month is held already"


def _notes(plan: ImportPlan) -> tuple[str, ...]:
    notes = []
    if plan.not_fed:
        notes.append(
            "No row of this file counts towards "
            + "; ".join(plan.not_fed)
            + ": check the names in data/police_categories.yaml against the file."
        )
    if plan.kept_count:
        notes.append(
            f"{plan.kept_count:,} months differ from figures held from a later file (one whose months run "
            "past this file's last): the later figures are the Met's revisions, so they are kept."
        )
    return tuple(notes)


def plan_summary(plan: ImportPlan) -> Summary:
    """The dry run: what importing the file would change, by indicator."""
    if plan.changes_anything:
        headline = (
            f"Importing {_file_line(plan)} would change {len(plan.figures):,} monthly figures "
            f"in {len(plan.indicators)} indicators ({_counts(plan)})."
        )
    else:
        headline = f"{_file_line(plan)}: nothing to change, {_all_held(plan)} ({_counts(plan)})."
    return Summary(headline, tuple(indicator_line(i) for i in plan.indicators), _notes(plan))


def result_summary(result: ImportResult, undo_hint: str) -> Summary:
    """What an import wrote; `undo_hint` says how to take it back ({batch} is its number)."""
    plan = result.plan
    if result.batch_id is None:
        before = f" (imported before as batch {result.same_file_batch})" if result.same_file_batch else ""
        return Summary(
            f"Nothing imported from {_file_line(plan)}: {_all_held(plan)}{before}.",
            (),
            _notes(plan),
        )
    headline = (
        f"Imported {_file_line(plan)} as batch {result.batch_id}: {_counts(plan)}. "
        + undo_hint.format(batch=result.batch_id)
    )
    return Summary(headline, tuple(indicator_line(i) for i in plan.indicators), _notes(plan))


def undone_text(undone: BatchUndone) -> str:
    batch = undone.batch
    what = "Already undone" if undone.repeated else "Undone"
    text = (
        f"{what}: import batch {batch.id} ({batch.file_name}, {batch.borough}, "
        f"{batch.imported_at[:10]}): {undone.restored:,} months given back their value before, "
        f"{undone.withdrawn:,} months it added taken away"
    )
    if undone.indicators_withdrawn:
        text += f"; indicators it made withdrawn: {', '.join(undone.indicators_withdrawn)}"
    return text + "."


def as_text(summary: Summary) -> str:
    return "\n".join([summary.headline, *(f"  {line}" for line in summary.lines), *summary.notes])
