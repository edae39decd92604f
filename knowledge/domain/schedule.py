"""Weekly times in Europe/London: when a post is due, which week it belongs to, and the next one.

Times are kept as wall-clock times in London and turned into instants only for a given date,
so "Monday 08:00" is 08:00 GMT in winter and 08:00 BST in summer, across both clock changes.
A wall-clock time that does not exist on a spring-forward Sunday (01:30) falls an hour later,
and one that happens twice on the autumn Sunday is the first of the two (PEP 495, fold=0).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from enum import IntEnum
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict

LONDON = ZoneInfo("Europe/London")


class Weekday(IntEnum):
    MONDAY = 0
    TUESDAY = 1
    WEDNESDAY = 2
    THURSDAY = 3
    FRIDAY = 4
    SATURDAY = 5
    SUNDAY = 6

    @classmethod
    def named(cls, text: str) -> Weekday:
        """ "monday", "Mon" or "mon" -> MONDAY."""
        cleaned = text.strip().lower()
        for day in cls:
            if len(cleaned) >= 3 and day.name.lower().startswith(cleaned):
                return day
        raise ValueError(f"“{text}” is not a day of the week (monday … sunday)")

    @property
    def label(self) -> str:
        return self.name.capitalize()


def at_local(day: date, wall: time) -> datetime:
    """The instant a London wall-clock time happens on a day, in UTC; a time that the spring
    clock change skips is read with the offset before it (so it falls an hour later)."""
    local = datetime.combine(day, wall, tzinfo=LONDON)
    return local.astimezone(UTC)


def local_date(instant: datetime) -> date:
    return instant.astimezone(LONDON).date()


def week_key(day: date) -> str:
    """The ISO week a day is in, as "2024-W14": runs are unique per week and channel."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


class WeeklySlot(BaseModel):
    """A weekday and a wall-clock time in London: when a weekly post is due."""

    model_config = ConfigDict(frozen=True)

    weekday: Weekday
    at: time

    def last_due(self, now: datetime) -> datetime:
        """The latest instant of this slot at or before `now` (UTC)."""
        today = local_date(now)
        day = today - timedelta(days=(today.weekday() - self.weekday) % 7)
        due = at_local(day, self.at)
        if due > now:
            due = at_local(day - timedelta(days=7), self.at)
        return due

    def next_due(self, now: datetime) -> datetime:
        """The first instant of this slot after `now` (UTC)."""
        last = self.last_due(now)
        return at_local(local_date(last) + timedelta(days=7), self.at)

    @property
    def label(self) -> str:
        return f"{self.weekday.label}s at {self.at:%H:%M} (London time)"


def daily_last_due(at: time, now: datetime) -> datetime:
    """The latest instant of a daily London time at or before `now`."""
    today = local_date(now)
    due = at_local(today, at)
    return due if due <= now else at_local(today - timedelta(days=1), at)


def daily_next_due(at: time, now: datetime) -> datetime:
    return at_local(local_date(daily_last_due(at, now)) + timedelta(days=1), at)


def when_label(instant: datetime) -> str:
    """ "Mon 1 Apr 2024, 08:00" in London time."""
    local = instant.astimezone(LONDON)
    return f"{local:%a} {local.day} {local:%b %Y, %H:%M}"
