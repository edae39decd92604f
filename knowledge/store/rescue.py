"""Keeping what a process still holds of a store whose file was deleted under it.

A deleted file lives on while a process has it open: on Linux, `/proc/self/fd` still leads to
it. The store and its write-ahead log are copied from there into a folder beside the store,
opened together (SQLite replays the log), and written out as one self-contained, checked file,
`<store>.rescued-<UTC time>`, readable by its owner only. Elsewhere, or when the folder itself is
gone, nothing can be kept and the caller says so.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

PROC_FDS = Path("/proc/self/fd")
DELETED = " (deleted)"


def rescued_copies(path: Path) -> list[Path]:
    """Copies rescued from the store at `path`, oldest first."""
    return sorted(path.parent.glob(f"{path.name}.rescued-*"))


def rescue(path: Path, now: datetime) -> Path | None:
    """Copy the store this process still has open to `<store>.rescued-<time>`; None if it cannot."""
    held = _held_open(path)
    if "" not in held:
        return None
    target = path.with_name(f"{path.name}.rescued-{now:%Y%m%dT%H%M%SZ}")
    try:
        with tempfile.TemporaryDirectory(dir=path.parent, prefix=f".{path.name}.rescue-") as folder:
            for end, source in held.items():
                if end != "-shm":  # SQLite rebuilds the index of the log from the log itself
                    shutil.copyfile(source, Path(folder) / (path.name + end))
            _write_checked(Path(folder) / path.name, target)
    except (OSError, sqlite3.Error):
        target.unlink(missing_ok=True)
        return None
    return target


def _held_open(path: Path) -> dict[str, str]:
    """`/proc/self/fd` entries of the store's files this process holds, by their ending."""
    if not PROC_FDS.is_dir():
        return {}
    folder = Path(os.path.realpath(path.parent))
    names = {str(folder / (path.name + end)): end for end in ("", "-wal", "-shm")}
    held: dict[str, str] = {}
    for fd in os.listdir(PROC_FDS):
        try:
            link = os.readlink(PROC_FDS / fd)
        except OSError:
            continue
        end = names.get(link.removesuffix(DELETED))
        if end is not None:
            held.setdefault(end, str(PROC_FDS / fd))
    return held


def _write_checked(source: Path, target: Path) -> None:
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    origin = sqlite3.connect(source)
    try:
        copy = sqlite3.connect(target)
        try:
            origin.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
            verdict = copy.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            copy.close()
    finally:
        origin.close()
    if verdict != "ok":
        raise sqlite3.DatabaseError(f"the rescued copy failed its integrity check: {verdict}")
