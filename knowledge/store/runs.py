"""Scheduled-run claims: one row per kind of post, channel and week, claimed before posting.

The row is taken in one `BEGIN IMMEDIATE` transaction, so of two processes (or threads, or a
retry) only one holds a live claim; its result is written after the post. Bookkeeping, not
what the bot knows: nothing here moves the content revision.

Statuses: `claimed` (someone is posting now, or died while posting: the claim lapses after
`LEASE`), `posted`, `failed` (Slack said no: certainly not posted) and `unknown` (the answer
was lost: it may have been posted, so Slack's history is checked before posting again).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from knowledge.store.db import Connections, select

LEASE = timedelta(minutes=5)
"""How long a claim stops others: far longer than a post with its 429 retries takes."""
MAX_ATTEMPTS = 4


class RunStatus(StrEnum):
    CLAIMED = "claimed"
    POSTED = "posted"
    FAILED = "failed"
    UNKNOWN = "unknown"


class ClaimResult(StrEnum):
    CLAIMED = "claimed"
    ALREADY_POSTED = "already posted"
    BUSY = "busy"
    """Another process holds a live claim: it is posting now."""
    GAVE_UP = "gave up"


@dataclass(frozen=True)
class RunKey:
    kind: str
    channel: str
    week: str

    @property
    def text(self) -> str:
        """What the post carries in its metadata, to be found again in the channel's history."""
        return f"{self.kind}:{self.channel}:{self.week}"


@dataclass(frozen=True)
class Claim:
    result: ClaimResult
    attempt: int = 0
    check_first: bool = False
    """An earlier attempt may have posted (lost answer, or died mid-post): look before posting."""
    first_claimed_at: str | None = None
    ts: str | None = None


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


class Runs:
    def __init__(self, connections: Connections) -> None:
        self._connections = connections

    def get(self, key: RunKey) -> dict | None:
        rows = select(
            self._connections.conn,
            "SELECT * FROM scheduled_runs WHERE kind = ? AND channel = ? AND week = ?",
            [key.kind, key.channel, key.week],
        )
        return rows[0] if rows else None

    def claim(self, key: RunKey, now: datetime, holder: str, due_at: datetime, late: bool) -> Claim:
        """Take the run for this process, unless it is posted, held by a live claim, or out of tries."""
        with self._connections.transaction() as db:
            rows = select(
                db,
                "SELECT * FROM scheduled_runs WHERE kind = ? AND channel = ? AND week = ?",
                [key.kind, key.channel, key.week],
            )
            if not rows:
                db["scheduled_runs"].insert(
                    {
                        "kind": key.kind,
                        "channel": key.channel,
                        "week": key.week,
                        "status": RunStatus.CLAIMED.value,
                        "attempts": 1,
                        "due_at": _iso(due_at),
                        "late": int(late),
                        "first_claimed_at": _iso(now),
                        "claimed_at": _iso(now),
                        "claimed_by": holder,
                    }
                )
                return Claim(ClaimResult.CLAIMED, 1, False, _iso(now))
            return self._reclaim(db, rows[0], now, holder)

    def _reclaim(self, db, row: dict, now: datetime, holder: str) -> Claim:
        status = RunStatus(row["status"])
        if status is RunStatus.POSTED:
            return Claim(ClaimResult.ALREADY_POSTED, row["attempts"], ts=row["ts"])
        lapsed = datetime.fromisoformat(row["claimed_at"]) + LEASE <= now
        if status is RunStatus.CLAIMED and not lapsed:
            return Claim(ClaimResult.BUSY, row["attempts"])
        if row["attempts"] >= MAX_ATTEMPTS:
            return Claim(ClaimResult.GAVE_UP, row["attempts"])
        attempt = row["attempts"] + 1
        db.execute(
            "UPDATE scheduled_runs SET status = ?, attempts = ?, claimed_at = ?, claimed_by = ? WHERE id = ?",
            [RunStatus.CLAIMED.value, attempt, _iso(now), holder, row["id"]],
        )
        # A lapsed claim died mid-post; an unknown one lost Slack's answer: either may have posted.
        check = status in (RunStatus.CLAIMED, RunStatus.UNKNOWN)
        return Claim(ClaimResult.CLAIMED, attempt, check, row["first_claimed_at"])

    def finish(
        self, key: RunKey, status: RunStatus, now: datetime, ts: str | None = None, error: str | None = None
    ) -> None:
        """Write what became of the claimed post."""
        with self._connections.transaction() as db:
            db.execute(
                "UPDATE scheduled_runs SET status = ?, posted_at = ?, ts = COALESCE(?, ts), error = ? "
                "WHERE kind = ? AND channel = ? AND week = ?",
                [
                    status.value,
                    _iso(now) if status is RunStatus.POSTED else None,
                    ts,
                    error,
                    key.kind,
                    key.channel,
                    key.week,
                ],
            )

    def last_posted(self, kind: str, channel: str | None = None) -> dict | None:
        """The latest posted run of a kind (in one channel, or any)."""
        where, params = "kind = ? AND status = 'posted'", [kind]
        if channel is not None:
            where += " AND channel = ?"
            params.append(channel)
        rows = select(
            self._connections.conn,
            f"SELECT * FROM scheduled_runs WHERE {where} ORDER BY posted_at DESC LIMIT 1",
            params,
        )
        return rows[0] if rows else None

    def all(self) -> list[dict]:
        return select(self._connections.conn, "SELECT * FROM scheduled_runs ORDER BY id")

    # ---- channels chosen in Slack, and since when each is watched ---------------------------

    def channels(self, kind: str) -> list[str]:
        rows = select(self._connections.conn, "SELECT channel FROM post_channels WHERE kind = ?", [kind])
        return sorted(row["channel"] for row in rows)

    def watch_since(self, kind: str, channel: str, now: datetime) -> datetime:
        """Since when a kind has been scheduled for a channel: set the first time it is asked."""
        with self._connections.transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO schedule_watch (kind, channel, since) VALUES (?, ?, ?)",
                [kind, channel, _iso(now)],
            )
            row = db.execute(
                "SELECT since FROM schedule_watch WHERE kind = ? AND channel = ?", [kind, channel]
            ).fetchone()
        return datetime.fromisoformat(row[0])


def add_channel(db, kind: str, channel: str, actor: str, at: str) -> bool:
    """True when the channel was not chosen before; call inside the change's transaction."""
    cursor = db.execute(
        "INSERT OR IGNORE INTO post_channels (kind, channel, added_by, added_at) VALUES (?, ?, ?, ?)",
        [kind, channel, actor, at],
    )
    return cursor.rowcount == 1


def remove_channel(db, kind: str, channel: str) -> bool:
    cursor = db.execute("DELETE FROM post_channels WHERE kind = ? AND channel = ?", [kind, channel])
    db.execute("DELETE FROM schedule_watch WHERE kind = ? AND channel = ?", [kind, channel])
    return cursor.rowcount == 1
