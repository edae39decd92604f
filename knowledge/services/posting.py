"""Posting a scheduled message at most once per week and channel.

The order is what makes it safe:

1. claim the run in the store (one transaction; a second process finds the claim and stops);
2. if an earlier attempt may have posted (its process died mid-post, or Slack's answer was
   lost), look for the post in the channel's history by the run key it carries, and if it is
   there, record it and stop; if the history cannot be read, stop without posting;
3. post, carrying the run key in the message's metadata;
4. record the result: posted (with Slack's ts), failed (Slack said no: retried later, a bounded
   number of times), or unknown (no answer: checked in the history before any retry).

Nothing here knows Slack: `Poster` is whatever can post a message and find one again.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

from knowledge.store import Store
from knowledge.store.runs import ClaimResult, RunKey, RunStatus

log = logging.getLogger(__name__)

METADATA_EVENT = "csp_scheduled_post"
"""The event type of a scheduled post's metadata; its payload's `run` is the run key."""
HISTORY_MARGIN = timedelta(minutes=2)


class PostError(Exception):
    """A post that did not go through. `certain`: Slack answered, so it certainly was not posted;
    otherwise the answer was lost and it may have been."""

    def __init__(self, message: str, certain: bool) -> None:
        super().__init__(message)
        self.certain = certain


class Poster(Protocol):
    def post(self, channel: str, message: dict, run: str) -> str:
        """Post `message` (text and blocks) carrying `run` in its metadata; Slack's ts."""
        ...

    def find(self, channel: str, run: str, oldest: datetime) -> str | None:
        """The ts of a post carrying `run`, made since `oldest`, if there is one.
        Raises PostError when the history cannot be read."""
        ...


class Outcome(StrEnum):
    POSTED = "posted"
    FOUND = "found posted by an earlier attempt"
    ALREADY_POSTED = "already posted"
    BUSY = "being posted by another process"
    FAILED = "failed; will be retried"
    UNKNOWN = "no answer from Slack; will check before retrying"
    UNVERIFIED = "cannot tell whether an earlier attempt posted; not posted again"
    GAVE_UP = "gave up after repeated failures"


@dataclass(frozen=True)
class Result:
    key: RunKey
    outcome: Outcome
    ts: str | None = None
    error: str | None = None

    @property
    def posted_now(self) -> bool:
        return self.outcome is Outcome.POSTED


def holder_name() -> str:
    """Who holds a claim, for the record: host and process id."""
    return f"{socket.gethostname()}:{os.getpid()}"


def post_once(
    store: Store,
    poster: Poster,
    key: RunKey,
    message: Callable[[], dict],
    now: datetime,
    *,
    due_at: datetime | None = None,
    late: bool = False,
) -> Result:
    """Post the message `message()` makes, unless this run was posted or is being posted."""
    claim = store.runs.claim(key, now, holder_name(), due_at or now, late)
    if claim.result is not ClaimResult.CLAIMED:
        outcome = {
            ClaimResult.ALREADY_POSTED: Outcome.ALREADY_POSTED,
            ClaimResult.BUSY: Outcome.BUSY,
            ClaimResult.GAVE_UP: Outcome.GAVE_UP,
        }[claim.result]
        return Result(key, outcome, claim.ts)
    if claim.check_first:
        found = _look_for_earlier_post(store, poster, key, claim.first_claimed_at, now)
        if found is not None:
            return found
    try:
        ts = poster.post(key.channel, message(), key.text)
    except PostError as error:
        status = RunStatus.FAILED if error.certain else RunStatus.UNKNOWN
        store.runs.finish(key, status, now, error=str(error))
        log.warning("scheduled post %s: %s (%s)", key.text, status.value, error)
        return Result(key, Outcome.FAILED if error.certain else Outcome.UNKNOWN, error=str(error))
    store.runs.finish(key, RunStatus.POSTED, now, ts=ts)
    return Result(key, Outcome.POSTED, ts)


def _look_for_earlier_post(
    store: Store, poster: Poster, key: RunKey, first_claimed_at: str | None, now: datetime
) -> Result | None:
    oldest = datetime.fromisoformat(first_claimed_at) if first_claimed_at else now - timedelta(days=7)
    try:
        ts = poster.find(key.channel, key.text, oldest - HISTORY_MARGIN)
    except PostError as error:
        store.runs.finish(key, RunStatus.UNKNOWN, now, error=f"history unreadable: {error}")
        log.warning("scheduled post %s: cannot read the history (%s); not posting again", key.text, error)
        return Result(key, Outcome.UNVERIFIED, error=str(error))
    if ts is None:
        return None
    store.runs.finish(key, RunStatus.POSTED, now, ts=ts)
    return Result(key, Outcome.FOUND, ts)
