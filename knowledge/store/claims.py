"""Slack event claims: which event ids are being or have been answered, shared by every process
on the file, and how each ended.

Claims are bookkeeping, not what the bot knows, so they leave the content revision alone: were
they content, every Slack event would make the next question rebuild the whole answer index.

A claim starts `claimed`, holding the event as Slack sent it and the process answering it, and
ends `answered` or `given_up`; in between, `failed` counts the attempts whose reply could not be
delivered. A claim still open when its process stopped is found at the next start
(`unfinished`), taken over (`take_over`) and finished or given up on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from knowledge.store.db import Connections, select

SEEN_EVENTS_KEPT = timedelta(days=1)


class ClaimState(StrEnum):
    CLAIMED = "claimed"
    ANSWERED = "answered"
    FAILED = "failed"
    GIVEN_UP = "given_up"


OPEN_STATES = (ClaimState.CLAIMED.value, ClaimState.FAILED.value)


@dataclass(frozen=True)
class Claim:
    event_id: str
    state: ClaimState
    attempts: int
    owner: str | None
    seen_at: str
    updated_at: str | None
    envelope: str | None
    """The event as Slack sent it (JSON), kept until it is answered or given up on."""
    error: str | None


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


class EventClaims:
    def __init__(self, connections: Connections) -> None:
        self._connections = connections

    def claim(
        self,
        event_id: str,
        owner: str = "",
        envelope: str | None = None,
        wait: float | None = None,
        now: datetime | None = None,
    ) -> bool:
        """True the first time an event id is seen, by any process sharing this file.

        Slack retries within minutes, so ids older than a day are forgotten as new ones come.
        `wait` is how long to wait for another writer, in seconds; past it, `sqlite3.Error`.
        """
        now = now or datetime.now(UTC)
        with self._connections.transaction(wait) as db:
            db.execute("DELETE FROM seen_events WHERE seen_at < ?", [_stamp(now - SEEN_EVENTS_KEPT)])
            cursor = db.execute(
                "INSERT OR IGNORE INTO seen_events (event_id, seen_at, state, attempts, owner, updated_at, "
                "envelope) VALUES (?, ?, ?, 0, ?, ?, ?)",
                [event_id, _stamp(now), ClaimState.CLAIMED.value, owner, _stamp(now), envelope],
            )
            return cursor.rowcount == 1

    def settle(
        self,
        event_id: str,
        state: ClaimState,
        error: str | None = None,
        wait: float | None = None,
        attempt_failed: bool = False,
    ) -> None:
        """Record how an attempt ended (`attempt_failed` counts one more failure); the event is
        kept only while the claim is open."""
        keep = state.value in OPEN_STATES
        with self._connections.transaction(wait) as db:
            db.execute(
                "UPDATE seen_events SET state = ?, error = ?, updated_at = ?, "
                "attempts = attempts + ?, envelope = CASE WHEN ? THEN envelope END WHERE event_id = ?",
                [state.value, error, _stamp(datetime.now(UTC)), int(attempt_failed), keep, event_id],
            )

    def take_over(self, event_id: str, previous_owner: str | None, owner: str) -> bool:
        """Make an open claim this process's; False if another process finished or took it first."""
        with self._connections.transaction() as db:
            cursor = db.execute(
                f"UPDATE seen_events SET owner = ?, updated_at = ? WHERE event_id = ? "
                f"AND owner IS ? AND state IN ({', '.join('?' * len(OPEN_STATES))})",
                [owner, _stamp(datetime.now(UTC)), event_id, previous_owner, *OPEN_STATES],
            )
            return cursor.rowcount == 1

    def unfinished(self) -> list[Claim]:
        """Claims not yet answered or given up on, oldest first."""
        rows = select(
            self._connections.conn,
            "SELECT event_id, state, attempts, owner, seen_at, updated_at, envelope, error FROM seen_events "
            f"WHERE state IN ({', '.join('?' * len(OPEN_STATES))}) ORDER BY seen_at, event_id",
            OPEN_STATES,
        )
        return [Claim(**{**row, "state": ClaimState(row["state"])}) for row in rows]

    def get(self, event_id: str) -> Claim | None:
        rows = select(
            self._connections.conn,
            "SELECT event_id, state, attempts, owner, seen_at, updated_at, envelope, error FROM seen_events "
            "WHERE event_id = ?",
            [event_id],
        )
        return Claim(**{**rows[0], "state": ClaimState(rows[0]["state"])}) if rows else None
