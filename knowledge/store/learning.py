"""What partners taught the bot: the "did you mean" choices they picked, and the aliases an
admin approved from them. Rows only; who may do what is in `knowledge.services.learning`."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

from knowledge.store.db import select

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]


def add_pick(db: Database, *, at: str, user_id: str, question: str, normalised: str, entry_key: str) -> int:
    db["picks"].insert(
        {"at": at, "user_id": user_id, "question": question, "normalised": normalised, "entry_key": entry_key}
    )
    return db["picks"].last_pk


def read_pick(db: sqlite3.Connection | Database, pick_id: int) -> Row | None:
    rows = select(db, "SELECT * FROM picks WHERE id = ?", [pick_id])
    return rows[0] if rows else None


_OPEN_PICKS = """
SELECT p.normalised AS alias, p.entry_key, COUNT(*) AS picks, COUNT(DISTINCT p.user_id) AS people,
       MAX(p.id) AS latest_pick, MAX(p.at) AS last_at
FROM picks p
WHERE p.id > COALESCE(
        (SELECT MAX(r.upto_pick) FROM pick_reviews r
         WHERE r.alias = p.normalised AND r.entry_key = p.entry_key), 0)
  AND NOT EXISTS (SELECT 1 FROM learned_aliases a WHERE a.alias = p.normalised AND a.removed_at IS NULL)
GROUP BY p.normalised, p.entry_key
ORDER BY picks DESC, people DESC, latest_pick DESC
"""


def open_picks(db: sqlite3.Connection | Database) -> list[Row]:
    """(question, entry) pairs picked since they were last decided on, most picked first.

    A question that already is an alias is left out: it answers directly now.
    """
    return select(db, _OPEN_PICKS)


def add_review(db: Database, *, at: str, actor: str, decision: str, alias: str, entry_key: str) -> None:
    """Mark a question and entry decided on, up to the latest pick of them so far."""
    (upto,) = db.execute(
        "SELECT COALESCE(MAX(id), 0) FROM picks WHERE normalised = ? AND entry_key = ?", [alias, entry_key]
    ).fetchone()
    db["pick_reviews"].insert(
        {
            "at": at,
            "actor": actor,
            "decision": decision,
            "alias": alias,
            "entry_key": entry_key,
            "upto_pick": upto,
        }
    )


def active_alias(db: sqlite3.Connection | Database, alias: str) -> Row | None:
    rows = select(db, "SELECT * FROM learned_aliases WHERE alias = ? AND removed_at IS NULL", [alias])
    return rows[0] if rows else None


def read_alias(db: sqlite3.Connection | Database, alias_id: int) -> Row | None:
    rows = select(db, "SELECT * FROM learned_aliases WHERE id = ?", [alias_id])
    return rows[0] if rows else None


def add_alias(db: Database, *, alias: str, entry_key: str, question: str, approved_by: str, at: str) -> int:
    db["learned_aliases"].insert(
        {
            "alias": alias,
            "entry_key": entry_key,
            "question": question,
            "approved_by": approved_by,
            "approved_at": at,
        }
    )
    return db["learned_aliases"].last_pk


def mark_removed(db: Database, alias_id: int, removed_by: str, at: str) -> None:
    """The row stays, so the history of what was learned and unlearned is kept."""
    db.execute(
        "UPDATE learned_aliases SET removed_by = ?, removed_at = ? WHERE id = ? AND removed_at IS NULL",
        [removed_by, at, alias_id],
    )


def active_aliases(db: sqlite3.Connection | Database) -> list[Row]:
    return select(db, "SELECT * FROM learned_aliases WHERE removed_at IS NULL ORDER BY id")


def learned_phrases(db: sqlite3.Connection | Database) -> dict[str, tuple[str, ...]]:
    """Each entry's approved aliases, for the index: entry key -> alias texts, oldest first."""
    learned: dict[str, list[str]] = {}
    for row in active_aliases(db):
        learned.setdefault(row["entry_key"], []).append(row["alias"])
    return {key: tuple(aliases) for key, aliases in learned.items()}
