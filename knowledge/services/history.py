"""An indicator's history: every figure recorded for it, who recorded it, when, and from what."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.domain.periods import Period, parse_period
from knowledge.store import SEED_SOURCE, Store


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


def history(store: Store, indicator_key: str) -> list[HistoryLine]:
    """Oldest first; each line's `old` is what the same period held just before it."""
    held: dict[str, float | None] = {}
    lines = []
    for row in store.figure_history(indicator_key):
        new = None if row.get("withdrawn") else row["value"]
        seeded = row["recorded_by"] == SEED_SOURCE
        lines.append(
            HistoryLine(
                at=row["recorded_at"],
                actor=row["recorded_by"] or "",
                period=parse_period(row["period"]),
                old=held.get(row["period"]),
                new=new,
                source=SEED_SOURCE if seeded else (row["source"] or ""),
            )
        )
        held[row["period"]] = new
    return lines
