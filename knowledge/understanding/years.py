"""Years written short or in words, rewritten in full before the time grammar in `when` reads
them: "'18", "syv 17", "twenty eighteen", "17 vs 18", "2018-21", "mar 20". A number that
counts something ("up by 24", "320 burglaries in March") is left as it is."""

from __future__ import annotations

import re

from knowledge.understanding.spans import MONTH_PATTERN, YEAR_PATTERN, month_number

_CLIPPED_YEAR = re.compile(r"(?<![\w'’])['’‘]([1-3]\d)\b")
_YEAR_SPAN = re.compile(rf"\b({YEAR_PATTERN})\s*-\s*(\d\d)(?![\d/])")
_SHORT_YEARS_COMPARED = re.compile(
    r"\b([1-3]\d)\s+(vs?\.?|versus|against|compared (?:to|with))\s+([1-3]\d)\b"
)
_MONTH_SHORT_YEAR = re.compile(
    rf"\b(?P<month>{MONTH_PATTERN})\.?(?:\s+|\s*[-/]\s*)(?P<year>[1-3]\d)\b"
    r"(?=\s*(?:$|[?!.,;:)]|(?:vs?|versus|compared|against|and|or|than)\b))"
)
"""A month and a two-digit year ("mar 20", "Sep-19") where the number ends the phrase: not
"march 20 burglaries", a count."""
_RUN_OF_MONTHS_SHORT = re.compile(
    rf"\b(?P<first>{MONTH_PATTERN})\.?(?:\s+|\s*[-/]\s*)(?P<from_year>[1-3]\d)"
    r"\s*(?P<joiner>-|–|to|through|thru|till|until)\s*"
    rf"(?P<last>{MONTH_PATTERN})\.?(?:\s+|\s*[-/]\s*)(?P<to_year>[1-3]\d)\b"
)
"""A run of months, each with a two-digit year ("dec 22 to feb 23", "Nov-21 - Jan-22"): both
numbers are years, though the first does not end the phrase. A two-digit number anywhere else
may be a count ("22 burglaries")."""


def _run_in_full(found: re.Match[str]) -> str:
    """The run with its years in full, when the last month comes after the first; else as
    it was ("dec 22 to feb 21" is no run, and its numbers may be days)."""
    first, last = (month_number(found.group(name)) for name in ("first", "last"))
    from_year, to_year = int(found.group("from_year")), int(found.group("to_year"))
    if (to_year, last) <= (from_year, first):
        return found.group(0)
    joiner = found.group("joiner")
    return f"{found.group('first')} 20{from_year} {joiner} {found.group('last')} 20{to_year}"


def _month_in_full(found: re.Match[str]) -> str:
    return f"{found.group('month')} 20{found.group('year')}"


_TRAILING_NUMBER = re.compile(r"(?P<before>[^\s\d]\S*)\s+(?P<year>[12]\d)(?P<after>\s*[?!.]*\s*)$")
_NOT_A_YEAR_AFTER = frozenset(
    {"under", "over", "aged", "age", "ages", "to", "than", "top", "till", "until", "upto", "and", "or"}
    | {"by", "up", "down", "of", "about", "around", "roughly", "nearly", "almost", "approx", "approximately"}
    | {"exactly", "only", "just", "is", "was", "were", "are", "had", "at"}
)
"""Words after which a number is an age or a count, not a year: "under 18", "up to 25", "went
up by 24", "was it 17"."""


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
    "syv 17" ends with one, "mar 20" is March 2020, "dec 22 to feb 23" runs from December 2022,
    and "2018-21" spans to 2021 (a financial year, "2018-19", is left as it is)."""
    text = _CLIPPED_YEAR.sub(r"20\1", text)
    text = _YEAR_IN_WORDS.sub(lambda found: str(2010 + _TEENS.index(found.group(1))), text)
    text = _YEAR_ENDING.sub(_year_ending, text)
    text = _YEAR_SPAN.sub(_year_span, text)
    text = _RUN_OF_MONTHS_SHORT.sub(_run_in_full, text)
    text = _MONTH_SHORT_YEAR.sub(_month_in_full, text)

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
