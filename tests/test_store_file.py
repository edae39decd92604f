"""The store's file on a bad day: deleted while the bot serves (it says so to the asker, in the
log and in /health, and answers nothing from an empty file), damaged (start-up refuses in one
line, `csp-bot doctor` says what is wrong, `csp-bot restore BACKUP` brings back a backup after
checking it and keeps the current file aside).

Each test failed before: a deleted store made new threads fail with "no such table" and no
reply; a damaged one was served, then refused to start with a traceback; there was no doctor
or restore."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
from click.testing import CliRunner

from bot.cli import main
from handlers.replies import STORE_UNAVAILABLE
from knowledge.answering import open_knowledge
from knowledge.store import Store
from knowledge.store.schema import STEPS
from tests.slack_harness import mention, settings_for, start_app
from tests.test_serve import free_port, serve_env


def cli(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env={"SLACK_BOT_TOKEN": None, **(env or {})})


def test_a_store_deleted_while_serving_is_said_to_the_asker_in_the_log_and_in_health(
    fake, tmp_path, data_dir, caplog
):
    knowledge = open_knowledge(tmp_path / "served.db", data_dir)
    running = start_app(settings_for(fake), knowledge)
    try:
        running.event(mention("<@UBOT0001> knife crime"))
        fake.wait_for("chat.postMessage")
        for end in ("", "-wal", "-shm"):
            os.unlink(f"{knowledge.store.path}{end}")
        with caplog.at_level(logging.INFO):
            running.event(mention("<@UBOT0001> burglary", user="UASKER001"))
            [told] = fake.wait_for("chat.postEphemeral")
            running.command("robbery", fake.response_url("gone"))
            [responded] = fake.wait_for("response_url")
        assert told.params["user"] == "UASKER001" and STORE_UNAVAILABLE in told.params["text"]
        assert STORE_UNAVAILABLE in responded.params["text"]
        assert len(fake.posted("chat.postMessage")) == 1  # nothing answered from an empty store
        with pytest.raises(urllib.error.HTTPError) as failing:
            urllib.request.urlopen(running.url + "/health", timeout=5)
        report = json.loads(failing.value.read())
        assert (failing.value.code, report["status"], report["store"]["state"]) == (503, "failing", "lost")
        gone = [r for r in caplog.records if "THE STORE IS GONE" in r.getMessage()]
        assert len(gone) == 1 and gone[0].levelname == "ERROR" and "csp-bot restore" in gone[0].getMessage()
        assert not knowledge.store.path.exists()
    finally:
        running.stop()


def corrupt(path, where: int = 4096 * 5) -> None:
    with open(path, "r+b") as file:
        file.seek(where)
        file.write(b"\xa5" * 4096 * 3)


def run(*args: str) -> None:
    """A csp-bot command in a process of its own, which closes the store when it ends."""
    subprocess.run([sys.executable, "-m", "bot.cli", *args], check=True, capture_output=True, timeout=60)


@pytest.fixture
def damaged(tmp_path):
    """A store made and backed up, then damaged: (store, backup)."""
    store, backup = tmp_path / "csp.db", tmp_path / "backup.db"
    run("--db", str(store), "ask", "knife crime")
    run("--db", str(store), "backup", str(backup))
    corrupt(store)
    return store, backup


def test_a_damaged_store_stops_start_up_in_one_line_naming_doctor_and_restore(fake, damaged, tmp_path):
    store, _ = damaged
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "serve", "--http", "--port", str(free_port())],
        env=serve_env(fake, tmp_path, CSP_BOT_DB=str(store)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert "csp-bot doctor" in line and "csp-bot restore" in line
    asked = cli("--db", str(store), "ask", "knife crime")
    assert asked.exit_code == 1 and "csp-bot doctor" in asked.output and len(asked.output.splitlines()) == 1


def test_doctor_reports_a_healthy_store(tmp_path):
    store = tmp_path / "csp.db"
    cli("--db", str(store), "ask", "knife crime")
    result = cli("--db", str(store), "doctor")
    assert result.exit_code == 0, result.output
    for expected in (
        str(store),
        "Size:",
        f"Schema:       {len(STEPS)} of {len(STEPS)} steps applied",
        "Integrity:    ok",
        "Revision:     1",
        "Last write:",
        "Writable:     yes",
        "All is well.",
    ):
        assert expected in result.output, expected
    report = json.loads(cli("--db", str(store), "doctor", "--json").output)
    assert report["integrity"] == "ok" and report["writable"] is True and report["problems"] == []


def test_doctor_reports_a_damaged_or_missing_store_and_exits_1(damaged, tmp_path):
    store, _ = damaged
    result = cli("--db", str(store), "doctor")
    assert result.exit_code == 1
    assert "Problems:" in result.output and "integrity check failed" in result.output
    missing = cli("--db", str(tmp_path / "nothing.db"), "doctor")
    assert missing.exit_code == 1 and "there is no store" in missing.output
    assert not (tmp_path / "nothing.db").exists()


@pytest.mark.parametrize("where", [4096 * 5, 0], ids=["pages", "header"])
def test_restore_brings_back_a_checked_backup_and_keeps_the_damaged_store_aside(damaged, tmp_path, where):
    store, backup = damaged
    corrupt(store, where)
    result = cli("--db", str(store), "restore", str(backup))
    assert result.exit_code == 0, result.output
    assert "Restored" in result.output and "restart" in result.output
    [aside] = [p for p in tmp_path.iterdir() if ".before-restore-" in p.name]
    assert aside.read_bytes()[where : where + 4] == b"\xa5" * 4  # the damaged file, as it was
    assert cli("--db", str(store), "doctor").exit_code == 0
    asked = cli("--db", str(store), "ask", "knife crime")
    assert asked.exit_code == 0 and "830" in asked.output


def test_restore_into_a_store_in_use_is_seen_at_once(tmp_path, data_dir):
    path, backup = tmp_path / "live.db", tmp_path / "before.db"
    knowledge = open_knowledge(path, data_dir)
    cli("--db", str(path), "backup", str(backup))
    from knowledge.domain.periods import parse_period

    knowledge.store.record_figure("knife-crime", parse_period("2019"), 999, "UOFFICER1", "command")
    assert "999" in str([f.value for f in knowledge.store.catalogue().figures["knife-crime"]])
    revision = knowledge.store.revision()
    result = cli("--db", str(path), "restore", str(backup))
    assert result.exit_code == 0, result.output
    assert "restart" not in result.output
    assert knowledge.store.revision() > revision  # the running store rebuilds its index
    assert [f.value for f in knowledge.store.catalogue().figures["knife-crime"]] == [889, 830]
    [aside] = [p for p in tmp_path.iterdir() if ".before-restore-" in p.name]
    kept = sqlite3.connect(aside).execute("SELECT count(*) FROM figures WHERE value = 999").fetchone()[0]
    assert kept == 1


@pytest.mark.parametrize("kind", ["not a database", "damaged", "not a store", "missing"])
def test_restore_refuses_a_bad_backup_and_touches_nothing(tmp_path, data_dir, kind):
    path = tmp_path / "csp.db"
    Store(path, data_dir).close()
    before = path.read_bytes()
    bad = tmp_path / "bad.db"
    if kind == "not a database":
        bad.write_bytes(b"hello" * 1000)
    elif kind == "damaged":
        cli("--db", str(path), "backup", str(bad))
        corrupt(bad)
    elif kind == "not a store":
        sqlite3.connect(bad).execute("CREATE TABLE x (a)").connection.commit()
    result = cli("--db", str(path), "restore", str(bad))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if ".before-restore-" in p.name]
