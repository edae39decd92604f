"""The SQLite file: a connection per thread, whole-or-nothing writes, and the content revision.

A sqlite connection belongs to the thread that made it, and Bolt runs listeners on worker
threads, so each thread gets its own connection to the same file. Every write runs in one
`BEGIN IMMEDIATE` transaction, so it happens whole or not at all, and two writers queue rather
than fail half-way.

Reads use the plain `sqlite3` connection; writes get it wrapped in sqlite-utils' `Database`.
sqlite-utils is imported on the first write only: a one-shot question reads, and importing it
(with what it pulls in) is a tenth of the start-up budget.

Only the first connection may make the file; every later one opens it as it is (`mode=rw`), so
a store deleted while the bot runs is never silently replaced by an empty one. That first
connection (the keeper) stays open while the store is, which keeps SQLite's `-wal` and `-shm`
files in place, and `StoreHealth` checks before each use that the files are the ones opened.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from knowledge.store.health import StoreHealth

if TYPE_CHECKING:
    from sqlite_utils import Database


DB_ENV = "CSP_BOT_DB"
BUSY_TIMEOUT_SECONDS = 10


def default_db_path() -> Path:
    """`$CSP_BOT_DB`, else the user's data folder (e.g. ~/.local/share/csp-bot/csp-bot.db)."""
    configured = os.environ.get(DB_ENV)
    if configured:
        return Path(configured)
    return platformdirs.user_data_path("csp-bot") / "csp-bot.db"


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def plain(db: sqlite3.Connection | Database) -> sqlite3.Connection:
    """The sqlite3 connection under either kind."""
    return db if isinstance(db, sqlite3.Connection) else db.conn


def select(db: sqlite3.Connection | Database, sql: str, params: tuple | list = ()) -> list[dict[str, Any]]:
    """Rows as dicts, by column name."""
    cursor = plain(db).execute(sql, params)
    columns = [column[0] for column in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def read_meta(db: sqlite3.Connection | Database, key: str) -> str | None:
    row = plain(db).execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def read_revision(db: sqlite3.Connection | Database) -> int:
    return int(read_meta(db, "revision") or 0)


def bump_revision(db: Database) -> None:
    """Tell every reader, in any process, that what the bot knows has changed."""
    db.execute(
        "INSERT INTO meta (key, value) VALUES ('revision', '1') "
        "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
    )


class StoreBusy(RuntimeError):
    """Another writer held the store for longer than a write waits: nothing was written, and
    the same write may simply be tried again."""

    def __init__(self) -> None:
        super().__init__(
            f"the store was busy with another change for over {BUSY_TIMEOUT_SECONDS} seconds, "
            "so nothing was changed; please try again"
        )


def _busy(error: sqlite3.OperationalError) -> bool:
    """SQLite's SQLITE_BUSY (or one of its extended codes): another connection holds the lock."""
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF == sqlite3.SQLITE_BUSY


class Connections:
    """One SQLite file, opened once per thread that uses it."""

    def __init__(self, path: Path, health: StoreHealth | None = None) -> None:
        self.path = Path(path)
        self.health = health or StoreHealth(self.path)
        self._local = threading.local()
        keeper = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False)
        self._keeper = self._connect(keeper)
        self._keeper.execute("SELECT count(*) FROM sqlite_master").fetchone()  # makes -wal and -shm
        self.health.watch()

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's plain connection, for reads; `StoreUnavailable` if the file is gone."""
        self.health.check()
        connection = getattr(self._local, "conn", None)
        if connection is None:
            connection = self._open()
            self._local.conn = connection
        return connection

    @property
    def db(self) -> Database:
        """This thread's connection wrapped for writing with sqlite-utils."""
        database = getattr(self._local, "db", None)
        if database is None:
            from sqlite_utils import Database

            database = Database(self.conn)
            self._local.db = database
        return database

    def _open(self) -> sqlite3.Connection:
        uri = self.path.resolve().as_uri() + "?mode=rw"  # never makes a file: the keeper did
        return self._connect(sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS))

    @staticmethod
    def _connect(connection: sqlite3.Connection) -> sqlite3.Connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA journal_mode = WAL")
        return connection

    def close(self) -> None:
        """Close this thread's connection; other threads keep theirs."""
        connection = getattr(self._local, "conn", None)
        if connection is not None:
            connection.close()
        self._local.conn = None
        self._local.db = None

    @contextmanager
    def transaction(self, wait: float | None = None) -> Iterator[Database]:
        """A write that takes the lock before it reads, and leaves the revision alone.

        For bookkeeping that is not what the bot knows: readers need not rebuild for it.
        `wait` is how long to wait for another writer's lock, in seconds, if not the usual.
        How it went is told to the store's health.
        """
        db = self.db
        if wait is not None:
            db.conn.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
        try:
            self._begin(db.conn)
            try:
                yield db
                db.conn.execute("COMMIT")
            except BaseException:
                if db.conn.in_transaction:
                    db.conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            self.health.write_failed(error)
            raise
        finally:
            if wait is not None:
                db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
        self.health.wrote()

    def _begin(self, connection: sqlite3.Connection) -> None:
        """Take the write lock; StoreBusy when another writer held it past the wait."""
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            if _busy(error):
                self.health.write_failed(error)
                raise StoreBusy from error
            raise

    @contextmanager
    def content_transaction(self) -> Iterator[Database]:
        """A write to what the bot knows: it moves the revision on, so readers rebuild.

        Only if it changed a row: one that finds its work already done (another process
        synced the seed while this one waited for the lock) should cost readers nothing.
        """
        with self.transaction() as db:
            changes_before = db.conn.total_changes
            yield db
            if db.conn.total_changes != changes_before:
                bump_revision(db)

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """Reads that all see the file as it was at one moment, whatever writers do meanwhile."""
        connection = self.conn
        connection.execute("BEGIN")
        try:
            yield connection
        finally:
            connection.execute("COMMIT")

    def meta(self, key: str) -> str | None:
        return read_meta(self.conn, key)

    def revision(self) -> int:
        return read_revision(self.conn)
