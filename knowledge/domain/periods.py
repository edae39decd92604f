"""Reporting periods: months, quarters, calendar years, financial years and year-to-date.

A period is a run of whole months. Its `code` is the stable key kept in the store
("2018", "2018-11", "2018-Q4", "FY2018-19", "YTD2019-05"); its `label` is what people read
("Jan-Dec 2018"). `parse_period` accepts both and the other ways officers write them,
including a financial year's quarters ("Q1 2019/20" is Apr-Jun 2019).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache

MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTH_NAMES = {name: i + 1 for i, name in enumerate(MONTHS)}
_MONTH_NAMES.update(
    {
        "january": 1,
        "february": 2,
        "march": 3,
        "april": 4,
        "june": 6,
        "july": 7,
        "august": 8,
        "sept": 9,
        "september": 9,
        "october": 10,
        "november": 11,
        "december": 12,
    }
)


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    FINANCIAL_YEAR = "financial_year"
    YEAR_TO_DATE = "ytd"
    ROLLING_YEAR = "rolling_year"
    """The twelve months to a month: the partnership's usual "rolling year"."""
    MONTHS = "months"
    """Any other run of whole months ("since April": April to the latest month)."""


class PeriodError(ValueError):
    """Text that does not name a period."""


def _month_index(year: int, month: int) -> int:
    return year * 12 + (month - 1)


@dataclass(frozen=True, order=True)
class Period:
    """A run of whole months, from `start` to `end` inclusive (both the 1st of a month)."""

    start: date
    end: date
    kind: PeriodKind

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        day = date(year, month, 1)
        return cls(day, day, PeriodKind.MONTH)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        if not 1 <= quarter <= 4:
            raise PeriodError(f"quarter {quarter} is not 1 to 4")
        first = (quarter - 1) * 3 + 1
        return cls(date(year, first, 1), date(year, first + 2, 1), PeriodKind.QUARTER)

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 1), PeriodKind.YEAR)

    @classmethod
    def financial_year(cls, first_year: int) -> Period:
        """April `first_year` to March of the year after (the UK public sector's year)."""
        return cls(date(first_year, 4, 1), date(first_year + 1, 3, 1), PeriodKind.FINANCIAL_YEAR)

    @classmethod
    def financial_quarter(cls, first_year: int, quarter: int) -> Period:
        """A quarter of the financial year starting in April `first_year`: Q1 is Apr-Jun,
        Q4 is Jan-Mar of the year after. The same months as a calendar quarter, so the same
        period."""
        if not 1 <= quarter <= 4:
            raise PeriodError(f"quarter {quarter} is not 1 to 4")
        return cls.quarter(first_year + (quarter == 4), quarter % 4 + 1)

    @classmethod
    def year_to_date(cls, year: int, last_month: int) -> Period:
        return cls(date(year, 1, 1), date(year, last_month, 1), PeriodKind.YEAR_TO_DATE)

    @classmethod
    def rolling_year(cls, year: int, last_month: int) -> Period:
        start = date(year, 1, 1) if last_month == 12 else date(year - 1, last_month + 1, 1)
        return cls(start, date(year, last_month, 1), PeriodKind.ROLLING_YEAR)

    @classmethod
    def months_ending(cls, last: date, count: int) -> Period:
        """The `count` whole months ending with the month of `last`, by their best name."""
        first = last.year * 12 + last.month - 1 - (count - 1)
        return cls.of_months(date(first // 12, first % 12 + 1, 1), last)

    @classmethod
    def run_of_months(cls, start: date, end: date) -> Period:
        return cls(start.replace(day=1), end.replace(day=1), PeriodKind.MONTHS)

    @classmethod
    def of_months(cls, start: date, end: date) -> Period:
        """A run of whole months by its best name: a month, a calendar quarter, a calendar or
        financial year, January to a month (a year to date), twelve months to a month (a
        rolling year), or else a run of months."""
        run = cls.run_of_months(start, end)
        if run.end < run.start:
            raise PeriodError("a run of months must end after it starts")
        first, months = run.start, run.months
        if months == 1:
            return cls.month(first.year, first.month)
        if months == 3 and first.month % 3 == 1:
            return cls.quarter(first.year, first.month // 3 + 1)
        if months == 12 and first.month in (1, 4):
            return cls.year(first.year) if first.month == 1 else cls.financial_year(first.year)
        if months == 12:
            return cls.rolling_year(run.end.year, run.end.month)
        if first.month == 1 and months < 12:
            return cls.year_to_date(run.end.year, run.end.month)
        return run

    def each_month(self) -> list[Period]:
        """The months the period is made of, in order."""
        first = _month_index(self.start.year, self.start.month)
        return [Period.month(i // 12, i % 12 + 1) for i in range(first, first + self.months)]

    @property
    def months(self) -> int:
        return (
            _month_index(self.end.year, self.end.month) - _month_index(self.start.year, self.start.month) + 1
        )

    @property
    def code(self) -> str:
        if self.kind is PeriodKind.MONTH:
            return f"{self.start.year}-{self.start.month:02d}"
        if self.kind is PeriodKind.QUARTER:
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        if self.kind is PeriodKind.YEAR:
            return str(self.start.year)
        if self.kind is PeriodKind.FINANCIAL_YEAR:
            return f"FY{self.start.year}-{(self.start.year + 1) % 100:02d}"
        if self.kind is PeriodKind.YEAR_TO_DATE:
            return f"YTD{self.end.year}-{self.end.month:02d}"
        if self.kind is PeriodKind.ROLLING_YEAR:
            return f"R12-{self.end.year}-{self.end.month:02d}"
        return f"{self.start.year}-{self.start.month:02d}..{self.end.year}-{self.end.month:02d}"

    @property
    def label(self) -> str:
        first = MONTHS[self.start.month - 1].title()
        last = MONTHS[self.end.month - 1].title()
        if self.kind is PeriodKind.MONTH:
            return f"{first} {self.start.year}"
        if self.start.year == self.end.year:
            return f"{first}-{last} {self.start.year}"
        return f"{first} {self.start.year}-{last} {self.end.year}"

    @property
    def short_label(self) -> str:
        """How people say it in a sentence: "2017", "2018/19", "Nov 2018"."""
        if self.kind is PeriodKind.YEAR:
            return str(self.start.year)
        if self.kind is PeriodKind.FINANCIAL_YEAR:
            return f"{self.start.year}/{(self.start.year + 1) % 100:02d}"
        return self.label

    def year_before(self) -> Period:
        """The same months one year earlier: what "vs last year" compares with."""
        return Period(
            date(self.start.year - 1, self.start.month, 1),
            date(self.end.year - 1, self.end.month, 1),
            self.kind,
        )

    def just_before(self) -> Period:
        """As many months, ending the month before this starts: what "vs the month before"
        and "quarter on quarter" compare with (Aug 2023 for Sep 2023, Q2 for Q3)."""
        last = _month_index(self.start.year, self.start.month) - 1
        return Period.months_ending(date(last // 12, last % 12 + 1, 1), self.months)

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    def __str__(self) -> str:
        return self.label


_YEAR = r"(?P<year>(?:19|20)\d\d)"
_FY = rf"(?:fy\s*)?{_YEAR}\s*[-/]\s*(?P<next>\d\d(?:\d\d)?)"
"""A financial year as written: "2019/20", "2019-2020", "FY2019-20"."""
_UNTIL = r"(?:-|to|through|thru|till|until)"
NTH_QUARTER = "first|second|third|fourth|1st|2nd|3rd|4th|last|final"
NTH_HALF = "first|second|1st|2nd|last|final"
"""How the half of a year is said ("the first half of 2023"); `understanding.when` reads it."""
TWELVE_MONTHS_TO = (
    r"(?:the\s+)?(?:rolling\s+)?(?:year|12\s+months|twelve\s+months)\s+(?:ending|ended|to|up\s+to|until|through)"
    r"(?:\s+the\s+end\s+of)?"
)
"""How "the twelve months to" a month is said; `understanding.when` reads periods with it."""
_PATTERNS: list[tuple[str, str]] = [
    (rf"^(?:cy\s*)?{_YEAR}$", "year"),
    (rf"^jan(?:uary)?\s*(?:-|to)\s*dec(?:ember)?\s+{_YEAR}$", "year"),
    (rf"^{_YEAR}-(?P<month>\d\d?)$", "month"),
    (rf"^(?P<mname>[a-z]+)\.?\s+{_YEAR}$", "month_name"),
    (rf"^{_YEAR}\s*-?\s*q(?P<q>[1-4])$", "quarter"),
    (rf"^(?:q|qtr|quarter)\s*(?P<q>[1-4])\s+(?:of\s+)?{_YEAR}$", "quarter"),
    (rf"^(?:the\s+)?(?P<nth>{NTH_QUARTER})\s+quarter\s+(?:of\s+)?(?P<rest>.+)$", "nth_quarter"),
    (rf"^(?:the\s+)?(?P<nth>{NTH_HALF})\s+half\s+(?:of\s+)?{_YEAR}$", "half"),
    (rf"^(?:the\s+)?(?P<nth>{NTH_HALF})\s+(?:6|six)\s+months\s+(?:of\s+)?{_YEAR}$", "half"),
    (rf"^h(?P<h>[12])\s+{_YEAR}$", "half"),
    (rf"^{_YEAR}\s*h(?P<h>[12])$", "half"),
    # A quarter of a financial year: "Q1 2019/20" is Apr-Jun 2019, "2019/20 Q4" Jan-Mar 2020.
    (rf"^(?:q|qtr|quarter)\s*(?P<q>[1-4])\s*(?:of\s+)?{_FY}$", "financial_quarter"),
    (rf"^{_FY}\s*-?\s*q(?P<q>[1-4])$", "financial_quarter"),
    (rf"^{_FY}$", "financial_year"),
    (r"^fy\s*(?P<next>\d\d(?:\d\d)?)$", "financial_year_end"),
    (rf"^ytd\s*{_YEAR}-(?P<month>\d\d?)$", "ytd"),
    (rf"^r12-{_YEAR}-(?P<month>\d\d?)$", "rolling_year"),
    (r"^(?P<y1>\d{4})-(?P<m1>\d\d)\.\.(?P<y2>\d{4})-(?P<m2>\d\d)$", "run_of_months"),
    # runs of months: "Jan-May 2019" (a year to date), "Jul-Sep 2019", "July to September
    # 2019" (a quarter), "Nov 2018-Feb 2019"
    (rf"^(?:from\s+)?(?P<m1>[a-z]+)\.?\s*{_UNTIL}\s*(?P<m2>[a-z]+)\.?\s+{_YEAR}$", "months"),
    (rf"^between\s+(?P<m1>[a-z]+)\s+and\s+(?P<m2>[a-z]+)\s+{_YEAR}$", "months"),
    (
        rf"^(?:from\s+)?(?P<m1>[a-z]+)\.?\s+(?P<y1>\d{{4}})\s*{_UNTIL}\s*(?P<m2>[a-z]+)\.?\s+{_YEAR}$",
        "months",
    ),
    # the seasons of a year, as the Met Office counts them: "summer 2019" is Jun-Aug, "winter
    # 2017/18" (or "winter 2017") Dec 2017-Feb 2018; "Christmas 2022" is December
    (rf"^(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?{_YEAR}(?:\s*/\s*(?P<next>\d\d(?:\d\d)?))?$",
     "season"),
    (rf"^(?:christmas|xmas)\s+(?:of\s+)?{_YEAR}$", "christmas"),
    # the twelve months to a month: "the 12 months to June 2021", "year ending Sep 2019"
    (rf"^{TWELVE_MONTHS_TO}\s+(?P<m2>[a-z]+)\.?\s+{_YEAR}$", "twelve_months"),
]


def _full_year(first: int, text: str) -> int:
    """The year a financial year ends in, from "19" or "2019"; it must follow `first`."""
    end = int(text) if len(text) == 4 else (first // 100) * 100 + int(text)
    if end != first + 1:
        raise PeriodError(f"a financial year runs over two years in a row, not {first} and {end}")
    return end


def _month_number(text: str) -> int:
    month = int(text)
    if not 1 <= month <= 12:
        raise PeriodError(f"month {month} is not 1 to 12")
    return month


def _run_of_months(parts: dict[str, str]) -> Period:
    start = date(int(parts["y1"]), _month_number(parts["m1"]), 1)
    end = date(int(parts["y2"]), _month_number(parts["m2"]), 1)
    if end < start:
        raise PeriodError("a run of months must end after it starts")
    return Period.run_of_months(start, end)


def _month_of(parts: dict[str, str]) -> Period | None:
    """A month, "2019-06"; but "2019-20" is the financial year 2019/20, as no month is 20."""
    first, second = int(parts["year"]), int(parts["month"])
    if second > 12 and second == (first + 1) % 100:
        return Period.financial_year(first)
    return Period.month(first, _month_number(parts["month"]))


def _month_named(parts: dict[str, str]) -> Period | None:
    month = _MONTH_NAMES.get(parts["mname"])
    return None if month is None else Period.month(int(parts["year"]), month)


def _financial_year(parts: dict[str, str]) -> Period:
    first = int(parts["year"])
    _full_year(first, parts["next"])
    return Period.financial_year(first)


def _financial_quarter(parts: dict[str, str]) -> Period:
    first = int(parts["year"])
    _full_year(first, parts["next"])
    return Period.financial_quarter(first, int(parts["q"]))


def _financial_year_ending(parts: dict[str, str]) -> Period:
    end_text = parts["next"]
    end = int(end_text) if len(end_text) == 4 else 2000 + int(end_text)
    return Period.financial_year(end - 1)


def _months(parts: dict[str, str]) -> Period | None:
    """A run of months named by their names: in the year given, or, when the last month comes
    before the first ("Nov-Feb 2019") or a first year is given, from the year before."""
    first, last, year = _MONTH_NAMES.get(parts["m1"]), _MONTH_NAMES.get(parts["m2"]), int(parts["year"])
    if first is None or last is None:
        return None
    first_year = int(parts.get("y1") or (year if first <= last else year - 1))
    return Period.of_months(date(first_year, first, 1), date(year, last, 1))


def _twelve_months(parts: dict[str, str]) -> Period | None:
    last, year = _MONTH_NAMES.get(parts["m2"]), int(parts["year"])
    if last is None:
        return None
    start = date(year, 1, 1) if last == 12 else date(year - 1, last + 1, 1)
    return Period.of_months(start, date(year, last, 1))


_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _season(parts: dict[str, str]) -> Period:
    year, then = int(parts["year"]), parts.get("next")
    if then and (parts["season"] != "winter" or int(then) % 100 != (year + 1) % 100):
        raise PeriodError(f"only a winter runs over two years, and they follow: not {year}/{then}")
    first = date(year, _SEASON_START[parts["season"]], 1)
    last = date(year + (first.month == 12), (first.month + 1) % 12 + 1, 1)
    return Period.of_months(first, last)


def _half(parts: dict[str, str]) -> Period:
    """ "the first half of 2023" (or "H1 2023") is January to June; the second, July to December."""
    first = parts.get("nth") in ("first", "1st") or parts.get("h") == "1"
    year = int(parts["year"])
    return Period.of_months(date(year, 1 if first else 7, 1), date(year, 6 if first else 12, 1))


_NTH_NUMBER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _nth_quarter(parts: dict[str, str]) -> Period:
    """ "the first quarter of 2021" is Q1 2021; "the last quarter of 2019/20" is its Q4."""
    return parse_period(f"q{_NTH_NUMBER.get(parts['nth'], 4)} {parts['rest']}")


_BUILDERS: dict[str, Callable[[dict[str, str]], Period | None]] = {
    "year": lambda p: Period.year(int(p["year"])),
    "month": _month_of,
    "month_name": _month_named,
    "quarter": lambda p: Period.quarter(int(p["year"]), int(p["q"])),
    "financial_year": _financial_year,
    "financial_quarter": _financial_quarter,
    "financial_year_end": _financial_year_ending,
    "ytd": lambda p: Period.year_to_date(int(p["year"]), _month_number(p["month"])),
    "rolling_year": lambda p: Period.rolling_year(int(p["year"]), _month_number(p["month"])),
    "run_of_months": lambda p: _run_of_months(p),
    "months": _months,
    "twelve_months": _twelve_months,
    "nth_quarter": _nth_quarter,
    "half": _half,
    "season": _season,
    "christmas": lambda p: Period.month(int(p["year"]), 12),
}


@cache
def _pattern(source: str) -> re.Pattern[str]:
    """Compiled on first use, in order: a stored code ("2018", "2018-03") needs only the first
    few, and compiling them all cost start-up a tenth of its time."""
    return re.compile(source)


def parse_period(text: str) -> Period:
    """Read a period from a code or label; raise PeriodError naming what was wrong."""
    cleaned = re.sub(r"\s+", " ", text.strip().lower().replace("–", "-"))
    for source, form in _PATTERNS:
        found = _pattern(source).match(cleaned)
        if not found:
            continue
        period = _BUILDERS[form](found.groupdict())
        if period is not None:
            return period
    raise PeriodError(
        f"“{text}” is not a period I know; try 2018, Nov 2018, 2018-Q4, Q1 2019/20, 2018/19 or Jan-Jun 2019"
    )
