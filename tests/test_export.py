"""`csp-bot export`: every figure and status with its history, and the audit log, as CSV; values
as stored, text as typed, and nothing a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import json
import threading
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner

from bot.cli import main
from knowledge.services.export import (
    AUDIT_COLUMNS,
    FIGURE_COLUMNS,
    STATUS_COLUMNS,
    ExportError,
    export_csv,
    spreadsheet_safe,
)
from knowledge.services.figures import Figures
from knowledge.services.roles import Roles
from knowledge.services.statuses import Statuses
from knowledge.services.undo import undo
from knowledge.store.audit import add_audit
from knowledge.store.statuses import StatusOf

ADMIN = "UBOSS0001"
OFFICER = "UOFFICER1"
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
EXCEL_ATTACK = "=cmd|' /C calc'!A0"


def read(path) -> list[dict]:
    with path.open(newline="", encoding="utf-8-sig") as file:
        return list(csv.DictReader(file))


@pytest.fixture
def history(store):
    """An officer's figures with notes, one undone, a rate, and statuses after the seed's."""
    roles = Roles(store, frozenset({ADMIN}))
    roles.grant(ADMIN, OFFICER, "officer", NOW)
    figures = Figures(store, roles)
    figures.record(OFFICER, "knife-crime", "2019", "900", EXCEL_ATTACK, "command", "r1", NOW)
    later = NOW + timedelta(minutes=5)
    figures.record(OFFICER, "knife-crime", "2019", "1,000", "<!channel> revised", "command", "r2", later)
    figures.record(OFFICER, "knife-crime", "2020", "950", None, "form", "r3", later)
    undo(figures, OFFICER, later + timedelta(minutes=1), "r4")
    figures.record(ADMIN, "sdvc-conviction-rate", "2019", "71.5%", "-2 on last year", "command", "r5", later)
    same_second = later + timedelta(minutes=2)  # two changes alike but for their notes
    figures.record(OFFICER, "knife-crime", "2021", "100", "first", "command", "r6", same_second)
    figures.record(OFFICER, "knife-crime", "2021", "101", "second", "command", "r7", same_second)
    at = NOW.isoformat(timespec="seconds")
    with store.write_content() as db:
        db["action_statuses"].insert(
            {
                "action_key": "rrt-expansion",
                "status": "@SUM(1+1) delivered",
                "as_of": "2026-11-30",
                "recorded_at": at,
                "recorded_by": OFFICER,
                "source": "command",
            }
        )
        add_audit(
            db,
            at=at,
            actor=OFFICER,
            action="record",
            entity="status",
            entity_key="rrt-expansion",
            new={"status": "@SUM(1+1) delivered", "note": "+ see board paper"},
            source="command",
        )
    return store


def export(store, tmp_path, *options: str):
    return CliRunner().invoke(main, ["--db", str(store.path), "export", "--out", str(tmp_path), *options])


def test_every_figure_is_exported_with_its_history_notes_and_withdrawals(history, tmp_path):
    result = export(history, tmp_path)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{tmp_path / 'csp-figures.csv'}: 31 figures",
        f"{tmp_path / 'csp-statuses.csv'}: 4 statuses",
        f"{tmp_path / 'csp-audit.csv'}: 9 audit rows",
    ]
    rows = read(tmp_path / "csp-figures.csv")
    assert tuple(rows[0]) == FIGURE_COLUMNS
    assert len(rows) == history.db["figures"].count
    knife = [
        (r["period"], r["period_label"], r["value"], r["recorded_by"], r["source"], r["note"], r["withdrawn"])
        for r in rows
        if r["indicator_key"] == "knife-crime"
    ]
    assert knife == [
        ("2017", "Jan-Dec 2017", "889.0", "seed", knife[0][4], "", "no"),
        ("2018", "Jan-Dec 2018", "830.0", "seed", knife[0][4], "", "no"),
        ("2019", "Jan-Dec 2019", "900.0", OFFICER, "command", "'" + EXCEL_ATTACK, "no"),
        ("2019", "Jan-Dec 2019", "1000.0", OFFICER, "command", "<!channel> revised", "no"),
        ("2020", "Jan-Dec 2020", "950.0", OFFICER, "form", "", "no"),
        ("2020", "Jan-Dec 2020", "950.0", OFFICER, "undo", "", "yes"),
        ("2021", "Jan-Dec 2021", "100.0", OFFICER, "command", "first", "no"),
        ("2021", "Jan-Dec 2021", "101.0", OFFICER, "command", "second", "no"),
    ]
    names = {r["indicator_name"] for r in rows if r["indicator_key"] == "knife-crime"}
    assert names == {"Number of knife crimes"}
    [rate] = [r for r in rows if r["indicator_key"] == "sdvc-conviction-rate" and r["period"] == "2019"]
    assert (rate["value"], rate["note"], rate["recorded_at"]) == (
        "71.5",
        "'-2 on last year",
        "2026-11-30T12:05:00+00:00",
    )


def test_every_status_with_its_history_and_the_audit_log_are_exported(history, tmp_path):
    assert export(history, tmp_path).exit_code == 0
    statuses = read(tmp_path / "csp-statuses.csv")
    assert tuple(statuses[0]) == STATUS_COLUMNS
    rrt = [(s["status"], s["recorded_by"], s["note"]) for s in statuses if s["key"] == "rrt-expansion"]
    assert rrt[1:] == [("'@SUM(1+1) delivered", OFFICER, "'+ see board paper")]
    assert rrt[0][1] == "seed" and rrt[0][0].startswith("The service has been reconfigured")
    assert statuses[0]["kind"] == "action" and statuses[0]["withdrawn"] == "no"
    assert statuses[0]["name"].startswith("Expand the reach of our Rapid Response Service")

    audit = read(tmp_path / "csp-audit.csv")
    assert tuple(audit[0]) == AUDIT_COLUMNS
    assert [(a["actor"], a["action"], a["entity"], a["request_id"]) for a in audit] == [
        (ADMIN, "grant", "role", ""),
        (OFFICER, "record", "figure", "r1"),
        (OFFICER, "record", "figure", "r2"),
        (OFFICER, "record", "figure", "r3"),
        (OFFICER, "undo", "figure", "r4"),
        (ADMIN, "record", "figure", "r5"),
        (OFFICER, "record", "figure", "r6"),
        (OFFICER, "record", "figure", "r7"),
        (OFFICER, "record", "status", ""),
    ]
    assert json.loads(audit[2]["new"]) == {"value": 1000.0, "note": "<!channel> revised"}


def test_no_cell_in_any_file_starts_a_formula(history, tmp_path):
    assert export(history, tmp_path).exit_code == 0
    for name in ("csp-figures.csv", "csp-statuses.csv", "csp-audit.csv"):
        with (tmp_path / name).open(newline="", encoding="utf-8-sig") as file:
            for line in csv.reader(file):
                for cell in line:
                    assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), (name, cell)


@pytest.mark.parametrize(
    ("stored", "written"),
    [
        (EXCEL_ATTACK, "'" + EXCEL_ATTACK),
        ("+44 20 7364 5000", "'+44 20 7364 5000"),
        ("-1 on last year", "'-1 on last year"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("  =1+1", "'  =1+1"),
        ("\t=1+1", "'\t=1+1"),
        ("\r\n=1+1", "'\r\n=1+1"),
        ("<!channel> revised", "<!channel> revised"),
        ("a = b", "a = b"),
        ("", ""),
        (None, ""),
        (830.0, 830.0),
        (-3.5, -3.5),
        (7, 7),
    ],
)
def test_a_cell_is_written_as_stored_unless_a_spreadsheet_would_run_it(stored, written):
    assert spreadsheet_safe(stored) == written


def test_files_already_there_are_replaced_only_with_force(history, store, tmp_path):
    tmp_path = tmp_path / "out"  # the store lives in tmp_path itself
    assert export(history, tmp_path).exit_code == 0
    before = (tmp_path / "csp-figures.csv").read_bytes()
    Figures(store, Roles(store, frozenset({ADMIN}))).record(
        ADMIN, "knife-crime", "2022", "100", None, "command", None, NOW
    )
    refused = export(history, tmp_path)
    assert refused.exit_code != 0 and "already there" in refused.output and "--force" in refused.output
    assert (tmp_path / "csp-figures.csv").read_bytes() == before
    with pytest.raises(ExportError):
        export_csv(store, tmp_path)

    assert export(history, tmp_path, "--force").exit_code == 0
    assert ("2022", "100.0") in [(r["period"], r["value"]) for r in read(tmp_path / "csp-figures.csv")]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "csp-audit.csv",
        "csp-figures.csv",
        "csp-statuses.csv",
    ]


def test_the_current_folder_is_the_default_and_no_store_is_made_where_there_was_none(
    store, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    made = CliRunner().invoke(main, ["--db", str(store.path), "export"])
    assert made.exit_code == 0, made.output
    assert made.output.splitlines()[0] == "csp-figures.csv: 24 figures"
    assert (tmp_path / "csp-audit.csv").exists()

    missing = CliRunner().invoke(main, ["--db", str(tmp_path / "nowhere.db"), "export", "--out", "out"])
    assert missing.exit_code != 0 and "there is no store at" in missing.output
    assert not (tmp_path / "nowhere.db").exists() and not (tmp_path / "out").exists()


def test_an_export_is_of_one_moment_though_a_write_lands_while_it_reads(store, tmp_path, monkeypatch):
    """A figure and its audit row committed between the export's reads are in neither file."""
    import knowledge.services.export as export_module

    read_everything = export_module.read_everything

    def write_from_another_thread() -> None:
        figures = Figures(store, Roles(store, frozenset({ADMIN})))
        figures.record(ADMIN, "knife-crime", "2019", "900", "landed mid-export", "command", None, NOW)
        store.close()

    class WriteAfterTheFirstRead:
        """A connection whose second statement runs after another thread's write commits."""

        def __init__(self, connection) -> None:
            self.conn, self.connection, self.reads = self, connection, 0

        def execute(self, sql, params=()):
            self.reads += 1
            if self.reads == 2:
                thread = threading.Thread(target=write_from_another_thread)
                thread.start()
                thread.join(timeout=30)
            return self.connection.execute(sql, params)

    monkeypatch.setattr(
        export_module, "read_everything", lambda db: read_everything(WriteAfterTheFirstRead(db))
    )
    export_csv(store, tmp_path / "out")
    assert store.db["audit"].count == 1  # the write did land
    assert not [f for f in read(tmp_path / "out" / "csp-figures.csv") if f["recorded_by"] == ADMIN]
    assert read(tmp_path / "out" / "csp-audit.csv") == []


def test_deliverable_statuses_are_exported_with_their_withdrawals(history, tmp_path):
    """A Strategic Plan deliverable's statuses are history too: one recorded, one undone."""
    roles = Roles(history, frozenset({ADMIN}))
    statuses, figures = Statuses(history, roles), Figures(history, roles)
    later = NOW + timedelta(hours=1)
    statuses.record(
        OFFICER, StatusOf.DELIVERABLE, "sp-vawg-charter", "Published in March", "command", "d1", later
    )
    statuses.record(OFFICER, StatusOf.DELIVERABLE, "sp-support-victims", "On track", "command", "d2", later)
    undo(figures, OFFICER, later + timedelta(minutes=1), "d3")
    assert export(history, tmp_path).exit_code == 0
    rows = read(tmp_path / "csp-statuses.csv")
    delivered = [(r["key"], r["status"], r["withdrawn"]) for r in rows if r["kind"] == "deliverable"]
    assert delivered == [
        ("sp-support-victims", "On track", "no"),
        ("sp-support-victims", "On track", "yes"),
        ("sp-vawg-charter", "Published in March", "no"),
    ]  # by the plan's order, then as recorded
    [charter] = [r for r in rows if r["key"] == "sp-vawg-charter"]
    assert charter["name"].startswith("Publish a VAWG Charter") and charter["recorded_by"] == OFFICER
