"""Recording the status of a manifesto action or a Strategic Plan deliverable from Slack: the text
checked at the edge, written with its audit row in one transaction, applied once per request.

The text is kept exactly as typed (markup included); whoever shows it escapes it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from pydantic import BaseModel, ValidationError, field_validator
from sqlite_utils import Database

from knowledge.services.roles import Roles
from knowledge.store import Store
from knowledge.store.audit import AuditEntry, add_audit, audit_for_request
from knowledge.store.statuses import StatusOf, add_status, latest_status, status_entry, status_row

MAX_STATUS_CHARS = 500
STATUS_EXAMPLE = "`/csp status RRT expansion: now reaches 18-24s in every locality`"
UNDO_SOURCE = "undo"
KIND_NAMES = {StatusOf.ACTION: "manifesto action", StatusOf.DELIVERABLE: "Strategic Plan deliverable"}


class StatusError(ValueError):
    """What was wrong with a status as typed, and an example of one that is right."""


class StatusText(BaseModel):
    text: str

    @field_validator("text", mode="before")
    @classmethod
    def _said(cls, text: str) -> str:
        if not str(text).strip():
            raise ValueError(f"say what the status is now, after a colon, e.g. {STATUS_EXAMPLE}")
        if len(text) > MAX_STATUS_CHARS:
            raise ValueError(
                f"a status is at most {MAX_STATUS_CHARS:,} characters and this one is {len(text):,}; "
                f"say it shorter, e.g. {STATUS_EXAMPLE}"
            )
        return str(text)


def read_status(text: str) -> str:
    """The status as typed, less the spaces around it; or a StatusError saying what is wrong."""
    try:
        return StatusText(text=text.strip()).text
    except ValidationError as error:
        raise StatusError(error.errors()[0]["msg"].removeprefix("Value error, ")) from None


@dataclass(frozen=True)
class Subject:
    """An action or deliverable whose status officers keep."""

    of: StatusOf
    key: str
    title: str
    """Its commitment or text, in full."""
    name: str
    """What partners call it ("RRT expansion"): its first alias, else its title."""

    @property
    def kind_name(self) -> str:
        return KIND_NAMES[self.of]


@dataclass(frozen=True)
class StatusRecorded:
    """A status as recorded: what it was and is now, each with the date it speaks for."""

    subject: Subject
    old: str | None
    old_as_of: str | None
    new: str | None
    """None when the status was withdrawn (an undone first status)."""
    as_of: str | None
    repeated: bool = False
    """The request had been applied already (Slack delivered it twice): nothing changed now."""


def subject_of(db: Database, of: StatusOf, key: str) -> Subject:
    row = status_entry(db, of, key)
    if row is None:
        raise StatusError(f"there is no {KIND_NAMES[of]} “{key}”; try {STATUS_EXAMPLE}")
    title = row["commitment"] if of is StatusOf.ACTION else row["text"]
    aliases = json.loads(row["aliases"] or "[]")
    return Subject(of, key, title, aliases[0] if aliases else title)


def status_values(entry: AuditEntry) -> tuple[str | None, str | None, str | None, str | None]:
    """(old, old as of, new, new as of) from a status change's audit row."""
    old, new = entry.old or {}, entry.new or {}
    return old.get("status"), old.get("as_of"), new.get("status"), new.get("as_of")


def _audited(db: Database, entry: AuditEntry, repeated: bool = False) -> StatusRecorded:
    subject = subject_of(db, StatusOf(entry.entity.removesuffix("_status")), entry.entity_key or "")
    return StatusRecorded(subject, *status_values(entry), repeated=repeated)


def is_status_change(entry: AuditEntry) -> bool:
    return entry.entity in {of.entity for of in StatusOf}


class Statuses:
    def __init__(self, store: Store, roles: Roles) -> None:
        self.store = store
        self.roles = roles

    def subject(self, of: StatusOf, key: str) -> Subject:
        return subject_of(self.store.db, of, key)

    def record(
        self,
        actor: str,
        of: StatusOf,
        key: str,
        text: str,
        source: str,
        request_id: str | None,
        now: datetime,
    ) -> StatusRecorded:
        """Add a status dated today; the one it supersedes stays in the history."""
        if not self.roles.can_write(actor):
            raise self.roles.refusal("officers can record statuses")
        status = read_status(text)
        subject = self.subject(of, key)
        at = now.astimezone(UTC).isoformat(timespec="seconds")
        as_of = at[:10]
        with self.store.write_content() as db:
            done = audit_for_request(db, request_id) if request_id else None
            if done is not None:
                if not is_status_change(done):
                    raise StatusError("that request changed something else already; nothing more was changed")
                return _audited(db, done, repeated=True)
            before = latest_status(db, of, key)
            old = {"status": before["status"], "as_of": before["as_of"]} if before else {}
            add_status(db, status_row(key, status, as_of, at, actor, source, of), of)
            add_audit(
                db,
                at=at,
                actor=actor,
                action="record",
                entity=of.entity,
                entity_key=key,
                old=old or None,
                new={"status": status, "as_of": as_of},
                source=source,
                request_id=request_id,
            )
        return StatusRecorded(subject, old.get("status"), old.get("as_of"), status, as_of)

    def repeated(self, db: Database, entry: AuditEntry) -> StatusRecorded:
        """What a status change already applied said, for a request delivered again."""
        return _audited(db, entry, repeated=True)

    def revert(
        self, db: Database, target: AuditEntry, actor: str, at: str, request_id: str | None
    ) -> StatusRecorded:
        """Inside the caller's transaction: put back the status `target` replaced, by adding it
        again (or withdrawing the status, when there was none before)."""
        of = StatusOf(target.entity.removesuffix("_status"))
        subject = subject_of(db, of, target.entity_key or "")
        before, before_as_of, after, after_as_of = status_values(target)
        held = latest_status(db, of, subject.key)
        if held is None or held["status"] != after:
            raise StatusError(
                f"the status of {subject.name} has been changed since by someone else; "
                "record the one you want with `status`"
            )
        restored = before if before is not None else after
        withdrawn = before is None
        row = status_row(subject.key, restored or "", before_as_of or after_as_of or at[:10], at, actor,
                         UNDO_SOURCE, of, withdrawn=withdrawn)  # fmt: skip
        add_status(db, row, of)
        add_audit(
            db,
            at=at,
            actor=actor,
            action="undo",
            entity=of.entity,
            entity_key=subject.key,
            old={"status": after, "as_of": after_as_of},
            new={"status": before, "as_of": before_as_of, "undoes": target.id},
            source=UNDO_SOURCE,
            request_id=request_id,
        )
        return StatusRecorded(subject, after, after_as_of, before, before_as_of)
