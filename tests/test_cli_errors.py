"""What goes wrong when someone runs `csp-bot`, run as they run it (the installed command, in a
process of its own): one clear line on standard error, no traceback, a non-zero exit."""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest


def csp_bot() -> list[str]:
    installed = Path(sys.executable).parent / "csp-bot"
    if installed.exists():
        return [str(installed)]
    found = shutil.which("csp-bot")
    return [found] if found else [sys.executable, "-m", "bot.cli"]


def clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """No Slack or bot settings from the machine running the tests, and a home of its own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "CSP_", "PORT", "HOST"))}
    env.update(HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "home" / "data"), **extra)
    return env


def run(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*csp_bot(), *args],
        env=clean_env(tmp_path, **env),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )


def one_line_failure(result: subprocess.CompletedProcess) -> str:
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("csp-bot: ")
    return lines[0]


def closed_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_db_that_is_not_sqlite(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("minutes of the board\n")
    line = one_line_failure(run(tmp_path, "--db", str(notes), "ask", "knife crime"))
    assert f"{notes} is not an SQLite database" in line
    assert notes.read_text() == "minutes of the board\n"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs a folder where no file can be made")
def test_a_db_that_cannot_be_opened(tmp_path):
    line = one_line_failure(run(tmp_path, "--db", "/proc/x.db", "ask", "knife crime"))
    assert line.startswith("csp-bot: cannot open the store at /proc/x.db: ")


def test_a_db_under_a_regular_file(tmp_path):
    (tmp_path / "afile").write_text("")
    line = one_line_failure(run(tmp_path, "--db", "afile/x.db", "ask", "knife crime"))
    assert line == "csp-bot: cannot put the store at afile/x.db: afile is a file, not a folder"


def test_another_applications_database_is_refused_unless_init(tmp_path):
    other = tmp_path / "crm.db"
    with closing(sqlite3.connect(other)) as db:
        db.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        db.commit()
    line = one_line_failure(run(tmp_path, "--db", str(other), "ask", "knife crime"))
    assert "is another application's SQLite database (tables: customers)" in line
    assert "--init" in line
    with closing(sqlite3.connect(other)) as db:
        assert db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall() == [
            ("customers",)
        ]
    adopted = run(tmp_path, "--db", str(other), "--init", "ask", "knife crime")
    assert adopted.returncode == 0, adopted.stderr
    assert "830 knife crimes" in adopted.stdout
    assert run(tmp_path, "--db", str(other), "ask", "knife crime").returncode == 0  # now it is a store


def test_an_invalid_port(tmp_path):
    line = one_line_failure(run(tmp_path, "serve", "--http", "--port", "99999"))
    assert "'--port': 99999 is not in the range 1<=x<=65535" in line
    assert line.endswith("(see csp-bot serve --help)")


def test_slack_unreachable_at_start_up(tmp_path):
    api = f"http://127.0.0.1:{closed_port()}/api/"
    result = run(tmp_path, "check", SLACK_BOT_TOKEN="xoxb-unreachable-test", SLACK_API_URL=api)
    line = one_line_failure(result)
    assert line == f"csp-bot: cannot reach Slack at {api}: Connection refused"
    assert "xoxb-unreachable-test" not in result.stderr + result.stdout


def test_two_missing_settings_are_named_with_set_them(tmp_path):
    line = one_line_failure(run(tmp_path, "serve"))
    assert (
        "Socket Mode needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN: set them in the environment or in .env"
        in line
    )


def test_csp_bot_alone_prints_help_and_version_prints_the_version(tmp_path):
    alone = run(tmp_path)
    assert alone.returncode == 0 and alone.stderr == ""
    assert "Usage: csp-bot" in alone.stdout and "ask" in alone.stdout and "--version" in alone.stdout
    version = run(tmp_path, "--version")
    assert version.returncode == 0
    assert version.stdout.startswith("csp-bot ") and version.stdout.split()[1][0].isdigit()


def test_check_says_whom_slack_takes_the_bot_for(tmp_path, fake):
    result = run(tmp_path, "check", SLACK_BOT_TOKEN="xoxb-check-test", SLACK_API_URL=fake.api_url)
    assert result.returncode == 0, result.stderr
    assert f"Slack answers at {fake.api_url}: the bot is @" in result.stdout
    assert "xoxb-check-test" not in result.stdout
