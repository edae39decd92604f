"""Every way a message names a time: periods ("2018/19", "Q4 2018", "Jan-Dec 2018"), years
written short or in words, months and quarters with no year. Each function takes cleaned
text and returns what it found and the text without it."""

from __future__ import annotations

import re

from knowledge.domain.periods import Period, PeriodError, parse_period

_YEAR = r"20[0-3]\d"
_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_PERIOD_TEXT = re.compile(
    rf"\b(?:"
    rf"(?:fy\s*)?{_YEAR}\s*[/-]\s*\d\d(?!\d)"  # 2018/19, FY2018-19
    rf"|(?:{_MONTH})\s*-\s*(?:{_MONTH})\s+{_YEAR}"  # Jan-Dec 2018
    rf"|q[1-4]\s+{_YEAR}|{_YEAR}\s*-?\s*q[1-4]"  # Q4 2018, 2018-Q4
    rf"|(?:{_MONTH})\s+{_YEAR}"  # Nov 2018
    rf"|{_YEAR}"  # 2018
    rf")\b"
)
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
