"""Slack event claims: which event ids have been answered, shared by every process on the file.

Claims are bookkeeping, not what the bot knows, so they leave the content revision alone: were
they content, every Slack event would make the next question rebuild the whole answer index.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from knowledge.store.db import Connections

SEEN_EVENTS_KEPT = timedelta(days=1)


class EventClaims:
    def __init__(self, connections: Connections) -> None:
        self._connections = connections

    def claim(self, event_id: str) -> bool:
        """True the first time an event id is seen, by any process sharing this file.

        Slack retries within minutes, so ids older than a day are forgotten as new ones come.
        """
        now = datetime.now(UTC)
        with self._connections.transaction() as db:
            db.execute(
                "DELETE FROM seen_events WHERE seen_at < ?",
                [(now - SEEN_EVENTS_KEPT).isoformat(timespec="seconds")],
            )
            cursor = db.execute(
                "INSERT OR IGNORE INTO seen_events (event_id, seen_at) VALUES (?, ?)",
                [event_id, now.isoformat(timespec="seconds")],
            )
            return cursor.rowcount == 1
