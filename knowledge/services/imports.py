"""Importing the Met's borough crime CSV: what it would change, and the change made as one batch.

`plan` reads the file and the store and writes nothing (the dry run). `apply` writes the same
plan, worked out again under the write lock, as one batch in one content transaction: the
batch row, a figure row per new or revised month (source "import", with the batch id), any
indicator the mapping describes that the store lacks, and one audit row. A month whose value
is held already is left alone, so the same file imported twice changes nothing the second
time, and the store's revision does not move. A month held from a later file (one whose
months run further) is left alone too: an older file imported after a newer one would
otherwise undo the Met's revisions. The seed's yearly figures are other periods, and are
never touched.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from knowledge.domain.periods import Period
from knowledge.imports.categories import (
    MappedIndicator,
    MonthlyFigures,
    PoliceCategoriesFile,
    load_police_categories,
    monthly_figures,
)
from knowledge.imports.mps_csv import Progress, read_mps_csv
from knowledge.store import Store, figure_row
from knowledge.store.audit import add_audit
from knowledge.store.db import select
from knowledge.store.imports import (
    IMPORT_SOURCE,
    add_batch,
    add_figures,
    held_now,
    indicator_row,
    next_position,
    put_indicator,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

MPS_KIND = "mps"


class MonthFigure(NamedTuple):
    indicator_key: str
    period: Period
    value: float


@dataclass(frozen=True)
class Revision:
    period: Period
    old: float
    new: float


@dataclass(frozen=True)
class IndicatorChanges:
    key: str
    name: str
    made: bool
    """The import adds this indicator to what the bot knows (or brings back one undone)."""
    new: tuple[Period, ...]
    revised: tuple[Revision, ...]
    unchanged: int
    kept: tuple[Revision, ...] = ()
    """Months this file gives otherwise, held from a later file: left as held."""


@dataclass(frozen=True)
class ImportPlan:
    """What importing a file would change, by indicator; the dry run prints it."""

    file_name: str
    sha256: str
    borough: str
    months: tuple[Period, ...]
    rows_read: int
    cells: int
    indicators: tuple[IndicatorChanges, ...]
    not_fed: tuple[str, ...]
    """Indicators of the mapping no row of the file counts towards, with their categories."""
    definitions: tuple[dict, ...]
    """Indicator rows to write: made, brought back, or described differently in the mapping."""
    figures: tuple[MonthFigure, ...]
    """The months to write: each new or revised one."""

    @property
    def new_count(self) -> int:
        return sum(len(i.new) for i in self.indicators)

    @property
    def revised_count(self) -> int:
        return sum(len(i.revised) for i in self.indicators)

    @property
    def unchanged_count(self) -> int:
        return sum(i.unchanged for i in self.indicators)

    @property
    def kept_count(self) -> int:
        return sum(len(i.kept) for i in self.indicators)

    @property
    def changes_anything(self) -> bool:
        return bool(self.figures or self.definitions)


@dataclass(frozen=True)
class ImportResult:
    plan: ImportPlan
    batch_id: int | None
    """None when the file changed nothing (it had been imported already)."""
    same_file_batch: int | None = None
    """When nothing changed: the newest batch that imported this very file, if one did."""


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Imports:
    """Police data files into the store. Who may import is the caller's check (an admin)."""

    def __init__(self, store: Store, data_dir: Path | None = None) -> None:
        self.store = store
        self.data_dir = data_dir or store.data_dir

    def mapping(self) -> PoliceCategoriesFile:
        """Read on each import: an admin may have just added a category."""
        return load_police_categories(self.data_dir)

    def plan(
        self, data: bytes, file_name: str, borough: str | None = None, progress: Progress | None = None
    ) -> ImportPlan:
        """What importing the file would change; writes nothing."""
        mapping = self.mapping()
        figures, borough_named, rows_read = _read(data, borough or mapping.borough, mapping, progress)
        with self.store.snapshot() as db:
            return _plan(db, mapping, figures, file_name, sha256_of(data), borough_named, rows_read)

    def apply(
        self,
        data: bytes,
        file_name: str,
        actor: str,
        now: datetime,
        borough: str | None = None,
        progress: Progress | None = None,
        request_id: str | None = None,
    ) -> ImportResult:
        """Import the file as one batch; a file already imported changes nothing."""
        mapping = self.mapping()
        figures, borough_named, rows_read = _read(data, borough or mapping.borough, mapping, progress)
        at = now.astimezone(UTC).isoformat(timespec="seconds")
        with self.store.write_content() as db:
            plan = _plan(db.conn, mapping, figures, file_name, sha256_of(data), borough_named, rows_read)
            if not plan.changes_anything:
                return ImportResult(plan, None, same_file_batch(db, plan.sha256))
            batch_id = _write(db, plan, actor, at, request_id)
        return ImportResult(plan, batch_id)


def _read(
    data: bytes, borough: str, mapping: PoliceCategoriesFile, progress: Progress | None
) -> tuple[MonthlyFigures, str, int]:
    table = read_mps_csv(data, borough, progress)
    return monthly_figures(table, mapping), table.borough, table.rows_read


def _definition(entry: MappedIndicator, position: int) -> dict:
    described = entry.indicator
    assert described is not None
    return {
        "key": entry.key,
        "name": described.name,
        "short_name": described.short_name,
        "priority_key": described.priority,
        "unit": described.unit.value,
        "better_when": described.better_when.value,
        "confidence": described.confidence.value,
        "confidence_note": described.confidence_note,
        "neutral_note": None,
        "priority_note": None,
        "note": described.note,
        "source": described.source,
        "aliases": json.dumps(described.aliases),
        "position": position,
        "withdrawn": 0,
    }


def _definitions(
    db: sqlite3.Connection, mapping: PoliceCategoriesFile, fed: list[str]
) -> tuple[list[dict], set[str], dict]:
    """Indicator rows to write, the keys this import makes, and every fed indicator's name."""
    rows, made, names = [], set(), {}
    position = next_position(db)
    for entry in (e for e in mapping.indicators if e.key in fed):
        held = indicator_row(db, entry.key)
        if entry.indicator is None:
            names[entry.key] = held["short_name"] if held else entry.key
            continue
        names[entry.key] = entry.indicator.short_name
        if held is None:
            rows.append(_definition(entry, position))
            made.add(entry.key)
            position += 1
            continue
        wanted = _definition(entry, held["position"])
        if any(held.get(k) != v for k, v in wanted.items()):
            rows.append(wanted)
            if held["withdrawn"]:
                made.add(entry.key)
    return rows, made, names


def _plan(
    db: sqlite3.Connection,
    mapping: PoliceCategoriesFile,
    figures: MonthlyFigures,
    file_name: str,
    sha256: str,
    borough: str,
    rows_read: int,
) -> ImportPlan:
    fed = list(figures.by_indicator)
    definitions, made, names = _definitions(db, mapping, fed)
    held, vintages = held_now(db, fed)
    vintage = figures.months[-1].code if figures.months else ""
    changes, rows = [], []
    for key, months in figures.by_indicator.items():
        new, revised, kept, unchanged = [], [], [], 0
        for period, value in sorted(months.items()):
            old = held.get((key, period.code))
            if old is None:
                new.append(period)
            elif old == value:
                unchanged += 1
                continue
            elif vintages.get((key, period.code), "") > vintage:
                kept.append(Revision(period, old, value))
                continue
            else:
                revised.append(Revision(period, old, value))
            rows.append(MonthFigure(key, period, float(value)))
        changes.append(
            IndicatorChanges(key, names[key], key in made, tuple(new), tuple(revised), unchanged, tuple(kept))
        )
    not_fed = tuple(f"{e.key} ({', '.join(c.label() for c in e.categories)})" for e in figures.not_fed)
    return ImportPlan(
        file_name, sha256, borough, figures.months, rows_read, rows_read * len(figures.months),
        tuple(changes), not_fed, tuple(definitions), tuple(rows),
    )  # fmt: skip


def _write(db: Database, plan: ImportPlan, actor: str, at: str, request_id: str | None) -> int:
    for definition in plan.definitions:
        put_indicator(db, definition)
    made = [i.key for i in plan.indicators if i.made]
    batch_id = add_batch(
        db,
        {
            "kind": MPS_KIND,
            "file_name": plan.file_name,
            "sha256": plan.sha256,
            "borough": plan.borough,
            "imported_by": actor,
            "imported_at": at,
            "rows_read": plan.rows_read,
            "first_month": plan.months[0].code if plan.months else None,
            "last_month": plan.months[-1].code if plan.months else None,
            "figures_new": plan.new_count,
            "figures_revised": plan.revised_count,
            "figures_unchanged": plan.unchanged_count,
            "indicators": [i.key for i in plan.indicators],
            "indicators_made": made,
        },
    )
    rows = [
        {**figure_row(f.indicator_key, f.period, f.value, at, actor, IMPORT_SOURCE), "batch_id": batch_id}
        for f in plan.figures
    ]
    add_figures(db, rows)
    add_audit(
        db,
        at=at,
        actor=actor,
        action="import",
        entity="import",
        entity_key=str(batch_id),
        new={
            "file": plan.file_name,
            "sha256": plan.sha256,
            "borough": plan.borough,
            "new": plan.new_count,
            "revised": plan.revised_count,
            "indicators": [i.key for i in plan.indicators],
            "indicators_made": made,
        },
        source=IMPORT_SOURCE,
        request_id=request_id,
    )
    return batch_id


def same_file_batch(db: sqlite3.Connection | Database, sha256: str) -> int | None:
    """The newest batch that imported this very file, if any."""
    return select(db, "SELECT MAX(id) AS id FROM import_batches WHERE sha256 = ?", [sha256])[0]["id"]
