"""The store: migrations, seed sync, history, whole-or-nothing writes, event claims."""

import multiprocessing
import shutil
import sqlite3
import threading

import pytest
from sqlite_utils import Database

from knowledge.domain.periods import Period
from knowledge.store import Store
from knowledge.store.db import StoreBusy
from knowledge.store.migrations import migrations
from knowledge.store.schema import STEPS, schema_is_current
from knowledge.store.statuses import StatusOf, add_status, latest_status, status_history, status_row


def test_a_new_store_is_migrated_and_seeded(store):
    applied = [m.name for m in migrations.applied(store.db)]
    assert applied == [
        "m001_catalogue",
        "m002_seen_events",
        "m003_audit",
        "m004_roles",
        "m005_figure_withdrawals",
        "m006_learning",
        "m007_import_batches",
        "m008_digest_runs",
        "m009_taskings",
        "m010_access_log",
        "m011_deliverable_statuses",
        "m012_event_outcomes",
    ]
    catalogue = store.catalogue()
    assert len(catalogue.indicators) == 13
    assert [f.value for f in catalogue.figures["knife-crime"]] == [889, 830]
    assert catalogue.statuses["vawg-charter"].status == "VAWG Charter published November 2018"


AUDIT_COLUMNS = [
    "id",
    "at",
    "actor",
    "action",
    "entity",
    "entity_key",
    "period",
    "old",
    "new",
    "source",
    "request_id",
]


def test_a_new_store_has_an_empty_audit_table(store):
    assert [column.name for column in store.db["audit"].columns] == AUDIT_COLUMNS
    assert store.db["audit"].count == 0


def test_a_store_made_before_the_audit_table_gains_it_when_reopened(tmp_path, data_dir):
    path = tmp_path / "old.db"
    Store(path, data_dir).close()
    older = Database(path)
    older["audit"].drop()
    older.execute("DELETE FROM _sqlite_migrations WHERE name = 'm003_audit'")
    older.conn.commit()
    older.close()
    store = Store(path, data_dir)
    assert [column.name for column in store.db["audit"].columns] == AUDIT_COLUMNS
    assert len(store.catalogue().indicators) == 13
    store.close()


def test_an_audit_row_needs_who_did_what_and_when(store):
    with pytest.raises(sqlite3.IntegrityError), store.write_bookkeeping() as db:
        db["audit"].insert({"at": "2019-06-01T00:00:00+00:00", "action": "record", "entity": "figure"})


def test_reopening_adds_nothing(store, data_dir):
    rows = store.db["figures"].count
    revision = store.revision()
    again = Store(store.path, data_dir)
    assert again.db["figures"].count == rows
    assert again.revision() == revision
    again.close()


def test_a_new_figure_is_a_new_row_and_the_old_one_stays(store):
    store.record_figure("knife-crime", Period.year(2018), 831, "U123", "officer correction")
    history = store.figure_history("knife-crime")
    assert [(h["period"], h["value"], h["recorded_by"]) for h in history] == [
        ("2017", 889, "seed"),
        ("2018", 830, "seed"),
        ("2018", 831, "U123"),
    ]
    assert [f.value for f in store.catalogue().figures["knife-crime"]] == [889, 831]


def test_a_changed_seed_file_is_picked_up_without_losing_an_officers_figure(store, data_dir, tmp_path):
    store.record_figure("knife-crime", Period.year(2018), 831, "U123", "officer correction")
    copied = tmp_path / "data2"
    import shutil

    shutil.copytree(data_dir, copied)
    path = copied / "indicators.yaml"
    path.write_text(path.read_text().replace("short_name: Knife crime", "short_name: Knife crimes"))
    reopened = Store(store.path, copied)
    catalogue = reopened.catalogue()
    assert next(i for i in catalogue.indicators if i.key == "knife-crime").short_name == "Knife crimes"
    assert [f.value for f in catalogue.figures["knife-crime"]] == [889, 831]
    assert len(reopened.figure_history("knife-crime")) == 3
    reopened.close()


def _changed_seed(data_dir, tmp_path, file_name, old, new):
    """A copy of the seed files with one edit, so a store opened on it sees a new digest."""
    copied = tmp_path / "changed-data"
    shutil.copytree(data_dir, copied)
    path = copied / file_name
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return copied


KNIFE_CRIME_2018 = "{period: Jan-Dec 2018, value: 830}"
VAWG_STATUS = "status: VAWG Charter published November 2018"


def test_a_changed_seed_figure_does_not_supersede_an_officers_figure(store, data_dir, tmp_path):
    store.record_figure("knife-crime", Period.year(2018), 831, "U123", "officer correction")
    changed = _changed_seed(
        data_dir, tmp_path, "indicators.yaml", KNIFE_CRIME_2018, "{period: Jan-Dec 2018, value: 835}"
    )
    store.close()
    reopened = Store(store.path, changed)
    current = reopened.catalogue().figures["knife-crime"]
    assert [(f.value, f.recorded_by) for f in current] == [(889, "seed"), (831, "U123")]
    reopened.close()


def test_a_changed_seed_figure_does_not_supersede_an_imported_figure(store, data_dir, tmp_path):
    store.record_figure("knife-crime", Period.year(2018), 832, "import:police-xlsx", "police return")
    changed = _changed_seed(
        data_dir, tmp_path, "indicators.yaml", KNIFE_CRIME_2018, "{period: Jan-Dec 2018, value: 835}"
    )
    reopened = Store(store.path, changed)
    assert [f.value for f in reopened.catalogue().figures["knife-crime"]] == [889, 832]
    reopened.close()


def test_a_changed_seed_figure_is_taken_where_only_the_seed_had_spoken(store, data_dir, tmp_path):
    revision = store.revision()
    changed = _changed_seed(
        data_dir, tmp_path, "indicators.yaml", KNIFE_CRIME_2018, "{period: Jan-Dec 2018, value: 835}"
    )
    reopened = Store(store.path, changed)
    assert [f.value for f in reopened.catalogue().figures["knife-crime"]] == [889, 835]
    assert [h["value"] for h in reopened.figure_history("knife-crime")] == [889, 830, 835]
    assert reopened.revision() == revision + 1
    reopened.close()


def test_a_changed_seed_status_does_not_supersede_an_officers_status(store, data_dir, tmp_path):
    store.record_status("vawg-charter", "Charter revised", "June 2019", "U123", "officer update")
    changed = _changed_seed(
        data_dir, tmp_path, "plans.yaml", VAWG_STATUS, "status: VAWG Charter published Nov 2018"
    )
    reopened = Store(store.path, changed)
    status = reopened.catalogue().statuses["vawg-charter"]
    assert (status.status, status.recorded_by) == ("Charter revised", "U123")
    reopened.close()


def test_a_changed_seed_status_is_taken_where_only_the_seed_had_spoken(store, data_dir, tmp_path):
    changed = _changed_seed(
        data_dir, tmp_path, "plans.yaml", VAWG_STATUS, "status: VAWG Charter published Nov 2018"
    )
    reopened = Store(store.path, changed)
    assert reopened.catalogue().statuses["vawg-charter"].status == "VAWG Charter published Nov 2018"
    reopened.close()


def test_a_write_that_fails_half_way_leaves_nothing(store):
    before = store.db["figures"].count
    revision = store.revision()
    with pytest.raises(sqlite3.IntegrityError), store.write() as db:
        db["figures"].insert(
            {"indicator_key": "knife-crime", "period": "2019", "value": 1, "recorded_at": "x"}
        )
        db["figures"].insert(
            {"indicator_key": "no-such-indicator", "period": "2019", "value": 1, "recorded_at": "x"}
        )
    assert store.db["figures"].count == before
    assert store.revision() == revision


def test_a_recorded_figure_moves_the_revision_on(store):
    revision = store.revision()
    store.record_figure("knife-crime", Period.year(2019), 800, "U1", "test")
    assert store.revision() == revision + 1


def test_a_recorded_status_moves_the_revision_on(store):
    revision = store.revision()
    store.record_status("vawg-charter", "Charter revised", "June 2019", "U1", "test")
    assert store.revision() == revision + 1
    assert store.catalogue().statuses["vawg-charter"].status == "Charter revised"


def test_a_deliverable_gets_a_status_history_of_its_own(store):
    assert store.catalogue().deliverable_statuses == {}
    row = status_row("sp-vawg-charter", "Charter refreshed", "2019-06-01", "2019-06-01T09:00:00+00:00", "U1",
                     "command", StatusOf.DELIVERABLE)  # fmt: skip
    revision = store.revision()
    with store.write_content() as db:
        add_status(db, row, StatusOf.DELIVERABLE)
    assert store.revision() == revision + 1
    catalogue = store.catalogue()
    assert catalogue.deliverable_statuses["sp-vawg-charter"].status == "Charter refreshed"
    assert catalogue.statuses["vawg-charter"].status == "VAWG Charter published November 2018"
    assert [r["status"] for r in status_history(store.db, "sp-vawg-charter", StatusOf.DELIVERABLE)] == [
        "Charter refreshed"
    ]


def test_a_status_for_no_such_deliverable_is_refused(store):
    row = status_row("no-such-thing", "Done", "2019", "2019-06-01", "U1", "command", StatusOf.DELIVERABLE)
    with pytest.raises(sqlite3.IntegrityError), store.write_content() as db:
        add_status(db, row, StatusOf.DELIVERABLE)


def test_a_withdrawn_status_leaves_none_current_and_stays_in_the_history(store):
    for withdrawn in (False, True):
        row = status_row("sp-vawg-charter", "Charter refreshed", "2019", "2019-06-01", "U1", "command",
                         StatusOf.DELIVERABLE, withdrawn=withdrawn)  # fmt: skip
        with store.write_content() as db:
            add_status(db, row, StatusOf.DELIVERABLE)
    assert "sp-vawg-charter" not in store.catalogue().deliverable_statuses
    assert latest_status(store.db, StatusOf.DELIVERABLE, "sp-vawg-charter") is None
    assert len(status_history(store.db, "sp-vawg-charter", StatusOf.DELIVERABLE)) == 2


def test_a_store_made_before_deliverable_statuses_gains_them_and_keeps_its_statuses(tmp_path, data_dir):
    path = tmp_path / "old.db"
    Store(path, data_dir).close()
    older = Database(path)
    older["deliverable_statuses"].drop()
    older.execute("ALTER TABLE action_statuses DROP COLUMN withdrawn")
    older.execute("DELETE FROM _sqlite_migrations WHERE name = 'm011_deliverable_statuses'")
    older.conn.commit()
    older.close()
    store = Store(path, data_dir)
    assert store.catalogue().statuses["vawg-charter"].status == "VAWG Charter published November 2018"
    assert store.catalogue().deliverable_statuses == {}
    assert "withdrawn" in store.db["action_statuses"].columns_dict
    store.close()


def test_a_write_that_cannot_get_the_lock_in_time_says_busy_and_writes_nothing(
    tmp_path, data_dir, monkeypatch
):
    monkeypatch.setattr("knowledge.store.db.BUSY_TIMEOUT_SECONDS", 0.2)
    store = Store(tmp_path / "busy.db", data_dir)
    revision = store.revision()
    holder = sqlite3.connect(store.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreBusy, match=r"busy with another change.*try again"):
            store.record_figure("knife-crime", Period.year(2019), 900, "U1", "test")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert store.revision() == revision
    assert [r["value"] for r in store.figure_history("knife-crime")] == [889, 830]
    store.record_figure("knife-crime", Period.year(2019), 900, "U1", "test")  # and later it can
    assert store.figure_history("knife-crime")[-1]["value"] == 900
    store.close()


def test_a_content_write_that_changes_nothing_leaves_the_revision_alone(store):
    revision = store.revision()
    with store.write_content() as db:
        db.execute("SELECT COUNT(*) FROM figures").fetchone()
    assert store.revision() == revision


def test_claiming_events_leaves_the_revision_alone(store):
    """A claim is bookkeeping: were it content, every Slack event would make the next
    question rebuild the whole answer index."""
    revision = store.revision()
    for number in range(100):
        assert store.claim_event(f"Ev{number}") is True
    assert store.revision() == revision


def test_a_write_that_is_not_content_still_happens_whole_or_not_at_all(store):
    with pytest.raises(sqlite3.IntegrityError), store.write_bookkeeping() as db:
        db["seen_events"].insert({"event_id": "EvA", "seen_at": "x"})
        db["seen_events"].insert({"event_id": "EvA", "seen_at": "x"})
    assert store.db["seen_events"].count == 0


def test_an_event_is_claimed_once(store):
    assert store.claim_event("Ev1") is True
    assert store.claim_event("Ev1") is False
    assert store.claim_event("Ev2") is True


def test_event_ids_older_than_a_day_are_forgotten(store):
    store.db["seen_events"].insert({"event_id": "EvOld", "seen_at": "2020-01-01T00:00:00+00:00"})
    assert store.claim_event("EvNew") is True
    assert [row["event_id"] for row in store.db["seen_events"].rows] == ["EvNew"]


def test_threads_racing_for_one_event_get_one_claim(store):
    results = []

    def claim():
        results.append(store.claim_event("EvRace"))

    threads = [threading.Thread(target=claim) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 7 + [True]


def _claim_in_process(path, data_dir, queue):
    queue.put(Store(path, data_dir).claim_event("EvProcess"))


def test_two_processes_sharing_a_file_claim_an_event_once(store, data_dir):
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    workers = [
        context.Process(target=_claim_in_process, args=(store.path, data_dir, queue)) for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=30)
    assert sorted([queue.get(timeout=5), queue.get(timeout=5)]) == [False, True]


def test_the_plain_sql_list_of_schema_steps_is_the_migrations_list():
    """The store skips sqlite-utils when no step is pending: a step added to one list and
    not the other would leave a file unmigrated, or migrate it on every start."""
    assert list(STEPS) == [m.name for m in migrations.pending(Database(memory=True))]


def test_a_new_file_is_not_current_and_an_opened_store_is(tmp_path, data_dir):
    assert not schema_is_current(sqlite3.connect(tmp_path / "new.db"))
    Store(tmp_path / "csp.db", data_dir).close()
    assert schema_is_current(sqlite3.connect(tmp_path / "csp.db"))


def test_a_withdrawn_indicator_is_neither_in_the_catalogue_nor_found_by_key(store):
    """An undone import withdraws the indicators it made; their figures' history stays."""
    from knowledge.store.catalogue import read_indicator
    from knowledge.store.imports import withdraw_indicator

    with store.write_content() as db:
        withdraw_indicator(db, "knife-crime")
    assert "knife-crime" not in store.catalogue().indicator
    assert read_indicator(store.db, "knife-crime") is None
    assert len(store.figure_history("knife-crime")) == 2


def test_a_store_from_before_imports_is_upgraded_keeping_its_figures(tmp_path, data_dir):
    """m007 on a file that has figures: each keeps its value and has no batch; every
    indicator is held (not withdrawn)."""
    from knowledge.datafiles import load_seed
    from knowledge.store.seed_sync import write_seed

    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before="m007_import_batches")
    write_seed(db, load_seed(data_dir), "2026-01-01T00:00:00+00:00")
    held = db.execute("SELECT COUNT(*) FROM figures").fetchone()[0]
    db.conn.commit()
    db.conn.close()
    store = Store(path, data_dir)
    try:
        assert "m007_import_batches" in [m.name for m in migrations.applied(store.db)]
        rows = store.db.execute("SELECT COUNT(*), COUNT(batch_id) FROM figures").fetchone()
        assert rows == (held, 0) and held > 0
        assert store.db.execute("SELECT SUM(withdrawn) FROM indicators").fetchone()[0] == 0
        assert [f.value for f in store.catalogue().figures["knife-crime"]] == [889, 830]
    finally:
        store.close()
