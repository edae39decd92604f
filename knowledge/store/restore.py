"""Bringing back a backup made by `csp-bot backup`, after checking it, keeping the current store aside.

The backup is checked first (a SQLite file, whole by `PRAGMA integrity_check`, a csp-bot store,
no step this csp-bot does not know); nothing is touched if it fails. The current store, if
there is one, is kept beside it as `<store>.before-restore-<UTC time>`.

A healthy current store is overwritten in place with SQLite's online backup API, so a bot
running on it carries on and sees the restored content at once (its content revision is moved
past both, so every index is rebuilt). A missing or damaged store is replaced as a file; a bot
still running on the damaged one notices and must be restarted.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from knowledge.store.db import BUSY_TIMEOUT_SECONDS
from knowledge.store.schema import MIGRATION_SET, STEPS


class RestoreError(Exception):
    """Why nothing was restored; the message says what to do."""


@dataclass(frozen=True)
class Restored:
    path: Path
    backup: Path
    kept_aside: Path | None
    revision: int
    in_place: bool
    """True when a running bot carries on; False when the file was replaced (restart the bot)."""


def restore_store(backup: Path, path: Path, now: datetime) -> Restored:
    backup, path = Path(backup).resolve(), Path(path).resolve()
    if backup == path:
        raise RestoreError(f"{backup} is the store itself: name a backup made by `csp-bot backup`")
    revision = check_backup(backup)
    if not path.parent.is_dir():
        raise RestoreError(f"there is no folder {path.parent}")
    stamp = f"{now:%Y%m%dT%H%M%SZ}"
    healthy = _healthy(path)
    kept = _keep_aside(path, path.with_name(f"{path.name}.before-restore-{stamp}"), healthy)
    if healthy:
        revision = _restore_in_place(backup, path)
    else:
        _replace(backup, path)
    return Restored(path, backup, kept, revision, healthy)


def check_backup(backup: Path) -> int:
    """The backup's content revision, once it is known to be a whole csp-bot store."""
    if not backup.is_file():
        raise RestoreError(f"there is no backup at {backup}")
    try:
        connection = sqlite3.connect(backup.as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise RestoreError(f"{backup} cannot be opened: {error}") from None
    try:
        verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
        if verdict != "ok":
            raise RestoreError(f"{backup} failed its integrity check: {verdict}")
        steps = {
            name
            for (name,) in connection.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
            )
        }
        row = connection.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
    except sqlite3.DatabaseError as error:
        raise RestoreError(f"{backup} is not a csp-bot store: {error}") from None
    finally:
        connection.close()
    unknown = sorted(steps - set(STEPS))
    if not steps or unknown:
        why = f"a newer csp-bot made it (steps {', '.join(unknown)})" if unknown else "it has no schema steps"
        raise RestoreError(f"{backup} cannot be restored: {why}")
    return int(row[0]) if row else 0


def _healthy(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        connection = sqlite3.connect(path.as_uri() + "?mode=rw", uri=True, timeout=BUSY_TIMEOUT_SECONDS)
        try:
            return connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return False


def _keep_aside(path: Path, aside: Path, healthy: bool) -> Path | None:
    """The current store kept: a consistent copy of a healthy one, the raw files of a damaged one."""
    if not path.exists():
        return None
    if healthy:
        os.close(os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))  # the owner's only
        origin = sqlite3.connect(path.as_uri() + "?mode=rw", uri=True, timeout=BUSY_TIMEOUT_SECONDS)
        try:
            copy = sqlite3.connect(aside)
            try:
                origin.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")
            finally:
                copy.close()
        finally:
            origin.close()
        return aside
    for end in ("", "-wal"):
        if path.with_name(path.name + end).exists():
            shutil.copy2(path.with_name(path.name + end), aside.with_name(aside.name + end))
    return aside


def _restore_in_place(backup: Path, path: Path) -> int:
    origin = sqlite3.connect(backup.as_uri() + "?mode=ro", uri=True)
    target = sqlite3.connect(path.as_uri() + "?mode=rw", uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    try:
        before = _revision(target)
        origin.backup(target)
        revision = max(before, _revision(target)) + 1
        target.execute("UPDATE meta SET value = ? WHERE key = 'revision'", [str(revision)])
        target.commit()
        return revision
    finally:
        target.close()
        origin.close()


def _replace(backup: Path, path: Path) -> None:
    handle, partial_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".restoring", dir=path.parent)
    os.close(handle)
    partial = Path(partial_name)
    try:
        origin = sqlite3.connect(backup.as_uri() + "?mode=ro", uri=True)
        copy = sqlite3.connect(partial)
        try:
            origin.backup(copy)
        finally:
            copy.close()
            origin.close()
        for end in ("-wal", "-shm"):  # the damaged store's, kept aside already
            path.with_name(path.name + end).unlink(missing_ok=True)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def _revision(connection: sqlite3.Connection) -> int:
    row = connection.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
    return int(row[0]) if row else 0
