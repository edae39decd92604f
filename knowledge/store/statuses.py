"""Action-status history: every status recorded for a manifesto action, the latest being current."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from knowledge.domain.models import ActionStatus
from knowledge.store.db import Connections, now_iso, select

if TYPE_CHECKING:
    from sqlite_utils import Database


def status_row(
    action_key: str, status: str, as_of: str, recorded_at: str, recorded_by: str, source: str
) -> dict:
    return {
        "action_key": action_key,
        "status": status,
        "as_of": as_of,
        "recorded_at": recorded_at,
        "recorded_by": recorded_by,
        "source": source,
    }


def add_status(db: Database, row: dict) -> int:
    db["action_statuses"].insert(row)
    return db["action_statuses"].last_pk


def current_statuses(db: sqlite3.Connection | Database) -> dict[str, ActionStatus]:
    """The latest recorded status of each action."""
    rows = select(
        db,
        """
        SELECT s.* FROM action_statuses s
        JOIN (SELECT MAX(id) AS id FROM action_statuses GROUP BY action_key) latest
          ON latest.id = s.id
        """,
    )
    return {
        row["action_key"]: ActionStatus(
            status=row["status"],
            as_of=row["as_of"],
            recorded_at=row["recorded_at"],
            recorded_by=row["recorded_by"],
            source=row["source"],
        )
        for row in rows
    }


def status_history(db: Database, action_key: str) -> list[dict]:
    """Every status ever recorded for an action, in the order it was recorded."""
    return list(db["action_statuses"].rows_where("action_key = ?", [action_key], order_by="id"))


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
