"""Scheduled posts on a controlled clock against the fake Slack Web API: each week's digest goes
out once per channel, across clock changes, downtime, a restart in the middle of a post, a
lost answer, a 429 and two processes racing."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from bot.scheduler import make_jobs
from handlers.poster import SlackPoster
from knowledge.answering import open_knowledge
from knowledge.services.posting import Outcome
from knowledge.store.runs import LEASE
from tests.slack_harness import settings_for

CHANNEL = "CDIGEST01"


@dataclass
class Clock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def jobs_for(fake, db, data_dir, clock, **settings):
    knowledge = open_knowledge(db, data_dir)
    values = {"csp_digest_channels": CHANNEL, **settings}
    return make_jobs(settings_for(fake, **values), knowledge, clock=clock)


@pytest.fixture
def db(tmp_path):
    return tmp_path / "weekly.db"


def posts(fake, channel: str = CHANNEL) -> list:
    return [c for c in fake.posted("chat.postMessage") if c.params.get("channel") == channel]


def outcomes(results) -> list[Outcome]:
    return [r.outcome for r in results]


@pytest.mark.parametrize(
    ("first_monday", "next_monday_due"),
    [
        (utc(2024, 3, 25, 8, 0), utc(2024, 4, 1, 7, 0)),  # 08:00 GMT, then 08:00 BST
        (utc(2024, 10, 21, 7, 0), utc(2024, 10, 28, 8, 0)),  # 08:00 BST, then 08:00 GMT
    ],
    ids=["spring", "autumn"],
)
def test_the_week_of_a_clock_change_posts_once_at_eight_london_time(
    fake, db, data_dir, first_monday, next_monday_due
):
    clock = Clock(first_monday - timedelta(days=2))
    jobs = jobs_for(fake, db, data_dir, clock)
    jobs.watch()  # the bot started on the Saturday before
    clock.now = first_monday
    assert outcomes(jobs.digest_due()) == [Outcome.POSTED]
    clock.now = next_monday_due - timedelta(minutes=1)
    assert outcomes(jobs.catch_up()) == [Outcome.ALREADY_POSTED]  # still last week's slot
    assert len(posts(fake)) == 1
    clock.now = next_monday_due
    assert outcomes(jobs.digest_due()) == [Outcome.POSTED]
    assert outcomes(jobs.catch_up()) == [Outcome.ALREADY_POSTED]
    assert len(posts(fake)) == 2
    assert "is late" not in str(posts(fake)[-1].params["blocks"])
    weeks = [r["week"] for r in jobs.store.runs.all()]
    assert len(set(weeks)) == 2


def test_a_missed_week_goes_out_late_once_saying_so(fake, db, data_dir):
    clock = Clock(utc(2024, 4, 1, 6, 0))
    jobs = jobs_for(fake, db, data_dir, clock)
    jobs.watch()
    clock.now = utc(2024, 4, 1, 7, 0)
    jobs.digest_due()
    # Down from Sunday 7 April to Wednesday 10 April: Monday's slot passes unseen.
    clock.now = utc(2024, 4, 10, 9, 0)
    assert outcomes(jobs.catch_up()) == [Outcome.POSTED]
    assert outcomes(jobs.catch_up()) == [Outcome.ALREADY_POSTED]
    late = posts(fake)[-1].params
    assert "This digest is late" in str(late["blocks"]) and "Mon 8 Apr 2024, 08:00" in str(late["blocks"])
    clock.now = utc(2024, 4, 15, 7, 0)
    jobs.digest_due()
    assert len(posts(fake)) == 3
    assert "is late" not in str(posts(fake)[-1].params["blocks"])


def test_a_slot_before_the_bot_was_scheduled_is_not_a_missed_one(fake, db, data_dir):
    clock = Clock(utc(2024, 4, 3, 12, 0))  # first started on a Wednesday
    jobs = jobs_for(fake, db, data_dir, clock)
    jobs.watch()
    assert jobs.catch_up() == []
    assert posts(fake) == []


class Crash(BaseException):
    """The process dies: nothing after this line runs, not even an except clause."""


class CrashingPoster(SlackPoster):
    def __init__(self, client, after_posting: bool) -> None:
        super().__init__(client)
        self.after_posting = after_posting

    def post(self, channel, message, run):
        if self.after_posting:
            super().post(channel, message, run)
        raise Crash


@pytest.mark.parametrize("after_posting", [True, False], ids=["after-slack-got-it", "before"])
def test_a_restart_in_the_middle_of_a_post_ends_with_one_post(fake, db, data_dir, after_posting):
    clock = Clock(utc(2024, 4, 1, 7, 0))
    jobs = jobs_for(fake, db, data_dir, clock)
    jobs.watch()
    jobs.poster = CrashingPoster(jobs.poster.client, after_posting)
    with pytest.raises(Crash):
        jobs.digest_due()
    # A new process on the same store, while the dead one's claim still stands, then after.
    clock.now += timedelta(minutes=1)
    restarted = jobs_for(fake, db, data_dir, clock)
    assert outcomes(restarted.catch_up()) == [Outcome.BUSY]
    clock.now += LEASE
    expected = Outcome.FOUND if after_posting else Outcome.POSTED
    assert outcomes(restarted.catch_up()) == [expected]
    assert outcomes(restarted.catch_up()) == [Outcome.ALREADY_POSTED]
    assert len(posts(fake)) == 1
    assert fake.posted("conversations.history")


def test_a_lost_answer_is_never_posted_twice(fake, db, data_dir):
    clock = Clock(utc(2024, 4, 1, 7, 0))
    jobs = jobs_for(fake, db, data_dir, clock)
    jobs.watch()
    fake.hang_up("chat.postMessage")
    assert outcomes(jobs.digest_due()) == [Outcome.UNKNOWN]
    clock.now += timedelta(minutes=10)
    assert outcomes(jobs.catch_up()) == [Outcome.FOUND]
    assert len(posts(fake)) == 1
    [run] = jobs.store.runs.all()
    assert (run["status"], run["ts"]) == ("posted", posts(fake)[0].ts)


def test_an_unreadable_history_stops_a_second_post(fake, db, data_dir):
    clock = Clock(utc(2024, 4, 1, 7, 0))
    jobs = jobs_for(fake, db, data_dir, clock)
    jobs.watch()
    fake.hang_up("chat.postMessage")
    jobs.digest_due()
    fake.fail("conversations.history", "missing_scope")
    clock.now += timedelta(minutes=10)
    assert outcomes(jobs.catch_up()) == [Outcome.UNVERIFIED]
    assert len(posts(fake)) == 1


def test_a_429_is_waited_out_and_posts_once(fake, db, data_dir):
    clock = Clock(utc(2024, 4, 1, 7, 0))
    jobs = jobs_for(fake, db, data_dir, clock)
    jobs.watch()
    fake.rate_limit("chat.postMessage", times=1, retry_after=1)
    assert outcomes(jobs.digest_due()) == [Outcome.POSTED]
    assert len(fake.posted("chat.postMessage#429")) == 1
    assert len(posts(fake)) == 1


def test_429s_past_the_retries_fail_the_run_and_the_next_check_posts_once(fake, db, data_dir):
    clock = Clock(utc(2024, 4, 1, 7, 0))
    jobs = jobs_for(fake, db, data_dir, clock)
    jobs.watch()
    fake.rate_limit("chat.postMessage", times=4, retry_after=0)
    assert outcomes(jobs.digest_due()) == [Outcome.FAILED]
    assert posts(fake) == []
    clock.now += timedelta(minutes=10)
    assert outcomes(jobs.catch_up()) == [Outcome.POSTED]
    assert outcomes(jobs.catch_up()) == [Outcome.ALREADY_POSTED]
    assert len(posts(fake)) == 1


def test_two_processes_racing_post_once(fake, db, data_dir):
    clock = Clock(utc(2024, 4, 1, 7, 0))
    first, second = (jobs_for(fake, db, data_dir, clock) for _ in range(2))
    first.watch()
    first.knowledge.current(), second.knowledge.current()  # built before the race
    fake.delays["chat.postMessage"] = 0.3  # the loser checks while the winner is posting
    start = threading.Barrier(2)
    results = []

    def run(jobs):
        start.wait()
        results.extend(jobs.digest_due())

    threads = [threading.Thread(target=run, args=(jobs,)) for jobs in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes(results)) == sorted([Outcome.POSTED, Outcome.BUSY])
    assert len(posts(fake)) == 1
    assert first.store is not second.store


def test_each_channel_gets_its_own_post_once(fake, db, data_dir):
    clock = Clock(utc(2024, 4, 1, 7, 0))
    jobs = jobs_for(fake, db, data_dir, clock, csp_digest_channels="CDIGEST01,CDIGEST02")
    jobs.watch()
    jobs.digest_due()
    jobs.catch_up()
    assert len(posts(fake, "CDIGEST01")) == 1 and len(posts(fake, "CDIGEST02")) == 1


def test_the_scheduler_runs_each_job_on_its_london_time(fake, db, data_dir):
    from bot.scheduler import build_scheduler

    clock = Clock(utc(2024, 3, 27, 12, 0))
    jobs = jobs_for(fake, db, data_dir, clock, csp_tasking_day="tue", csp_tasking_time="09:15")
    scheduler = build_scheduler(jobs, check_now=False)
    triggers = {job.id: job.trigger for job in scheduler.get_jobs()}
    assert set(triggers) == {"digest", "tasking", "reminders", "catch-up"}
    assert triggers["digest"].get_next_fire_time(None, clock.now) == utc(2024, 4, 1, 7, 0)
    assert triggers["tasking"].get_next_fire_time(None, clock.now) == utc(2024, 4, 2, 8, 15)
    assert [(r.what, r.when) for r in jobs.next_runs()][:2] == [
        ("Review reminders", utc(2024, 3, 28, 9, 0)),
        ("Weekly digest", utc(2024, 4, 1, 7, 0)),
    ]
