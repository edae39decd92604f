"""A copy of the store, made while the bot runs and writes: SQLite's online backup API.

The copy is taken in one step, inside one read transaction, so it is the store as it was at
one moment: a figure and its audit row are both in it or both not. In WAL mode (the store's)
the bot's writers carry on meanwhile. The copy is written beside the target, checked
(`PRAGMA integrity_check`), switched to a rollback journal so it is one self-contained file,
and only then put in place: a failed backup leaves nothing half-written and never touches an
existing file it was not told to replace.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from knowledge.store.db import BUSY_TIMEOUT_SECONDS


class BackupError(Exception):
    """Why no backup was made; the message says what to do."""


@dataclass(frozen=True)
class Backup:
    source: Path
    path: Path
    """Both absolute, so a log line says which store went where."""
    size: int
    """Bytes."""


def backup_store(source: Path, target: Path, force: bool = False) -> Backup:
    """Copy the store at `source` to `target`; an existing `target` is replaced only with `force`."""
    source, target = Path(source), Path(target)
    _check(source, target, force)
    handle, partial_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(handle)
    partial = Path(partial_name)  # made readable by its owner only, as the store should be
    try:
        _copy(source, partial)
        _put_in_place(partial, target, force)
    finally:
        partial.unlink(missing_ok=True)
    return Backup(source.resolve(), target.resolve(), target.stat().st_size)


def _check(source: Path, target: Path, force: bool) -> None:
    if not source.is_file():
        raise BackupError(f"there is no store at {source}")
    store = source.resolve()
    if target.resolve() in {store, *(store.with_name(store.name + end) for end in ("-wal", "-shm"))}:
        raise BackupError(f"{target} is the store itself: back it up to another file")
    if target.is_dir():
        raise BackupError(f"{target} is a folder: name the file to write, e.g. {target / 'csp-bot.db'}")
    if not target.parent.is_dir():
        raise BackupError(f"there is no folder {target.parent}")
    if target.exists() and not force:
        raise _exists(target)


def _copy(source: Path, partial: Path) -> None:
    # mode=rw: never create a store that is not there (a plain connect would make an empty one).
    uri = source.resolve().as_uri() + "?mode=rw"
    origin = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    try:
        copy = sqlite3.connect(partial)
        try:
            origin.backup(copy)  # every page in one step: one consistent moment
            copy.execute("PRAGMA journal_mode = DELETE")
            verdict = copy.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            copy.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"could not copy {source}: {error}") from None
    finally:
        origin.close()
    if verdict != "ok":
        raise BackupError(f"the copy of {source} failed its integrity check: {verdict}")


def _put_in_place(partial: Path, target: Path, force: bool) -> None:
    if force:
        os.replace(partial, target)
        return
    try:
        os.link(partial, target)  # fails, rather than replaces, if the target appeared meanwhile
    except FileExistsError:
        raise _exists(target) from None
    except OSError:  # a file system without hard links
        if target.exists():
            raise _exists(target) from None
        os.replace(partial, target)


def _exists(target: Path) -> BackupError:
    return BackupError(f"{target} already exists: choose another name, or use --force to replace it")
