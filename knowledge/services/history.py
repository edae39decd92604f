"""History: every figure recorded for an indicator, or every status for an action or deliverable;
who recorded it, when, what it replaced, from where, and the note given with it."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.domain.periods import Period, parse_period
from knowledge.store import SEED_SOURCE, Store
from knowledge.store.audit import AuditEntry, audit_of
from knowledge.store.statuses import StatusOf, status_history


@dataclass(frozen=True)
class HistoryLine:
    at: str
    actor: str
    period: Period
    old: float | None
    new: float | None
    """None when the figure was withdrawn (an undone first figure for its period)."""
    source: str
    """How it came: "seed", "command", "form", "undo", or an import's name."""
    note: str | None = None
    """What the officer said of it (`note …` after the figure), as typed."""


@dataclass(frozen=True)
class StatusLine:
    at: str
    actor: str
    old: str | None
    new: str | None
    """None when the status was withdrawn (an undone first status)."""
    as_of: str
    source: str


def _notes(entries: list[AuditEntry]) -> dict[tuple[str | None, str, str], list[str | None]]:
    """The notes of an indicator's recorded figures, by (period, who, when), in the order given.

    A figure row and its audit row are written together with the same who and when, so the
    n-th row for a (period, who, when) goes with the n-th audit entry for it."""
    notes: dict[tuple[str | None, str, str], list[str | None]] = {}
    for entry in entries:
        notes.setdefault((entry.period, entry.actor, entry.at), []).append((entry.new or {}).get("note"))
    return notes


def history(store: Store, indicator_key: str) -> list[HistoryLine]:
    """Oldest first; each line's `old` is what the same period held just before it."""
    held: dict[str, float | None] = {}
    notes = _notes(audit_of(store.db, "figure", indicator_key))
    lines = []
    for row in store.figure_history(indicator_key):
        new = None if row.get("withdrawn") else row["value"]
        seeded = row["recorded_by"] == SEED_SOURCE
        said = notes.get((row["period"], row["recorded_by"], row["recorded_at"]), [])
        lines.append(
            HistoryLine(
                at=row["recorded_at"],
                actor=row["recorded_by"] or "",
                period=parse_period(row["period"]),
                old=held.get(row["period"]),
                new=new,
                source=SEED_SOURCE if seeded else (row["source"] or ""),
                note=None if seeded or not said else said.pop(0),
            )
        )
        held[row["period"]] = new
    return lines


def statuses_history(store: Store, of: StatusOf, key: str) -> list[StatusLine]:
    """Oldest first; each line's `old` is the status held just before it."""
    held: str | None = None
    lines = []
    for row in status_history(store.db, key, of):
        new = None if row.get("withdrawn") else row["status"]
        seeded = row["recorded_by"] == SEED_SOURCE
        lines.append(
            StatusLine(
                at=row["recorded_at"],
                actor=row["recorded_by"] or "",
                old=held,
                new=new,
                as_of=row["as_of"] or "",
                source=SEED_SOURCE if seeded else (row["source"] or ""),
            )
        )
        held = new
    return lines
