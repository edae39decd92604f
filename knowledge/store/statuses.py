"""Status history: every status recorded for a manifesto action or a Strategic Plan deliverable,
the latest being current. Each kind has its own table, keyed to its own entries."""

from __future__ import annotations

import sqlite3
from enum import StrEnum
from typing import TYPE_CHECKING

from knowledge.domain.models import ActionStatus
from knowledge.store.db import Connections, now_iso, select

if TYPE_CHECKING:
    from sqlite_utils import Database


class StatusOf(StrEnum):
    """What a status is recorded for."""

    ACTION = "action"
    DELIVERABLE = "deliverable"

    @property
    def table(self) -> str:
        """The history table: `action_statuses`, `deliverable_statuses`."""
        return f"{self.value}_statuses"

    @property
    def column(self) -> str:
        """The column naming the entry: `action_key`, `deliverable_key`."""
        return f"{self.value}_key"

    @property
    def entries(self) -> str:
        """The table of the entries themselves: `actions`, `deliverables`."""
        return f"{self.value}s"

    @property
    def entity(self) -> str:
        """What the audit trail calls a change of it: `action_status`, `deliverable_status`."""
        return f"{self.value}_status"


def status_row(
    key: str,
    status: str,
    as_of: str,
    recorded_at: str,
    recorded_by: str,
    source: str,
    of: StatusOf = StatusOf.ACTION,
    withdrawn: bool = False,
) -> dict:
    """One row of status history; a `withdrawn` row says the entry has no status now. (The
    column is left to its default, 0, unless set: the seed writes rows before that step too.)"""
    row = {
        of.column: key,
        "status": status,
        "as_of": as_of,
        "recorded_at": recorded_at,
        "recorded_by": recorded_by,
        "source": source,
    }
    return {**row, "withdrawn": 1} if withdrawn else row


def add_status(db: Database, row: dict, of: StatusOf = StatusOf.ACTION) -> int:
    db[of.table].insert(row)
    return db[of.table].last_pk


def latest_status(db: sqlite3.Connection | Database, of: StatusOf, key: str) -> dict | None:
    """The status held now for one entry, if any, read on the connection given (so a write
    can read it inside its own transaction)."""
    rows = select(db, f"SELECT * FROM {of.table} WHERE {of.column} = ? ORDER BY id DESC LIMIT 1", [key])
    return None if not rows or rows[0]["withdrawn"] else rows[0]


def current_statuses(
    db: sqlite3.Connection | Database, of: StatusOf = StatusOf.ACTION
) -> dict[str, ActionStatus]:
    """The latest recorded status of each action (or deliverable) that has one."""
    rows = select(
        db,
        f"""
        SELECT s.* FROM {of.table} s
        JOIN (SELECT MAX(id) AS id FROM {of.table} GROUP BY {of.column}) latest
          ON latest.id = s.id
        WHERE NOT s.withdrawn
        """,
    )
    return {
        row[of.column]: ActionStatus(
            status=row["status"],
            as_of=row["as_of"],
            recorded_at=row["recorded_at"],
            recorded_by=row["recorded_by"],
            source=row["source"],
        )
        for row in rows
    }


def status_history(db: sqlite3.Connection | Database, key: str, of: StatusOf = StatusOf.ACTION) -> list[dict]:
    """Every status ever recorded for an entry, in the order it was recorded."""
    return select(db, f"SELECT * FROM {of.table} WHERE {of.column} = ? ORDER BY id", [key])


def status_entry(db: sqlite3.Connection | Database, of: StatusOf, key: str) -> dict | None:
    """The action or deliverable itself (its commitment or text, its aliases), if it exists."""
    rows = select(db, f"SELECT * FROM {of.entries} WHERE key = ?", [key])
    return rows[0] if rows else None


class StatusHistory:
    """Action statuses as officers and the seed record them; nothing is edited or deleted."""

    def __init__(self, connections: Connections) -> None:
        self._connections = connections

    def record(self, action_key: str, status: str, as_of: str, recorded_by: str, source: str) -> int:
        """Add a status for an action; the one it supersedes stays in the history."""
        row = status_row(action_key, status, as_of, now_iso(), recorded_by, source)
        with self._connections.content_transaction() as db:
            return add_status(db, row)

    def current(self) -> dict[str, ActionStatus]:
        return current_statuses(self._connections.conn)

    def history(self, action_key: str) -> list[dict]:
        return status_history(self._connections.db, action_key)
