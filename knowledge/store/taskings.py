"""PTF taskings in the store: the tasking as it stands, and the log of every update to it.

Written in bookkeeping transactions (taskings are not what questions are answered from), each
with its audit row, by `knowledge.services.taskings`.
"""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING

from knowledge.domain.taskings import OPEN_STATUSES, Outcomes, Tasking
from knowledge.store.db import select

if TYPE_CHECKING:
    from sqlite_utils import Database


def tasking_row(tasking: Tasking, updated_at: str) -> dict:
    row = tasking.model_dump(mode="json")
    row["outcomes"] = json.dumps(row["outcomes"])
    row["demo"] = int(tasking.demo)
    row["updated_at"] = updated_at
    return row


def _tasking(row: dict) -> Tasking:
    values = {k: v for k, v in row.items() if k != "updated_at"}
    values["outcomes"] = Outcomes(**json.loads(row["outcomes"]))
    values["demo"] = bool(row["demo"])
    return Tasking(**values)


def next_ref(db: Database, year: int) -> str:
    """PTF-2024-001, PTF-2024-002…: numbered within the year it was raised in."""
    prefix = f"PTF-{year}-"
    row = db.execute(
        "SELECT MAX(CAST(SUBSTR(ref, ?) AS INTEGER)) FROM taskings WHERE ref LIKE ?",
        [len(prefix) + 1, prefix + "%"],
    ).fetchone()
    return f"{prefix}{(row[0] or 0) + 1:03d}"


def save_tasking(db: Database, tasking: Tasking, at: str) -> None:
    db["taskings"].upsert(tasking_row(tasking, at), pk="ref")


def add_update(
    db: Database,
    *,
    ref: str,
    at: str,
    actor: str,
    action: str,
    status: str | None = None,
    added: Outcomes | None = None,
    note: str | None = None,
    changes: dict | None = None,
    request_id: str | None = None,
) -> None:
    db["tasking_updates"].insert(
        {
            "ref": ref,
            "at": at,
            "actor": actor,
            "action": action,
            "status": status,
            "added": None if added is None else added.model_dump_json(),
            "note": note,
            "changes": None if changes is None else json.dumps(changes),
            "request_id": request_id,
        }
    )


def read_tasking(db: sqlite3.Connection | Database, ref: str) -> Tasking | None:
    rows = select(db, "SELECT * FROM taskings WHERE ref = ? COLLATE NOCASE", [ref])
    return _tasking(rows[0]) if rows else None


def all_taskings(db: sqlite3.Connection | Database) -> list[Tasking]:
    return [_tasking(row) for row in select(db, "SELECT * FROM taskings ORDER BY raised_on, ref")]


def open_taskings(db: sqlite3.Connection | Database) -> list[Tasking]:
    marks = ", ".join("?" for _ in OPEN_STATUSES)
    rows = select(
        db,
        f"SELECT * FROM taskings WHERE status IN ({marks}) ORDER BY review_on, ref",
        [s.value for s in OPEN_STATUSES],
    )
    return [_tasking(row) for row in rows]


def updates_between(db: sqlite3.Connection | Database, start: str, end: str) -> list[dict]:
    """Every logged update from `start` (inclusive) to `end` (exclusive), oldest first."""
    rows = select(db, "SELECT * FROM tasking_updates WHERE at >= ? AND at < ? ORDER BY id", [start, end])
    for row in rows:
        row["added"] = Outcomes(**json.loads(row["added"])) if row["added"] else Outcomes()
    return rows


def updates_of(db: sqlite3.Connection | Database, ref: str) -> list[dict]:
    return select(db, "SELECT * FROM tasking_updates WHERE ref = ? ORDER BY id", [ref])
