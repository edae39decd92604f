"""Every way a message names a time: periods ("2018/19", "Q4 2018", "Jan-Dec 2018"), years
written short or in words, months and quarters with no year. Each function takes cleaned
text and returns what it found and the text without it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from knowledge.domain.periods import Period, PeriodError, parse_period
from knowledge.understanding.spans import MONTH_PATTERN, YEAR_PATTERN, Span, find_span, months_spelt_right

_YEAR = YEAR_PATTERN
_MONTH = MONTH_PATTERN
_PERIOD_WORDS = (
    rf"(?:fy\s*)?{_YEAR}\s*[/-]\s*\d\d(?!\d)"  # 2018/19, FY2018-19
    rf"|(?:{_MONTH})\s*-\s*(?:{_MONTH})\s+{_YEAR}"  # Jan-Dec 2018
    rf"|q[1-4]\s+{_YEAR}|{_YEAR}\s*-?\s*q[1-4]"  # Q4 2018, 2018-Q4
    rf"|(?:{_MONTH})\s+{_YEAR}"  # Nov 2018
    rf"|{_YEAR}"  # 2018
)
_PERIOD_TEXT = re.compile(rf"\b(?:{_PERIOD_WORDS})\b")
# A financial year: "18/19", "FY18/19", "2018/19", "2018-19" (but "18-24" is an age range).
_SHORT_FY = re.compile(r"\b(?:fy\s*)?(?:(\d\d)\s*/|20(\d\d)\s*[/-])\s*(\d\d)\b")
# Months and quarters named without a year ("knife crime Q4", "burglary in December",
# "robbery last month"): the figures are held for whole years. "May" and "March" are left
# out, as everyday words.
_FINER_PERIOD = re.compile(
    r"\b(?:(?P<quarter>q[1-4]|(?:this|last|past|previous|each|every|per|a|by)\s+quarter|quarterly)"
    r"|(?:this|last|past|previous|each|every|per|a|by)\s+month|monthly|month by month"
    r"|jan(?:uary)?|feb(?:ruary)?|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\b"
)
_CLIPPED_YEAR = re.compile(r"(?<![\w'’])['’‘]([1-3]\d)\b")
_YEAR_SPAN = re.compile(rf"\b({_YEAR})\s*-\s*(\d\d)(?![\d/])")
_SHORT_YEARS_COMPARED = re.compile(
    r"\b([1-3]\d)\s+(vs?\.?|versus|against|compared (?:to|with))\s+([1-3]\d)\b"
)


def finer_period(text: str) -> tuple[str | None, str, str]:
    """ "quarterly" or "monthly" when the text names a quarter or month with no year, the
    words that name it, and the text without them."""
    found = _FINER_PERIOD.search(text)
    if not found:
        return None, "", text
    finer = "quarterly" if found.group("quarter") else "monthly"
    return finer, found.group(0), text[: found.start()] + " " + text[found.end() :]


_TRAILING_NUMBER = re.compile(r"(?P<before>[^\s\d]\S*)\s+(?P<year>[12]\d)(?P<after>\s*[?!.]*\s*)$")
_NOT_A_YEAR_AFTER = frozenset(
    {"under", "over", "aged", "age", "ages", "to", "than", "top", "till", "until", "upto", "and", "or"}
)
"""Words after which a number is an age or a count, not a year: "under 18", "up to 25"."""


def _trailing_year(text: str) -> str:
    """A two-digit number ending the message after a word is a year: "syv 17" is 2017, but
    "RRT for 18 to 24" and "victims under 18" are ages."""
    found = _TRAILING_NUMBER.search(text)
    if not found or found.group("before") in _NOT_A_YEAR_AFTER or not found.group("before")[-1].isalpha():
        return text
    return text[: found.start("year")] + "20" + found.group("year") + found.group("after")


_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_YEAR_IN_WORDS = re.compile(rf"\b(?:twenty|two thousand(?: and)?)\s+({'|'.join(_TEENS)})\b")
_YEAR_ENDING = re.compile(
    r"\b(?:the\s+)?(?:year|12 months|twelve months)\s+(?:ending|ended|to|up to)\s+"
    r"(dec(?:ember)?|mar(?:ch)?)\s+((?:19|20)\d\d)\b"
)


def _year_ending(found: re.Match[str]) -> str:
    """ "the year ending December 2018" is 2018; "the year to March 2019" is 2018/19."""
    month, year = found.group(1), int(found.group(2))
    return str(year) if month.startswith("dec") else f"{year - 1}/{year % 100:02d}"


def full_years(text: str) -> str:
    """Years written short, in full: "'18" is 2018, "17 vs 18" compares 2017 with 2018,
    "syv 17" ends with one, and "2018-21" spans to 2021 (a financial year, "2018-19", is
    left as it is)."""
    text = _CLIPPED_YEAR.sub(r"20\1", text)
    text = _YEAR_IN_WORDS.sub(lambda found: str(2010 + _TEENS.index(found.group(1))), text)
    text = _YEAR_ENDING.sub(_year_ending, text)
    text = _YEAR_SPAN.sub(_year_span, text)

    def years_compared(found: re.Match[str]) -> str:
        first, word, second = found.groups()
        if abs(int(first) - int(second)) != 1:
            return found.group(0)
        return f"20{first} {word} 20{second}"

    return _trailing_year(_SHORT_YEARS_COMPARED.sub(years_compared, text))


def _year_span(found: re.Match[str]) -> str:
    start, end = int(found.group(1)), int(found.group(2))
    if end == (start + 1) % 100 or end <= start % 100:
        return found.group(0)
    return f"{found.group(1)}-20{found.group(2)}"


def find_period(text: str) -> tuple[Period | None, str | None, str]:
    """The first period named in the text, its words, and the text without them."""
    short = _SHORT_FY.search(text)
    first = short and int(short.group(1) or short.group(2))
    if short and int(short.group(3)) == (first + 1) % 100:
        period = Period.financial_year(2000 + first)
        return period, short.group(0), text[: short.start()] + " " + text[short.end() :]
    found = _PERIOD_TEXT.search(text)
    if not found:
        return None, None, text
    try:
        period = parse_period(found.group(0))
    except PeriodError:
        return None, None, text
    return period, found.group(0), text[: found.start()] + " " + text[found.end() :]


# Comparisons: what a figure is set against. One grammar of a few named pieces (a period
# named, "the year before", "now", and the words that set one against another) joined by the
# rules below. Reading it here, before the words are split, keeps "than the year before" from
# reading as "the year before" (a period asked for) and "compared with 2017" from reading as
# "2017" (the figure asked for).


@dataclass(frozen=True)
class Comparison:
    """What the figure asked for is compared with: a period named ("compared with 2017"),
    or, when `baseline` is None, the same months a year before it ("than last year")."""

    baseline: Period | None = None
    text: str = ""
    """The words that name the baseline ("2017"); empty for the year before."""


YEAR_BEFORE = Comparison()


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


_A_PERIOD = rf"(?:fy\s*)?\d\d\s*/\s*\d\d(?!\d)|{_PERIOD_WORDS}"
_BEFORE = (
    r"(?:the\s+)?(?:same\s+(?:period|time|months)\s+)?(?:last|previous|prior|preceding)\s+year(?:['’]?s)?"
    r"|the\s+year\s+(?:before|earlier)|(?:(?:a|one)\s+year|(?:12|twelve)\s+months)\s+(?:ago|before|earlier)"
    r"|(?:the\s+)?previous\s+(?:one|period)"
    # "this year vs last", but not "last quarter", "last month" or "last two years"
    r"|(?:last|previous)(?!\s+(?:quarter|month|week|time|few|couple|two|three|four|five|\d))"
)
_RECENT = r"(?:the\s+)?(?:last|past)\s+(?:12|twelve)\s+months|the\s+(?:last|past)\s+year|past\s+year"
"""The twelve months to now: the latest figure, unless it is what a figure is set against
("over the past year", "than the last year")."""
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

_NOW_RE = re.compile(rf"(?:{_NOW}|{_RECENT})")
_BEFORE_RE = re.compile(rf"(?:{_BEFORE}|{_RECENT}|{_EARLIER})")


@dataclass(frozen=True)
class _Reading:
    """What one rule read: the period asked (if it names one), the comparison, and where."""

    period: Period | None
    period_text: str | None
    comparison: Comparison | None
    time: str
    start: int
    end: int


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
    if len(named) == 2 and named[0][0] != named[1][0]:
        (earlier, earlier_text), (later, later_text) = named
        return _Reading(later, later_text, Comparison(earlier, earlier_text), "compare", *span)
    if sorted(said) == ["before", "now"]:
        return _Reading(None, None, YEAR_BEFORE, "compare", *span)
    if len(named) == 1 and said == ["now"]:
        return _Reading(None, None, Comparison(*named[0]), "compare", *span)
    if len(named) == 1 and said == ["before"] and sides[0][0] == named[0][0]:
        # "2018 vs last year"; but in "last year vs 2016" the period asked is a time word,
        # left for the vocabulary, and "vs 2016" is read by the next rule.
        return _Reading(named[0][0], named[0][1], YEAR_BEFORE, "compare", *span)
    return None


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
    """ "in the last 12 months", "the past year": the latest figure, not last year's."""
    return _Reading(None, None, None, "latest", found.start(), found.end())


_RULES: tuple[tuple[str, re.Pattern[str], Callable[[re.Match[str]], _Reading | None]], ...] = (
    (
        "two sides",
        re.compile(
            rf"\b(?:(?:between|from)\s+)?(?P<first>{_SIDE})"
            rf"\s*(?:[-–]|\s(?:{_SET_AGAINST}|compared|to|and)\s)\s*(?P<second>{_SIDE})\b"
        ),
        _two_sides,
    ),
    (
        "set against",
        re.compile(rf"\b(?P<said>(?:{_SET_AGAINST}|since)\s+(?P<baseline>{_BASELINE}))\b"),
        _set_against,
    ),
    (
        # "compare knife crime with 2017": the topic between the verb and the baseline
        "compare a topic with",
        re.compile(
            rf"\bcompar(?:e|ing)\s+(?:[^\s,.;:?!]+\s+){{1,5}}?"
            rf"(?P<said>(?:with|to|against)\s+(?P<baseline>{_BASELINE}))\b"
        ),
        _set_against,
    ),
    (
        "moved on or from",
        re.compile(rf"\b(?:{_MOVED})\s+(?P<said>(?:on|from)\s+(?P<baseline>{_BASELINE}))\b"),
        _set_against,
    ),
    ("over the year", re.compile(rf"\b(?P<said>over\s+(?P<baseline>{_BEFORE}|{_RECENT}))\b"), _set_against),
    ("year on year", re.compile(r"\byear\s+(?:on|over|to)\s+year\b|\by-?o-?y\b"), _year_before),
    ("recent", re.compile(rf"\b(?:(?:in|during|for|within|across|over)\s+)?(?:{_RECENT})\b"), _recent),
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
    for _name, pattern, read in _RULES:
        for found in pattern.finditer(text):
            reading = read(found)
            if reading is not None:
                return reading, text[: reading.start] + " " + text[reading.end :]
    return None, text


def read_times(text: str) -> Times:
    """Everything a message says of time: the period asked for, what it is compared with, a
    month or quarter with no year; and the text without their words."""
    reading, rest = _compared(full_years(months_spelt_right(text)))
    period, period_text = (reading.period, reading.period_text) if reading else (None, None)
    comparison = reading.comparison if reading else None
    time = reading.time if reading else None
    if period is None:
        period, period_text, rest = find_period(rest)
    if period is not None and comparison is None:
        # Two periods named apart ("2017 knife crime, 2018?"): the later, against the earlier.
        other, other_text, rest = find_period(rest)
        if other is not None:
            if other.end > period.end:
                (period, period_text), (other, other_text) = (other, other_text), (period, period_text)
            comparison, time = Comparison(other, other_text or ""), "compare"
    if comparison is None and _DIRECTION.search(rest):
        comparison = YEAR_BEFORE
    finer, finer_text, without_finer = finer_period(rest)
    # Read on the text before the finer words go: "in December" is a month with no year
    # (so finer, for annual figures) and a span (the December just gone, for monthly ones).
    span, without_span = find_span(rest) if period is None else (None, rest)
    rest = finer_period(without_span)[2] if span and span.month else without_finer
    return Times(period, period_text, comparison, time, finer, finer_text, rest, span)
