"""`csp-bot serve` as an admin runs it: a real process, real uvicorn, a fake Slack API."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from contextlib import closing

import pytest

from tests.fake_slack import FakeSlack
from tests.slack_harness import SIGNING_SECRET, RunningApp, mention


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"csp-bot serve exited: {process.stderr.read()}")
        with closing(socket.socket()) as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError("csp-bot serve did not start listening")


def serve_env(fake: FakeSlack, tmp_path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env.update(
        SLACK_API_URL=fake.api_url,
        SLACK_BOT_TOKEN="xoxb-serve-test",
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        CSP_BOT_DB=str(tmp_path / "serve.db"),
        HOST="127.0.0.1",
    )
    env.update(extra)
    return env


def test_serve_http_answers_a_signed_mention_and_refuses_a_forged_one(fake, tmp_path):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "serve", "--http", "--port", str(port)],
        env=serve_env(fake, tmp_path),
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for_port(port, process)
        running = RunningApp(f"http://127.0.0.1:{port}", None, None)
        assert running.event(mention("<@UBOT0001> knife crime this year")).status == 200
        [call] = fake.wait_for("chat.postMessage")
        sent = json.dumps(call.params["blocks"])
        assert "830" in sent and "889" in sent
        assert call.params["thread_ts"]
        assert running.event(mention("<@UBOT0001> burglary"), secret="forged").status == 401
        fake.settle()
        assert len(fake.posted("chat.postMessage")) == 1
    finally:
        process.terminate()
        _, errors = process.communicate(timeout=10)
    assert "xoxb-serve-test" not in errors and SIGNING_SECRET not in errors


@pytest.mark.parametrize(
    ("args", "env", "named"),
    [
        (["--http"], {"SLACK_SIGNING_SECRET": ""}, "SLACK_SIGNING_SECRET"),
        ([], {"SLACK_APP_TOKEN": ""}, "SLACK_APP_TOKEN"),
        (["--http"], {"SLACK_BOT_TOKEN": "not-a-token"}, "SLACK_BOT_TOKEN"),
        (["--http"], {"SLACK_API_URL": "slack.com"}, "SLACK_API_URL"),
        (["--http"], {"CSP_ALLOWED_TEAM_IDS": "T123,nonsense"}, "CSP_ALLOWED_TEAM_IDS"),
    ],
)
def test_a_missing_or_malformed_setting_stops_start_up_naming_it(fake, tmp_path, args, env, named):
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "serve", *args],
        env=serve_env(fake, tmp_path, **env),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode != 0
    assert named in result.stderr
    assert "Traceback" not in result.stderr
    assert "xoxb-serve-test" not in result.stderr
