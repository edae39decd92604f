"""Whether the file already has every schema step, asked with plain SQL.

Applying steps needs sqlite-utils; asking whether any are pending should not, so that a
one-shot question on an existing store does not import it.
"""

from __future__ import annotations

import sqlite3

MIGRATION_SET = "csp-bot"
STEPS = (
    "m001_catalogue",
    "m002_seen_events",
    "m003_audit",
    "m004_roles",
    "m005_figure_withdrawals",
    "m006_learning",
    "m007_import_batches",
    "m008_digest_runs",
    "m009_taskings",
    "m010_access_log",
    "m011_deliverable_statuses",
    "m012_event_outcomes",
)
"""The names of the steps in `migrations`, in order; a test keeps the two lists the same."""


def schema_is_current(connection: sqlite3.Connection) -> bool:
    try:
        rows = connection.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
        ).fetchall()
    except sqlite3.OperationalError:  # no migrations table: a new file
        return False
    return set(STEPS) <= {name for (name,) in rows}
