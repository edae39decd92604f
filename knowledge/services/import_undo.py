"""Taking an import batch back whole, by appending: each month the batch wrote gets the value
it held before (or is withdrawn, if it held none), and an indicator the batch made is
withdrawn once none of its figures is left. Nothing is deleted; one audit row says it.

A month changed since the batch (by a later import or an officer) stops the undo, and nothing
is written: that later change would otherwise be silently lost. Undo the later one first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from knowledge.domain.periods import parse_period
from knowledge.store import Store, figure_row
from knowledge.store.audit import AuditEntry, add_audit, audit_of
from knowledge.store.imports import (
    Batch,
    add_figures,
    batch_figures,
    held_values,
    latest_row,
    read_batch,
    withdraw_indicator,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

UNDO_SOURCE = "undo"
MAX_CONFLICTS_NAMED = 5


class ImportUndoError(ValueError):
    """Why a batch cannot be undone; the message says what to do."""


@dataclass(frozen=True)
class BatchUndone:
    batch: Batch
    restored: int
    """Months given back the value they held before the batch."""
    withdrawn: int
    """Months that held nothing before the batch, and now hold nothing again."""
    indicators_withdrawn: tuple[str, ...]
    repeated: bool = False
    """The request had been applied already (Slack delivered it twice): nothing changed now."""


def undo_batch(
    store: Store, batch_id: int, actor: str, now: datetime, request_id: str | None = None
) -> BatchUndone:
    """Take back a whole batch. The caller has checked that the actor may."""
    at = now.astimezone(UTC).isoformat(timespec="seconds")
    with store.write_content() as db:
        batch = read_batch(db, batch_id)
        if batch is None:
            raise ImportUndoError(f"there is no import batch {batch_id}")
        return undo_batch_in(db, batch, actor, at, request_id)


def undone_already(entries: list[AuditEntry]) -> AuditEntry | None:
    return next((e for e in entries if e.action == "undo"), None)


def _conflicts(db: Database, rows: list[dict]) -> list[str]:
    """The months the batch wrote that hold another value now."""
    held = held_values(db, sorted({r["indicator_key"] for r in rows}))
    return [
        f"{r['indicator_key']} {parse_period(r['period']).short_label}"
        for r in rows
        if held.get((r["indicator_key"], r["period"])) != r["value"]
    ]


def undo_batch_in(db: Database, batch: Batch, actor: str, at: str, request_id: str | None) -> BatchUndone:
    """Inside the caller's content transaction."""
    entries = audit_of(db, "import", str(batch.id))
    done = undone_already(entries)
    if done is not None:
        raise ImportUndoError(f"import {batch.id} was undone already, on {done.at[:10]} by {done.actor}")
    rows = batch_figures(db, batch.id)
    conflicts = _conflicts(db, rows)
    if conflicts:
        named = ", ".join(conflicts[:MAX_CONFLICTS_NAMED]) + (
            " …" if len(conflicts) > MAX_CONFLICTS_NAMED else ""
        )
        raise ImportUndoError(
            f"{len(conflicts)} of the months import {batch.id} wrote have been changed since ({named}); "
            "undo the later import first, or record the values you want"
        )
    restored, withdrawn, writes = 0, 0, []
    for row in rows:
        before = latest_row(db, row["indicator_key"], row["period"], before_id=row["id"])
        gone = before is None or bool(before["withdrawn"])
        value = row["value"] if gone else before["value"]
        period = parse_period(row["period"])
        writes.append(figure_row(row["indicator_key"], period, value, at, actor, UNDO_SOURCE, withdrawn=gone))
        withdrawn, restored = withdrawn + gone, restored + (not gone)
    add_figures(db, writes)
    left = held_values(db, list(batch.indicators_made))
    gone_indicators = tuple(k for k in batch.indicators_made if not any(key == k for key, _ in left))
    for key in gone_indicators:
        withdraw_indicator(db, key)
    imported = next((e for e in entries if e.action == "import"), None)
    add_audit(
        db,
        at=at,
        actor=actor,
        action="undo",
        entity="import",
        entity_key=str(batch.id),
        old={"file": batch.file_name, "figures": len(rows)},
        new={
            "undoes": imported.id if imported else None,
            "restored": restored,
            "withdrawn": withdrawn,
            "indicators_withdrawn": list(gone_indicators),
        },
        source=UNDO_SOURCE,
        request_id=request_id,
    )
    return BatchUndone(batch, restored, withdrawn, gone_indicators)


def repeated_undo(db: Database, done: AuditEntry) -> BatchUndone:
    """The answer again to a request that undid a batch already."""
    batch = read_batch(db, int(done.entity_key or 0))
    assert batch is not None
    new = done.new or {}
    return BatchUndone(
        batch,
        new.get("restored", 0),
        new.get("withdrawn", 0),
        tuple(new.get("indicators_withdrawn", [])),
        True,
    )
