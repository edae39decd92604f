"""`data/police_categories.yaml` for an import: checked against the seed, and applied to a file.

Checked on load like every data file (a mistake names the file, the entry and the field), and
against the seed: an indicator named without a definition must be in `indicators.yaml`, a new
one must not take a key the seed uses, and its priority must be one of the CSP's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from knowledge.datafiles import SEED_FILES, DataFileError, load_file, load_seed
from knowledge.domain.periods import Period
from knowledge.domain.police_categories import (
    POLICE_CATEGORIES_FILE,
    MappedIndicator,
    PoliceCategoriesFile,
)
from knowledge.imports.mps_csv import PoliceTable


def load_police_categories(data_dir: Path) -> PoliceCategoriesFile:
    """The mapping, checked against itself and the seed; DataFileError naming what is wrong."""
    path = data_dir / POLICE_CATEGORIES_FILE
    mapping = load_file(path, PoliceCategoriesFile)
    _check_references(mapping, path, data_dir)
    return mapping


def _check_references(mapping: PoliceCategoriesFile, path: Path, data_dir: Path) -> None:
    seed = load_seed(data_dir)
    seeded = {i.key for i in seed.indicators.indicators}
    priorities = {p.key for p in seed.plans.csp_priorities.priorities}
    taken = (
        {p.key for p in seed.plans.csp_priorities.priorities}
        | {d.key for d in seed.plans.strategic_plan.deliverables}
        | {a.key for a in seed.plans.manifesto.actions}
        | {t.key for g in seed.facts.groups for t in g.topics}
    )
    keys: set[str] = set()
    for index, entry in enumerate(mapping.indicators):
        where = f"{path}: entry '{entry.key}', field 'indicators.{index}"
        if entry.key in keys:
            raise DataFileError(f"{where}.key': the key '{entry.key}' is given twice")
        keys.add(entry.key)
        if entry.indicator is None and entry.key not in seeded:
            raise DataFileError(
                f"{where}.key': '{entry.key}' is not an indicator in {SEED_FILES['indicators']}: "
                "describe it under 'indicator' (name, short_name, priority, unit, better_when, "
                "confidence, source) to make it"
            )
        if entry.indicator is None:
            continue
        if entry.key in seeded or entry.key in taken:
            raise DataFileError(
                f"{where}.key': '{entry.key}' is already used in the seed files: "
                "choose another key, or leave out 'indicator' to feed the seed's indicator"
            )
        if entry.indicator.priority not in priorities:
            raise DataFileError(
                f"{where}.indicator.priority': '{entry.indicator.priority}' is not a CSP priority in "
                f"{SEED_FILES['plans']} (known: {', '.join(sorted(priorities))})"
            )


@dataclass(frozen=True)
class MonthlyFigures:
    """What one file says of each indicator it feeds: a count per month."""

    months: tuple[Period, ...]
    by_indicator: dict[str, dict[Period, int]]
    not_fed: tuple[MappedIndicator, ...]
    """Indicators no row of the file counts towards: a category renamed, or not in this vintage."""


def monthly_figures(table: PoliceTable, mapping: PoliceCategoriesFile) -> MonthlyFigures:
    """Each mapped indicator's months: the sum of the rows its categories take (each row once)."""
    by_indicator: dict[str, dict[Period, int]] = {}
    not_fed = []
    for entry in mapping.indicators:
        rows = [row for row in table.rows if entry.counts(row.major, row.minor)]
        if not rows:
            not_fed.append(entry)
            continue
        by_indicator[entry.key] = {
            month: sum(row.counts[i] for row in rows) for i, month in enumerate(table.months)
        }
    return MonthlyFigures(table.months, by_indicator, tuple(not_fed))
