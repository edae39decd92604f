"""Reading the Met's borough crime CSV: both vintages, and every malformed file refused with
its line and column."""

import pytest

from knowledge.domain.periods import Period
from knowledge.imports.mps_csv import ImportFileError, read_mps_csv
from tests.police_files import (
    HISTORICAL_FILE,
    OLD_HEADER,
    OLD_ROWS,
    RECENT_FILE,
    ROWS,
    mps_file,
    needs_shared_files,
    with_count,
)


def test_the_newer_vintage_gives_the_boroughs_rows_by_month():
    table = read_mps_csv(mps_file(), "Tower Hamlets")
    assert table.borough == "Tower Hamlets"
    assert table.months == (Period.month(2019, 5), Period.month(2019, 6), Period.month(2019, 7))
    assert [(r.line, r.major, r.minor, r.counts) for r in table.rows[:2]] == [
        (2, "Burglary", "Burglary - Business and Community", (50, 60, 70)),
        (3, "Burglary", "Burglary - Residential", (100, 110, 120)),
    ]
    assert len(table.rows) == 7 and table.rows_read == 8 and table.cells == 24


def test_the_older_vintage_in_capitals_with_borough_name():
    table = read_mps_csv(mps_file(OLD_ROWS, header=OLD_HEADER), "tower  hamlets")
    assert table.borough == "Tower Hamlets"
    assert [r.major for r in table.rows] == [
        "BURGLARY",
        "BURGLARY",
        "ROBBERY",
        "POSSESSION OF WEAPONS",
        "THEFT",
    ]


@pytest.mark.parametrize(
    "header",
    [
        ("majortext", "minortext", "lookup_boroughname"),
        ("Major Text", "MINORTEXT", "Borough_Name"),
        ("MinorText", "BoroughName", "MajorText"),
    ],
)
def test_column_names_in_any_case_spacing_and_order(header):
    rows = [{"MajorText": r[0], "MinorText": r[1], "Borough": r[2]} for r in ROWS]
    order = [
        "MajorText" if "major" in h.lower() else "MinorText" if "minor" in h.lower() else "Borough"
        for h in header
    ]
    moved = [(*(row[name] for name in order), *ROWS[i][3:]) for i, row in enumerate(rows)]
    table = read_mps_csv(mps_file(moved, header=header), "Tower Hamlets")
    assert (table.rows[0].major, table.rows[0].minor, table.rows[0].counts) == (
        "Burglary",
        "Burglary - Business and Community",
        (50, 60, 70),
    )


@needs_shared_files
@pytest.mark.parametrize(
    "path, borough, rows, months",
    [(RECENT_FILE, "Tower Hamlets", 49, 24), (HISTORICAL_FILE, "Tower Hamlets", 28, 162)],
)
def test_both_published_files_read(path, borough, rows, months):
    table = read_mps_csv(path.read_bytes(), borough)
    assert (len(table.rows), len(table.months)) == (rows, months)


def test_a_byte_order_mark_and_blank_lines_are_no_trouble():
    data = b"\xef\xbb\xbf" + mps_file().replace(b"\r\n", b"\r\n\r\n", 2)
    table = read_mps_csv(data, "Tower Hamlets")
    assert table.rows[0].line == 3 and table.rows[1].line == 5


def test_progress_is_told_in_cells():
    told = []
    read_mps_csv(mps_file(), "Tower Hamlets", progress=lambda done, total: told.append((done, total)))
    assert told[-1] == (24, 24)


def _refused(data: bytes, borough: str = "Tower Hamlets") -> ImportFileError:
    with pytest.raises(ImportFileError) as refused:
        read_mps_csv(data, borough)
    return refused.value


MALFORMED = {
    "missing major column": (
        b"MinorText,BoroughName,201905\r\nBurglary - Residential,Tower Hamlets,5\r\n",
        1,
        None,
        "the column MajorText is missing",
    ),
    "a column of another file": (
        mps_file(header=("Major", "MinorText", "BoroughName")),
        1,
        1,
        "“Major” is neither a month",
    ),
    "missing borough column": (
        b"MajorText,MinorText,201905\r\nBurglary,Burglary - Residential,5\r\n",
        1,
        None,
        "BoroughName (or LookUp_BoroughName) is missing",
    ),
    "non-numeric cell": (
        mps_file(with_count(ROWS, "Robbery", "Robbery of Personal Property", 1, "n/a")),
        5,
        5,
        "“n/a” under 201906 is not a whole number",
    ),
    "empty cell": (
        mps_file(with_count(ROWS, "Burglary", "Burglary - Residential", 2, "")),
        3,
        6,
        "“” under 201907",
    ),
    "negative count": (
        mps_file(with_count(ROWS, "Theft", "Shoplifting", 0, "-3")),
        8,
        4,
        "“-3” under 201905",
    ),
    "decimal count": (
        mps_file(with_count(ROWS, "Theft", "Shoplifting", 0, "3.5")),
        8,
        4,
        "not a whole number",
    ),
    "another borough's broken cell": (
        mps_file((*ROWS, ("Theft", "Shoplifting", "Hackney", 1, "x", 3))),
        10,
        5,
        "“x” under 201906",
    ),
    "unknown borough": (mps_file(), None, 3, "no row is for the borough “Tower Hamlet”; did you mean"),
    "month 13": (mps_file(months=("201905", "201913", "201907")), 1, 5, "“201913” is not a month"),
    "month 00": (mps_file(months=("201900", "201906", "201907")), 1, 4, "“201900” is not a month"),
    "not a month at all": (
        mps_file(months=("201905", "201906", "Total")),
        1,
        6,
        "“Total” is neither a month",
    ),
    "a month twice": (mps_file(months=("201905", "201906", "201905")), 1, 6, "201905 is given twice"),
    "no month column": (
        b"MajorText,MinorText,BoroughName\r\nBurglary,x,Tower Hamlets\r\n",
        1,
        None,
        "no month",
    ),
    "empty file": (b"", 1, None, "the file is empty"),
    "only blank lines": (b"\r\n \r\n", 1, None, "the file is empty"),
    "header and no rows": (mps_file(rows=()), 2, None, "no rows"),
    "binary, not CSV": (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", 1, None, "not a CSV file"),
    "not UTF-8 text": (mps_file() + b"Theft,Caf\xe9,Tower Hamlets,1,2,3\r\n", 10, None, "not UTF-8"),
    "a short row": (mps_file() + b"Theft,Other Theft,Tower Hamlets,1,2\r\n", 10, None, "5 cells where"),
    "a category twice": (mps_file((*ROWS, ROWS[1])), 10, None, "given twice (first on line 3)"),
    "an unclosed quote": (
        mps_file() + b'Theft,"Other Theft,Tower Hamlets,1,2,3\r\n',
        10,
        None,
        "well-formed",
    ),
    "an empty major category": (
        mps_file((*ROWS, ("", "Other Theft", "Tower Hamlets", 1, 2, 3))),
        10,
        1,
        "the major category is empty",
    ),
}


@pytest.mark.parametrize("case", MALFORMED)
def test_a_malformed_file_is_refused_with_its_line_and_column(case):
    data, line, column, problem = MALFORMED[case]
    borough = "Tower Hamlet" if case == "unknown borough" else "Tower Hamlets"
    refused = _refused(data, borough)
    assert (refused.line, refused.column) == (line, column), str(refused)
    assert problem in str(refused)
    if line:
        assert str(refused).startswith(f"line {line}")


def test_a_quoted_cell_over_two_lines_keeps_the_line_numbers_true():
    rows = (
        ("Theft", "Other\nTheft", "Tower Hamlets", 1, 2, 3),
        ("Theft", "Shoplifting", "Tower Hamlets", 1, "x", 3),
    )
    refused = _refused(mps_file(rows))
    assert (refused.line, refused.column) == (4, 5)


def test_months_need_not_be_in_order_or_in_a_run():
    table = read_mps_csv(mps_file(months=("202001", "201812", "201906")), "Tower Hamlets")
    assert [m.code for m in table.months] == ["2020-01", "2018-12", "2019-06"]
