"""Runs of months named relative to now ("so far", "last month", "last quarter", "the last
financial year", "since April", "in March"), and month names misspelt before a year: the
parts of the time grammar that monthly figures need."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.domain.periods import TWELVE_MONTHS_TO

YEAR_PATTERN = r"20[0-3]\d"
MONTH_PATTERN = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
"""A year and a month's name as people write them; the time grammar in `when` uses them too."""
_YEAR = YEAR_PATTERN
_MONTH = MONTH_PATTERN


NAMES_A_PERIOD = frozenset(
    {
        "last_month", "last_months", "last_quarter", "last_fy", "this_month", "this_quarter",
        "quarter_this_year", "quarter_last_year", "half_this_year", "half_last_year",
        "months_this_year", "months_last_year",
    }
)  # fmt: skip
"""Spans that mean one period whatever an indicator holds, counted from today."""


@dataclass(frozen=True)
class Span:
    """A run of months named relative to now: "so far" (January to the latest month), "this
    financial year", "the last 12 months", "since April", "in March": a period for an
    indicator with monthly figures, while one with annual figures shows its latest year. The
    latest whole month, quarter or financial year before today ("last month", "last
    quarter", "last financial year") and a year so far ("so far in 2023") name one period
    whatever is held, so an indicator that does not hold it says so."""

    kind: str
    """ "ytd", "fytd", "rolling", "last_month", "last_months", "last_quarter", "last_fy",
    "this_month", "this_quarter", "quarter_this_year", "quarter_last_year", "half_this_year",
    "half_last_year", "months_this_year", "months_last_year" (a month or run of months of this
    year or last: "June to August this year"), "since", "month" or "months" (a run of months by
    their names, no year: "Jan to March")."""
    month: int | None = None
    """The month named ("since April", "the 12 months to June"); for "last_months", how many
    ("the last 6 months"); for a quarter or half of this or last year, which ("Q2 this year",
    "the first half of last year"); for a run of months, the first."""
    text: str = ""
    year: int | None = None
    """The year of a year so far ("so far in 2023"); None for the latest year."""
    until: int | None = None
    """The last month of a run of months named without a year ("Jan to March")."""

    @property
    def names_a_period(self) -> bool:
        """Whether the span means one period whatever an indicator holds."""
        return self.kind in NAMES_A_PERIOD or self.year is not None


_MONTH_NUMBER = {
    name: i + 1
    for i, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}


def month_number(name: str) -> int:
    """1 to 12, from a month's name as `MONTH_PATTERN` reads it ("sept", "August")."""
    return _MONTH_NUMBER[name[:3]]


_HALF = r"(?:the\s+)?(?P<half>first|1st|second|2nd|last|final)\s+(?:half|(?:6|six)\s+months)|h(?P<h>[12])"
"""Half of a year named relative to now ("the first half of this year", "H2 last year")."""
_HALVES = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "last": 2, "final": 2, "1": 1, "2": 2}
_QUARTER = (
    r"(?:q|qtr|quarter\s*)(?P<count>[1-4])"
    r"|(?:the\s+)?(?P<nth>first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+quarter"
)
"""A quarter of a year named relative to now, by its number ("Q3 this year", "quarter 1 of last
year") or its place ("the first quarter of this year", "the last quarter of last year")."""
_NTH_QUARTER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_NTH_QUARTER |= {"last": 4, "final": 4}
_THIS_YEAR = r"(?:this|the\s+current|the)\s+year\b"
_LAST_YEAR = r"(?:last|the\s+previous|the\s+past)\s+year\b"


_NAMED_SPANS = (
    (
        "fytd",
        re.compile(
            r"\b(?:(?:the\s+)?current|this)\s+(?:financial|fiscal)\s+y(?:ea)?r(?:\s+(?:so\s+far|to\s+date))?\b"
            r"|\b(?:financial|fiscal)\s+year\s+to\s+date\b|\bfy\s*td\b"
            r"|\b(?:this\s+)?fy\s+(?:to\s+date|so\s+far)\b|\bthis\s+fy\b"
        ),
    ),
    (
        "last_fy",
        re.compile(
            r"\b(?:the\s+)?(?:last|previous|past|prior)\s+(?:full\s+)?(?:financial|fiscal)\s+y(?:ea)?r\b"
            r"|\b(?:last|previous)\s+fy\b"
        ),
    ),
    (
        "last_quarter",
        re.compile(
            r"\b(?:the\s+)?(?:last|previous|past|latest|most\s+recent)\s+(?:full\s+|whole\s+|complete\s+)?"
            rf"quarter\b(?!\s+(?:of\b|{_YEAR}))"
        ),
    ),
    ("last_month", re.compile(r"\b(?:the\s+)?(?:last|previous|past)\s+month\b")),
    ("this_month", re.compile(r"\bthis\s+month(?:\s+so\s+far)?\b|\bmonth\s+to\s+date\b")),
    ("this_quarter", re.compile(r"\bthis\s+quarter(?:\s+so\s+far)?\b|\bquarter\s+to\s+date\b")),
    ("quarter_this_year", re.compile(rf"\b(?:{_QUARTER})\s+(?:of\s+)?{_THIS_YEAR}")),
    ("quarter_last_year", re.compile(rf"\b(?:{_QUARTER})\s+(?:of\s+)?{_LAST_YEAR}")),
    ("half_this_year", re.compile(rf"\b(?:{_HALF})\s+(?:of\s+)?{_THIS_YEAR}")),
    ("half_last_year", re.compile(rf"\b(?:{_HALF})\s+(?:of\s+)?{_LAST_YEAR}")),
    (
        "last_months",
        re.compile(
            r"\b(?:the\s+)?(?:last|previous|past|latest)\s+(?P<count>[2-9]|1[01]|two|three|four|five|six|seven"
            r"|eight|nine|ten|eleven|couple\s+of|few)\s+months\b(?!\s+of\b)"  # not "of 2022": a half
        ),
    ),
    ("ytd", re.compile(rf"\bso\s+far\s+(?:(?:in|for|during|of)\s+)?(?P<year>{_YEAR})\b")),
    ("ytd", re.compile(rf"\b(?:year\s+to\s+date|ytd)\s+(?:(?:in|for|of)\s+)?(?P<year>{_YEAR})\b")),
    ("ytd", re.compile(rf"\b(?P<year>{_YEAR})\s+(?:so\s+far|to\s+date|ytd|year\s+to\s+date)\b")),
    ("ytd", re.compile(rf"\bsince\s+the\s+(?:start|beginning)\s+of\s+(?P<year>{_YEAR})\b")),
    (
        "ytd",
        re.compile(
            r"\bsince\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year\b|\bsince\s+(?:the\s+)?new\s+year\b"
            rf"|\bsince\s+jan(?:uary)?\b(?!\s*(?:{_YEAR}|\d))"
        ),
    ),
)
"""Spans whose words are no topic and no time word of the vocabulary: read before the
comparison grammar, and taken out of the text."""
_SPANS = (
    (
        "rolling",
        re.compile(
            r"\b(?:last|past|previous|latest)\s+(?:12|twelve)\s+months"
            r"|\brolling\s+(?:year|12\s+months|twelve\s+months)"
        ),
    ),
    ("ytd", re.compile(r"\b(?:so\s+far(?:\s+this\s+year)?|ytd|year\s+to\s+date|this\s+year)\b")),
    ("since", re.compile(rf"\bsince\s+(?P<month>{_MONTH})\b(?!\s*{_YEAR})")),
    (
        "months",
        re.compile(
            rf"\b(?:from\s+|between\s+)?(?P<month>{_MONTH})\.?\s*(?:-|to|through|thru|till|until|and)\s*"
            rf"(?P<until>{_MONTH})\b(?!\.?\s*(?:{_YEAR}|\d))"
        ),
    ),
    ("month", re.compile(rf"\b(?:in|for|during|of)\s+(?P<month>{_MONTH})\b(?!\s*{_YEAR})")),
)


_TO_DATE_ENDING = re.compile(
    rf"\b(?:(?P<first_year>{_YEAR})\s+)?(?:(?P<fy>(?:the\s+)?(?:financial|fiscal)\s+(?:year\s+to\s+date|ytd)"
    r"|fy\s*td|(?:this\s+)?fy\s+(?:to\s+date|so\s+far))"
    r"|(?:the\s+)?(?:calendar\s+)?(?:year\s+to\s+date|ytd)|so\s+far\s+this\s+year|this\s+year\s+to\s+date)"
    r"\s+(?:to|up\s+to|until|till|through|thru|ending|ended|at)(?:\s+(?:the\s+)?end\s+of)?"
    rf"(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?P<month>{_MONTH})\b(?:\.?\s+(?P<year>{_YEAR}))?"
)
"""The year or the financial year so far, to a month named: "ytd to June 2022", "year to date
up to the end of June", "financial ytd to Dec 2021", "2022 ytd to June". One span, not the
year so far set against the month."""


_TWELVE_MONTHS_TO_A_MONTH = re.compile(
    rf"\b(?:the\s+(?:last|past|latest)\s+)?{TWELVE_MONTHS_TO}\s+(?P<month>{_MONTH})\b(?!\.?\s*(?:{_YEAR}|\d))"
)
"""The twelve months to a month named without a year ("the 12 months to September", "the year
ending June"): to the latest such month (with a year, it is a period named)."""


_UP_TO_A_MONTH = re.compile(
    rf"\b(?:up\s+to|up\s+until|until|till|to)(?:\s+(?:the\s+)?end\s+of)?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?"
    rf"\s+(?P<month>{_MONTH})\b(?:\.?\s+(?P<year>{_YEAR}))?"
)
"""A month said as where a run ends, with nothing said of where it starts: "burglary up to
June 2023", "robbery until the end of March". The year so far to it, not the month alone."""
_A_START_SAID = re.compile(rf"(?:\b(?:{_MONTH}|{_YEAR}|\d+|months?|year|ytd|date|far|fy|fytd)\b)\W*$")
"""What stands before "to June" when the run's start is said ("Jan 2023 to June 2023", "the
12 months to June", "so far up to June"): another rule reads it."""


def find_to_date(text: str) -> tuple[Span | None, str]:
    """The year (kind "ytd") or financial year ("fytd") so far to a month named, with its
    year when one is said, or the twelve months ("rolling") to a month named without one; and
    the text without its words."""
    found = _TO_DATE_ENDING.search(text) or _up_to_a_month(text)
    if not found:
        return _twelve_months_to(text)
    year = found.group("year") or found.groupdict().get("first_year")
    kind = "fytd" if found.groupdict().get("fy") else "ytd"
    span = Span(kind, month_number(found.group("month")), found.group(0), int(year) if year else None)
    return span, text[: found.start()] + " " + text[found.end() :]


def _up_to_a_month(text: str) -> re.Match[str] | None:
    for found in _UP_TO_A_MONTH.finditer(text):
        bare_to = found.group(0).startswith("to ") and "end" not in found.group(0)
        if not bare_to and not _A_START_SAID.search(text[: found.start()]):
            return found
    return None


def _twelve_months_to(text: str) -> tuple[Span | None, str]:
    found = _TWELVE_MONTHS_TO_A_MONTH.search(text)
    if not found:
        return None, text
    span = Span("rolling", month_number(found.group("month")), found.group(0))
    return span, text[: found.start()] + " " + text[found.end() :]


_COUNTS = {
    **{str(n): n for n in range(1, 12)},
    **dict(
        zip(
            ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"),
            range(2, 12),
            strict=True,
        )
    ),
    "couple of": 2,
    "few": 3,
}
"""How many months "the last N months" is; "a few" is taken as three."""

_NAMED_SPAN_WORD = re.compile(
    r"\b(?:quarter|financial|fiscal|fy|fytd|months?|far|date|ytd|since|q[1-4]|half|h[12])\b"
)
"""A word every span of `_NAMED_SPANS` has: most messages have none, and skip them all."""


def _which(parts: dict[str, str | None]) -> int | None:
    """Which half or quarter a named span's words say, or how many months."""
    half, nth, count = parts.get("half") or parts.get("h"), parts.get("nth"), parts.get("count")
    if half:
        return _HALVES[half]
    if nth:
        return _NTH_QUARTER[nth]
    return _COUNTS.get(count) if count else None


def find_named_span(text: str) -> tuple[Span | None, str]:
    """The first span of `_NAMED_SPANS` in the text, and the text without its words."""
    if not _NAMED_SPAN_WORD.search(text):
        return None, text
    for kind, pattern in _NAMED_SPANS:
        found = pattern.search(text)
        if found:
            year = found.groupdict().get("year")
            span = Span(kind, _which(found.groupdict()), found.group(0), int(year) if year else None)
            return span, text[: found.start()] + " " + text[found.end() :]
    return None, text


def find_span(text: str) -> tuple[Span | None, str]:
    """The first run of months named relative to now, if any, and the text without a month's
    name ("since April", "in March": "march" is no topic). Other spans keep their words: they
    are the vocabulary's time words too ("so far" is "latest")."""
    for kind, pattern in _SPANS:
        found = pattern.search(text)
        if not found:
            continue
        month, until = found.groupdict().get("month"), found.groupdict().get("until")
        if month is None:
            return Span(kind, None, found.group(0)), text
        rest = text[: found.start()] + " " + text[found.end() :]
        last = _MONTH_NUMBER[until[:3]] if until else None
        return Span(kind, _MONTH_NUMBER[month[:3]], found.group(0), until=last), rest
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
