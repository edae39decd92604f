"""Import batches: one row per imported file, and the figure rows each batch wrote.

Call these inside one content transaction (`Store.write_content()`), so a batch, its figures,
the indicators it made and its audit row stand or fall together.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from knowledge.store.db import select

if TYPE_CHECKING:
    from sqlite_utils import Database

IMPORT_SOURCE = "import"
"""The `source` of every figure row an import writes."""


@dataclass(frozen=True)
class Batch:
    id: int
    kind: str
    file_name: str
    sha256: str
    borough: str
    imported_by: str
    imported_at: str
    rows_read: int
    first_month: str
    last_month: str
    figures_new: int
    figures_revised: int
    figures_unchanged: int
    indicators: tuple[str, ...]
    """Every indicator the file fed."""
    indicators_made: tuple[str, ...]
    """The indicators this batch added to the catalogue."""


def _batch(row: dict) -> Batch:
    decoded = {k: tuple(json.loads(row[k] or "[]")) for k in ("indicators", "indicators_made")}
    return Batch(**{**row, **decoded})


def add_batch(db: Database, batch: dict) -> int:
    row = {**batch, **{k: json.dumps(list(batch[k])) for k in ("indicators", "indicators_made")}}
    table = db["import_batches"]  # each db[...] is a new Table: keep the one that inserted
    table.insert(row)
    return table.last_pk


def read_batch(db: sqlite3.Connection | Database, batch_id: int) -> Batch | None:
    rows = select(db, "SELECT * FROM import_batches WHERE id = ?", [batch_id])
    return _batch(rows[0]) if rows else None


def batches(db: sqlite3.Connection | Database) -> list[Batch]:
    """Every batch, newest first."""
    return [_batch(row) for row in select(db, "SELECT * FROM import_batches ORDER BY id DESC")]


def add_figures(db: Database, rows: list[dict]) -> None:
    """Many figure rows in one statement: an import writes thousands, and sqlite-utils'
    insert_all, which checks each value's type, takes twice as long as the rest of it."""
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f"[{c}]" for c in columns)
    marks = ", ".join("?" for _ in columns)
    db.conn.executemany(
        f"INSERT INTO figures ({names}) VALUES ({marks})", [[row[c] for c in columns] for row in rows]
    )


def _held_rows(db: sqlite3.Connection | Database, indicator_keys: list[str]) -> list[dict]:
    """The figure row held now for each (indicator, period) of these indicators, with the last
    month of the import file it came from (None when it came from elsewhere)."""
    if not indicator_keys:
        return []
    marks = ", ".join("?" for _ in indicator_keys)
    return select(
        db,
        f"""
        SELECT f.indicator_key, f.period, f.value, f.withdrawn, b.last_month FROM figures f
        JOIN (SELECT MAX(id) AS id FROM figures WHERE indicator_key IN ({marks})
              GROUP BY indicator_key, period) latest ON latest.id = f.id
        LEFT JOIN import_batches b ON b.id = f.batch_id
        """,
        indicator_keys,
    )


def held_values(db: sqlite3.Connection | Database, indicator_keys: list[str]) -> dict[tuple[str, str], float]:
    """The value held now for each (indicator, period) of these indicators; none if withdrawn."""
    return held_now(db, indicator_keys)[0]


def held_now(
    db: sqlite3.Connection | Database, indicator_keys: list[str]
) -> tuple[dict[tuple[str, str], float], dict[tuple[str, str], str]]:
    """The value held now for each (indicator, period), none if withdrawn; and, where it came
    from an import, the last month of that file (a file's vintage: the Met publishes up to its
    latest month)."""
    rows = [r for r in _held_rows(db, indicator_keys) if not r["withdrawn"]]
    values = {(r["indicator_key"], r["period"]): r["value"] for r in rows}
    vintages = {(r["indicator_key"], r["period"]): r["last_month"] for r in rows if r["last_month"]}
    return values, vintages


def batch_figures(db: sqlite3.Connection | Database, batch_id: int) -> list[dict]:
    """The figure rows a batch wrote, in the order it wrote them."""
    return select(db, "SELECT * FROM figures WHERE batch_id = ? ORDER BY id", [batch_id])


def latest_row(
    db: sqlite3.Connection | Database, indicator_key: str, period: str, before_id: int | None = None
):
    """The newest figure row for an indicator and period (withdrawn or not), or the newest
    written before row `before_id`."""
    sql = "SELECT * FROM figures WHERE indicator_key = ? AND period = ?"
    params: list = [indicator_key, period]
    if before_id is not None:
        sql += " AND id < ?"
        params.append(before_id)
    rows = select(db, sql + " ORDER BY id DESC LIMIT 1", params)
    return rows[0] if rows else None


def indicator_row(db: sqlite3.Connection | Database, key: str) -> dict | None:
    """An indicator as stored, withdrawn or not."""
    rows = select(db, "SELECT * FROM indicators WHERE key = ?", [key])
    return rows[0] if rows else None


def next_position(db: sqlite3.Connection | Database) -> int:
    """Where a new indicator goes: after every one held, so the seed's keep their order."""
    row = select(db, "SELECT COALESCE(MAX(position), -1) + 1 AS next FROM indicators")
    return row[0]["next"]


def put_indicator(db: Database, row: dict) -> None:
    db["indicators"].upsert(row, pk="key")


def withdraw_indicator(db: Database, key: str) -> None:
    db.execute("UPDATE indicators SET withdrawn = 1 WHERE key = ?", [key])
