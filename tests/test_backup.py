"""`csp-bot backup PATH`: SQLite's online backup of the store while another thread writes; the
copy opens as a valid store; an existing file is replaced only with --force."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from bot.cli import main
from knowledge.services.figures import Figures
from knowledge.services.roles import Roles
from knowledge.store import Store
from knowledge.store.backup import BackupError, backup_store

OFFICER = "UBOSS0001"
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def officer_figures(store: Store) -> Figures:
    return Figures(store, Roles(store, frozenset({OFFICER})))


def record(figures: Figures, value: int) -> None:
    figures.record(OFFICER, "knife-crime", "2019", str(value), f"write {value}", "command", None, NOW)


def counts(path) -> tuple[int, int]:
    """Figures officers recorded, and audit rows of figures: one transaction makes one of each."""
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        recorded = connection.execute("SELECT count(*) FROM figures WHERE source = 'command'").fetchone()[0]
        audited = connection.execute("SELECT count(*) FROM audit WHERE entity = 'figure'").fetchone()[0]
        return recorded, audited
    finally:
        connection.close()


def cli(*args: str):
    return CliRunner().invoke(main, list(args))


def test_a_backup_taken_while_another_thread_writes_is_whole_and_opens_as_a_store(store, tmp_path, data_dir):
    started = writes = 0  # writes begun, and writes committed
    stop = threading.Event()

    def writer() -> None:
        nonlocal started, writes
        figures = officer_figures(store)
        while not stop.is_set():
            started += 1
            record(figures, 900 + writes)
            writes += 1
        store.close()  # this thread's connection

    thread = threading.Thread(target=writer)
    thread.start()
    seen = []
    try:
        for i in range(6):
            before = writes
            made = backup_store(store.path, tmp_path / f"copy-{i}.db")
            seen.append((before, counts(made.path)[0], started))
    finally:
        stop.set()
        thread.join(timeout=30)
    print("writes during the backups, and each backup's (committed before, held, begun after):", seen)
    assert writes > 0
    for i, (before, held, after) in enumerate(seen):
        recorded, audited = counts(tmp_path / f"copy-{i}.db")
        assert recorded == audited  # never a figure without its audit row, or the other way
        assert before <= held <= after
    assert [held for _, held, _ in seen] == sorted(held for _, held, _ in seen)
    assert any(before < after for before, _, after in seen), "no backup overlapped a write"

    last = backup_store(store.path, tmp_path / "last.db")
    assert counts(last.path) == (writes, writes)
    copy = Store(last.path, data_dir)
    try:
        assert copy.figures.current()["knife-crime"][-1].value == 900 + writes - 1
        assert len(copy.figure_history("knife-crime")) == len(store.figure_history("knife-crime"))
    finally:
        copy.close()


def test_the_command_prints_one_line_and_replaces_a_file_only_with_force(store, tmp_path):
    target = tmp_path / "backups" / "csp.db"
    target.parent.mkdir()
    made = cli("--db", str(store.path), "backup", str(target))
    assert made.exit_code == 0, made.output
    size = target.stat().st_size
    assert made.output == f"Backed up {store.path.resolve()} to {target.resolve()} ({size:,} bytes)\n"
    assert counts(target) == (0, 0)
    assert target.stat().st_mode & 0o777 == 0o600  # the figures are the partnership's: owner only

    record(officer_figures(store), 900)
    kept = target.read_bytes()
    refused = cli("--db", str(store.path), "backup", str(target))
    assert refused.exit_code != 0 and "already exists" in refused.output and "--force" in refused.output
    assert target.read_bytes() == kept

    replaced = cli("--db", str(store.path), "backup", str(target), "--force")
    assert replaced.exit_code == 0, replaced.output
    assert counts(target) == (1, 1)
    assert [p.name for p in target.parent.iterdir()] == ["csp.db"]  # no partial copy left behind


@pytest.mark.parametrize(
    ("target", "said"),
    [
        ("{store}", "is the store itself"),
        ("{store}-wal", "is the store itself"),
        ("{tmp}", "is a folder"),
        ("{tmp}/missing/copy.db", "there is no folder"),
    ],
)
def test_a_backup_that_would_harm_or_cannot_be_made_is_refused(store, tmp_path, target, said):
    path = target.format(store=store.path, tmp=tmp_path)
    result = cli("--db", str(store.path), "backup", path, "--force")
    assert result.exit_code != 0 and said in result.output
    assert store.db["figures"].count > 0  # the store is untouched


def test_no_store_is_made_where_there_was_none(tmp_path):
    result = cli("--db", str(tmp_path / "nowhere.db"), "backup", str(tmp_path / "copy.db"))
    assert result.exit_code != 0 and "there is no store at" in result.output
    assert not (tmp_path / "nowhere.db").exists() and not (tmp_path / "copy.db").exists()


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    (tmp_path / "notes.db").write_text("not a database " * 100)
    with pytest.raises(BackupError, match="could not copy"):
        backup_store(tmp_path / "notes.db", tmp_path / "copy.db")
    assert not (tmp_path / "copy.db").exists()


def test_the_store_named_in_dot_env_is_the_one_backed_up(store, tmp_path, monkeypatch):
    monkeypatch.delenv("CSP_BOT_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text(f"CSP_BOT_DB={store.path}\nSLACK_BOT_TOKEN=not-a-token\n")
    result = cli("backup", "copy.db")
    assert result.exit_code == 0, result.output
    assert str(store.path.resolve()) in result.output


def test_an_existing_file_is_refused_before_any_copying(store, tmp_path, monkeypatch):
    import knowledge.store.backup as backup

    def copy_anyway(source, partial):
        raise AssertionError("copied although the target exists")

    monkeypatch.setattr(backup, "_copy", copy_anyway)
    (tmp_path / "copy.db").write_text("an older backup")
    with pytest.raises(BackupError, match="already exists"):
        backup_store(store.path, tmp_path / "copy.db")


def test_a_file_that_appears_while_the_copy_is_made_is_not_replaced(store, tmp_path, monkeypatch):
    import knowledge.store.backup as backup

    copy = backup._copy

    def copy_while_someone_writes_the_target(source, partial):
        copy(source, partial)
        (tmp_path / "copy.db").write_text("someone else's file")

    monkeypatch.setattr(backup, "_copy", copy_while_someone_writes_the_target)
    with pytest.raises(BackupError, match="already exists"):
        backup_store(store.path, tmp_path / "copy.db")
    assert (tmp_path / "copy.db").read_text() == "someone else's file"
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")]
