"""Officers writing the same figure at once from two bot processes sharing one SQLite file:
every write lands, in one order that each writer's own writes keep, each knowing the value it
replaced; or it is refused as busy and said so. None is lost, none fails otherwise."""

from __future__ import annotations

import json
import multiprocessing
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

import pytest

from knowledge.services.figures import Figures
from knowledge.services.roles import Roles
from knowledge.store import Store
from knowledge.store.db import StoreBusy

WRITERS = 3
WRITES = 40
PERIOD = "2019"


def _write_figures(path: Path, data_dir: Path, writer: int, wait_ms: int | None, start, results) -> None:
    """One bot process: record WRITES figures for knife crime 2019 as fast as it can."""
    actor = f"UWRITER{writer:02d}"
    written, busy, failed = [], [], []
    store = Store(path, data_dir)
    if wait_ms is not None:  # wait hardly at all for the lock, so some writes meet it busy
        store.db.conn.execute(f"PRAGMA busy_timeout = {wait_ms}")
    figures = Figures(store, Roles(store, frozenset({actor})))
    start.wait(timeout=30)  # every process open and ready, so the writes overlap
    for n in range(WRITES):
        value = writer * 1000 + n
        try:
            figures.record(actor, "knife-crime", PERIOD, str(value), None, "command",
                           f"{actor}-{n}", datetime.now(UTC))  # fmt: skip
            written.append(value)
        except StoreBusy:
            busy.append(value)
        except Exception:
            failed.append(traceback.format_exc())
    store.close()
    results.put({"writer": writer, "written": written, "busy": busy, "failed": failed})


@pytest.mark.parametrize("wait_ms", [None, 1], ids=["waiting", "hardly-waiting"])
def test_processes_writing_one_figure_at_once_lose_nothing(store, data_dir, wait_ms):
    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(WRITERS), context.Queue()
    began = time.monotonic()
    workers = [
        context.Process(target=_write_figures, args=(store.path, data_dir, w, wait_ms, start, results))
        for w in range(1, WRITERS + 1)
    ]
    for worker in workers:
        worker.start()
    reports = sorted((results.get(timeout=60) for _ in workers), key=lambda r: r["writer"])
    for worker in workers:
        worker.join(timeout=10)
    took = time.monotonic() - began

    assert [r["failed"] for r in reports] == [[]] * WRITERS
    written = [v for r in reports for v in r["written"]]
    busy = [v for r in reports for v in r["busy"]]
    assert len(written) + len(busy) == WRITERS * WRITES

    rows = [r for r in store.figure_history("knife-crime") if r["period"] == PERIOD]
    held = [r["value"] for r in rows]
    lost = set(written) - set(held)
    print(f"\n{WRITERS} writers, {WRITERS * WRITES} writes in {took:.1f} s: "
          f"{len(held)} landed, {len(busy)} busy, lost: {len(lost)}")  # fmt: skip
    assert lost == set() and sorted(held) == sorted(written)  # each landed once; a busy one not at all

    for report in reports:  # each writer's own writes land in the order it made them
        assert [v for v in held if v // 1000 == report["writer"]] == report["written"]

    audits = list(store.db["audit"].rows_where("entity = 'figure' AND period = ?", [PERIOD], order_by="id"))
    assert [json.loads(a["new"])["value"] for a in audits] == held  # one audit row per write, same order
    replaced = [(json.loads(a["old"]) or {}).get("value") if a["old"] else None for a in audits]
    assert replaced == [None, *held[:-1]]  # each write knew the value it replaced: no lost update
    assert store.revision() >= len(held)
