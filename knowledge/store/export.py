"""Everything the store has held, read at one moment: every figure and status with its history,
and the audit log. Shaping it for people (CSV) is knowledge.services.export's work."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from knowledge.store.db import select


@dataclass(frozen=True)
class Everything:
    figures: list[dict]
    """Every figure row with its indicator's name; by indicator, period, then as recorded."""
    statuses: list[dict]
    """Every status row, manifesto actions' then Strategic Plan deliverables', each with
    `kind` ("action" or "deliverable"), `key` and the entry's `name`; by entry, then as
    recorded."""
    audit: list[dict]
    """Every audit row, oldest first."""


def read_everything(db: sqlite3.Connection) -> Everything:
    """Call inside a snapshot, so the three agree with each other."""
    figures = select(
        db,
        """
        SELECT f.*, i.name AS indicator_name FROM figures f
        LEFT JOIN indicators i ON i.key = f.indicator_key
        ORDER BY i.position, f.indicator_key, f.period_start, f.period_end, f.period, f.id
        """,
    )
    statuses = select(
        db,
        """
        SELECT 'action' AS kind, s.action_key AS key, a.commitment AS name, s.* FROM action_statuses s
        LEFT JOIN actions a ON a.key = s.action_key
        ORDER BY a.position, s.action_key, s.id
        """,
    ) + select(
        db,
        """
        SELECT 'deliverable' AS kind, s.deliverable_key AS key, d.text AS name, s.*
        FROM deliverable_statuses s LEFT JOIN deliverables d ON d.key = s.deliverable_key
        ORDER BY d.position, s.deliverable_key, s.id
        """,
    )
    audit = select(db, "SELECT * FROM audit ORDER BY id")
    return Everything(figures, statuses, audit)
