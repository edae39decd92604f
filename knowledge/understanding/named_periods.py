"""Periods named in a message: a year, a financial year, a quarter, a month, a run of months
or a season, with a year ("2018/19", "Q4 2018", "Jan-Dec 2018", "summer 2019"); and months
and quarters named with no year. Each function takes cleaned text and returns what it found
and the text without it; `when` reads comparisons and spans around them."""

from __future__ import annotations

import re
from datetime import date

from knowledge.domain.periods import (
    NTH_HALF,
    NTH_QUARTER,
    TWELVE_MONTHS_TO,
    Period,
    PeriodError,
    PeriodKind,
    parse_period,
)
from knowledge.understanding.part_of_a_year import find_part_of_a_year
from knowledge.understanding.spans import MONTH_PATTERN, YEAR_PATTERN, Span

_YEAR = YEAR_PATTERN
_MONTH = MONTH_PATTERN
_QUARTER = r"(?:q|qtr|quarter)\s*[1-4]\s+(?:of\s+)?"
PERIOD_WORDS = (
    # the 12 months to June 2021; the first quarter of 2021 (or of 2019/20); Q1 2019/20
    rf"{TWELVE_MONTHS_TO}\s+(?:{_MONTH})\s+{_YEAR}"
    rf"|(?:the\s+)?(?:{NTH_QUARTER})\s+quarter\s+(?:of\s+)?{_YEAR}(?:\s*/\s*\d\d(?!\d))?"
    # the first half of 2023, the last six months of 2022
    rf"|(?:the\s+)?(?:{NTH_HALF})\s+(?:half|(?:6|six)\s+months)\s+(?:of\s+)?{_YEAR}"
    rf"|h[12]\s+{_YEAR}|{_YEAR}\s*h[12]\b"  # H1 2023
    rf"|(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?{_YEAR}(?:\s*/\s*\d\d(?!\d))?"  # summer 2019
    rf"|(?:christmas|xmas)\s+(?:of\s+)?{_YEAR}"
    rf"|{_QUARTER}{_YEAR}\s*/\s*\d\d(?!\d)"
    rf"|(?:fy\s*)?{_YEAR}\s*[/-]\s*\d\d(?!\d)"  # 2018/19, FY2018-19
    # Jan-Dec 2018, July to September 2019, between July and September 2019
    rf"|between\s+(?:{_MONTH})\s+and\s+(?:{_MONTH})\s+{_YEAR}"
    rf"|(?:{_MONTH})\.?\s*(?:-|to|through|thru|till|until)\s*(?:{_MONTH})\s+{_YEAR}"
    rf"|{_QUARTER}{_YEAR}|{_YEAR}\s*-?\s*q[1-4]"  # Q4 2018, quarter 4 of 2018, 2018-Q4
    rf"|(?:{_MONTH})\s+{_YEAR}"  # Nov 2018
    rf"|{_YEAR}"  # 2018
)
_PERIOD_TEXT = re.compile(rf"\b(?:{PERIOD_WORDS})\b")
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


def finer_period(text: str) -> tuple[str | None, str, str]:
    """ "quarterly" or "monthly" when the text names a quarter or month with no year, the
    words that name it, and the text without them."""
    found = _FINER_PERIOD.search(text)
    if not found:
        return None, "", text
    finer = "quarterly" if found.group("quarter") else "monthly"
    return finer, found.group(0), text[: found.start()] + " " + text[found.end() :]


_FY_WORDS = re.compile(r"\b(?:the\s+)?(?:financial|fiscal)\s+y(?:ea)?r\b")
"""Said beside a financial year named ("the 2019/20 financial year", "financial year 2016/17"):
the period's own words, not a topic."""


def find_period(text: str) -> tuple[Period | None, str | None, str]:
    """The first period named in the text, its words, and the text without them."""
    period, said, rest = _first_period(text)
    if period is not None and period.kind is PeriodKind.FINANCIAL_YEAR:
        rest = _FY_WORDS.sub(" ", rest)
    return period, said, rest


def _first_period(text: str) -> tuple[Period | None, str | None, str]:
    part = find_part_of_a_year(text)
    if part[0] is not None:
        return part
    short = _SHORT_FY.search(text)
    named = _PERIOD_TEXT.search(text) if short else None
    if short and named and named.start() < short.start() < named.end():
        short = None  # a financial year's quarter ("q1 2019/20"), not the year
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


def so_far_to(kind: str, end: date) -> Period:
    """The year ("ytd") or the financial year ("fytd") so far, to the month `end`: "ytd to
    June 2022" is Jan-Jun 2022, "fytd to Feb 2023" Apr 2022-Feb 2023."""
    first = date(end.year, 1, 1) if kind == "ytd" else date(end.year - (end.month < 4), 4, 1)
    return Period.of_months(first, end)


_TO_DATE_BEFORE = re.compile(r"\b(?:ytd|year\s+to\s+date)\s+(?:to\s+)?$")


def ending_with_the_month(
    period: Period, said: str, span: Span | None, text: str
) -> tuple[Period, Span | None]:
    """ "ytd june 2022", "fytd to dec 2021", "rolling 12 month sexual offences to march 2022":
    the year so far, the financial year so far or the twelve months ending with the month
    named, not the month alone."""
    if period.kind is not PeriodKind.MONTH:
        return period, span
    end = period.start
    kind = span.kind if span is not None and span.year is None else None
    if kind is None and said and _TO_DATE_BEFORE.search(text[: max(text.find(said), 0)]):
        kind = "ytd"
    if kind in ("ytd", "fytd"):
        return so_far_to(kind, end), None
    if kind == "rolling":
        return Period.rolling_year(end.year, end.month), None
    return period, span
