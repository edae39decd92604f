"""Answering each Slack event once: the event claim, taken on the work queue after the ack.

Slack retries an event it thinks was not acknowledged. Each event_id is claimed in the store,
shared by every process on the file, and answered by whoever claimed it. The claim is never
between Slack and the ack: it is taken by the worker, waiting only briefly for another writer's
lock. A store that cannot be written (locked past that wait, read-only, full) does not stop the
answer: the event is answered unrecorded (`Verdict.UNRECORDED`), and the store's health says
so, once, in the log and in the health check.

Each claim records how it ended (answered, failed, given up). One left open by a process that
stopped after the ack is found at the next start: finished, if it is recent and has attempts
left, or given up on; either way, logged.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import sqlite3
import uuid
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from knowledge.store import Store
from knowledge.store.claims import Claim, ClaimState
from knowledge.store.db import StoreBusy
from knowledge.store.health import StoreUnavailable

CLAIM_WAIT_SECONDS = 1.0
"""How long a claim waits for another writer's lock before answering unrecorded."""
RESUME_WITHIN = timedelta(minutes=15)
"""A claim left open longer ago than this is given up on: the answer would come too late."""
LEASE = timedelta(minutes=10)
"""A claim held this long by a process on another machine is taken to be abandoned."""


class Verdict(StrEnum):
    CLAIMED = "claimed"
    DUPLICATE = "duplicate"
    UNRECORDED = "unrecorded"
    """The store could not be written: answered without a claim."""


def process_owner() -> str:
    """Who holds a claim: this machine, this process, and this start of it (a restarted bot
    in a container often gets the same process id)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class EventClaimer:
    store: Store
    owner: str = field(default_factory=process_owner)
    wait: float = CLAIM_WAIT_SECONDS
    attempts: int = 3
    """How many times an event's answer is tried, across restarts, before it is given up on."""
    clock: Callable[[], datetime] = utc_now
    logger: logging.Logger = field(default_factory=lambda: logging.getLogger(__name__))

    def claim(self, event_id: str, envelope: dict) -> Verdict:
        kept = {key: value for key, value in envelope.items() if key != "token"}
        try:
            taken = self.store.events.claim(event_id, self.owner, json.dumps(kept), self.wait, self.clock())
        except (sqlite3.Error, StoreBusy, StoreUnavailable):  # the store's health says why
            return Verdict.UNRECORDED
        return Verdict.CLAIMED if taken else Verdict.DUPLICATE

    def answered(self, event_id: str) -> None:
        self._settle(event_id, ClaimState.ANSWERED)

    def failed(self, event_id: str, error: str, final: bool, attempted: bool = True) -> None:
        """An attempt failed (`attempted`), or the claim is given up on without one."""
        self._settle(event_id, ClaimState.GIVEN_UP if final else ClaimState.FAILED, error, attempted)

    def _settle(
        self, event_id: str, state: ClaimState, error: str | None = None, attempted: bool = False
    ) -> None:
        with suppress(sqlite3.Error, StoreBusy, StoreUnavailable):  # the store's health says why
            self.store.events.settle(event_id, state, error, self.wait, attempt_failed=attempted)

    def recover(self, resume: Callable[[dict, Claim], bool]) -> None:
        """Finish, or give up on, the claims that stopped processes left open. `resume`
        re-delivers an event to the listeners and says whether it was taken."""
        try:
            self._recover(resume)
        except (sqlite3.Error, StoreBusy) as error:  # an unwritable store: the health check says so
            self.logger.warning("claims left open were not looked at: %s", error)

    def _recover(self, resume: Callable[[dict, Claim], bool]) -> None:
        now = self.clock()
        for claim in self.store.events.unfinished():
            if not self._abandoned(claim, now):
                continue
            if not self.store.events.take_over(claim.event_id, claim.owner, self.owner):
                continue  # another process starting at the same time took it
            why = self._hopeless(claim, now)
            if why is None:
                self.logger.warning(
                    "event %s was left unanswered (%s) by a process that stopped; answering it now",
                    claim.event_id,
                    claim.state.value,
                )
                if resume(json.loads(claim.envelope or "{}"), claim):
                    continue
                why = "it could not be queued again"
            self.failed(claim.event_id, f"given up at start-up: {why}", final=True, attempted=False)
            self.logger.warning("event %s was left unanswered and is given up on: %s", claim.event_id, why)

    def _abandoned(self, claim: Claim, now: datetime) -> bool:
        host, _, rest = (claim.owner or "::").partition(":")
        pid, _, _ = rest.partition(":")
        if claim.owner == self.owner:
            return False
        if host == socket.gethostname() and pid.isdigit():
            return int(pid) == os.getpid() or not _pid_alive(int(pid))
        return now - _when(claim.updated_at or claim.seen_at) > LEASE

    def _hopeless(self, claim: Claim, now: datetime) -> str | None:
        """Why an abandoned claim is not worth finishing, or None if it is."""
        if not claim.envelope:
            return "the event was not kept"
        if claim.attempts >= self.attempts:
            return f"{claim.attempts} attempts failed"
        if now - _when(claim.seen_at) > RESUME_WITHIN:
            return f"it came over {int(RESUME_WITHIN.total_seconds() // 60)} minutes ago"
        return None


def _when(stamp: str) -> datetime:
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
