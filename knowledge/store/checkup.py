"""The state of a store's file, for `csp-bot doctor`: looked at, never changed.

Plain `sqlite3`, opened read-only to read: no migration, no seeding, and a missing file is
reported, not made. Whether it can be written is tried in a transaction that is rolled back.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel

from knowledge.store.health import write_problem
from knowledge.store.rescue import rescued_copies
from knowledge.store.schema import MIGRATION_SET, STEPS

LOW_DISK_BYTES = 50_000_000
WRITE_WAIT_SECONDS = 2


class StoreReport(BaseModel):
    path: str
    exists: bool
    size: int = 0
    """Bytes, the file and its write-ahead log together."""
    steps_applied: list[str] = []
    steps_pending: list[str] = []
    steps_unknown: list[str] = []
    """Applied by a newer csp-bot than this one."""
    integrity: str | None = None
    revision: int | None = None
    last_write: str | None = None
    """When the file or its log last changed (UTC)."""
    writable: bool = False
    not_writable_because: str | None = None
    free_bytes: int | None = None
    open_claims: int | None = None
    """Slack events claimed and not yet answered or given up on."""
    rescued: list[str] = []

    @property
    def problems(self) -> list[str]:
        found = []
        if not self.exists:
            found.append("there is no store at this path")
        if self.integrity not in (None, "ok"):
            found.append(f"the integrity check failed: {self.integrity}")
        if self.steps_unknown:
            found.append(f"a newer csp-bot wrote it (steps {', '.join(self.steps_unknown)}): upgrade")
        if self.exists and not self.writable:
            found.append(f"it cannot be written: {self.not_writable_because}")
        if self.free_bytes is not None and self.free_bytes < LOW_DISK_BYTES:
            found.append(f"the disk is nearly full ({self.free_bytes:,} bytes free)")
        return found


def examine(path: Path) -> StoreReport:
    path = Path(path)
    report = StoreReport(
        path=str(path.resolve()), exists=path.is_file(), rescued=[str(p) for p in rescued_copies(path)]
    )
    if path.parent.is_dir():
        report.free_bytes = shutil.disk_usage(path.parent).free
    if not report.exists:
        return report
    files = [p for p in (path, path.with_name(path.name + "-wal")) if p.exists()]
    report.size = sum(p.stat().st_size for p in files)
    changed = max(p.stat().st_mtime for p in files)
    report.last_write = datetime.fromtimestamp(changed, UTC).isoformat(timespec="seconds")
    try:
        connection = sqlite3.connect(
            path.resolve().as_uri() + "?mode=ro", uri=True, timeout=WRITE_WAIT_SECONDS
        )
    except sqlite3.Error as error:
        report.integrity = f"cannot be opened: {error}"
        return report
    try:
        _read(connection, report)
    finally:
        connection.close()
    report.writable, report.not_writable_because = _try_writing(path)
    return report


def _read(connection: sqlite3.Connection, report: StoreReport) -> None:
    try:
        rows = connection.execute("PRAGMA quick_check").fetchall()
        report.integrity = "; ".join(str(row[0]) for row in rows[:5])
        applied = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id", [MIGRATION_SET]
            )
        ]
        report.steps_applied = [step for step in STEPS if step in applied]
        report.steps_pending = [step for step in STEPS if step not in applied]
        report.steps_unknown = [step for step in applied if step not in STEPS]
        row = connection.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
        report.revision = int(row[0]) if row else 0
        report.open_claims = connection.execute(
            "SELECT count(*) FROM seen_events WHERE state IN ('claimed', 'failed')"
        ).fetchone()[0]
    except sqlite3.DatabaseError as error:
        if report.integrity in (None, "ok"):
            report.integrity = f"cannot be read: {error}"


def _try_writing(path: Path) -> tuple[bool, str | None]:
    """A write begun and rolled back: nothing changes, and a read-only or locked file says so."""
    if not os.access(path.parent, os.W_OK):
        return False, "its folder cannot be written"
    try:
        connection = sqlite3.connect(
            path.resolve().as_uri() + "?mode=rw", uri=True, timeout=WRITE_WAIT_SECONDS, isolation_level=None
        )
    except sqlite3.Error as error:
        return False, str(error)
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("UPDATE meta SET value = value WHERE key = 'revision'")
        connection.execute("ROLLBACK")
    except sqlite3.Error as error:
        return False, write_problem(error) or str(error)
    finally:
        connection.close()
    return True, None
