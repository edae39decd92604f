"""Every answer delivered once, or retried: response_url posts retried on 429 and 5xx, an event
whose post failed tried again and its claim saying how it ended, and a claim left by a stopped
process finished or given up on at start-up.

Each test failed before: a 429 or 500 at the response_url lost the answer, a failed post was
never sent, and claims recorded no outcome."""

from __future__ import annotations

import json
import logging
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import pytest

from knowledge.answering import open_knowledge
from knowledge.store.claims import ClaimState
from tests.slack_harness import event_body, mention, settings_for, start_app

QUICK = {"csp_retry_seconds": 0.05}


@pytest.fixture
def knowledge(tmp_path, data_dir):
    return open_knowledge(tmp_path / "delivery.db", data_dir)


@pytest.fixture
def slack(fake, knowledge):
    running = start_app(settings_for(fake, **QUICK), knowledge)
    yield running
    running.stop()


def text_of(call) -> str:
    return json.dumps(call.params.get("blocks")) + call.params.get("text", "")


def wait_until(check, timeout: float = 20):
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def state_of(knowledge, event_id: str) -> ClaimState | None:
    claim = knowledge.store.events.get(event_id)
    return claim.state if claim else None


@pytest.mark.parametrize(
    ("trouble", "posts"),
    [
        (lambda fake: fake.rate_limit("response_url", times=1, retry_after=0), 1),
        (lambda fake: fake.server_error("response_url", times=2), 1),
        (lambda fake: fake.server_error("response_url", times=1, status=503), 1),
        (lambda fake: fake.hang_up("response_url", times=1), 2),  # the first came, its answer did not
    ],
    ids=["429", "500 twice", "503", "dropped"],
)
def test_a_command_answer_is_retried_until_slack_takes_it_and_sent_once(slack, fake, trouble, posts):
    trouble(fake)
    assert slack.command("knife crime", fake.response_url("retried")).status == 200
    answer = fake.wait_for("response_url", count=posts, timeout=15)[-1]
    assert "830" in text_of(answer)
    fake.settle()
    assert len(fake.posted("response_url")) == posts


def test_an_event_whose_post_keeps_failing_is_tried_again_and_its_claim_says_answered(slack, fake, knowledge):
    fake.server_error("chat.postMessage", times=5)  # the client's own retries take four of them
    slack.event(mention("<@UBOT0001> knife crime"), event_id="EvRETRY01")
    [answer] = fake.wait_for("chat.postMessage", timeout=20)
    assert "830" in text_of(answer)
    wait_until(lambda: state_of(knowledge, "EvRETRY01") is ClaimState.ANSWERED)
    claim = knowledge.store.events.get("EvRETRY01")
    assert (claim.state, claim.attempts, claim.envelope) == (ClaimState.ANSWERED, 1, None)
    fake.settle()
    assert len(fake.posted("chat.postMessage")) == 1


def test_an_event_is_given_up_on_after_its_attempts_and_that_is_logged(slack, fake, knowledge, caplog):
    fake.server_error("chat.postMessage", times=100)
    with caplog.at_level(logging.WARNING, logger="handlers.queued"):
        slack.event(mention("<@UBOT0001> knife crime"), event_id="EvGIVEUP1")
        wait_until(lambda: state_of(knowledge, "EvGIVEUP1") is ClaimState.GIVEN_UP)
    claim = knowledge.store.events.get("EvGIVEUP1")
    assert (claim.state, claim.attempts) == (ClaimState.GIVEN_UP, 3)
    assert "500" in claim.error
    lines = [r.getMessage() for r in caplog.records if "EvGIVEUP1" in r.getMessage()]
    assert len(lines) == 3 and "trying again" in lines[0] and "trying again" not in lines[-1]


def a_stopped_process() -> str:
    """The owner of a claim whose process has ended."""
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    return f"{socket.gethostname()}:{ended.stdout.strip()}:gone"


def test_claims_left_by_a_stopped_process_are_finished_or_given_up_at_start_up(fake, knowledge, caplog):
    events = knowledge.store.events
    now = datetime.now(UTC)
    fresh = event_body(mention("<@UBOT0001> knife crime"), "EvLEFT0001")
    stale = event_body(mention("<@UBOT0001> burglary"), "EvLEFT0002")
    owner = a_stopped_process()
    assert events.claim("EvLEFT0001", owner, json.dumps(fresh), now=now - timedelta(seconds=30))
    assert events.claim("EvLEFT0002", owner, json.dumps(stale), now=now - timedelta(hours=2))
    assert events.claim("EvMINE0001", "someone-else:1:alive", "{}", now=now)  # a live process's: left alone
    with caplog.at_level(logging.WARNING, logger="handlers.middleware"):
        running = start_app(settings_for(fake, **QUICK), knowledge)
    try:
        [answer] = fake.wait_for("chat.postMessage", timeout=15)
        assert answer.params["thread_ts"] == fresh["event"]["ts"] and "830" in text_of(answer)
        wait_until(lambda: state_of(knowledge, "EvLEFT0001") is ClaimState.ANSWERED)
        fake.settle()
        assert len(fake.posted("chat.postMessage")) == 1
        assert events.get("EvLEFT0001").state is ClaimState.ANSWERED
        assert events.get("EvLEFT0002").state is ClaimState.GIVEN_UP
        assert events.get("EvMINE0001").state is ClaimState.CLAIMED
        said = " | ".join(r.getMessage() for r in caplog.records)
        assert "EvLEFT0001 was left unanswered" in said and "answering it now" in said
        assert "EvLEFT0002 was left unanswered and is given up on" in said
        # Slack's retry of the finished event is still answered once
        running.event(mention("<@UBOT0001> knife crime"), event_id="EvLEFT0001")
        fake.settle()
        assert len(fake.posted("chat.postMessage")) == 1
    finally:
        running.stop()
