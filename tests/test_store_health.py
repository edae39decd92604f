"""The store's file: deleted or replaced while open, it is noticed, what the process held is kept,
and nothing is answered or seeded from an empty file; an unwritable store is said once; each
event claim records how it ended."""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from knowledge.store import Store
from knowledge.store.claims import ClaimState
from knowledge.store.db import StoreBusy
from knowledge.store.health import StoreState, StoreUnavailable
from knowledge.store.rescue import rescued_copies

COMPANIONS = ("", "-wal", "-shm")


def store_files(store: Store) -> list[str]:
    return [str(store.path) + end for end in COMPANIONS]


def record_a_figure(store: Store, value: float = 777) -> None:
    from knowledge.domain.periods import parse_period

    store.record_figure("knife-crime", parse_period("2020"), value, "UOFFICER1", "command")


@pytest.mark.parametrize("deleted", [COMPANIONS, ("",), ("-wal", "-shm")])
def test_a_store_deleted_while_open_is_noticed_and_not_made_anew(store, deleted, caplog):
    record_a_figure(store)
    for end in deleted:
        os.unlink(str(store.path) + end)
    with pytest.raises(StoreUnavailable, match="deleted while the bot was running"):
        store.revision()
    with pytest.raises(StoreUnavailable):
        store.catalogue()
    status = store.health.status()
    assert status.state is StoreState.LOST
    if "" in deleted:
        assert not store.path.exists()  # no empty store was made in its place
    assert [r.levelname for r in caplog.records if "THE STORE IS GONE" in r.getMessage()] == ["ERROR"]


def test_what_the_process_held_is_rescued_and_a_restart_does_not_seed_over_it(store, data_dir):
    record_a_figure(store, 4321)
    for name in store_files(store):
        os.unlink(name)
    with pytest.raises(StoreUnavailable):
        store.revision()
    [rescued] = rescued_copies(store.path)
    assert str(rescued) == store.health.status().rescued
    copy = sqlite3.connect(rescued)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("SELECT count(*) FROM figures WHERE value = 4321").fetchone()[0] == 1
    assert rescued.stat().st_mode & 0o777 == 0o600
    with pytest.raises(StoreUnavailable, match="csp-bot restore"):
        Store(store.path, data_dir)
    assert not store.path.exists()


def test_a_store_replaced_by_another_file_is_noticed(store, tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE x (a)").connection.commit()
    os.replace(other, store.path)
    with pytest.raises(StoreUnavailable, match="replaced"):
        store.revision()


def test_a_new_thread_on_a_deleted_store_fails_rather_than_making_an_empty_one(store):
    import threading

    for name in store_files(store):
        os.unlink(name)
    failures = []
    thread = threading.Thread(target=lambda: failures.append(_try(store.revision)))
    thread.start()
    thread.join()
    assert failures == [StoreUnavailable]
    assert not store.path.exists()


def _try(call):
    try:
        call()
    except Exception as error:
        return type(error)
    return None


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 30, 12, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_a_locked_store_fails_a_short_claim_shows_it_and_says_so_once_it_lasts(store, caplog):
    store.health.clock = clock = Clock()
    holder = sqlite3.connect(store.path)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreBusy):
            store.events.claim("EvLocked0", wait=0.05)
        assert store.health.status().state is StoreState.UNWRITABLE
        assert not [r for r in caplog.records if "cannot be written" in r.getMessage()]  # a moment's wait
        for number in range(1, 4):
            clock.now += timedelta(seconds=3)
            with pytest.raises(StoreBusy):
                store.events.claim(f"EvLocked{number}", wait=0.05)
    finally:
        holder.rollback()
        holder.close()
    assert store.events.claim("EvFree", wait=0.05) is True
    assert store.health.status().state is StoreState.OK
    said = [r.getMessage() for r in caplog.records if r.name == "knowledge.store.health"]
    assert len([m for m in said if "cannot be written" in m]) == 1
    assert len([m for m in said if "can be written again" in m]) == 1


def test_a_write_that_breaks_a_rule_is_not_an_unwritable_store(store):
    with pytest.raises(sqlite3.IntegrityError), store.write_bookkeeping() as db:
        db["seen_events"].insert({"event_id": "EvA", "seen_at": "x"})
        db["seen_events"].insert({"event_id": "EvA", "seen_at": "x"})
    assert store.health.status().state is StoreState.OK


def test_a_claim_records_how_it_ended(store):
    now = datetime(2026, 11, 30, 12, tzinfo=UTC)
    assert store.events.claim("EvOut1", "host:1:a", '{"event_id": "EvOut1"}', now=now)
    claim = store.events.get("EvOut1")
    assert (claim.state, claim.attempts, claim.owner) == (ClaimState.CLAIMED, 0, "host:1:a")
    assert claim.envelope == '{"event_id": "EvOut1"}'
    store.events.settle("EvOut1", ClaimState.FAILED, "Slack answered 500", attempt_failed=True)
    claim = store.events.get("EvOut1")
    assert (claim.state, claim.attempts, claim.error) == (ClaimState.FAILED, 1, "Slack answered 500")
    assert claim.envelope is not None  # kept while it may be tried again
    store.events.settle("EvOut1", ClaimState.ANSWERED)
    claim = store.events.get("EvOut1")
    assert (claim.state, claim.attempts, claim.envelope) == (ClaimState.ANSWERED, 1, None)
    assert store.events.unfinished() == []


def test_an_open_claim_is_taken_over_once(store):
    store.events.claim("EvLeft", "host:1:old", "{}")
    assert [c.event_id for c in store.events.unfinished()] == ["EvLeft"]
    assert store.events.take_over("EvLeft", "host:1:old", "host:2:new") is True
    assert store.events.take_over("EvLeft", "host:1:old", "host:3:other") is False


def test_an_unwritable_store_is_logged_at_error_once(store, caplog):
    caplog.set_level(logging.INFO)
    error = sqlite3.OperationalError("attempt to write a readonly database")
    error.sqlite_errorcode = sqlite3.SQLITE_READONLY
    for _ in range(3):
        store.health.write_failed(error)
    assert [r.levelname for r in caplog.records if "cannot be written" in r.getMessage()] == ["ERROR"]
    assert "read-only" in store.health.status().reason
