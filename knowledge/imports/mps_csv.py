"""The Met's "MPS Borough Level Crime" CSV, read for one borough and checked whole.

Two vintages are published: the older names the borough column `BoroughName` and writes
categories in capitals, the newer `LookUp_BoroughName` and title case. Both have `MajorText`,
`MinorText` and one column per month, `YYYYMM`. Column names are matched without regard to
case, spaces or underscores.

Every cell of every row is checked, not only the borough's: a file with one broken cell is a
broken file, and is refused with the line and column of the first problem found.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass

from knowledge.domain.periods import Period
from knowledge.domain.police_categories import normal

BOROUGH_COLUMNS = ("lookupboroughname", "boroughname")
MAJOR_COLUMN = "majortext"
MINOR_COLUMN = "minortext"
_MONTH = re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})$")
PROGRESS_EVERY = 100
"""Rows between two calls of the progress callback."""

Progress = Callable[[int, int], None]
"""Told (cells checked, cells in the file) as the file is read."""


class ImportFileError(ValueError):
    """Why a file was refused, and where: its line (1 is the header) and column (1 is the first)."""

    def __init__(self, problem: str, line: int | None = None, column: int | None = None) -> None:
        self.problem = problem
        self.line = line
        self.column = column
        where = ", ".join(
            part for part in (f"line {line}" if line else "", f"column {column}" if column else "") if part
        )
        super().__init__(f"{where}: {problem}" if where else problem)


@dataclass(frozen=True)
class PoliceRow:
    line: int
    major: str
    minor: str
    counts: tuple[int, ...]
    """One count per month of the table, in its order."""


@dataclass(frozen=True)
class PoliceTable:
    """The borough's rows of one file, checked."""

    borough: str
    """As the file spells it."""
    months: tuple[Period, ...]
    rows: tuple[PoliceRow, ...]
    rows_read: int
    """Data rows in the whole file, every borough's."""

    @property
    def cells(self) -> int:
        return self.rows_read * len(self.months)


@dataclass(frozen=True)
class _Header:
    borough: int
    major: int
    minor: int
    months: tuple[Period, ...]
    month_columns: tuple[int, ...]
    width: int
    names: tuple[str, ...]


def _squashed(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name).casefold()


def decode(data: bytes) -> str:
    if not data.strip():
        raise ImportFileError("the file is empty", line=1)
    if b"\x00" in data[:4096]:
        raise ImportFileError("this is not a CSV file (it holds binary data); send the CSV itself", line=1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportFileError(
            "this is not a CSV text file (not UTF-8 text); save it as CSV (UTF-8) and send it again",
            line=line,
        ) from None


def _month(name: str, line: int, column: int) -> Period:
    found = _MONTH.match(name.strip())
    if found is None:
        raise ImportFileError(
            f"“{name}” is neither a month (YYYYMM) nor one of MajorText, MinorText, BoroughName",
            line=line,
            column=column,
        )
    year, month = int(found["year"]), int(found["month"])
    if not 1 <= month <= 12 or not 1900 <= year <= 2200:
        raise ImportFileError(
            f"“{name}” is not a month: write it YYYYMM, e.g. 201906", line=line, column=column
        )
    return Period.month(year, month)


def _header(names: list[str], line: int) -> _Header:
    found: dict[str, int] = {}
    months: list[Period] = []
    seen: set[Period] = set()
    columns: list[int] = []
    for index, name in enumerate(names):
        squashed = _squashed(name)
        if squashed in (*BOROUGH_COLUMNS, MAJOR_COLUMN, MINOR_COLUMN):
            role = "borough" if squashed in BOROUGH_COLUMNS else squashed
            if role in found:
                raise ImportFileError(f"the column “{name}” is given twice", line=line, column=index + 1)
            found[role] = index
            continue
        month = _month(name, line, index + 1)
        if month in seen:
            raise ImportFileError(f"the month {name.strip()} is given twice", line=line, column=index + 1)
        months.append(month)
        seen.add(month)
        columns.append(index)
    for role, shown in (("majortext", "MajorText"), ("minortext", "MinorText"), ("borough", "BoroughName")):
        if role not in found:
            also = " (or LookUp_BoroughName)" if role == "borough" else ""
            raise ImportFileError(f"the column {shown}{also} is missing", line=line)
    if not months:
        raise ImportFileError("there is no month column (YYYYMM, e.g. 201906)", line=line)
    return _Header(
        found["borough"], found["majortext"], found["minortext"], tuple(months), tuple(columns), len(names),
        tuple(names),
    )  # fmt: skip


def _counts(cells: list[str], header: _Header, line: int) -> tuple[int, ...]:
    values = [cells[column] for column in header.month_columns]
    joined = "".join(values)
    if all(values) and joined.isascii() and joined.isdigit():  # every cell plain digits: most rows
        return tuple(map(int, values))
    counts = []
    for column in header.month_columns:
        cell = cells[column].strip()
        if not (cell.isascii() and cell.isdigit()):
            raise ImportFileError(
                f"“{cell}” under {header.names[column].strip()} is not a whole number of 0 or more",
                line=line,
                column=column + 1,
            )
        counts.append(int(cell))
    return tuple(counts)


def _check_names(cells: list[str], header: _Header, line: int) -> None:
    for column, what in ((header.borough, "borough"), (header.major, "major category")):
        if not cells[column].strip():
            raise ImportFileError(f"the {what} is empty", line=line, column=column + 1)


def _records(text: str) -> list[tuple[int, list[str]]]:
    """Each record with the line it starts on; a quoted cell may run over several lines."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records = []
    start = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                records.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as error:
        raise ImportFileError(f"this is not a well-formed CSV file ({error})", line=reader.line_num) from None
    if not records:
        raise ImportFileError("the file is empty", line=1)
    return records


def _unknown_borough(borough: str, seen: dict[str, str], header: _Header) -> ImportFileError:
    close = difflib.get_close_matches(borough, sorted(seen.values()), n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]}?" if close else f"; the file has {', '.join(sorted(seen.values()))}"
    return ImportFileError(f"no row is for the borough “{borough}”{hint}", column=header.borough + 1)


def read_mps_csv(data: bytes, borough: str, progress: Progress | None = None) -> PoliceTable:
    """The borough's rows of an MPS Borough Level Crime file; ImportFileError if it is not one."""
    records = _records(decode(data))
    header_line, names = records[0]
    header = _header(names, header_line)
    wanted = normal(borough)
    kept: list[PoliceRow] = []
    seen_boroughs: dict[str, str] = {}
    first_line: dict[tuple[str, str, str], int] = {}
    total = len(records) - 1
    if not total:
        raise ImportFileError("the file has a header but no rows", line=header_line + 1)
    for done, (line, cells) in enumerate(records[1:], start=1):
        if len(cells) != header.width:
            raise ImportFileError(
                f"the row has {len(cells)} cells where the header has {header.width}", line=line
            )
        _check_names(cells, header, line)
        counts = _counts(cells, header, line)
        place, major, minor = (cells[i].strip() for i in (header.borough, header.major, header.minor))
        key = (normal(place), normal(major), normal(minor))
        if key in first_line:
            raise ImportFileError(
                f"{major} / {minor} for {place} is given twice (first on line {first_line[key]})", line=line
            )
        first_line[key] = line
        seen_boroughs.setdefault(key[0], place)
        if key[0] == wanted:
            kept.append(PoliceRow(line, major, minor, counts))
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
            progress(done * len(header.months), total * len(header.months))
    if not kept:
        raise _unknown_borough(borough, seen_boroughs, header)
    return PoliceTable(seen_boroughs[wanted], header.months, tuple(kept), total)
