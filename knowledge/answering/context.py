"""What answering needs at one store revision: the catalogue, the index over it, the
vocabulary, the police crime categories, and every indicator's latest figures."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from knowledge.answering.types import IndicatorView
from knowledge.domain.crime_types import CrimeType
from knowledge.domain.judgement import compare
from knowledge.domain.models import Figure, Indicator
from knowledge.domain.periods import Period
from knowledge.domain.series import Headline, HeadlinePolicies, Series, months_named
from knowledge.store import Catalogue
from knowledge.understanding.index import Index
from knowledge.understanding.model import DecisionModel
from knowledge.understanding.named_periods import so_far_to
from knowledge.understanding.spans import Span
from knowledge.understanding.vocabulary import Language
from knowledge.understanding.when import YEARS_BACK, Comparison


@dataclass(frozen=True)
class Context:
    catalogue: Catalogue
    index: Index
    language: Language
    crime_types: Mapping[str, CrimeType]
    decision: DecisionModel
    headlines: HeadlinePolicies = field(default_factory=HeadlinePolicies)
    today: Callable[[], date] = date.today

    @cached_property
    def latest_views(self) -> list[IndicatorView]:
        """Every indicator's latest figure and change, made once per revision."""
        return [self.view(i) for i in self.catalogue.indicators]

    def view(self, indicator: Indicator, asked: Asked | None = None) -> IndicatorView:
        """An indicator's figure for what is asked, by its own headline policy."""
        headline = self.headlines.of(indicator.key)
        return indicator_view(self.catalogue, indicator, asked, headline, self.latest_months)

    @property
    def numbers_in_names(self) -> frozenset[str]:
        """The numbers the names of what the bot holds are written with ("ASB calls to 101")."""
        return self.index.numbers_in_names

    @cached_property
    def latest_months(self) -> Series | None:
        """The monthly series reaching furthest: the store's own "now", against which "this
        year" and "last year" are read for every indicator. None without monthly figures."""
        monthly = [Series(tuple(held)) for held in self.catalogue.figures.values()]
        monthly = [s for s in monthly if s.latest_month is not None]
        return max(monthly, key=lambda s: s.latest_month.start, default=None)  # type: ignore[union-attr]


@dataclass(frozen=True)
class Asked:
    """What a question asks of an indicator's figures: a time word, a period, a comparison, a
    span of months ("so far", "last month", "since April"), and today's date."""

    time: str | None = None
    period: Period | None = None
    comparison: Comparison | None = None
    span: Span | None = None
    today: date | None = None


def _month_before(today: date) -> Period:
    return Period.month(today.year - (today.month == 1), (today.month - 2) % 12 + 1)


def _quarter_before(today: date) -> Period:
    """The latest whole quarter before today: on 15 Oct 2023, Jul-Sep 2023."""
    quarter = (today.month - 1) // 3
    return Period.quarter(today.year, quarter) if quarter else Period.quarter(today.year - 1, 4)


def _financial_year_before(today: date) -> Period:
    """The latest whole financial year before today: on 15 Oct 2023, 2022/23."""
    return Period.financial_year(today.year - (2 if today.month < 4 else 1))


def _this_month(today: date) -> Period:
    return Period.month(today.year, today.month)


def _this_quarter(today: date) -> Period:
    return Period.quarter(today.year, (today.month - 1) // 3 + 1)


_BEFORE_TODAY = {
    "last_month": _month_before,
    "last_quarter": _quarter_before,
    "last_fy": _financial_year_before,
    "this_month": _this_month,
    "this_quarter": _this_quarter,
}
"""Spans that are the latest whole month, quarter or financial year before today, or the
month or quarter today is in (not yet whole: "I hold no figure for Oct 2023")."""


def _year_so_far(series: Series, year: int) -> Period:
    """ "so far in 2023": January to the latest month held when that is in 2023, else the
    whole year (held or not)."""
    latest = series.latest_month
    if latest is not None and latest.start.year == year:
        return series.year_to_date() or Period.year(year)
    return Period.year(year)


_PARTS_OF_A_YEAR = ("quarter_this_year", "quarter_last_year", "half_this_year", "half_last_year")
_PARTS_OF_A_YEAR += ("months_this_year", "months_last_year")


def _part_of_a_year(series: Series, span: Span, today: date | None) -> Period | None:
    """A quarter, half or run of months of this year or last ("Q2 this year", "the first half
    of last year", "June to August this year"), the years counted from today. A run over the
    turn of a year ("Nov to Feb this year") ends in the year said."""
    now = today or (series.latest_month.start if series.latest_month else None)
    if now is None or span.month is None:
        return None
    year = now.year - span.kind.endswith("last_year")
    if span.kind.startswith("quarter"):
        return Period.quarter(year, span.month)
    if span.kind.startswith("months"):
        last = span.until or span.month
        return Period.of_months(date(year - (last < span.month), span.month, 1), date(year, last, 1))
    first = 1 if span.month == 1 else 7
    return Period.of_months(date(year, first, 1), date(year, first + 5, 1))


def _span_period(series: Series, span: Span, today: date | None) -> Period | None:
    """The period a span of months means for a series (monthly figures, or for a span that
    names one period whatever is held, any)."""
    if span.year is not None:
        return _year_so_far(series, span.year)
    if span.kind in _BEFORE_TODAY:
        return _BEFORE_TODAY[span.kind](today) if today else series.latest_month
    if span.kind in _PARTS_OF_A_YEAR and span.month:
        return _part_of_a_year(series, span, today)
    if span.kind == "last_months" and span.month:
        # The whole months before today ("the last 6 months" on 15 Oct 2023: Apr-Sep).
        last = _month_before(today) if today else series.latest_month
        return Period.months_ending(last.start, span.month) if last else None
    if span.kind in ("ytd", "fytd") and span.month:
        return _to_date_ending(series, span)
    if span.kind == "rolling" and span.month:
        return _twelve_months_to(series, span.month, today)
    if span.kind == "ytd":
        return series.year_to_date()
    if span.kind == "rolling":
        return series.headline(Headline.ROLLING_YEAR)
    if span.kind == "fytd":
        return series.headline(Headline.FINANCIAL_YEAR_TO_DATE)
    if span.kind == "since" and span.month:
        return series.since(span.month)
    if span.kind == "month" and span.month:
        return series.last_named_month(span.month)
    if span.kind == "months" and span.month and span.until:
        return series.last_named_run(span.month, span.until)
    return None


def _to_date_ending(series: Series, span: Span) -> Period | None:
    """ "ytd to June", "fytd to Dec": January (or April) to the latest such month held."""
    end = series.last_named_month(span.month or 12)
    if end is None:
        return None
    return so_far_to(span.kind, end.start)


def _twelve_months_to(series: Series, month: int, today: date | None) -> Period | None:
    """ "the 12 months to September": to the latest September that is a whole month by today
    (or, with no today, the latest held)."""
    last = _month_before(today) if today else series.latest_month
    if last is None:
        return None
    return Period.rolling_year(last.start.year - (month > last.start.month), month)


def _named_months_before(span: Span, today: date | None) -> Period | None:
    """A month or run of months named without a year, asked of figures held for whole years
    only ("knife crime in March"): the latest such before today, which is not held, so the
    answer says so rather than give the year for the month."""
    last = span.until or span.month
    if today is None or last is None or span.month is None:
        return None
    end = date(today.year if last < today.month else today.year - 1, last, 1)
    return months_named(span.month, end)


def _wanted(series: Series, asked: Asked, headline: Headline, now: Series | None = None) -> Period | None:
    """The period whose figure is asked for."""
    if asked.period is not None:
        return asked.period
    span = asked.span
    if span is not None and (series.monthly or span.names_a_period):
        return _span_period(series, span, asked.today)
    if now is not None and _behind(series, now, headline):
        # The store holds months of a later year than this indicator's latest: "this year",
        # "last year" and "since April" are that year's, which this indicator does not hold.
        if span is not None:
            return _span_period(now, span, asked.today)
        back = YEARS_BACK.get(asked.time or "")
        if back:
            return Period.year(now.latest_month.start.year - back)  # type: ignore[union-attr]
    if span is not None and span.kind in ("month", "months"):
        return _named_months_before(span, asked.today)
    shown = series.headline(headline)
    back = YEARS_BACK.get(asked.time or "")
    if back and shown is not None:
        if series.monthly:  # "last year": the calendar year before the latest month's
            return Period.year(series.latest_month.start.year - back)
        for _ in range(back):
            shown = shown.year_before()
        return shown
    return shown


def _behind(series: Series, now: Series, headline: Headline) -> bool:
    """Whether an indicator's latest figure is of an earlier year than the store's latest month."""
    shown = series.headline(headline)
    latest = now.latest_month
    return shown is not None and latest is not None and shown.end.year < latest.start.year


def _asked(
    series: Series, asked: Asked, headline: Headline, now: Series | None = None
) -> tuple[Figure | None, Period | None]:
    """The figure asked for, and the period asked for when none is held (the headline figure
    is shown instead)."""
    shown_period = series.headline(headline)
    shown = series.figure_for(shown_period) if shown_period else None
    wanted = _wanted(series, asked, headline, now)
    if wanted is None or wanted == shown_period:
        return shown, None
    chosen = series.figure_for(wanted)
    return (shown, wanted) if chosen is None else (chosen, None)


def _baseline(
    series: Series, current: Figure, comparison: Comparison | None
) -> tuple[Figure | None, Period | None]:
    """The figure to compare with (the same months a year before, unless the question names
    an earlier period), and the period named when none is held for it. A period named that
    is not before the figure shown ("since 2018" when 2018 is the latest) is no comparison:
    the year before is."""
    wanted = _baseline_wanted(comparison, current.period) if comparison else None
    year_before = series.figure_like(current.period.year_before(), current)
    if wanted is not None and wanted.end < current.period.start:
        chosen = series.figure_like(wanted, current)
        return (chosen, None) if chosen is not None else (year_before, wanted)
    return year_before, None


def _baseline_wanted(comparison: Comparison, current: Period) -> Period | None:
    """The period named to compare with: as named, the period just before the one shown, or
    the latest month of the name given before it; None for the same months a year before."""
    if comparison.just_before:
        return current.just_before()
    if comparison.month is not None:
        end = current.start
        return Period.month(end.year - (comparison.month >= end.month), comparison.month)
    return comparison.baseline


def indicator_view(
    catalogue: Catalogue,
    indicator: Indicator,
    asked: Asked | None = None,
    headline: Headline = Headline.ROLLING_YEAR,
    now: Series | None = None,
) -> IndicatorView:
    """The figure asked for and the one it is compared with: by default the headline figure
    (the latest year, or with monthly figures the period the indicator's policy names),
    against the same months a year before. `now` is the monthly series reaching furthest, if
    any: what "this year" and "last year" mean."""
    asked = asked or Asked()
    series = Series(tuple(catalogue.figures.get(indicator.key, [])))
    priority = catalogue.priority[indicator.priority_key]
    current, missing = _asked(series, asked, headline, now)
    previous, missing_baseline = _baseline(series, current, asked.comparison) if current else (None, None)
    change = compare(indicator, current, previous) if current and previous else None
    held = series.held_summary()
    reported = series.recorded(previous.period) if previous is not None else None
    otherwise = (
        reported
        if reported is not None and previous is not None and reported.value != previous.value
        else None
    )
    return IndicatorView(
        indicator, priority, current, previous, change, held, missing, missing_baseline, otherwise
    )
