"""The weekly jobs: the digest, the PTF tasking summary and the review reminders, each once per
week (or tasking) and channel, whether the scheduler inside `csp-bot serve` runs them or a
one-shot command does. Every job reads the time from the clock it is given.

A scheduled run belongs to its slot (Monday 08:00 London time, say) and the ISO week of that
slot. If the bot was down at that time, the next check (every few minutes, and at start-up)
finds the slot not posted and posts it late, once, saying so. A slot before the channel was
first scheduled (a new install, a channel added since) is not a missed one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from handlers.blocks.digest import build_digest_message
from handlers.blocks.taskings import build_summary_message, reminder_message
from handlers.poster import SlackPoster
from knowledge.answering import Knowledge
from knowledge.domain.schedule import daily_last_due, local_date, week_key
from knowledge.services.digest import DIGEST, build_digest, digest_since
from knowledge.services.posting import Outcome, Result, post_once
from knowledge.services.tasking_summary import TASKING, build_summary
from knowledge.services.weekly import NextRun, Weekly
from knowledge.store.runs import RunKey

log = logging.getLogger(__name__)

REMINDER = "review-reminder"
LATE_AFTER = timedelta(hours=1)
"""A post going out more than this after its slot says that it is late."""
SCHEDULER = "scheduler"


class Jobs:
    def __init__(
        self, knowledge: Knowledge, poster: SlackPoster, weekly: Weekly, clock: Callable[[], datetime]
    ) -> None:
        self.knowledge = knowledge
        self.store = knowledge.store
        self.poster = poster
        self.weekly = weekly
        self.plan = weekly.plan
        self.taskings = weekly.taskings
        self.desk = weekly.desk
        self.clock = clock

    # ---- messages ---------------------------------------------------------------------------

    def digest_message(self, channel: str | None, now: datetime, late_for: datetime | None = None) -> dict:
        digest = build_digest(
            self.knowledge,
            digest_since(self.knowledge, channel, now),
            now,
            tasking_details=self.desk.allowed_in(channel),
            late_for=late_for,
        )
        return build_digest_message(digest, self.poster.home_link())

    def tasking_message(self, now: datetime, late_for: datetime | None = None) -> dict:
        return build_summary_message(build_summary(self.store, self.desk.commitments, now, late_for))

    # ---- one post ---------------------------------------------------------------------------

    def _post(
        self,
        kind: str,
        channel: str,
        week: str,
        now: datetime,
        due: datetime,
        late: bool,
        actor: str = SCHEDULER,
    ) -> Result:
        key = RunKey(kind, channel, week)
        late_for = due if late else None
        held = self.store.runs.get(key)
        if held and held["status"] == "posted":
            return Result(key, Outcome.ALREADY_POSTED, held["ts"])
        if kind == TASKING:
            if not self.poster.is_private(channel):
                self.desk.log(actor, channel, "tasking summary", "refused", now, "not a private channel")
                log.warning("tasking summary not posted to %s: it is not a private channel", channel)
                return Result(key, Outcome.FAILED, error="not a private channel")
            result = post_once(
                self.store,
                self.poster,
                key,
                lambda: self.tasking_message(now, late_for),
                now,
                due_at=due,
                late=late,
            )
            if result.outcome in (Outcome.POSTED, Outcome.FOUND):
                self.desk.log(actor, channel, "tasking summary", "posted", now, f"week {week}")
            return result
        return post_once(
            self.store,
            self.poster,
            key,
            lambda: self.digest_message(channel, now, late_for),
            now,
            due_at=due,
            late=late,
        )

    # ---- now, from the command line ---------------------------------------------------------

    def post_now(self, kind: str, actor: str = SCHEDULER) -> list[Result]:
        """`--post`: this week's post, now, in every channel it has not gone to this week."""
        now = self.clock()
        week = week_key(local_date(now))
        return [self._post(kind, channel, week, now, now, False, actor) for channel in self._channels(kind)]

    def _channels(self, kind: str) -> list[str]:
        return self.weekly.channels(kind)

    # ---- on schedule ------------------------------------------------------------------------

    def due(self, kind: str) -> list[Result]:
        """The latest slot's post, in each channel that has not had it; late if it is late."""
        now = self.clock()
        slot = (self.plan.digest if kind == DIGEST else self.plan.tasking).last_due(now)
        results = []
        for channel in self._channels(kind):
            since = self.store.runs.watch_since(kind, channel, now)
            if slot < since - LATE_AFTER:
                continue  # not scheduled for this channel yet when the slot came
            late = now - slot > LATE_AFTER
            results.append(self._post(kind, channel, week_key(local_date(slot)), now, slot, late))
        return results

    def digest_due(self) -> list[Result]:
        return self.due(DIGEST)

    def tasking_due(self) -> list[Result]:
        return self.due(TASKING)

    def reminders_due(self) -> list[Result]:
        """Owners told the day before a review, once per tasking and review date, from the
        reminder time on (or as soon as the bot is up after it, that same day)."""
        now = self.clock()
        if local_date(daily_last_due(self.plan.reminders_at, now)) != local_date(now):
            return []
        results = []
        for tasking in self.taskings.reviews_tomorrow(now):
            if tasking.demo:
                continue
            key = RunKey(REMINDER, tasking.owner, f"{tasking.ref}:{tasking.review_on.isoformat()}")
            results.append(
                post_once(self.store, self.poster, key, lambda t=tasking: reminder_message(t), now)
            )
        return results

    def watch(self) -> None:
        """Note that the scheduled channels are watched from now (at start-up)."""
        now = self.clock()
        for kind in (DIGEST, TASKING):
            for channel in self._channels(kind):
                self.store.runs.watch_since(kind, channel, now)

    def catch_up(self) -> list[Result]:
        """Every kind's latest slot, for posts missed while the bot was down or that failed."""
        return [*self.digest_due(), *self.tasking_due(), *self.reminders_due()]

    def next_runs(self) -> list[NextRun]:
        return self.weekly.next_runs(self.clock())


def safely(job: Callable[[], list[Result]]) -> Callable[[], None]:
    """A job for the scheduler: its results logged, its errors logged and never raised."""

    def run() -> None:
        try:
            for result in job():
                log.info("%s: %s", result.key.text, result.outcome.value)
        except Exception:
            log.exception("scheduled job %s failed; the next check will try again", job.__name__)

    run.__name__ = getattr(job, "__name__", "job")
    return run
