"""The access log: who saw tasking details, or asked and was refused, when and where.

Append-only and bookkeeping (no content revision). `place` is a Slack channel id, a direct
message's id, or `cli` for the command line.
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.store.db import Connections, select


@dataclass(frozen=True)
class Access:
    at: str
    actor: str
    place: str
    what: str
    outcome: str
    detail: str | None = None


class AccessLog:
    def __init__(self, connections: Connections) -> None:
        self._connections = connections

    def write(self, access: Access) -> None:
        with self._connections.transaction() as db:
            db["access_log"].insert(
                {
                    "at": access.at,
                    "actor": access.actor,
                    "place": access.place,
                    "what": access.what,
                    "outcome": access.outcome,
                    "detail": access.detail,
                }
            )

    def entries(self, limit: int | None = None) -> list[Access]:
        """Oldest first; with a limit, the latest `limit` of them."""
        rows = select(self._connections.conn, "SELECT * FROM access_log ORDER BY id")
        if limit is not None:
            rows = rows[-limit:]
        return [Access(**{k: v for k, v in row.items() if k != "id"}) for row in rows]
