"""Figure history: every value recorded for an indicator and period, the latest being current."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from knowledge.domain.models import Figure
from knowledge.domain.periods import Period, parse_period
from knowledge.store.db import Connections, now_iso, select

if TYPE_CHECKING:
    from sqlite_utils import Database


def figure_row(
    indicator_key: str,
    period: Period,
    value: float,
    recorded_at: str,
    recorded_by: str,
    source: str,
    withdrawn: bool = False,
) -> dict:
    """One row of figure history: the period kept as its code and its first and last month."""
    return {
        "indicator_key": indicator_key,
        "period": period.code,
        "period_start": period.start.isoformat(),
        "period_end": period.end.isoformat(),
        "value": value,
        "recorded_at": recorded_at,
        "recorded_by": recorded_by,
        "source": source,
        "withdrawn": int(withdrawn),
    }


def add_figure(db: Database, row: dict) -> int:
    db["figures"].insert(row)
    return db["figures"].last_pk


def latest_figure(db: Database, indicator_key: str, period_code: str) -> dict | None:
    """The figure held now for one indicator and period, if any."""
    rows = db["figures"].rows_where(
        "indicator_key = ? AND period = ?", [indicator_key, period_code], order_by="id desc", limit=1
    )
    row = next(iter(rows), None)
    return None if row is None or row.get("withdrawn") else row


def latest_held(
    db: sqlite3.Connection | Database, indicator_key: str, besides: str | None = None
) -> dict | None:
    """The figure held for the indicator's latest period, leaving out the period `besides`
    unless nothing else is held: what a new figure is checked against."""
    rows = select(
        db,
        """
        SELECT f.* FROM figures f
        JOIN (SELECT MAX(id) AS id FROM figures WHERE indicator_key = ? GROUP BY period) latest
          ON latest.id = f.id
        WHERE NOT f.withdrawn
        ORDER BY f.period_end DESC, f.period_start DESC
        """,
        [indicator_key],
    )
    others = [row for row in rows if row["period"] != besides]
    return (others or rows or [None])[0]


def current_figures(db: sqlite3.Connection | Database) -> dict[str, list[Figure]]:
    """The latest recorded figure for each indicator and period, oldest period first."""
    rows = select(
        db,
        """
        SELECT f.* FROM figures f
        JOIN (SELECT MAX(id) AS id FROM figures GROUP BY indicator_key, period) latest
          ON latest.id = f.id
        WHERE NOT f.withdrawn
        ORDER BY f.indicator_key, f.period_end, f.period_start
        """,
    )
    figures: dict[str, list[Figure]] = {}
    for row in rows:
        figures.setdefault(row["indicator_key"], []).append(
            Figure(
                indicator_key=row["indicator_key"],
                period=parse_period(row["period"]),
                value=row["value"],
                recorded_at=row["recorded_at"],
                recorded_by=row["recorded_by"],
                source=row["source"],
            )
        )
    return figures


def figure_history(db: Database, indicator_key: str) -> list[dict]:
    """Every figure ever recorded for an indicator, in the order it was recorded."""
    return list(db["figures"].rows_where("indicator_key = ?", [indicator_key], order_by="id"))


class FigureHistory:
    """Figures as officers and the seed record them; nothing is ever edited or deleted."""

    def __init__(self, connections: Connections) -> None:
        self._connections = connections

    def record(self, indicator_key: str, period: Period, value: float, recorded_by: str, source: str) -> int:
        """Add a figure for a period; the one it supersedes stays in the history."""
        row = figure_row(indicator_key, period, value, now_iso(), recorded_by, source)
        with self._connections.content_transaction() as db:
            return add_figure(db, row)

    def current(self) -> dict[str, list[Figure]]:
        return current_figures(self._connections.conn)

    def history(self, indicator_key: str) -> list[dict]:
        return figure_history(self._connections.db, indicator_key)
