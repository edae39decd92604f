"""Bringing the store up to the seed files in `data/`, when they have changed since last time.

Entries are upserted: the seed defines them. Figures and statuses are only ever added, and the
seed yields to people: once an officer or an import has recorded a figure for an indicator and
period, or a status for an action, a later seed file never supersedes it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge.datafiles import load_seed, seed_digest
from knowledge.domain.periods import parse_period
from knowledge.store.db import Connections, now_iso, read_meta
from knowledge.store.figures import add_figure, figure_row
from knowledge.store.statuses import add_status, status_row

if TYPE_CHECKING:
    from sqlite_utils import Database

    from knowledge.domain.seed_files import Seed

SEED_SOURCE = "seed"
SEED_DIGEST_KEY = "seed_digest"


def sync_seed_if_changed(connections: Connections, data_dir: Path) -> None:
    digest = seed_digest(data_dir)
    if connections.meta(SEED_DIGEST_KEY) == digest:
        return
    seed = load_seed(data_dir)
    with connections.content_transaction() as db:
        # Another process may have synced while this one waited for the lock.
        if read_meta(db, SEED_DIGEST_KEY) == digest:
            return
        write_seed(db, seed, now_iso())
        db["meta"].upsert({"key": SEED_DIGEST_KEY, "value": digest}, pk="key")


def write_seed(db: Database, seed: Seed, recorded_at: str) -> None:
    """Bring the catalogue up to the seed; add seed figures and statuses not yet held."""
    _write_documents(db, seed)
    _write_priorities(db, seed)
    _write_indicators(db, seed, recorded_at)
    _write_deliverables(db, seed)
    _write_actions(db, seed, recorded_at)
    _write_topics(db, seed)


def _write_documents(db: Database, seed: Seed) -> None:
    plans = seed.plans
    documents = [
        {
            "key": "csp-priorities",
            "title": plans.csp_priorities.title,
            "subtitle": plans.csp_priorities.agreed,
            "source": plans.csp_priorities.source,
            "aliases": json.dumps(plans.csp_priorities.aliases),
        },
        {
            "key": "strategic-plan",
            "title": plans.strategic_plan.title,
            "subtitle": f"Priority: {plans.strategic_plan.priority}. Outcome: {plans.strategic_plan.outcome}",
            "source": plans.strategic_plan.source,
            "aliases": json.dumps(plans.strategic_plan.aliases),
        },
        {
            "key": "manifesto",
            "title": plans.manifesto.title,
            "subtitle": plans.manifesto.subtitle,
            "source": plans.manifesto.source,
            "aliases": json.dumps(plans.manifesto.aliases),
        },
    ]
    db["documents"].upsert_all(documents, pk="key")


def _write_priorities(db: Database, seed: Seed) -> None:
    rows = [
        {
            "key": p.key,
            "name": p.name,
            "aliases": json.dumps(p.aliases),
            "key_deliverables": json.dumps(p.key_deliverables),
            "position": i,
        }
        for i, p in enumerate(seed.plans.csp_priorities.priorities)
    ]
    db["priorities"].upsert_all(rows, pk="key")


def _write_indicators(db: Database, seed: Seed, recorded_at: str) -> None:
    for position, indicator in enumerate(seed.indicators.indicators):
        db["indicators"].upsert(
            {
                "key": indicator.key,
                "name": indicator.name,
                "short_name": indicator.short_name,
                "priority_key": indicator.priority,
                "unit": indicator.unit.value,
                "better_when": indicator.better_when.value,
                "confidence": indicator.confidence.value,
                "confidence_note": indicator.confidence_note,
                "neutral_note": indicator.neutral_note,
                "priority_note": indicator.priority_note,
                "note": indicator.note,
                "source": indicator.source,
                "aliases": json.dumps(indicator.aliases),
                "position": position,
            },
            pk="key",
        )
        for figure in indicator.figures:
            row = figure_row(
                indicator.key,
                parse_period(figure.period),
                figure.value,
                recorded_at,
                SEED_SOURCE,
                indicator.source,
            )
            if _seed_figure_wanted(db, row):
                add_figure(db, row)


def _seed_figure_wanted(db: Database, row: dict) -> bool:
    """Only where nobody but the seed has spoken for this indicator and period, and the seed
    has not already said this: what an officer or an import recorded is never superseded."""
    held = db.execute(
        "SELECT 1 FROM figures WHERE indicator_key = ? AND period = ? "
        "AND (recorded_by IS NOT ? OR value = ?) LIMIT 1",
        [row["indicator_key"], row["period"], SEED_SOURCE, row["value"]],
    ).fetchone()
    return held is None


def _write_deliverables(db: Database, seed: Seed) -> None:
    rows = [
        {
            "key": d.key,
            "text": d.text,
            "aliases": json.dumps(d.aliases),
            "example_outputs": json.dumps(d.example_outputs),
            "position": i,
        }
        for i, d in enumerate(seed.plans.strategic_plan.deliverables)
    ]
    db["deliverables"].upsert_all(rows, pk="key")


def _write_actions(db: Database, seed: Seed, recorded_at: str) -> None:
    manifesto = seed.plans.manifesto
    for position, action in enumerate(manifesto.actions):
        db["actions"].upsert(
            {
                "key": action.key,
                "commitment": action.commitment,
                "aliases": json.dumps(action.aliases),
                "position": position,
            },
            pk="key",
        )
        row = status_row(
            action.key, action.status, action.status_as_of, recorded_at, SEED_SOURCE, manifesto.source
        )
        if _seed_status_wanted(db, row):
            add_status(db, row)


def _seed_status_wanted(db: Database, row: dict) -> bool:
    """Only where nobody but the seed has spoken for this action, and the seed has not
    already said this: a status an officer recorded is never superseded."""
    held = db.execute(
        "SELECT 1 FROM action_statuses WHERE action_key = ? AND (recorded_by IS NOT ? OR status = ?) LIMIT 1",
        [row["action_key"], SEED_SOURCE, row["status"]],
    ).fetchone()
    return held is None


def _write_topics(db: Database, seed: Seed) -> None:
    position = 0
    for group in seed.facts.groups:
        for topic in group.topics:
            db["topics"].upsert(
                {
                    "key": topic.key,
                    "group_key": group.key,
                    "group_title": group.title,
                    "title": topic.title,
                    "aliases": json.dumps(topic.aliases),
                    "facts": json.dumps(topic.facts),
                    "source": group.source,
                    "position": position,
                },
                pk="key",
            )
            position += 1
