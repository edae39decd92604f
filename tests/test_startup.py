"""Slack unreachable at start-up: `csp-bot serve` says so in one line and tries again with
growing waits until Slack answers, instead of stopping; a token Slack refuses stops it in one
line. (`csp-bot check`, the one-shot question to Slack, is tested in test_cli_errors.)

Before: `serve` exited the moment auth.test could not be made."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from types import SimpleNamespace

from tests.fake_slack import FakeSlack
from tests.slack_harness import RunningApp, mention
from tests.test_serve import free_port, serve_env, wait_for_port

WAITING = "cannot reach Slack at"


def test_serve_waits_for_an_unreachable_slack_then_serves(tmp_path):
    slack_port, port = free_port(), free_port()
    absent = FakeSlack(port=slack_port)  # not started yet: nothing listens there
    where = SimpleNamespace(api_url=f"http://127.0.0.1:{slack_port}/api/")
    env = serve_env(where, tmp_path, CSP_RETRY_SECONDS="0.05")
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "serve", "--http", "--port", str(port)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    errors: list[str] = []
    reader = threading.Thread(target=lambda: errors.extend(process.stderr), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 60
        while len([line for line in errors if WAITING in line]) < 2:  # it has tried twice, and waits
            assert process.poll() is None and time.monotonic() < deadline, "".join(errors)
            time.sleep(0.05)
        absent.start()  # Slack comes back
        wait_for_port(port, process, timeout=30)
        running = RunningApp(f"http://127.0.0.1:{port}", None, None)
        assert running.event(mention("<@UBOT0001> knife crime")).status == 200
        absent.wait_for("chat.postMessage", timeout=15)
    finally:
        process.terminate()
        process.wait(timeout=10)
        reader.join(timeout=10)
        absent.stop()
    waits = [line for line in errors if WAITING in line]
    assert "trying again in" in waits[0]
    assert "Traceback" not in "".join(errors)


def test_serve_stops_in_one_line_when_slack_refuses_the_token(fake, tmp_path):
    fake.fail("auth.test", "invalid_auth", times=10)
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "serve", "--http", "--port", str(free_port())],
        env=serve_env(fake, tmp_path, CSP_RETRY_SECONDS="0.05"),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0 and "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.endswith("refused the bot: invalid_auth") and "xoxb-serve-test" not in line
