"""`Store`: one SQLite file holding what the bot knows, with every figure and status it has held.

A thin front over the parts in this package, so callers need one object and one import.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge.datafiles import default_data_dir
from knowledge.domain.periods import Period
from knowledge.store.access_log import AccessLog
from knowledge.store.catalogue import Catalogue, read_catalogue
from knowledge.store.claims import EventClaims
from knowledge.store.db import Connections
from knowledge.store.figures import FigureHistory
from knowledge.store.health import StoreHealth, StoreUnavailable
from knowledge.store.rescue import rescued_copies
from knowledge.store.runs import Runs
from knowledge.store.schema import schema_is_current
from knowledge.store.seed_sync import sync_seed_if_changed
from knowledge.store.statuses import StatusHistory

if TYPE_CHECKING:
    from sqlite_utils import Database


class Store:
    """One SQLite file; a connection per thread; whole-or-nothing writes."""

    def __init__(self, path: Path, data_dir: Path | None = None) -> None:
        self.path = Path(path)
        self.data_dir = data_dir or default_data_dir()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _refuse_to_reseed_over_a_rescue(self.path)
        self._connections = Connections(self.path)
        self.figures = FigureHistory(self._connections)
        self.statuses = StatusHistory(self._connections)
        self.events = EventClaims(self._connections)
        self.runs = Runs(self._connections)
        self.access = AccessLog(self._connections)
        if not schema_is_current(self._connections.conn):
            from knowledge.store.migrations import migrate  # imports sqlite-utils

            migrate(self._connections)
        sync_seed_if_changed(self._connections, self.data_dir)

    @property
    def health(self) -> StoreHealth:
        """Whether the file is still the one opened, and whether writes work."""
        return self._connections.health

    @property
    def db(self) -> Database:
        """This thread's connection."""
        return self._connections.db

    def close(self) -> None:
        self._connections.close()

    def write_content(self) -> AbstractContextManager[Database]:
        """A whole-or-nothing write to what the bot knows: if it changes a row, it moves the
        revision on."""
        return self._connections.content_transaction()

    # The name callers used before bookkeeping writes had their own.
    write = write_content

    def write_bookkeeping(self) -> AbstractContextManager[Database]:
        """A whole-or-nothing write of records that are not what the bot knows (event claims,
        and later audit rows, run claims, access logs): the revision stays, nothing rebuilds."""
        return self._connections.transaction()

    def snapshot(self) -> AbstractContextManager[sqlite3.Connection]:
        """Reads that all see the store as it was at one moment, whatever writers do meanwhile."""
        return self._connections.snapshot()

    def meta(self, key: str) -> str | None:
        return self._connections.meta(key)

    def revision(self) -> int:
        """Grows whenever what the bot knows changes, from any process: readers rebuild then."""
        return self._connections.revision()

    def catalogue(self) -> Catalogue:
        return read_catalogue(self._connections)

    def figure_history(self, indicator_key: str) -> list[dict]:
        """Every figure ever recorded for an indicator, in the order it was recorded."""
        return self.figures.history(indicator_key)

    def record_figure(
        self, indicator_key: str, period: Period, value: float, recorded_by: str, source: str
    ) -> int:
        """Add a figure for a period; the one it supersedes stays in the history."""
        return self.figures.record(indicator_key, period, value, recorded_by, source)

    def record_status(self, action_key: str, status: str, as_of: str, recorded_by: str, source: str) -> int:
        """Add a status for an action; the one it supersedes stays in the history."""
        return self.statuses.record(action_key, status, as_of, recorded_by, source)

    def claim_event(self, event_id: str) -> bool:
        """True the first time an event id is seen, by any process sharing this file."""
        return self.events.claim(event_id)

    def quick_check(self) -> str:
        """SQLite's quick integrity check: "ok", or what is wrong, in one line."""
        try:
            rows = self._connections.conn.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError as error:
            return str(error)
        return "; ".join(str(row[0]) for row in rows[:5])


def _refuse_to_reseed_over_a_rescue(path: Path) -> None:
    """A store that vanished while the bot ran left a rescued copy: starting afresh from the
    seed would quietly drop what it held, so an absent store is made new only when there is none."""
    if path.exists():
        return
    copies = rescued_copies(path)
    if copies:
        raise StoreUnavailable(
            f"there is no store at {path}, but {copies[-1]} holds what was rescued when it vanished: "
            f"bring it back with `csp-bot restore {copies[-1]}`, or move it away to start afresh "
            "from the seed"
        )
