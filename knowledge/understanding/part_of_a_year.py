"""The first or last months of a named year: "the last 3 months of 2022", "the first two months
of 2023", "the first 6 months of the 2022/23 financial year", and the halves of a financial
year, "the second half of 2022/23". A calendar year's halves ("the first half of 2023") are
read with the other periods (`named_periods`); this reads any count of months, and a financial
year, which runs April to March."""

from __future__ import annotations

import re
from datetime import date

from knowledge.domain.periods import Period
from knowledge.understanding.spans import YEAR_PATTERN

_COUNTS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
}  # fmt: skip
_FIRST = ("first", "1st", "opening")
_COUNT = rf"(?P<count>[1-9]|1[01]|{'|'.join(_COUNTS)})"
_YEAR_NAMED = (
    rf"(?:the\s+)?(?:(?:fy|financial\s+year|fiscal\s+year)\s*)?(?P<year>{YEAR_PATTERN})"
    r"(?:\s*[/-]\s*(?P<next>\d\d(?:\d\d)?)(?!\d))?(?:\s+(?:financial|fiscal)\s+y(?:ea)?r)?"
)
"""A calendar year ("2022"), or a financial year ("2022/23", "FY 2022-23", "the 2022/23
financial year", "financial year 2022/23")."""
_PART_OF_A_YEAR = re.compile(
    r"\b(?:the\s+)?(?P<nth>first|1st|opening|last|final|closing|second|2nd)\s+"
    rf"(?:{_COUNT}\s+months?|(?P<half>half))\s+(?:of\s+)?{_YEAR_NAMED}\b"
)


def _financial(found: re.Match[str]) -> bool:
    """A financial year named: two years in a row, or words that say so ("FY 2022")."""
    following = found.group("next")
    if following is not None:
        first = int(found.group("year"))
        return int(following) % 100 == (first + 1) % 100
    return bool(re.search(r"\b(?:fy|financial|fiscal)", found.group(0)))


def find_part_of_a_year(text: str) -> tuple[Period | None, str | None, str]:
    """The first or last months of a year named, its words, and the text without them; None
    when the text names no such part (or "the second 3 months", which is no part of a year)."""
    found = _PART_OF_A_YEAR.search(text)
    if found is None or (found.group("next") and not _financial(found)):
        return None, None, text
    nth, half = found.group("nth"), found.group("half")
    count = 6 if half else _COUNTS.get(found.group("count") or "") or int(found.group("count"))
    if not half and nth in ("second", "2nd"):
        return None, None, text
    first_month = date(int(found.group("year")), 4 if _financial(found) else 1, 1)
    start = first_month if nth in _FIRST else _months_after(first_month, 12 - count)
    period = Period.of_months(start, _months_after(start, count - 1))
    return period, found.group(0), text[: found.start()] + " " + text[found.end() :]


def _months_after(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)
