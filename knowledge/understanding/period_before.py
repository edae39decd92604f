"""Comparisons with the period just before, not the same months a year before: "last month vs
the month before", "up on the previous quarter", "month on month"; and a month named without
a year set against another ("September compared with August"). Read by `when` before the
spans and the rest of the comparison grammar, which would read "the previous month" as the
month asked for, and "vs last month" as a year before."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.understanding.spans import MONTH_PATTERN, YEAR_PATTERN, month_number

_SET_AGAINST = (
    r"vs\.?|v\.?|versus|against|(?:as\s+)?compared\s+(?:to|with|against)|compares?\s+(?:to|with|against)"
    r"|in\s+comparison\s+(?:to|with)|relative\s+to|than(?:\s+(?:it|they|we|there)\s+(?:was|were|had|did|saw))?"
)
"""Words that set a figure against another ("vs", "compared with", "than it was")."""
_JUST_BEFORE = re.compile(
    rf"\b(?:(?:{_SET_AGAINST}|on|from|over|with|to|since)\s+(?:in\s+)?)"
    r"(?:the\s+)?(?:(?:previous|prior|preceding)\s+(?P<unit>month|quarter|qtr)"
    r"|(?P<unit2>month|quarter|qtr)\s+(?:before|earlier|prior))\b"
    r"|\b(?:than|on|from|since)\s+last\s+(?P<unit5>month|quarter)\b"
    r"|\b(?P<unit3>month|quarter)\s+(?:on|over)\s+(?:month|quarter)\b|\b(?P<unit4>m-o-m|q-o-q|qoq)\b"
)
"""The period just before, as what a figure is set against: "vs the month before", "up on the
previous quarter", "compared with the prior month", "month on month", "QoQ" (not "month by
month", a figure asked month by month). Only after a word that sets it against: "the previous
month" alone is the month asked for (a span), and so is "vs last month" (the latest whole
month, against the same month a year before); "higher than last month" is the one before it."""
_MONTHS_SET_AGAINST = re.compile(
    rf"\b(?:in\s+)?(?P<first>{MONTH_PATTERN})\.?\s+(?:{_SET_AGAINST}|compared)\s+(?:in\s+)?"
    rf"(?P<second>{MONTH_PATTERN})\b(?!\.?\s*(?:{YEAR_PATTERN}|\d|last|the\s+year|a\s+year))"
)
_A_YEAR_BEFORE = (
    r"last\s+year|(?:the\s+)?(?:previous|prior)\s+year|the\s+year\s+before|a\s+year\s+(?:ago|before|earlier)"
)
_MONTH_A_YEAR_BEFORE = re.compile(
    rf"\b(?:in\s+)?(?P<first>{MONTH_PATTERN})\.?\s+(?:{_SET_AGAINST}|compared)\s+(?:in\s+)?"
    rf"(?:the\s+same\s+month\s+|(?P<second>{MONTH_PATTERN})\.?\s+)(?:of\s+)?(?:{_A_YEAR_BEFORE})\b"
)
"""A month named without a year set against the same month a year before: "September vs
September last year", "March compared with the same month last year"."""
"""Two months named without a year, one set against the other: "September compared with
August", "sept vs aug". The first is asked for (the latest such month); the second is the
latest such month before it."""


@dataclass(frozen=True)
class Before:
    """What `find_before` read: the period just before (`month` None), or a month named
    without a year; the month asked for, when named ("September" of "September vs August");
    and the words."""

    month: int | None
    asked: int | None
    text: str
    quarter: bool = False
    year_before: bool = False
    """Set against the same month a year before ("September vs September last year")."""
    """Whether the period just before is said to be a quarter ("the previous quarter"): with
    no period asked, the latest whole quarter is; else the latest whole month."""


def find_before(text: str) -> tuple[Before | None, str]:
    """A comparison with the period just before, or of a month named without a year with
    another (or the same a year before), and the text without its words."""
    found = _MONTH_A_YEAR_BEFORE.search(text)
    if found:
        first, second = (found.group(g) for g in ("first", "second"))
        if second is None or month_number(second) == month_number(first):
            return Before(None, month_number(first), found.group(0), year_before=True), _without(text, found)
    found = _MONTHS_SET_AGAINST.search(text)
    if found:
        first, second = month_number(found.group("first")), month_number(found.group("second"))
        if first != second:
            return Before(second, first, found.group(0)), _without(text, found)
    found = _JUST_BEFORE.search(text)
    if found:
        unit = next(u for u in found.group("unit", "unit2", "unit3", "unit4", "unit5") if u)
        return Before(None, None, found.group(0), quarter=unit.startswith("q")), _without(text, found)
    return None, text


def _without(text: str, found: re.Match[str]) -> str:
    return text[: found.start()] + " " + text[found.end() :]
