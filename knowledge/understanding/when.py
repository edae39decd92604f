"""Every way a message names a time: the periods it names (`named_periods`), what a figure
is compared with (the comparison grammar here; the period just before, `period_before`), and
runs of months named relative to now (`spans`). `read_times` takes cleaned text and returns
what it found and the text without it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from knowledge.domain.periods import Period, PeriodKind
from knowledge.understanding.months_of_a_year import find_months_of_a_year
from knowledge.understanding.named_periods import (
    PERIOD_WORDS,
    ending_with_the_month,
    find_period,
    finer_period,
    so_far_to,
)
from knowledge.understanding.period_before import Before, find_before
from knowledge.understanding.quarters import find_quarter
from knowledge.understanding.spans import Span, find_named_span, find_span, find_to_date, months_spelt_right
from knowledge.understanding.years import full_years

__all__ = [
    "YEARS_BACK", "YEAR_BEFORE", "Comparison", "Times",
    "find_period", "finer_period", "full_years", "read_times",
]  # fmt: skip
"""`find_period`, `finer_period` and `full_years` are read with the rest of a message's times."""

# Comparisons: what a figure is set against. One grammar of a few named pieces (a period
# named, "the year before", "now", and the words that set one against another) joined by the
# rules below. Reading it here, before the words are split, keeps "than the year before" from
# reading as "the year before" (a period asked for) and "compared with 2017" from reading as
# "2017" (the figure asked for).


@dataclass(frozen=True)
class Comparison:
    """What the figure asked for is compared with: a period named ("compared with 2017"),
    or, when `baseline` is None, the same months a year before it ("than last year"), the
    period just before it ("vs the month before") or a month named without a year."""

    baseline: Period | None = None
    text: str = ""
    """The words that name the baseline ("2017"); empty for the year before."""
    just_before: bool = False
    """As many months just before the period asked ("vs the month before", "on the previous
    quarter", "month on month"), not the same months a year before."""
    month: int | None = None
    """A month named without a year ("September compared with August"): the latest such
    month before the period asked."""


YEAR_BEFORE = Comparison()
YEARS_BACK = {"before_previous": 2, "previous": 1}
"""The time words (`data/vocabulary.yaml`) that ask for a year before the latest ("last
year", "the year before last"), and how many years before."""


@dataclass(frozen=True)
class Times:
    """What a message says of time, and the text without it."""

    period: Period | None
    """The period asked for; None for the latest (or for "last year", a time word)."""
    period_text: str | None
    comparison: Comparison | None
    time: str | None
    """ "compare" or "latest" when a phrase of this grammar says so; the vocabulary's time
    words ("last year", "trend") are read later, from the words left."""
    finer: str | None
    finer_text: str
    rest: str
    span: Span | None = None


_A_PERIOD = rf"(?:fy\s*)?\d\d\s*/\s*\d\d(?!\d)|{PERIOD_WORDS}"
_BEFORE = (
    r"(?:the\s+)?(?:same\s+(?:period|time|months?|quarter)\s+)?(?:last|previous|prior|preceding)\s+year(?:['’]?s)?"
    r"|the\s+year\s+(?:before|earlier)|(?:(?:a|one)\s+year|(?:12|twelve)\s+months)\s+(?:ago|before|earlier)"
    r"|(?:the\s+)?previous\s+(?:one|period)"
    # "this year vs last", but not "last quarter", "last month" or "last two years"
    r"|(?:last|previous)(?!\s+(?:quarter|month|week|time|few|couple|two|three|four|five|financial|fiscal|fy|\d))"
)
_RECENT = (
    r"(?:the\s+)?(?:last|past)\s+(?:12|twelve)[\s-]+months?|the\s+(?:last|past)\s+year|past\s+year"
    r"|(?:a\s+|the\s+)?rolling\s+(?:year|(?:12|twelve)[\s-]*months?)(?!\s+(?:to|ending|ended|up)\b)"
)
"""The twelve months to now: the latest figure, unless it is what a figure is set against
("than the last year"); "over the past year" is both, the twelve months against the twelve
before."""
_RECENT_RE = re.compile(_RECENT)
ROLLING_YEAR = Span("rolling")
_EARLIER = r"(?:before|previously|earlier|last\s+time)(?!\s+\w)"
"""A time before, unnamed: what a figure is set against ("higher than before"), never a side
of two ("before 2017")."""
_NOW = (
    r"this\s+year(?:['’]?s)?|this\s+period|(?:the\s+)?latest|now|so\s+far|ytd|year\s+to\s+date"
    r"|(?:the\s+)?current\s+year|this(?=\s*(?:[^\w\s]|$))"
)
_SET_AGAINST = (
    r"vs\.?|v\.?|versus|against|as\s+against|(?:as\s+)?compared\s+(?:to|with|against)"
    r"|(?:tracking|tracks?|stack(?:s|ing)?\s+up|measur(?:es|ed|ing)?\s+up)\s+(?:against|to|with)"
    r"|compares?\s+(?:to|with|against)|in\s+comparison\s+(?:to|with)|relative\s+to"
    r"|than(?:\s+(?:it|they|we|there|this|that)\s+(?:was|were|had|did|saw))?(?:\s+in)?"  # "than it was in"
)
_MOVED = (
    r"up|down|higher|lower|ris(?:e|es|en|ing)|rose|fall(?:s|en|ing)?|fell|increase[sd]?|decrease[sd]?"
    r"|drop(?:s|ped)?|change[sd]?|difference|better|worse|improved|improvement|more|fewer|less"
)
_SIDE = rf"{_A_PERIOD}|{_BEFORE}|{_RECENT}|{_NOW}"
_BASELINE = rf"{_A_PERIOD}|{_BEFORE}|{_RECENT}|{_EARLIER}"

_YEAR_SO_FAR = re.compile(r"this\s+year(?:['’]?s)?|so\s+far|ytd|year\s+to\s+date|(?:the\s+)?current\s+year")
"""A side that is the year so far: for monthly figures, January to the latest month."""
_NOW_RE = re.compile(rf"(?:{_NOW}|{_RECENT})")
_BEFORE_RE = re.compile(rf"(?:{_BEFORE}|{_RECENT}|{_EARLIER})")


@dataclass(frozen=True)
class _Reading:
    """What one rule read: the period asked (if it names one), the comparison, and where."""

    period: Period | None
    period_text: str | None
    comparison: Comparison | None
    time: str | None
    start: int
    end: int
    span: Span | None = None
    """The twelve months to now, when the rule read them ("over the past year")."""


def _side(text: str) -> Period | str | None:
    """One side of a comparison: a period, "now" (the latest) or "before" (the year before)."""
    if _NOW_RE.fullmatch(text):
        return "now"
    if _BEFORE_RE.fullmatch(text):
        return "before"
    return find_period(text)[0]


def _two_sides(found: re.Match[str]) -> _Reading | None:
    """ "2018 vs 2017", "2017 to 2018", "this year vs last", "between 2017 and 2018": the later
    is asked for, against the earlier."""
    sides = [(_side(found.group(name)), found.group(name)) for name in ("first", "second")]
    named = sorted(((s, t) for s, t in sides if isinstance(s, Period)), key=lambda side: side[0].end)
    said = [s for s, _ in sides if isinstance(s, str)]
    span = found.start(), found.end()
    if len(named) == 2 and _a_run_of_months(found, named[0][0], named[1][0]):
        run = Period.of_months(named[0][0].start, named[1][0].start)
        return _Reading(run, found.group(0).strip(), None, None, *span)
    if len(named) == 2 and named[0][0] != named[1][0]:
        (earlier, earlier_text), (later, later_text) = named
        return _Reading(later, later_text, Comparison(earlier, earlier_text), "compare", *span)
    if sorted(said) == ["before", "now"]:
        # "this year vs the same period last year": the year so far, against the same months
        now = next(text for side, text in sides if side == "now")
        year_so_far = Span("ytd", None, now) if _YEAR_SO_FAR.fullmatch(now.strip()) else None
        return _Reading(None, None, YEAR_BEFORE, "compare", *span, span=year_so_far)
    if len(named) == 1 and said == ["now"]:
        return _Reading(None, None, Comparison(*named[0]), "compare", *span)
    if len(named) == 1 and said == ["before"] and sides[0][0] == named[0][0]:
        # "2018 vs last year"; but in "last year vs 2016" the period asked is a time word,
        # left for the vocabulary, and "vs 2016" is read by the next rule.
        return _Reading(named[0][0], named[0][1], YEAR_BEFORE, "compare", *span)
    return None


_UNTIL = r"until|till|through|thru|up\s+to"
"""Words that run one month to another ("Dec 2022 until Feb 2023"), never set them apart."""
_RUN_JOINER = re.compile(rf"\s*(?:[-–]|to|{_UNTIL})\s*")


def _a_run_of_months(found: re.Match[str], first: Period, last: Period) -> bool:
    """ "Oct 2016 to Mar 2017", "Nov 2018-Feb 2019", "between Jan and Jun 2019": the months
    from one to the other, not one set against the other (as "March 2019 vs March 2020", or
    "2017 to 2018", two years, are)."""
    if first.kind is not PeriodKind.MONTH or last.kind is not PeriodKind.MONTH or not first.end < last.start:
        return False
    joiner = found.string[found.end("first") : found.start("second")]
    between = found.group(0).lstrip().startswith("between") and joiner.strip() == "and"
    return between or _RUN_JOINER.fullmatch(joiner) is not None


def _set_against(found: re.Match[str]) -> _Reading | None:
    """ "compared with 2017", "than the year before", "since 2017", "up on last year": the
    latest (or a period named elsewhere) against the baseline."""
    text = found.group("baseline")
    baseline = YEAR_BEFORE if _BEFORE_RE.fullmatch(text) else Comparison(find_period(text)[0], text)
    if baseline.baseline is None and baseline is not YEAR_BEFORE:
        return None
    said = "said" if found.group("said") else 0
    return _Reading(None, None, baseline, "compare", found.start(said), found.end(said))


def _year_before(found: re.Match[str]) -> _Reading:
    """ "year on year": the latest against the year before."""
    return _Reading(None, None, YEAR_BEFORE, "compare", found.start(), found.end())


def _recent(found: re.Match[str]) -> _Reading:
    """ "in the last 12 months", "the past year": the twelve months to now, not last year."""
    span = replace(ROLLING_YEAR, text=found.group(0))  # its words are no narrowing ("12 month")
    return _Reading(None, None, None, "latest", found.start(), found.end(), span)


def _over_recent(found: re.Match[str]) -> _Reading | None:
    """ "over the past year": the twelve months to now against the twelve before; "over last
    year" is the latest against the year before."""
    reading = _set_against(found)
    if reading is not None and _RECENT_RE.fullmatch(found.group("baseline")):
        return replace(reading, span=ROLLING_YEAR)
    return reading


@dataclass(frozen=True)
class _Rule:
    """A way of saying a comparison: its pattern, compiled on first use (compiling all of
    them is a tenth of a one-shot question's start-up), and words of which a text must hold
    one for the pattern to match at all, so that most questions never compile it."""

    name: str
    source: str
    read: Callable[[re.Match[str]], _Reading | None]
    needs: tuple[str, ...]

    def pattern(self) -> re.Pattern[str]:
        return _compiled(self.source)

    def may_match(self, text: str) -> bool:
        return any(word in text for word in self.needs)


@cache
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source)


_SET_AGAINST_NEEDS = ("v", "against", "compar", "than", "track", "stack", "measur", "relative")
"""One of these is in every way of setting a figure against another (`_SET_AGAINST`)."""

_RULES: tuple[_Rule, ...] = (
    _Rule(
        "two sides",
        rf"\b(?:(?:between|from)\s+)?(?P<first>{_SIDE})"
        rf"\s*(?:[-–]|\s(?:{_SET_AGAINST}|compared|to|and|{_UNTIL})\s)\s*(?P<second>{_SIDE})\b",
        _two_sides,
        ("-", "–", "to", "and", "til", "through", "thru", *_SET_AGAINST_NEEDS),
    ),
    _Rule(
        "set against",
        rf"\b(?P<said>(?:{_SET_AGAINST}|since)\s+(?P<baseline>{_BASELINE}))\b",
        _set_against,
        ("since", *_SET_AGAINST_NEEDS),
    ),
    _Rule(
        # "compare knife crime with 2017": the topic between the verb and the baseline
        "compare a topic with",
        rf"\bcompar(?:e|ing)\s+(?:[^\s,.;:?!]+\s+){{1,5}}?"
        rf"(?P<said>(?:with|to|against)\s+(?P<baseline>{_BASELINE}))\b",
        _set_against,
        ("compar",),
    ),
    _Rule(
        "moved on or from",
        rf"\b(?:{_MOVED})\s+(?P<said>(?:on|from)\s+(?P<baseline>{_BASELINE}))\b",
        _set_against,
        ("on", "from"),
    ),
    _Rule(
        "over the year", rf"\b(?P<said>over\s+(?P<baseline>{_BEFORE}|{_RECENT}))\b", _over_recent, ("over",)
    ),
    _Rule(
        "year on year",
        r"\byear\s+(?:on|over|to)\s+year\b|\by-?o-?y\b",
        _year_before,
        ("year", "yo", "y-o"),  # "yoy", "y-o-y", "yo-y", "y-oy"
    ),
    _Rule(
        "recent",
        rf"\b(?:(?:in|during|for|within|across|over)\s+)?(?:{_RECENT})\b",
        _recent,
        ("last", "past", "rolling"),
    ),
)
"""Tried in order; the first that reads a comparison wins."""

_DIRECTION = re.compile(
    r"\b(?:up\s+or\s+down|down\s+or\s+up|better\s+or\s+worse|worse\s+or\s+better|higher\s+or\s+lower"
    r"|lower\s+or\s+higher|more\s+or\s+(?:less|fewer)|(?:gone|going|go|goes|went)\s+(?:up|down)"
    r"|(?:got|getting|get|gets|gotten)\s+(?:better|worse))\b"
)
"""Asking which way a figure moved ("has it gone up", "up or down") asks for it against the
year before. These words stay in the text: they are the "up", "down", "better" and "worse"
intents as well."""


def _compared(text: str) -> tuple[_Reading | None, str]:
    for rule in _RULES:
        if not rule.may_match(text):
            continue
        for found in rule.pattern().finditer(text):
            reading = rule.read(found)
            if reading is not None:
                return reading, text[: reading.start] + " " + text[reading.end :]
    return None, text


_YEAR_WRITTEN_SHORT = re.compile(r"\byr(s?)\b")
"""'yr', 'yrs' ("last yr vs the year before"): the vocabulary reads them as 'year' too, but
time phrases are read before it is applied."""


def _without_restated_months(period: Period, text: str) -> str:
    """ "summer 2019, jun to aug", "winter 2017/18 (dec to feb)": the months of the period
    named, said again, are its words too, not words to weigh."""
    span, without = find_span(text)
    if span is None or span.kind not in ("month", "months") or span.month != period.start.month:
        return text
    return without if (span.until or span.month) == period.end.month else text


def read_times(text: str) -> Times:
    """Everything a message says of time: the period asked for, what it is compared with, a
    month or quarter with no year, a run of months named relative to now; and the text
    without their words."""
    text = _YEAR_WRITTEN_SHORT.sub(r"year\1", text)
    to_date, text = find_to_date(full_years(months_spelt_right(text)))
    before, text = find_before(text)
    return _set_against_before(before, _to_the_month(to_date, _read_times(text)))


def _to_the_month(to_date: Span | None, times: Times) -> Times:
    """ "ytd to June 2022": January (or April) to the month, a period when its year is said;
    with none ("fytd to June"), a span, to the latest such month."""
    if to_date is None or to_date.month is None:
        return times
    if to_date.year is None:
        return replace(times, span=to_date, time=times.time or "latest")
    period = so_far_to(to_date.kind, date(to_date.year, to_date.month, 1))
    return replace(times, period=period, period_text=to_date.text, span=None)


def _set_against_before(before: Before | None, times: Times) -> Times:
    """What the period asked for is set against when that is the period just before it or a
    month named without a year; with no period asked, the latest whole month (or quarter) is,
    as in "burglary month on month"."""
    if before is None:
        return times
    comparison = (
        YEAR_BEFORE
        if before.year_before
        else Comparison(None, before.text, just_before=before.month is None, month=before.month)
    )
    span = times.span
    if before.asked is not None:
        span = Span("month", before.asked, before.text)
    elif times.period is None and span is None:
        span = Span("last_quarter" if before.quarter else "last_month", None, before.text)
    return replace(times, comparison=comparison, time="compare", span=span)


def _read_times(text: str) -> Times:
    named, text = find_named_span(text)
    if named is None:  # "june to august this year": not the year so far
        named, text = find_months_of_a_year(text)
    reading, rest = _compared(text)
    period, period_text = (reading.period, reading.period_text) if reading else (None, None)
    comparison = reading.comparison if reading else None
    time = reading.time if reading else ("latest" if named else None)
    if period is None:
        period, period_text, rest = find_period(rest)
    if period is not None and comparison is None:
        # Two periods named apart ("2017 knife crime, 2018?"): the later, against the earlier.
        other, other_text, rest = find_period(rest)
        if other is not None:
            if other.end > period.end:
                (period, period_text), (other, other_text) = (other, other_text), (period, period_text)
            comparison, time = Comparison(other, other_text or ""), "compare"
    if period is not None:
        rest = _without_restated_months(period, rest)
    if comparison is None and _DIRECTION.search(rest):
        comparison = YEAR_BEFORE
    finer, finer_text, without_finer = finer_period(rest)
    span = named or (reading.span if reading else None)
    if period is not None and comparison is None:
        period, span = ending_with_the_month(period, period_text or "", span, text)
    if span is not None or period is not None:
        return Times(period, period_text, comparison, time, finer, finer_text, without_finer, span)
    # Read on the text before the finer words go: "in December" is a month with no year
    # (so finer, for annual figures) and a span (the December just gone, for monthly ones).
    span, without_span = find_span(rest)
    if span is None:
        span, without_span = find_quarter(rest)
    rest = finer_period(without_span)[2] if span and span.month else without_finer
    return Times(period, period_text, comparison, time, finer, finer_text, rest, span)
