"""What the Slack listeners need of the weekly jobs, without Slack: the plan (when and where),
the channels an admin chooses for the digest, what runs next, and the taskings desk."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time

from knowledge.domain.schedule import WeeklySlot, daily_next_due
from knowledge.domain.taskings import Commitments
from knowledge.services.digest import DIGEST
from knowledge.services.roles import Roles
from knowledge.services.tasking_summary import TASKING, TaskingDesk
from knowledge.services.taskings import Taskings
from knowledge.store import Store
from knowledge.store.audit import add_audit
from knowledge.store.runs import add_channel, remove_channel


@dataclass(frozen=True)
class Plan:
    """When and where, from the settings."""

    digest: WeeklySlot
    tasking: WeeklySlot
    reminders_at: time
    digest_channels: frozenset[str] = frozenset()
    tasking_channels: frozenset[str] = frozenset()


@dataclass(frozen=True)
class NextRun:
    what: str
    when: datetime
    where: tuple[str, ...]
    last: str | None = None


class Weekly:
    def __init__(self, store: Store, roles: Roles, plan: Plan, commitments: Commitments) -> None:
        self.store = store
        self.roles = roles
        self.plan = plan
        self.taskings = Taskings(store, roles)
        self.desk = TaskingDesk(store, plan.tasking_channels, commitments)

    def digest_channels(self) -> list[str]:
        return sorted(set(self.plan.digest_channels) | set(self.store.runs.channels(DIGEST)))

    def tasking_channels(self) -> list[str]:
        return sorted(self.plan.tasking_channels)

    def channels(self, kind: str) -> list[str]:
        return self.digest_channels() if kind == DIGEST else self.tasking_channels()

    def set_digest_channel(self, actor: str, channel: str, on: bool, now: datetime) -> str:
        """`/csp digest here` and `off`, for admins; what to tell them."""
        if not self.roles.is_admin(actor):
            raise self.roles.refusal("admins can choose where the digest goes")
        if not on and channel in self.plan.digest_channels:
            return "This channel is named in the bot's settings (CSP_DIGEST_CHANNELS): change it there."
        at = now.astimezone(UTC).isoformat(timespec="seconds")
        with self.store.write_bookkeeping() as db:
            changed = (
                add_channel(db, DIGEST, channel, actor, at) if on else remove_channel(db, DIGEST, channel)
            )
            if changed:
                add_audit(db, at=at, actor=actor, action="digest here" if on else "digest off",
                          entity="digest channel", entity_key=channel, source="command")  # fmt: skip
        slot = self.plan.digest.label
        if on:
            return (
                f"The weekly digest will be posted here, {slot}."
                if changed
                else "The digest already comes here."
            )
        return (
            "The weekly digest will no longer be posted here."
            if changed
            else "The digest does not come here."
        )

    def next_runs(self, now: datetime) -> list[NextRun]:
        runs = []
        for what, kind, slot in (
            ("Weekly digest", DIGEST, self.plan.digest),
            ("Tasking summary", TASKING, self.plan.tasking),
        ):
            last = self.store.runs.last_posted(kind)
            runs.append(
                NextRun(what, slot.next_due(now), tuple(self.channels(kind)), last and last["posted_at"])
            )
        reminders = daily_next_due(self.plan.reminders_at, now)
        runs.append(NextRun("Review reminders", reminders, ("owners by direct message",)))
        return sorted(runs, key=lambda r: r.when)
