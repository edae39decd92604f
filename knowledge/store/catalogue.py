"""The catalogue: everything the bot can answer from, read whole at one revision."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from knowledge.domain.models import (
    Action,
    ActionStatus,
    BetterWhen,
    Confidence,
    Deliverable,
    Document,
    Figure,
    Indicator,
    Priority,
    Topic,
    Unit,
)
from knowledge.store.db import Connections, read_revision, select
from knowledge.store.figures import current_figures
from knowledge.store.learning import learned_phrases
from knowledge.store.statuses import StatusOf, current_statuses

if TYPE_CHECKING:
    from sqlite_utils import Database


INDICATORS_HELD = "SELECT * FROM indicators WHERE NOT withdrawn"
"""An indicator an undone import made is withdrawn, not deleted: its figures' history stays."""


@dataclass(frozen=True)
class Catalogue:
    """Everything the bot can answer from, read from the store at one revision."""

    revision: int
    documents: dict[str, Document]
    priorities: list[Priority]
    indicators: list[Indicator]
    figures: dict[str, list[Figure]]
    deliverables: list[Deliverable]
    actions: list[Action]
    statuses: dict[str, ActionStatus]
    topics: list[Topic]
    learned: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Aliases an admin approved from partners' "did you mean" picks, by entry key."""
    deliverable_statuses: dict[str, ActionStatus] = field(default_factory=dict)
    """The latest status of each Strategic Plan deliverable that has one."""

    # Lookups by key, made on first use; the catalogue never changes once read.
    @cached_property
    def indicator(self) -> dict[str, Indicator]:
        return {i.key: i for i in self.indicators}

    @cached_property
    def priority(self) -> dict[str, Priority]:
        return {p.key: p for p in self.priorities}

    @cached_property
    def deliverable(self) -> dict[str, Deliverable]:
        return {d.key: d for d in self.deliverables}

    @cached_property
    def action(self) -> dict[str, Action]:
        return {a.key: a for a in self.actions}

    @cached_property
    def topic(self) -> dict[str, Topic]:
        return {t.key: t for t in self.topics}


def read_catalogue(connections: Connections) -> Catalogue:
    """One consistent snapshot: a write landing half-way through cannot mix two revisions."""
    with connections.snapshot() as db:
        return _read(db)


def _read(db: sqlite3.Connection) -> Catalogue:
    return Catalogue(
        revision=read_revision(db),
        documents={
            row["key"]: Document(**_decoded(row, "aliases")) for row in select(db, "SELECT * FROM documents")
        },
        priorities=[
            Priority(**_decoded(row, "aliases", "key_deliverables")) for row in _in_order(db, "priorities")
        ],
        indicators=[_indicator(row) for row in select(db, INDICATORS_HELD + " ORDER BY position")],
        figures=current_figures(db),
        deliverables=[
            Deliverable(**_decoded(row, "aliases", "example_outputs"))
            for row in _in_order(db, "deliverables")
        ],
        actions=[Action(**_decoded(row, "aliases")) for row in _in_order(db, "actions")],
        statuses=current_statuses(db),
        topics=[Topic(**_decoded(row, "aliases", "facts")) for row in _in_order(db, "topics")],
        learned=learned_phrases(db),
        deliverable_statuses=current_statuses(db, StatusOf.DELIVERABLE),
    )


def read_indicator(db: sqlite3.Connection | Database, key: str) -> Indicator | None:
    """One indicator, read on the connection given, so a write can look it up inside its own
    transaction."""
    rows = select(db, INDICATORS_HELD + " AND key = ?", [key])
    return _indicator(rows[0]) if rows else None


def _indicator(row: dict) -> Indicator:
    row = _without_nulls(_decoded(row, "aliases"))
    row.pop("withdrawn", None)
    row["unit"] = Unit(row["unit"])
    row["better_when"] = BetterWhen(row["better_when"])
    row["confidence"] = Confidence(row["confidence"])
    return Indicator(**row)


def _in_order(db: sqlite3.Connection, table: str) -> list[dict]:
    """Entries in the order the seed files give them, which is the order replies list them."""
    return select(db, f"SELECT * FROM [{table}] ORDER BY position")


def _decoded(row: dict, *json_columns: str) -> dict:
    decoded = dict(row)
    for column in json_columns:
        decoded[column] = json.loads(decoded[column] or "[]")
    return decoded


def _without_nulls(row: dict) -> dict:
    return {key: value for key, value in row.items() if value is not None}
