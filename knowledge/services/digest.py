"""The weekly digest: what changed since the last one, as one value the renderers turn into
plain text or Block Kit.

- figures people changed since the last digest (old -> new, period, by whom), read from the
  figure history, so an undo shows too; the seed's own rows are not changes anyone made;
- indicators better or worse than a year before, judged by which way is better;
- manifesto actions whose status changed;
- how many taskings were raised and closed; their details only for a channel allowed them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from knowledge.answering import Knowledge
from knowledge.answering.types import IndicatorView
from knowledge.domain.judgement import Judgement
from knowledge.domain.models import Action, Indicator
from knowledge.domain.periods import Period
from knowledge.domain.taskings import Tasking
from knowledge.services.history import history
from knowledge.store import SEED_SOURCE
from knowledge.store.db import select
from knowledge.store.taskings import all_taskings, updates_between

DIGEST = "digest"
DEFAULT_SPAN = timedelta(days=7)


@dataclass(frozen=True)
class FigureChange:
    indicator: Indicator
    period: Period
    old: float | None
    new: float | None
    by: tuple[str, ...]
    at: str


@dataclass(frozen=True)
class StatusChange:
    action: Action
    old: str | None
    new: str
    by: str
    at: str


@dataclass(frozen=True)
class TaskingCounts:
    new: int
    closed: int
    details: tuple[Tasking, ...] | None = None
    """The new and closed taskings themselves: only for a channel allowed tasking details."""


@dataclass(frozen=True)
class Digest:
    since: datetime
    until: datetime
    figures: tuple[FigureChange, ...]
    worse: tuple[IndicatorView, ...]
    better: tuple[IndicatorView, ...]
    statuses: tuple[StatusChange, ...]
    taskings: TaskingCounts
    late_for: datetime | None = None
    """When it was due, if it goes out late after the bot was down."""

    @property
    def headline(self) -> str:
        """ "2 indicators worse than a year before; 5 figures updated; …" in one line."""
        parts = [
            f"{plural(len(self.worse), 'indicator')} worse than a year before, {len(self.better)} better",
            f"{plural(len(self.figures), 'figure')} updated",
            f"{plural(len(self.statuses), 'action status', 'action statuses')} changed",
            f"{plural(self.taskings.new, 'tasking')} raised, {self.taskings.closed} closed",
        ]
        return "; ".join(parts)


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else many or one + 's'}"


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def figure_changes(knowledge: Knowledge, since: datetime, until: datetime) -> list[FigureChange]:
    """Each indicator and period changed in the window, once: first old -> last new."""
    ctx, _ = knowledge.current()
    start, end = _iso(since), _iso(until)
    changes = []
    for indicator in ctx.catalogue.indicators:
        by_period: dict[str, list] = {}
        for line in history(knowledge.store, indicator.key):
            if start < line.at <= end and line.source != SEED_SOURCE:
                by_period.setdefault(line.period.code, []).append(line)
        for lines in by_period.values():
            old, new = lines[0].old, lines[-1].new
            if old == new:
                continue  # changed and changed back within the week
            actors = tuple(dict.fromkeys(line.actor for line in lines))
            changes.append(FigureChange(indicator, lines[0].period, old, new, actors, lines[-1].at))
    return sorted(changes, key=lambda c: c.at)


def status_changes(knowledge: Knowledge, since: datetime, until: datetime) -> list[StatusChange]:
    ctx, _ = knowledge.current()
    actions = {a.key: a for a in ctx.catalogue.actions}
    rows = select(knowledge.store.db, "SELECT * FROM action_statuses ORDER BY id")
    held: dict[str, str | None] = {}
    changes = []
    start, end = _iso(since), _iso(until)
    for row in rows:
        before = held.get(row["action_key"])
        now_status = None if row.get("withdrawn") else row["status"]
        held[row["action_key"]] = now_status
        wanted = start < row["recorded_at"] <= end and row["recorded_by"] != SEED_SOURCE
        if wanted and now_status and now_status != before and row["action_key"] in actions:
            changes.append(
                StatusChange(
                    actions[row["action_key"]], before, now_status, row["recorded_by"], row["recorded_at"]
                )
            )
    return changes


def tasking_counts(knowledge: Knowledge, since: datetime, until: datetime, details: bool) -> TaskingCounts:
    db = knowledge.store.db
    start, end = _iso(since), _iso(until)
    raised = {t.ref: t for t in all_taskings(db) if start < t.created_at <= end}
    closed_refs = [u["ref"] for u in updates_between(db, start, end) if u["action"] == "close"]
    shown = None
    if details:
        everything = {t.ref: t for t in all_taskings(db)}
        shown = tuple({**raised, **{r: everything[r] for r in closed_refs}}.values())
    return TaskingCounts(len(raised), len(set(closed_refs)), shown)


def build_digest(
    knowledge: Knowledge,
    since: datetime,
    until: datetime,
    *,
    tasking_details: bool = False,
    late_for: datetime | None = None,
) -> Digest:
    ctx, _ = knowledge.current()
    views = ctx.latest_views
    judged = [v for v in views if v.change is not None]
    return Digest(
        since=since,
        until=until,
        figures=tuple(figure_changes(knowledge, since, until)),
        worse=tuple(v for v in judged if v.change.judgement is Judgement.WORSE),
        better=tuple(v for v in judged if v.change.judgement is Judgement.BETTER),
        statuses=tuple(status_changes(knowledge, since, until)),
        taskings=tasking_counts(knowledge, since, until, tasking_details),
        late_for=late_for,
    )


def digest_since(knowledge: Knowledge, channel: str | None, now: datetime) -> datetime:
    """From the last digest posted (to this channel, or anywhere), else a week back."""
    last = knowledge.store.runs.last_posted(DIGEST, channel)
    if last and last["posted_at"]:
        return datetime.fromisoformat(last["posted_at"])
    return now - DEFAULT_SPAN
