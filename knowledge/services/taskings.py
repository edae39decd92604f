"""PTF taskings: raised, updated and closed by officers, each change checked at the edge,
written with its audit row and its log line in one transaction, and applied once per Slack
request (a request id already in the audit returns what it did, and changes nothing)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from pydantic import ValidationError

from knowledge.domain.schedule import local_date
from knowledge.domain.taskings import (
    NewTasking,
    Outcomes,
    Status,
    Tasking,
    TaskingError,
    check_transition,
)
from knowledge.services.roles import Roles
from knowledge.store import Store
from knowledge.store.audit import add_audit, audit_for_request
from knowledge.store.taskings import add_update, next_ref, open_taskings, read_tasking, save_tasking

ENTITY = "tasking"


@dataclass(frozen=True)
class Change:
    """What `/csp task update` asks: any of a status, review date, owner, outcomes, note."""

    status: Status | None = None
    review_on: date | None = None
    owner: str | None = None
    added: Outcomes = field(default_factory=Outcomes)
    note: str | None = None

    @property
    def empty(self) -> bool:
        return not (self.status or self.review_on or self.owner or self.added.any or self.note)


@dataclass(frozen=True)
class Saved:
    tasking: Tasking
    action: str
    assigned_to: str | None = None
    """Someone newly given the tasking, to be told by direct message."""
    repeated: bool = False
    """Slack delivered the request twice: this is what the first delivery did."""


def field_errors(error: ValidationError) -> dict[str, str]:
    """A pydantic error as {field: message}, for a form's fields."""
    found: dict[str, str] = {}
    for problem in error.errors():
        where = str(problem["loc"][0]) if problem["loc"] else "review_on"
        found.setdefault(where, problem["msg"].removeprefix("Value error, "))
    return found


class Taskings:
    def __init__(self, store: Store, roles: Roles) -> None:
        self.store = store
        self.roles = roles

    def _allowed(self, actor: str) -> None:
        if not self.roles.can_write(actor):
            raise self.roles.refusal("officers can raise, update or see PTF taskings")

    def check(self, values: dict, now: datetime) -> NewTasking:
        """A tasking from a form's values, or TaskingFieldErrors naming each field."""
        try:
            new = NewTasking(**values)
        except ValidationError as error:
            raise TaskingFieldErrors(field_errors(error)) from None
        if new.raised_on > local_date(now):
            raise TaskingFieldErrors({"raised_on": "the date raised is in the future"})
        return new

    def _repeated(self, db, request_id: str | None) -> Saved | None:
        done = audit_for_request(db, request_id) if request_id else None
        if done is None or done.entity != ENTITY:
            return None
        tasking = read_tasking(db, done.entity_key)
        return Saved(tasking, done.action, repeated=True) if tasking else None

    def add(self, actor: str, new: NewTasking, now: datetime, request_id: str | None = None) -> Saved:
        self._allowed(actor)
        at = _iso(now)
        with self.store.write_bookkeeping() as db:
            repeated = self._repeated(db, request_id)
            if repeated:
                return repeated
            tasking = Tasking(
                **new.model_dump(), ref=next_ref(db, new.raised_on.year), created_by=actor, created_at=at
            )
            save_tasking(db, tasking, at)
            add_update(
                db, ref=tasking.ref, at=at, actor=actor, action="raise", status=tasking.status.value,
                request_id=request_id,
            )  # fmt: skip
            add_audit(
                db, at=at, actor=actor, action="raise", entity=ENTITY, entity_key=tasking.ref,
                new=tasking.model_dump(mode="json"), source="command", request_id=request_id,
            )  # fmt: skip
        return Saved(tasking, "raise", assigned_to=tasking.owner)

    def update(
        self, actor: str, ref: str, change: Change, now: datetime, request_id: str | None = None
    ) -> Saved:
        if change.empty:
            raise TaskingError(
                "say what changed, e.g. "
                "`/csp task update PTF-2024-001 in progress 2 arrests note seen at 10pm`"
            )
        return self._change(actor, ref, change, now, request_id, "update")

    def close(
        self, actor: str, ref: str, change: Change, now: datetime, request_id: str | None = None
    ) -> Saved:
        if change.status not in (Status.COMPLETED, Status.CLOSED_NFA):
            raise TaskingError(
                "say the outcome: `/csp task close PTF-2024-001 2 arrests 1 seizure` or "
                "`/csp task close PTF-2024-001 nfa note no trace`"
            )
        return self._change(actor, ref, change, now, request_id, "close")

    def _change(
        self, actor: str, ref: str, change: Change, now: datetime, request_id: str | None, action: str
    ) -> Saved:
        self._allowed(actor)
        at = _iso(now)
        with self.store.write_bookkeeping() as db:
            repeated = self._repeated(db, request_id)
            if repeated:
                return repeated
            before = read_tasking(db, ref)
            if before is None:
                raise TaskingError(f"there is no tasking {ref}; `/csp tasks` lists the open ones")
            after = _applied(before, change, at)
            save_tasking(db, after, at)
            changes = _differences(before, after)
            add_update(
                db, ref=after.ref, at=at, actor=actor, action=action, status=after.status.value,
                added=change.added, note=change.note, changes=changes, request_id=request_id,
            )  # fmt: skip
            add_audit(
                db, at=at, actor=actor, action=action, entity=ENTITY, entity_key=after.ref,
                old={k: v[0] for k, v in changes.items()},
                new={**{k: v[1] for k, v in changes.items()}, "note": change.note},
                source="command", request_id=request_id,
            )  # fmt: skip
        assigned = after.owner if after.owner != before.owner else None
        return Saved(after, action, assigned_to=assigned)

    def get(self, ref: str) -> Tasking | None:
        return read_tasking(self.store.db, ref)

    def open_ones(self, actor: str) -> list[Tasking]:
        self._allowed(actor)
        return open_taskings(self.store.db)

    def reviews_tomorrow(self, now: datetime) -> list[Tasking]:
        """Open taskings whose review is the day after today (London): their owners are told."""
        tomorrow = local_date(now) + timedelta(days=1)
        return [t for t in open_taskings(self.store.db) if t.review_on == tomorrow]


class TaskingFieldErrors(TaskingError):
    """A form with mistakes: {field name: what is wrong}."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def _applied(before: Tasking, change: Change, at: str) -> Tasking:
    status = change.status or before.status
    if change.status:
        check_transition(before.status, status)
    else:
        _still_open(before)
    values = before.model_dump()
    values.update(status=status, outcomes=before.outcomes.plus(change.added))
    if change.review_on:
        values["review_on"] = change.review_on
    if change.owner:
        values["owner"] = change.owner
    if status.finished:
        values["closed_at"] = at
    try:
        return Tasking(**values)
    except ValidationError as error:
        raise TaskingError("; ".join(field_errors(error).values())) from None


def _still_open(tasking: Tasking) -> None:
    if tasking.status.finished:
        raise TaskingError(f"{tasking.ref} is already {tasking.status.value}: raise a new tasking instead")


def _differences(before: Tasking, after: Tasking) -> dict[str, list]:
    old, new = before.model_dump(mode="json"), after.model_dump(mode="json")
    return {k: [old[k], new[k]] for k in new if old[k] != new[k] and k != "closed_at"}


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")
