"""The audit trail: one append-only row per change, written in the change's own transaction."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    actor: str
    action: str
    entity: str
    entity_key: str | None
    period: str | None
    old: dict | None
    new: dict | None
    source: str | None
    request_id: str | None


def add_audit(
    db: Database,
    *,
    at: str,
    actor: str,
    action: str,
    entity: str,
    entity_key: str | None = None,
    period: str | None = None,
    old: dict | None = None,
    new: dict | None = None,
    source: str | None = None,
    request_id: str | None = None,
) -> int:
    """Call inside the transaction that makes the change, so the two stand or fall together."""
    db["audit"].insert(
        {
            "at": at,
            "actor": actor,
            "action": action,
            "entity": entity,
            "entity_key": entity_key,
            "period": period,
            "old": None if old is None else json.dumps(old),
            "new": None if new is None else json.dumps(new),
            "source": source,
            "request_id": request_id,
        }
    )
    return db["audit"].last_pk


def _entry(row: dict) -> AuditEntry:
    decoded = {k: json.loads(row[k]) if row[k] is not None else None for k in ("old", "new")}
    return AuditEntry(**{**row, **decoded})


def audit_for_request(db: Database, request_id: str) -> AuditEntry | None:
    """The change a request already made, if it made one: Slack may deliver it twice."""
    rows = list(db["audit"].rows_where("request_id = ?", [request_id], order_by="id", limit=1))
    return _entry(rows[0]) if rows else None


def audit_by_actor(db: Database, actor: str, entity: str | tuple[str, ...], since: str) -> list[AuditEntry]:
    """An actor's changes to one kind of thing (or several) since a moment, newest first."""
    entities = (entity,) if isinstance(entity, str) else entity
    marks = ", ".join("?" for _ in entities)
    rows = db["audit"].rows_where(
        f"actor = ? AND entity IN ({marks}) AND at >= ?", [actor, *entities, since], order_by="id desc"
    )
    return [_entry(row) for row in rows]


def audit_of(db: Database, entity: str, entity_key: str) -> list[AuditEntry]:
    rows = db["audit"].rows_where("entity = ? AND entity_key = ?", [entity, entity_key], order_by="id")
    return [_entry(row) for row in rows]
