"""Is the store's file still the one the bot opened, and can it be written?

Deleted while the bot runs (the file, its `-wal` or its `-shm`), a store would come back empty:
SQLite makes a new file for the next connection, and a restart would seed it afresh over what
was lost. So the bot notes which files it opened (device and inode) and checks, before each use,
that the names still lead to them. Once they do not, every use fails with `StoreUnavailable`:
the bot says so in the log once, loudly, in its health check, and to whoever asks, and does
not answer from an empty file. What the process still holds open is copied aside first
(`rescue`), so nothing need be lost.

A store that cannot be written (locked by another writer past the wait, read-only, immutable,
a full disk) still answers questions. Each write reports how it went, and a change of state
is logged once: when writes start failing, and when they work again. A lock held past the wait
shows at once in the health check, but is logged only once it has lasted `BUSY_GRACE`: under a
burst of writers, one waiting too long now and then is not news.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from knowledge.store.rescue import rescue

BUSY_GRACE = timedelta(seconds=5)
COMPANIONS = ("", "-wal", "-shm")
"""The store's own file, and the two SQLite keeps beside it in WAL mode."""

_WRITE_PROBLEMS = {
    sqlite3.SQLITE_BUSY: "another writer held the lock past the wait",
    sqlite3.SQLITE_LOCKED: "another connection held the lock",
    sqlite3.SQLITE_READONLY: "the file is read-only (permissions, an immutable flag, or a read-only disk)",
    sqlite3.SQLITE_FULL: "the disk is full",
    sqlite3.SQLITE_IOERR: "a disk I/O error",
    sqlite3.SQLITE_CANTOPEN: "the file cannot be opened for writing",
    sqlite3.SQLITE_PERM: "writing is not permitted",
    sqlite3.SQLITE_CORRUPT: "the file is damaged",
    sqlite3.SQLITE_NOTADB: "the file is not a database",
}


class StoreUnavailable(Exception):
    """The store cannot be used at all; the message says why and what to do, without secrets."""


class StoreState(StrEnum):
    OK = "ok"
    UNWRITABLE = "unwritable"
    """Answers questions; cannot record (event claims, figures) until it can be written again."""
    LOST = "lost"
    """Its file vanished or was replaced while the bot ran: nothing is answered from it."""


@dataclass(frozen=True)
class StoreStatus:
    state: StoreState
    reason: str | None = None
    last_write: str | None = None
    """When a write last succeeded in this process (UTC, ISO 8601)."""
    rescued: str | None = None
    """Where what the process still held was copied when the file vanished."""


def write_problem(error: sqlite3.Error) -> str | None:
    """What a failed write says about the file, or None for a mistake of the write itself (a
    constraint, a bad statement) that says nothing about whether the store can be written."""
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else _WRITE_PROBLEMS.get(code & 0xFF)


def utc_now() -> datetime:
    return datetime.now(UTC)


class StoreHealth:
    """What one process has seen of its store; safe to share between threads."""

    def __init__(
        self,
        path: Path,
        clock: Callable[[], datetime] = utc_now,
        logger: logging.Logger | None = None,
    ) -> None:
        self.path = Path(path)
        self.clock = clock
        self.logger = logger or logging.getLogger(__name__)
        self._lock = threading.Lock()
        self._watched: dict[Path, tuple[int, int]] = {}
        self._lost: str | None = None
        self._rescued: Path | None = None
        self._unwritable: str | None = None
        self._unwritable_since: datetime | None = None
        self._said_unwritable = False
        self._last_write: datetime | None = None

    def watch(self) -> None:
        """Note the files as they are now: the ones a later check expects to find."""
        watched = {}
        for end in COMPANIONS:
            name = self.path.with_name(self.path.name + end)
            try:
                found = name.stat()
            except FileNotFoundError:
                continue
            watched[name] = (found.st_dev, found.st_ino)
        with self._lock:
            self._watched = watched

    def check(self) -> None:
        """Raise `StoreUnavailable` if the files are not the ones opened; a cheap stat per file."""
        if self._lost is None:
            for name, identity in self._watched.items():
                try:
                    found = os.stat(name)
                except FileNotFoundError:
                    self._lose(f"{name.name} was deleted while the bot was running")
                    break
                if (found.st_dev, found.st_ino) != identity:
                    self._lose(f"{name.name} was replaced by another file while the bot was running")
                    break
        if self._lost is not None:
            raise StoreUnavailable(self._lost)

    def _lose(self, why: str) -> None:
        with self._lock:
            if self._lost is not None:
                return
            self._lost = why
            self._rescued = rescue(self.path, self.clock())
        kept = (
            f"what this process still held is copied to {self._rescued}: bring it back with "
            f"`csp-bot restore {self._rescued}`"
            if self._rescued
            else "no copy could be kept: bring back the latest backup with `csp-bot restore BACKUP`"
        )
        self.logger.error(
            "THE STORE IS GONE: %s (%s). Not answering from an empty store; %s, then restart the bot.",
            why,
            self.path,
            kept,
        )

    def wrote(self) -> None:
        with self._lock:
            said = self._said_unwritable
            self._unwritable, self._unwritable_since, self._said_unwritable = None, None, False
            self._last_write = self.clock()
        if said:
            self.logger.warning("the store %s can be written again", self.path)

    def write_failed(self, error: sqlite3.Error) -> None:
        problem = write_problem(error)
        if problem is None:
            return
        busy = (getattr(error, "sqlite_errorcode", 0) & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
        now = self.clock()
        with self._lock:
            self._unwritable = problem
            since = self._unwritable_since = self._unwritable_since or now
            say = not self._said_unwritable and (not busy or now - since >= BUSY_GRACE)
            self._said_unwritable = self._said_unwritable or say
        if say:
            self.logger.error(
                "the store %s cannot be written (%s): questions are still answered, but nothing "
                "is recorded and retried Slack events may be answered twice until it can",
                self.path,
                problem,
            )

    def status(self) -> StoreStatus:
        with self._lock:
            if self._lost is not None:
                state, reason = StoreState.LOST, self._lost
            elif self._unwritable is not None:
                state, reason = StoreState.UNWRITABLE, self._unwritable
            else:
                state, reason = StoreState.OK, None
            last = self._last_write.isoformat(timespec="seconds") if self._last_write else None
            rescued = str(self._rescued) if self._rescued else None
        return StoreStatus(state=state, reason=reason, last_write=last, rescued=rescued)
