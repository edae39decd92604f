"""Small "MPS Borough Level Crime" files, made in the test, in either published vintage."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
RECENT_FILE = SHARED / "mps-borough-level-crime-24-months-201806-202005.csv"
"""The newer vintage: LookUp_BoroughName, title case, Jun 2018 to May 2020."""
HISTORICAL_FILE = SHARED / "mps-borough-level-crime-historical-201004-202309.csv"
"""The older vintage: BoroughName, capitals, Apr 2010 to Sep 2023."""

SHARED_FILES_HELD = RECENT_FILE.exists() and HISTORICAL_FILE.exists()
needs_shared_files = pytest.mark.skipif(
    not SHARED_FILES_HELD, reason="the Met's published files (../shared/data) are not beside this checkout"
)
"""For the tests that read the real published files: a clone on its own has only the small
files the tests make."""

NEW_HEADER = ("MajorText", "MinorText", "LookUp_BoroughName")
OLD_HEADER = ("MajorText", "MinorText", "BoroughName")
MONTHS = ("201905", "201906", "201907")

ROWS = (
    ("Burglary", "Burglary - Business and Community", "Tower Hamlets", 50, 60, 70),
    ("Burglary", "Burglary - Residential", "Tower Hamlets", 100, 110, 120),
    ("Robbery", "Robbery of Business Property", "Tower Hamlets", 5, 6, 7),
    ("Robbery", "Robbery of Personal Property", "Tower Hamlets", 90, 95, 99),
    ("Possession of Weapons", "Possession of Other Weapon", "Tower Hamlets", 10, 11, 12),
    ("Possession of Weapons", "Possession of Article with Blade or Point", "Tower Hamlets", 3, 4, 5),
    ("Theft", "Shoplifting", "Tower Hamlets", 80, 81, 82),
    ("Burglary", "Burglary - Residential", "Hackney", 1, 2, 3),
)
"""Burglary: 150, 170, 190; personal robbery: 90, 95, 99; weapons: 13, 15, 17; theft: 80, 81, 82."""

OLD_ROWS = (
    ("BURGLARY", "BURGLARY IN A DWELLING", "Tower Hamlets", 100, 110, 120),
    ("BURGLARY", "BURGLARY BUSINESS AND COMMUNITY", "Tower Hamlets", 50, 60, 70),
    ("ROBBERY", "ROBBERY OF PERSONAL PROPERTY", "Tower Hamlets", 90, 95, 99),
    ("POSSESSION OF WEAPONS", "POSSESSION OF WEAPONS", "Tower Hamlets", 13, 15, 17),
    ("THEFT", "SHOPLIFTING", "Tower Hamlets", 80, 81, 82),
)
"""The same counts as ROWS, as the older vintage writes them."""


def mps_file(rows=ROWS, months=MONTHS, header=NEW_HEADER) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*header, *months])
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def with_count(rows, major: str, minor: str, month_index: int, value) -> tuple:
    """The rows with one count changed."""
    changed = []
    for row in rows:
        if row[0] == major and row[1] == minor and row[2] == "Tower Hamlets":
            counts = list(row[3:])
            counts[month_index] = value
            row = (*row[:3], *counts)
        changed.append(row)
    return tuple(changed)
