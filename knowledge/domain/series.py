"""An indicator's figures as one series: those recorded for a period, and monthly figures
that add up to any whole period they cover.

A figure recorded for a period always wins over a sum of months for it: the seed's annual
figure for 2018 is what the partnership reported, whatever a later monthly file adds up to.
A sum is only given for a period every one of whose months is held. A sum is compared with a
sum: set against 2019's months, 2018 is the sum of its months too, not the reported figure
from an earlier vintage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from knowledge.datafiles import load_file
from knowledge.domain.models import Figure
from knowledge.domain.periods import Period, PeriodKind

SUM_SOURCE = "sum of monthly figures"


class Headline(StrEnum):
    """Which period an indicator's headline figure is for, once it has monthly figures."""

    ROLLING_YEAR = "rolling-year"
    """The latest 12 months against the 12 before: the partnership's usual rolling year."""
    CALENDAR_YEAR = "calendar-year"
    """The latest whole calendar year held."""
    FINANCIAL_YEAR_TO_DATE = "financial-year-to-date"
    """April to the latest month, against the same months a year before."""


@dataclass(frozen=True)
class Series:
    figures: tuple[Figure, ...]
    """As held: one per period, oldest period first."""
    _recorded: dict[str, Figure] = field(init=False, repr=False, compare=False)
    _months: dict[str, Figure] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        recorded = {f.period.code: f for f in self.figures}
        months = {code: f for code, f in recorded.items() if f.period.kind is PeriodKind.MONTH}
        object.__setattr__(self, "_recorded", recorded)
        object.__setattr__(self, "_months", months)

    @property
    def monthly(self) -> bool:
        return bool(self._months)

    @property
    def latest_month(self) -> Period | None:
        return max((f.period for f in self._months.values()), default=None)

    @property
    def first_month(self) -> Period | None:
        return min((f.period for f in self._months.values()), default=None)

    def latest_recorded(self) -> Figure | None:
        """The latest figure recorded for a period longer than a month."""
        longer = [f for f in self.figures if f.period.kind is not PeriodKind.MONTH]
        return longer[-1] if longer else None

    def figure_for(self, period: Period) -> Figure | None:
        """The figure recorded for the period, else the sum of its months if all are held."""
        recorded = self._recorded.get(period.code)
        if recorded is not None or period.kind is PeriodKind.MONTH:
            return recorded
        return self.sum_of_months(period)

    def figure_like(self, period: Period, like: Figure) -> Figure | None:
        """The figure for the period counted as `like` is: against a sum of months, the sum
        of the period's months where all are held (a year the partnership reported from an
        earlier vintage is not set against the Met's revised months); else as `figure_for`."""
        if like.source == SUM_SOURCE:
            summed = self.sum_of_months(period)
            if summed is not None:
                return summed
        return self.figure_for(period)

    def recorded(self, period: Period) -> Figure | None:
        """The figure recorded for the period itself, not summed."""
        return self._recorded.get(period.code)

    def sum_of_months(self, period: Period) -> Figure | None:
        """The sum of the period's months, if every one is held."""
        if period.kind is PeriodKind.MONTH or not self._months:
            return None
        months = [self._months.get(month.code) for month in period.each_month()]
        if any(m is None for m in months):
            return None
        held = [m for m in months if m is not None]
        latest = max(held, key=lambda m: m.recorded_at)
        return Figure(
            indicator_key=latest.indicator_key,
            period=period,
            value=sum(m.value for m in held),
            recorded_at=latest.recorded_at,
            recorded_by=latest.recorded_by,
            source=SUM_SOURCE,
        )

    def headline(self, policy: Headline) -> Period | None:
        """The period of the headline figure: by the policy when months are held, else the
        latest period recorded."""
        latest = self.latest_month
        if latest is None:
            recorded = self.latest_recorded()
            return recorded.period if recorded else None
        year, month = latest.start.year, latest.start.month
        if policy is Headline.CALENDAR_YEAR:
            return Period.year(year if month == 12 else year - 1)
        if policy is Headline.FINANCIAL_YEAR_TO_DATE:
            first = year if month >= 4 else year - 1
            return Period.run_of_months(date(first, 4, 1), latest.start)
        return Period.rolling_year(year, month)

    def year_to_date(self) -> Period | None:
        """January to the latest month held, of the latest year held."""
        latest = self.latest_month
        if latest is None:
            return None
        if latest.start.month == 12:
            return Period.year(latest.start.year)
        return Period.year_to_date(latest.start.year, latest.start.month)

    def since(self, month: int) -> Period | None:
        """From the month named to the latest held: "since April" is April of this year (of the
        latest year held) to the latest month, or of last year when April is yet to come."""
        latest = self.latest_month
        if latest is None:
            return None
        year = latest.start.year if month <= latest.start.month else latest.start.year - 1
        return Period.run_of_months(date(year, month, 1), latest.start)

    def last_named_month(self, month: int) -> Period | None:
        """The latest month of that name held ("in March": the March just gone)."""
        latest = self.latest_month
        if latest is None:
            return None
        year = latest.start.year if month <= latest.start.month else latest.start.year - 1
        return Period.month(year, month)

    def last_named_run(self, first: int, last: int) -> Period | None:
        """The latest run of months of those names held, ending with the later ("Jan to
        March": the January to March just gone; "Nov to Feb": over the turn of a year)."""
        end = self.last_named_month(last)
        if end is None:
            return None
        return months_named(first, end.start)

    def held_summary(self) -> tuple[Period, ...]:
        """What to say is held: each period recorded, and the months as one run."""
        longer = [f.period for f in self.figures if f.period.kind is not PeriodKind.MONTH]
        first, latest = self.first_month, self.latest_month
        if first is None or latest is None:
            return tuple(longer)
        return (*longer, Period.run_of_months(first.start, latest.start))


def months_named(first: int, end: date) -> Period:
    """The run of months from the month named `first` to `end`, within twelve months."""
    year = end.year if first <= end.month else end.year - 1
    return Period.of_months(date(year, first, 1), end)


@dataclass(frozen=True)
class HeadlinePolicies:
    """`data/headline_periods.yaml`: the headline period of indicators with monthly figures."""

    default: Headline = Headline.ROLLING_YEAR
    indicators: dict[str, Headline] = field(default_factory=dict)

    def of(self, indicator_key: str) -> Headline:
        return self.indicators.get(indicator_key, self.default)


def load_headlines(path: Path) -> HeadlinePolicies:
    """The file's policies, checked; the defaults where there is no file."""
    if not path.exists():
        return HeadlinePolicies()
    from knowledge.domain.validated import HeadlinePeriodsFile  # pydantic only when read

    checked = load_file(path, HeadlinePeriodsFile)
    return HeadlinePolicies(default=checked.default, indicators=dict(checked.indicators))
