"""Runs of months named relative to now ("so far", "last month", "since April", "in
March"), and month names misspelt before a year: the parts of the time grammar that monthly
figures need."""

from __future__ import annotations

import re
from dataclasses import dataclass

YEAR_PATTERN = r"20[0-3]\d"
MONTH_PATTERN = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
"""A year and a month's name as people write them; the time grammar in `when` uses them too."""
_YEAR = YEAR_PATTERN
_MONTH = MONTH_PATTERN


@dataclass(frozen=True)
class Span:
    """A run of months named relative to now: "so far" (January to the latest month), "this
    financial year", "the last 12 months", "last month", "since April", "in March". It means
    a period only for an indicator with monthly figures; one with annual figures shows its
    latest year."""

    kind: str
    """ "ytd", "fytd", "rolling", "last_month", "since" or "month"."""
    month: int | None = None
    text: str = ""


_MONTH_NUMBER = {name: i + 1 for i, name in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
)}
_SPANS = (
    (
        "fytd",
        re.compile(
            r"\b(?:this|current)\s+(?:financial|fiscal)\s+year|financial\s+year\s+to\s+date"
            r"|fy\s*td\b|\bthis\s+fy\b"
        ),
    ),
    (
        "rolling",
        re.compile(
            r"\b(?:last|past|previous|latest)\s+(?:12|twelve)\s+months"
            r"|\brolling\s+(?:year|12\s+months|twelve\s+months)"
        ),
    ),
    ("ytd", re.compile(r"\b(?:so\s+far(?:\s+this\s+year)?|ytd|year\s+to\s+date|this\s+year)\b")),
    ("last_month", re.compile(r"\b(?:last|previous|past)\s+month\b")),
    ("since", re.compile(rf"\bsince\s+(?P<month>{_MONTH})\b(?!\s*{_YEAR})")),
    ("month", re.compile(rf"\b(?:in|for|during|of)\s+(?P<month>{_MONTH})\b(?!\s*{_YEAR})")),
)


def find_span(text: str) -> tuple[Span | None, str]:
    """The first run of months named relative to now, if any, and the text without a month's
    name ("since April", "in March": "march" is no topic). Other spans keep their words: they
    are the vocabulary's time words too ("so far" is "latest")."""
    for kind, pattern in _SPANS:
        found = pattern.search(text)
        if not found:
            continue
        month = found.groupdict().get("month")
        if month is None:
            return Span(kind, None, found.group(0)), text
        rest = text[: found.start()] + " " + text[found.end() :]
        return Span(kind, _MONTH_NUMBER[month[:3]], found.group(0)), rest
    return None, text


_MONTH_NAMES_IN_FULL = (
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december",
)  # fmt: skip
_WORD_BEFORE_A_YEAR = re.compile(rf"\b(?P<word>[a-z]{{5,10}})(?P<year>\s+{_YEAR})\b")


def _month_spelt_right(found: re.Match[str]) -> str:
    """A word before a year that is a slip of a month's name ("Janaury 2019", "Septmber
    2022", "Apirl 2020"): the month. Two slips at most, the first letter kept."""
    from rapidfuzz.distance import DamerauLevenshtein

    word = found.group("word")
    if word in _MONTH_NAMES_IN_FULL:
        return found.group(0)
    for month in _MONTH_NAMES_IN_FULL:
        if month[0] == word[0] and DamerauLevenshtein.distance(word, month) <= 2:
            return month + found.group("year")
    return found.group(0)


def months_spelt_right(text: str) -> str:
    return _WORD_BEFORE_A_YEAR.sub(_month_spelt_right, text)


