"""Undo: an officer takes back their own last change within a day, a figure or a status alike,
by recording what was there before it again. Nothing is deleted; the undo has its own history
row and audit row.

An admin's last change may be an import: then the whole batch is taken back
(`knowledge.services.import_undo`), if they are an admin still."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from knowledge.domain.periods import parse_period
from knowledge.services.figures import FigureError, Figures, Recorded, audit_values
from knowledge.services.import_undo import BatchUndone, ImportUndoError, repeated_undo, undo_batch_in
from knowledge.services.statuses import UNDO_SOURCE, Statuses, StatusRecorded, is_status_change
from knowledge.store import figure_row
from knowledge.store.audit import AuditEntry, add_audit, audit_by_actor, audit_for_request
from knowledge.store.figures import add_figure, latest_figure
from knowledge.store.imports import read_batch
from knowledge.store.statuses import StatusOf

if TYPE_CHECKING:
    from sqlite_utils import Database

UNDO_WINDOW = timedelta(hours=24)
UNDOABLE = ("figure", "import", *(of.entity for of in StatusOf))
"""What an undo can take back: a figure, an import, or the status of an action or deliverable."""


def last_undoable(entries: list[AuditEntry]) -> AuditEntry | None:
    """The newest change the actor recorded (or file they imported) that no later undo of
    theirs took back."""
    undone = {(e.new or {}).get("undoes") for e in entries if e.action == "undo"}
    return next((e for e in entries if e.action in ("record", "import") and e.id not in undone), None)


def undo(
    figures: Figures, actor: str, now: datetime, request_id: str | None = None
) -> Recorded | StatusRecorded | BatchUndone:
    """Take back the actor's last figure, status or import of the last 24 hours, whichever
    came last."""
    if not figures.roles.can_write(actor):
        raise figures.roles.refusal("officers can change the figures and statuses")
    statuses = Statuses(figures.store, figures.roles)
    now = now.astimezone(UTC)
    at = now.isoformat(timespec="seconds")
    since = (now - UNDO_WINDOW).isoformat(timespec="seconds")
    with figures.store.write_content() as db:
        done = audit_for_request(db, request_id) if request_id else None
        if done is not None and done.entity == "import":
            return repeated_undo(db, done)
        if done is not None and is_status_change(done):
            return statuses.repeated(db, done)
        if done is not None:
            indicator, period = figures.indicator(done.entity_key), parse_period(done.period)
            return figures.result(indicator, period, *audit_values(done), repeated=True)
        target = last_undoable(audit_by_actor(db, actor, UNDOABLE, since))
        if target is None:
            raise FigureError(
                "you have changed no figure or status in the last 24 hours, so there is nothing to undo"
            )
        if target.entity == "import":
            return _undo_import(figures, db, target, actor, at, request_id)
        if is_status_change(target):
            return statuses.revert(db, target, actor, at, request_id)
        return _undo_figure(figures, db, target, actor, at, request_id)


def _undo_figure(
    figures: Figures, db: Database, target: AuditEntry, actor: str, at: str, request_id: str | None
) -> Recorded:
    indicator, period = figures.indicator(target.entity_key), parse_period(target.period)
    before, after = audit_values(target)
    held = latest_figure(db, indicator.key, period.code)
    if held is None or held["value"] != after:
        raise FigureError(
            f"{indicator.short_name} for {period.short_label} has been changed since by someone else; "
            "record the value you want with `update`"
        )
    restored = before if before is not None else after
    add_figure(
        db,
        figure_row(indicator.key, period, restored, at, actor, UNDO_SOURCE, withdrawn=before is None),
    )
    add_audit(
        db,
        at=at,
        actor=actor,
        action="undo",
        entity="figure",
        entity_key=indicator.key,
        period=period.code,
        old={"value": after},
        new={"value": before, "undoes": target.id},
        source=UNDO_SOURCE,
        request_id=request_id,
    )
    return figures.result(indicator, period, after, before)


def _undo_import(
    figures: Figures, db: Database, target: AuditEntry, actor: str, at: str, request_id: str | None
) -> BatchUndone:
    if not figures.roles.is_admin(actor):
        raise figures.roles.refusal("admins can undo an import")
    batch = read_batch(db, int(target.entity_key or 0))
    if batch is None:
        raise FigureError(f"the import {target.entity_key} is not in the store")
    try:
        return undo_batch_in(db, batch, actor, at, request_id)
    except ImportUndoError as error:
        raise FigureError(str(error)) from None
