"""The PTF tasking summary, and who may see tasking details where.

Taskings are police intelligence (personal data under Part 3 of the Data Protection Act
2018): the summary goes only to the private channels in `CSP_TASKING_CHANNELS` (and the
command line of the machine that holds the store), and every post, every view and every
refusal is written to the access log.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from math import ceil

from knowledge.domain.schedule import local_date
from knowledge.domain.taskings import Commitments, Source, Tasking, Theme
from knowledge.store import Store
from knowledge.store.access_log import Access
from knowledge.store.taskings import all_taskings, updates_between

TASKING = "tasking"
CLI = "cli"
WEEK = timedelta(days=7)


class TaskingRefused(PermissionError):
    """Tasking details asked for where they may not be shown; the refusal is in the access log."""


@dataclass(frozen=True)
class Commitment:
    text: str
    done: int
    target: int
    detail: str


@dataclass(frozen=True)
class TaskingSummaryView:
    until: datetime
    new: tuple[Tasking, ...]
    open_by_theme: tuple[tuple[str, int], ...]
    open_by_ward: tuple[tuple[str, int], ...]
    overdue: tuple[Tasking, ...]
    completed: tuple[Tasking, ...]
    commitments: tuple[Commitment, ...]
    has_examples: bool
    late_for: datetime | None = None

    @property
    def headline(self) -> str:
        open_count = sum(n for _, n in self.open_by_theme)
        return (
            f"{len(self.new)} new this week; {open_count} open; {len(self.overdue)} overdue for review; "
            f"{len(self.completed)} completed or closed this week"
        )


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _cctv(taskings: list[Tasking], store: Store, now: datetime, commitments: Commitments) -> Commitment:
    cctv = {t.ref for t in taskings if t.source is Source.CCTV}
    week = updates_between(store.db, _iso(now - WEEK), _iso(now + timedelta(seconds=1)))
    this_week = sum(u["added"].arrests for u in week if u["ref"] in cctv)
    total = sum(t.outcomes.arrests for t in taskings if t.ref in cctv)
    first: date | None = min((t.raised_on for t in taskings if t.ref in cctv), default=None)
    weeks = max(1, ceil(((local_date(now) - first).days + 1) / 7)) if first else 0
    per_week = commitments.cctv_arrests_per_week
    detail = f"this week {this_week} of {per_week}"
    if first:
        detail += f"; since {first:%d %b %Y} ({weeks} weeks) {total} of {per_week * weeks}"
    return Commitment(commitments.cctv_arrests_text, this_week, per_week, detail)


def _vehicles(taskings: list[Tasking], commitments: Commitments) -> Commitment:
    actioned = [
        t
        for t in taskings
        if t.theme is Theme.VEHICLES and (t.outcomes.vehicles_stopped or t.status.value == "completed")
    ]
    target = commitments.top_vehicles
    detail = (
        f"{len(actioned)} of the top {target} actioned (vehicle taskings completed or with a vehicle stopped)"
    )
    return Commitment(commitments.top_vehicles_text, len(actioned), target, detail)


def build_summary(
    store: Store, commitments: Commitments, now: datetime, late_for: datetime | None = None
) -> TaskingSummaryView:
    taskings = all_taskings(store.db)
    today = local_date(now)
    week_ago = today - timedelta(days=6)
    open_ones = [t for t in taskings if not t.status.finished]
    since = _iso(now - WEEK)
    return TaskingSummaryView(
        until=now,
        new=tuple(t for t in taskings if week_ago <= t.raised_on <= today),
        open_by_theme=tuple(Counter(t.theme.value for t in open_ones).most_common()),
        open_by_ward=tuple(Counter(t.ward for t in open_ones).most_common()),
        overdue=tuple(sorted((t for t in open_ones if t.review_on < today), key=lambda t: t.review_on)),
        completed=tuple(t for t in taskings if t.status.finished and (t.closed_at or "") >= since),
        commitments=(_cctv(taskings, store, now, commitments), _vehicles(taskings, commitments)),
        has_examples=any(t.demo for t in taskings),
        late_for=late_for,
    )


class TaskingDesk:
    """Where tasking details may be shown, and the log of every time they were, or were refused."""

    def __init__(self, store: Store, allowed_channels: frozenset[str], commitments: Commitments) -> None:
        self.store = store
        self.allowed_channels = allowed_channels
        self.commitments = commitments

    def allowed_in(self, place: str | None) -> bool:
        return bool(place) and (place in self.allowed_channels or place == CLI)

    def log(
        self, actor: str, place: str, what: str, outcome: str, now: datetime, detail: str | None = None
    ) -> None:
        self.store.access.write(
            Access(_iso(now), actor or "unknown", place or "unknown", what, outcome, detail)
        )

    def summary(self, actor: str, place: str | None, now: datetime, how: str) -> TaskingSummaryView:
        """The summary for someone asking in `place`; refused (and logged) anywhere not allowed."""
        if not self.allowed_in(place):
            self.log(
                actor, place or "unknown", "tasking summary", "refused", now, f"{how}: not an allowed channel"
            )
            raise TaskingRefused(
                "The tasking summary is police intelligence: it is shown only in the partnership's "
                "private tasking channels. This request has been logged."
            )
        self.log(actor, place or CLI, "tasking summary", "shown", now, how)
        return build_summary(self.store, self.commitments, now)
