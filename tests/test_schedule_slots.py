"""Weekly slots in London time across both clock changes, and run claims in the store."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from knowledge.domain.schedule import Weekday, WeeklySlot, week_key
from knowledge.store.runs import LEASE, MAX_ATTEMPTS, ClaimResult, RunKey, RunStatus

MONDAY_8 = WeeklySlot(weekday=Weekday.MONDAY, at=time(8, 0))


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize(
    ("now", "last", "following"),
    [
        # Spring: the clocks go forward on Sunday 31 March 2024.
        (utc(2024, 3, 25, 8, 0), utc(2024, 3, 25, 8, 0), utc(2024, 4, 1, 7, 0)),
        (utc(2024, 4, 1, 6, 59), utc(2024, 3, 25, 8, 0), utc(2024, 4, 1, 7, 0)),
        (utc(2024, 4, 1, 7, 0), utc(2024, 4, 1, 7, 0), utc(2024, 4, 8, 7, 0)),
        # Autumn: the clocks go back on Sunday 27 October 2024.
        (utc(2024, 10, 21, 7, 0), utc(2024, 10, 21, 7, 0), utc(2024, 10, 28, 8, 0)),
        (utc(2024, 10, 28, 7, 30), utc(2024, 10, 21, 7, 0), utc(2024, 10, 28, 8, 0)),
        (utc(2024, 10, 28, 8, 0), utc(2024, 10, 28, 8, 0), utc(2024, 11, 4, 8, 0)),
    ],
)
def test_monday_eight_oclock_is_london_time_on_both_sides_of_a_clock_change(now, last, following):
    assert MONDAY_8.last_due(now) == last
    assert MONDAY_8.next_due(now) == following


def test_a_slot_on_the_sunday_of_a_clock_change():
    sunday = WeeklySlot(weekday=Weekday.SUNDAY, at=time(1, 30))
    # 01:30 does not happen on 31 March 2024 in London: it falls an hour later, 01:30 UTC.
    assert sunday.next_due(utc(2024, 3, 30, 12, 0)) == utc(2024, 3, 31, 1, 30)
    # 01:30 happens twice on 27 October 2024: the first (BST), 00:30 UTC.
    assert sunday.next_due(utc(2024, 10, 26, 12, 0)) == utc(2024, 10, 27, 0, 30)


def test_the_scheduler_library_agrees_with_the_slots():
    from apscheduler.triggers.cron import CronTrigger

    from knowledge.domain.schedule import LONDON

    trigger = CronTrigger(day_of_week="mon", hour=8, minute=0, timezone=LONDON)
    now = utc(2024, 3, 20, 12, 0)
    for _ in range(40):  # through the spring change, the summer and the autumn change
        fired = trigger.get_next_fire_time(None, now)
        assert fired.astimezone(UTC) == MONDAY_8.next_due(now)
        now = fired.astimezone(UTC) + timedelta(minutes=1)


def test_weekday_names_and_week_keys():
    assert Weekday.named("Mon") is Weekday.MONDAY and Weekday.named("thursday") is Weekday.THURSDAY
    with pytest.raises(ValueError, match="not a day"):
        Weekday.named("someday")
    assert week_key(utc(2024, 12, 30).date()) == "2025-W01"


KEY = RunKey("digest", "CDIGEST01", "2024-W14")
NOW = utc(2024, 4, 1, 7, 0)


def test_a_run_is_claimed_once_until_it_lapses_and_never_after_it_is_posted(store):
    runs = store.runs
    assert runs.claim(KEY, NOW, "a", NOW, False).result is ClaimResult.CLAIMED
    assert runs.claim(KEY, NOW, "b", NOW, False).result is ClaimResult.BUSY
    taken = runs.claim(KEY, NOW + LEASE, "b", NOW, False)
    assert (taken.result, taken.attempt, taken.check_first) == (ClaimResult.CLAIMED, 2, True)
    runs.finish(KEY, RunStatus.POSTED, NOW + LEASE, ts="1.2")
    later = runs.claim(KEY, NOW + 2 * LEASE, "c", NOW, False)
    assert (later.result, later.ts) == (ClaimResult.ALREADY_POSTED, "1.2")


def test_a_failed_run_is_retried_without_looking_and_a_bounded_number_of_times(store):
    runs = store.runs
    runs.claim(KEY, NOW, "a", NOW, False)
    for attempt in range(2, MAX_ATTEMPTS + 1):
        runs.finish(KEY, RunStatus.FAILED, NOW, error="ratelimited")
        retried = runs.claim(KEY, NOW, "a", NOW, False)
        assert (retried.result, retried.attempt, retried.check_first) == (ClaimResult.CLAIMED, attempt, False)
    runs.finish(KEY, RunStatus.FAILED, NOW, error="ratelimited")
    assert runs.claim(KEY, NOW, "a", NOW, False).result is ClaimResult.GAVE_UP
