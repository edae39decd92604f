"""The SQLite store: what the bot knows, with every figure and status it has ever held.

Figures and statuses are history tables: a change is a new row, never an edit in place, and
the current value is the latest row. Every write runs in one `BEGIN IMMEDIATE` transaction, so
it happens whole or not at all, and two writers queue rather than fail half-way. A sqlite
connection belongs to the thread that made it, and Bolt runs listeners on worker threads, so
each thread gets its own connection to the same file.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property
from pathlib import Path

import platformdirs
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from knowledge.datafiles import default_data_dir, load_seed, seed_digest
from knowledge.domain.models import (
    Action,
    ActionStatus,
    Deliverable,
    Document,
    Figure,
    Indicator,
    Priority,
    Seed,
    Topic,
)
from knowledge.domain.periods import Period, parse_period

DB_ENV = "CSP_BOT_DB"
SEED_SOURCE = "seed"
BUSY_TIMEOUT_SECONDS = 10
SEEN_EVENTS_KEPT = timedelta(days=1)

migrations = Migrations("csp-bot")


@migrations()
def m001_catalogue(db: Database) -> None:
    """Entries, figure and status history, and the store's own settings."""
    db["meta"].create({"key": str, "value": str}, pk="key")
    db["documents"].create(
        {"key": str, "title": str, "subtitle": str, "source": str, "aliases": str}, pk="key"
    )
    db["priorities"].create(
        {"key": str, "name": str, "aliases": str, "key_deliverables": str, "position": int},
        pk="key",
    )
    db["indicators"].create(
        {
            "key": str,
            "name": str,
            "short_name": str,
            "priority_key": str,
            "unit": str,
            "better_when": str,
            "confidence": str,
            "confidence_note": str,
            "neutral_note": str,
            "priority_note": str,
            "note": str,
            "source": str,
            "aliases": str,
            "position": int,
        },
        pk="key",
        foreign_keys=[("priority_key", "priorities", "key")],
    )
    db["figures"].create(
        {
            "id": int,
            "indicator_key": str,
            "period": str,
            "period_start": str,
            "period_end": str,
            "value": float,
            "recorded_at": str,
            "recorded_by": str,
            "source": str,
        },
        pk="id",
        foreign_keys=[("indicator_key", "indicators", "key")],
        not_null=["indicator_key", "period", "value", "recorded_at"],
    )
    db["figures"].create_index(["indicator_key", "period"])
    db["deliverables"].create(
        {"key": str, "text": str, "aliases": str, "example_outputs": str, "position": int},
        pk="key",
    )
    db["actions"].create({"key": str, "commitment": str, "aliases": str, "position": int}, pk="key")
    db["action_statuses"].create(
        {
            "id": int,
            "action_key": str,
            "status": str,
            "as_of": str,
            "recorded_at": str,
            "recorded_by": str,
            "source": str,
        },
        pk="id",
        foreign_keys=[("action_key", "actions", "key")],
        not_null=["action_key", "status", "recorded_at"],
    )
    db["action_statuses"].create_index(["action_key"])
    db["topics"].create(
        {
            "key": str,
            "group_key": str,
            "group_title": str,
            "title": str,
            "aliases": str,
            "facts": str,
            "source": str,
            "position": int,
        },
        pk="key",
    )


@migrations()
def m002_seen_events(db: Database) -> None:
    """Slack event ids already handled, so a retried event gets one answer across processes."""
    db["seen_events"].create({"event_id": str, "seen_at": str}, pk="event_id")


def default_db_path() -> Path:
    """`$CSP_BOT_DB`, else the user's data folder (e.g. ~/.local/share/csp-bot/csp-bot.db)."""
    configured = os.environ.get(DB_ENV)
    if configured:
        return Path(configured)
    return platformdirs.user_data_path("csp-bot") / "csp-bot.db"


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Catalogue:
    """Everything the bot can answer from, read from the store at one revision."""

    revision: int
    documents: dict[str, Document]
    priorities: list[Priority]
    indicators: list[Indicator]
    figures: dict[str, list[Figure]]
    deliverables: list[Deliverable]
    actions: list[Action]
    statuses: dict[str, ActionStatus]
    topics: list[Topic]

    # Lookups by key, made on first use; the catalogue never changes once read.
    @cached_property
    def indicator(self) -> dict[str, Indicator]:
        return {i.key: i for i in self.indicators}

    @cached_property
    def priority(self) -> dict[str, Priority]:
        return {p.key: p for p in self.priorities}

    @cached_property
    def deliverable(self) -> dict[str, Deliverable]:
        return {d.key: d for d in self.deliverables}

    @cached_property
    def action(self) -> dict[str, Action]:
        return {a.key: a for a in self.actions}

    @cached_property
    def topic(self) -> dict[str, Topic]:
        return {t.key: t for t in self.topics}


class Store:
    """One SQLite file; a connection per thread; whole-or-nothing writes."""

    def __init__(self, path: Path, data_dir: Path | None = None) -> None:
        self.path = Path(path)
        self.data_dir = data_dir or default_data_dir()
        self._local = threading.local()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._migrate()
        self._sync_seed_if_changed()

    def _migrate(self) -> None:
        """Under the write lock, so two processes starting on a new file migrate it once."""
        db = self.db
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            migrations.apply(db)
            db.conn.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise

    @property
    def db(self) -> Database:
        database = getattr(self._local, "db", None)
        if database is None:
            connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS)
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("PRAGMA journal_mode = WAL")
            database = Database(connection)
            self._local.db = database
        return database

    def close(self) -> None:
        database = getattr(self._local, "db", None)
        if database is not None:
            database.close()
            self._local.db = None

    @contextmanager
    def write(self) -> Iterator[Database]:
        """One transaction that takes the write lock before it reads, and bumps the revision."""
        db = self.db
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            yield db
            db.execute(
                "INSERT INTO meta (key, value) VALUES ('revision', '1') "
                "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
            )
            db.conn.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise

    # ---- meta ----------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def revision(self) -> int:
        """Grows with every write, from any process: readers rebuild what they cached."""
        return int(self.meta("revision") or 0)

    # ---- the seed ------------------------------------------------------------------

    def _sync_seed_if_changed(self) -> None:
        digest = seed_digest(self.data_dir)
        if self.meta("seed_digest") == digest:
            return
        seed = load_seed(self.data_dir)
        with self.write() as db:
            # Another process may have synced while this one waited for the lock.
            row = db.execute("SELECT value FROM meta WHERE key = 'seed_digest'").fetchone()
            if row and row[0] == digest:
                return
            _write_seed(db, seed, now_iso())
            db["meta"].upsert({"key": "seed_digest", "value": digest}, pk="key")

    # ---- reads ---------------------------------------------------------------------

    def catalogue(self) -> Catalogue:
        db = self.db
        db.conn.execute("BEGIN")  # one consistent snapshot across the reads below
        try:
            return Catalogue(
                revision=self.revision(),
                documents={row["key"]: Document(**_decoded(row, "aliases")) for row in db["documents"].rows},
                priorities=[
                    Priority(**_decoded(row, "aliases", "key_deliverables"))
                    for row in db["priorities"].rows_where(order_by="position")
                ],
                indicators=[
                    Indicator(**_without_nulls(_decoded(row, "aliases")))
                    for row in db["indicators"].rows_where(order_by="position")
                ],
                figures=self._current_figures(),
                deliverables=[
                    Deliverable(**_decoded(row, "aliases", "example_outputs"))
                    for row in db["deliverables"].rows_where(order_by="position")
                ],
                actions=[
                    Action(**_decoded(row, "aliases"))
                    for row in db["actions"].rows_where(order_by="position")
                ],
                statuses=self._current_statuses(),
                topics=[
                    Topic(**_decoded(row, "aliases", "facts"))
                    for row in db["topics"].rows_where(order_by="position")
                ],
            )
        finally:
            db.conn.execute("COMMIT")

    def _current_figures(self) -> dict[str, list[Figure]]:
        """The latest recorded figure for each indicator and period, oldest period first."""
        rows = self.db.query(
            """
            SELECT f.* FROM figures f
            JOIN (SELECT MAX(id) AS id FROM figures GROUP BY indicator_key, period) latest
              ON latest.id = f.id
            ORDER BY f.indicator_key, f.period_end, f.period_start
            """
        )
        figures: dict[str, list[Figure]] = {}
        for row in rows:
            figures.setdefault(row["indicator_key"], []).append(
                Figure(
                    indicator_key=row["indicator_key"],
                    period=parse_period(row["period"]),
                    value=row["value"],
                    recorded_at=row["recorded_at"],
                    recorded_by=row["recorded_by"],
                    source=row["source"],
                )
            )
        return figures

    def _current_statuses(self) -> dict[str, ActionStatus]:
        rows = self.db.query(
            """
            SELECT s.* FROM action_statuses s
            JOIN (SELECT MAX(id) AS id FROM action_statuses GROUP BY action_key) latest
              ON latest.id = s.id
            """
        )
        return {
            row["action_key"]: ActionStatus(
                status=row["status"],
                as_of=row["as_of"],
                recorded_at=row["recorded_at"],
                recorded_by=row["recorded_by"],
                source=row["source"],
            )
            for row in rows
        }

    def figure_history(self, indicator_key: str) -> list[dict]:
        """Every figure ever recorded for an indicator, in the order it was recorded."""
        return list(self.db["figures"].rows_where("indicator_key = ?", [indicator_key], order_by="id"))

    # ---- writes --------------------------------------------------------------------

    def record_figure(
        self, indicator_key: str, period: Period, value: float, recorded_by: str, source: str
    ) -> int:
        """Add a figure for a period; the one it supersedes stays in the history."""
        with self.write() as db:
            db["figures"].insert(figure_row(indicator_key, period, value, now_iso(), recorded_by, source))
            return db["figures"].last_pk

    # ---- Slack events ----------------------------------------------------------------

    def claim_event(self, event_id: str) -> bool:
        """True the first time an event id is seen, by any process sharing this file.

        Slack retries within minutes, so ids older than a day are forgotten as new ones come.
        """
        now = datetime.now(UTC)
        with self.write() as db:
            db.execute(
                "DELETE FROM seen_events WHERE seen_at < ?",
                [(now - SEEN_EVENTS_KEPT).isoformat(timespec="seconds")],
            )
            cursor = db.execute(
                "INSERT OR IGNORE INTO seen_events (event_id, seen_at) VALUES (?, ?)",
                [event_id, now.isoformat(timespec="seconds")],
            )
            return cursor.rowcount == 1


def figure_row(
    indicator_key: str, period: Period, value: float, recorded_at: str, recorded_by: str, source: str
) -> dict:
    """One row of figure history: the period kept as its code and its first and last month."""
    return {
        "indicator_key": indicator_key,
        "period": period.code,
        "period_start": period.start.isoformat(),
        "period_end": period.end.isoformat(),
        "value": value,
        "recorded_at": recorded_at,
        "recorded_by": recorded_by,
        "source": source,
    }


def _decoded(row: dict, *json_columns: str) -> dict:
    decoded = dict(row)
    for column in json_columns:
        decoded[column] = json.loads(decoded[column] or "[]")
    return decoded


def _without_nulls(row: dict) -> dict:
    return {key: value for key, value in row.items() if value is not None}


def _write_seed(db: Database, seed: Seed, recorded_at: str) -> None:
    """Bring the catalogue up to the seed; add seed figures and statuses not yet held.

    Entries are upserted (the seed defines them). Figures and statuses are only ever added:
    one already held, from the seed or from an officer, is never touched.
    """
    plans, facts = seed.plans, seed.facts
    documents = [
        {
            "key": "csp-priorities",
            "title": plans.csp_priorities.title,
            "subtitle": plans.csp_priorities.agreed,
            "source": plans.csp_priorities.source,
            "aliases": json.dumps(plans.csp_priorities.aliases),
        },
        {
            "key": "strategic-plan",
            "title": plans.strategic_plan.title,
            "subtitle": f"Priority: {plans.strategic_plan.priority}. Outcome: {plans.strategic_plan.outcome}",
            "source": plans.strategic_plan.source,
            "aliases": json.dumps(plans.strategic_plan.aliases),
        },
        {
            "key": "manifesto",
            "title": plans.manifesto.title,
            "subtitle": plans.manifesto.subtitle,
            "source": plans.manifesto.source,
            "aliases": json.dumps(plans.manifesto.aliases),
        },
    ]
    db["documents"].upsert_all(documents, pk="key")
    db["priorities"].upsert_all(
        [
            {
                "key": p.key,
                "name": p.name,
                "aliases": json.dumps(p.aliases),
                "key_deliverables": json.dumps(p.key_deliverables),
                "position": i,
            }
            for i, p in enumerate(plans.csp_priorities.priorities)
        ],
        pk="key",
    )
    for position, indicator in enumerate(seed.indicators.indicators):
        db["indicators"].upsert(
            {
                "key": indicator.key,
                "name": indicator.name,
                "short_name": indicator.short_name,
                "priority_key": indicator.priority,
                "unit": indicator.unit.value,
                "better_when": indicator.better_when.value,
                "confidence": indicator.confidence.value,
                "confidence_note": indicator.confidence_note,
                "neutral_note": indicator.neutral_note,
                "priority_note": indicator.priority_note,
                "note": indicator.note,
                "source": indicator.source,
                "aliases": json.dumps(indicator.aliases),
                "position": position,
            },
            pk="key",
        )
        for figure in indicator.figures:
            period = parse_period(figure.period)
            held = db.execute(
                "SELECT 1 FROM figures WHERE indicator_key = ? AND period = ? AND value = ? "
                "AND recorded_by = ?",
                [indicator.key, period.code, figure.value, SEED_SOURCE],
            ).fetchone()
            if held:
                continue
            db["figures"].insert(
                figure_row(indicator.key, period, figure.value, recorded_at, SEED_SOURCE, indicator.source)
            )
    db["deliverables"].upsert_all(
        [
            {
                "key": d.key,
                "text": d.text,
                "aliases": json.dumps(d.aliases),
                "example_outputs": json.dumps(d.example_outputs),
                "position": i,
            }
            for i, d in enumerate(plans.strategic_plan.deliverables)
        ],
        pk="key",
    )
    for position, action in enumerate(plans.manifesto.actions):
        db["actions"].upsert(
            {
                "key": action.key,
                "commitment": action.commitment,
                "aliases": json.dumps(action.aliases),
                "position": position,
            },
            pk="key",
        )
        held = db.execute(
            "SELECT 1 FROM action_statuses WHERE action_key = ? AND status = ? AND recorded_by = ?",
            [action.key, action.status, SEED_SOURCE],
        ).fetchone()
        if not held:
            db["action_statuses"].insert(
                {
                    "action_key": action.key,
                    "status": action.status,
                    "as_of": action.status_as_of,
                    "recorded_at": recorded_at,
                    "recorded_by": SEED_SOURCE,
                    "source": plans.manifesto.source,
                }
            )
    position = 0
    for group in facts.groups:
        for topic in group.topics:
            db["topics"].upsert(
                {
                    "key": topic.key,
                    "group_key": group.key,
                    "group_title": group.title,
                    "title": topic.title,
                    "aliases": json.dumps(topic.aliases),
                    "facts": json.dumps(topic.facts),
                    "source": group.source,
                    "position": position,
                },
                pk="key",
            )
            position += 1
