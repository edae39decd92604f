"""Every request acknowledged in time, whatever Slack or the store is doing: the real app on
127.0.0.1, a fake Slack that can be slow, a store another writer holds or that cannot be written.

Each test failed before the listeners were queued and the event claim left the ack path."""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from handlers.replies import BUSY
from knowledge.answering import open_knowledge
from tests.slack_harness import mention, settings_for, start_app


@pytest.fixture
def knowledge(tmp_path, data_dir):
    return open_knowledge(tmp_path / "acks.db", data_dir)


def timed(call):
    started = time.monotonic()
    response = call()
    return response, time.monotonic() - started


def health(running) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(running.url + "/health", timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_a_slow_slack_does_not_delay_any_ack(fake, knowledge):
    """Before: each /csp held one of Bolt's five threads while Slack took its time, and the
    sixth command waited for one before it was acknowledged."""
    fake.slow_seconds = 1.0
    running = start_app(settings_for(fake, csp_workers=4, csp_waiting_room=20), knowledge)
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            commands = [
                pool.submit(timed, lambda n=n: running.command("knife crime", fake.response_url(f"c{n}")))
                for n in range(6)
            ]
            mentions = [
                pool.submit(timed, lambda: running.event(mention("<@UBOT0001> burglary"))) for _ in range(2)
            ]
            acks = [future.result() for future in commands + mentions]
        assert [response.status for response, _ in acks] == [200] * 8
        assert max(seconds for _, seconds in acks) < 1.0, [round(seconds, 2) for _, seconds in acks]
        fake.wait_for("response_url", count=6, timeout=30)
        fake.wait_for("chat.postMessage", count=2, timeout=30)
    finally:
        running.stop()


def test_when_every_worker_is_busy_people_are_told_to_try_again(fake, knowledge):
    fake.slow_seconds = 1.0
    running = start_app(settings_for(fake, csp_workers=1, csp_waiting_room=1), knowledge)
    try:
        with ThreadPoolExecutor(max_workers=5) as pool:
            acks = list(
                pool.map(
                    lambda n: timed(lambda: running.command("knife crime", fake.response_url(f"b{n}"))),
                    range(5),
                )
            )
        assert all(seconds < 1.0 for _, seconds in acks)
        busy = [
            response for response, _ in acks if response.body and BUSY in json.loads(response.body)["text"]
        ]
        assert len(busy) >= 3  # one worker and one waiting place: the rest are told at once
        assert all(json.loads(r.body)["response_type"] == "ephemeral" for r in busy)
        running.event(mention("<@UBOT0001> robbery", user="UBUSY0001"))
        [notice] = fake.wait_for("chat.postEphemeral", timeout=15)
        assert notice.params["user"] == "UBUSY0001" and BUSY in notice.params["text"]
        answered = fake.wait_for("response_url", count=5 - len(busy), timeout=30)
        fake.settle(1.0)
        assert len(fake.posted("response_url")) == len(answered)  # the refused are not answered later
    finally:
        running.stop()


def test_an_event_is_acknowledged_and_answered_while_another_writer_holds_the_store(fake, knowledge):
    """Before: the claim waited in the ack path for the lock (10 s), so Slack gave up."""
    running = start_app(settings_for(fake, csp_claim_wait=0.2), knowledge)
    holder = sqlite3.connect(knowledge.store.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        response, seconds = timed(lambda: running.event(mention("<@UBOT0001> knife crime")))
        assert (response.status, seconds < 1.0) == (200, True)
        [answer] = fake.wait_for("chat.postMessage", timeout=5)  # answered while the lock is held
        assert "830" in json.dumps(answer.params["blocks"])
        status, report = health(running)
        assert (status, report["status"], report["store"]["state"]) == (200, "degraded", "unwritable")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    running.event(mention("<@UBOT0001> burglary"))
    fake.wait_for("chat.postMessage", count=2)
    assert health(running)[1]["store"]["state"] == "ok"
    running.stop()


def make_unwritable(path) -> callable:
    """The store's file made unwritable for new connections (read-only; immutable as root, whom
    permissions do not stop); returns what undoes it."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        return lambda: path.chmod(0o644)
    if (
        not shutil.which("chattr")
        or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode
    ):
        pytest.skip("cannot make a file immutable here")
    return lambda: subprocess.run(["chattr", "-i", str(path)], check=True)


def test_an_unwritable_store_still_answers_says_so_once_and_in_the_health_check(
    fake, tmp_path, data_dir, caplog
):
    """Before: every mention got a 500 and no answer; slash commands, which claim nothing, worked."""
    path = tmp_path / "readonly.db"
    # Made by another process, as an admin would: SQLite shares a process's open files, and a
    # writable one left from making the store here would let some writes through.
    subprocess.run(
        [sys.executable, "-m", "bot.cli", "--db", str(path), "ask", "hello"], check=True, capture_output=True
    )
    undo = make_unwritable(path)
    try:
        knowledge = open_knowledge(path, data_dir)
        running = start_app(settings_for(fake), knowledge)
        with caplog.at_level(logging.INFO):
            for question in ("knife crime", "burglary", "robbery"):
                assert running.event(mention(f"<@UBOT0001> {question}")).status == 200
            fake.wait_for("chat.postMessage", count=3)
        status, report = health(running)
        running.stop()
    finally:
        undo()
    assert (status, report["store"]["state"]) == (200, "unwritable")
    assert "read-only" in report["store"]["reason"]
    said = [r for r in caplog.records if "cannot be written" in r.getMessage()]
    assert len(said) == 1 and said[0].levelname == "ERROR"


@pytest.mark.parametrize("workers", [2])
def test_the_queue_never_runs_more_than_its_workers(workers):
    from handlers.work_queue import WorkQueue

    queue = WorkQueue(workers, 3, "test")
    running, most, lock, release = [0], [0], threading.Lock(), threading.Event()

    def job():
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        release.wait(5)
        with lock:
            running[0] -= 1

    accepted = [queue.submit(job) for _ in range(8)]
    assert accepted == [True] * 5 + [False] * 3
    assert queue.stats().turned_away == 3
    release.set()
    queue.shutdown(wait=True)
    assert most[0] == workers
