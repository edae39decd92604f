"""The weekly jobs from the shell: `csp-bot digest`, `tasking`, `demo-taskings`, `access-log`
and `schedule`, as the issue's checks run them."""

from __future__ import annotations

import getpass
import os
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from bot.cli import main
from knowledge.services.figures import Figures
from knowledge.services.roles import Roles
from knowledge.store import Store

OFFICER = "UOFFICER1"


@pytest.fixture
def env(tmp_path, monkeypatch, fake):
    """A folder with no .env, Slack pointed at the fake, one digest channel."""
    monkeypatch.chdir(tmp_path)
    for name in [n for n in os.environ if n.startswith(("SLACK_", "CSP_"))]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("CSP_BOT_DB", str(tmp_path / "cli.db"))
    monkeypatch.setenv("SLACK_API_URL", fake.api_url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-cli-test")
    monkeypatch.setenv("CSP_DIGEST_CHANNELS", "CDIGEST01")
    return tmp_path


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_the_digest_preview_on_the_default_data_and_after_two_officer_updates(env):
    first = run("digest", "--preview")
    assert first.startswith("Community Safety Partnership weekly digest")
    assert "0 figures updated" in first
    assert "Worse than a year before (Jan-Dec 2018, each against 2017):" in first
    store = Store(env / "cli.db")
    roles = Roles(store, frozenset({OFFICER}))
    figures = Figures(store, roles)
    now = datetime.now(UTC)
    figures.record(OFFICER, "knife-crime", "2019", "900", None, "command", "r1", now)
    figures.record(OFFICER, "total-burglary", "2019", "3,100", None, "command", "r2", now)
    store.close()
    after = run("digest", "--preview")
    assert "2 figures updated" in after
    assert f"Knife crime, 2019: none → 900 (by {OFFICER})" in after
    assert f"Total burglary, 2019: none → 3,100 (by {OFFICER})" in after


def test_demo_taskings_then_the_tasking_preview_which_is_logged(env):
    assert "Loaded 5 example taskings" in run("demo-taskings")
    assert "already loaded" in run("demo-taskings")
    summary = run("tasking", "--preview")
    assert summary.startswith("PTF tasking summary")
    assert "EXAMPLE taskings" in summary and "3 arrests per week from the council's CCTV network" in summary
    assert "Reviews overdue:" in summary and "EXAMPLE-004" in summary
    log = run("access-log")
    assert "cli  tasking summary: shown (csp-bot tasking --preview)" in log


def test_digest_post_run_twice_posts_once(env, fake):
    assert "CDIGEST01, week " in run("digest", "--post")
    second = run("digest", "--post")
    assert "already posted" in second
    [post] = fake.posted("chat.postMessage")
    assert (
        post.params["channel"] == "CDIGEST01"
        and post.params["metadata"]["event_type"] == "csp_scheduled_post"
    )


def test_two_digest_post_processes_at_once_post_once(env, fake):
    fake.delays["chat.postMessage"] = 0.5
    run("digest", "--preview")  # the store exists before the race
    command = [sys.executable, "-m", "bot.cli", "digest", "--post"]
    processes = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)
    ]
    outputs = [p.communicate(timeout=60)[0] for p in processes]
    assert sorted(o.split(": ", 1)[1].split(" (")[0].strip() for o in outputs) == [
        "being posted by another process",
        "posted",
    ], outputs
    assert len(fake.posted("chat.postMessage")) == 1


def test_the_tasking_summary_goes_only_to_a_private_channel(env, fake, monkeypatch):
    monkeypatch.setenv("CSP_TASKING_CHANNELS", "CPUBLIC01")
    run("demo-taskings")
    result = CliRunner().invoke(main, ["tasking", "--post"])
    assert result.exit_code != 0 and "failed" in result.output
    assert fake.posted("chat.postMessage") == []
    assert "  CPUBLIC01  tasking summary: refused (not a private channel)" in run("access-log")
    fake.channels["CPUBLIC01"] = {"is_private": True}
    run("tasking", "--post")
    run("tasking", "--post")
    [post] = fake.posted("chat.postMessage")
    assert "PTF tasking summary" in post.params["text"]
    assert f"cli:{getpass.getuser()}  CPUBLIC01  tasking summary: posted" in run("access-log")


def test_schedule_says_what_runs_next(env):
    output = run("schedule")
    assert "Weekly digest → CDIGEST01" in output and "08:00" in output
    assert "Tasking summary → no channel set" in output
