"""Bad requests and the log, against the real server on 127.0.0.1: the signature is checked first
on the raw bytes, anything malformed gets 400 or 401 and one log line with no traceback, a body
over the limit is refused before it is read, and no body, token, secret or response_url reaches
the log at INFO.

Each test failed before: malformed bodies and odd timestamps got 500 and a 25-line traceback,
Bolt logged a rejected request's whole body, and a signed 10 MB mention was answered."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import http.client
import json
import logging
import time
from urllib.parse import urlencode, urlparse

import pytest

from bot.guard import Refused
from bot.server import EVENTS_PATH, SlackHttp
from knowledge.answering import open_knowledge
from tests.slack_harness import SIGNING_SECRET, event_body, mention, settings_for, start_app

LIMIT = 300_000
"""Over the 200 KB of 100,000-deep nesting, so that is refused for its shape."""


@pytest.fixture
def knowledge(tmp_path, data_dir):
    return open_knowledge(tmp_path / "requests.db", data_dir)


@pytest.fixture
def slack(fake, knowledge):
    running = start_app(settings_for(fake, csp_max_body_bytes=LIMIT, log_level="INFO"), knowledge)
    yield running
    running.stop()


def signature(body: bytes, timestamp: str, secret: str = SIGNING_SECRET) -> str:
    digest = hmac.new(secret.encode(), b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest()
    return f"v0={digest}"


def post(
    running,
    body: bytes,
    content_type: str = "application/json",
    timestamp: str | None = None,
    signed: bool = True,
    send_body: bool = True,
) -> tuple[int, str]:
    """POST raw bytes; `send_body=False` declares the length but sends only a little of it."""
    stamp = timestamp if timestamp is not None else str(int(time.time()))
    headers = {"Content-Type": content_type, "X-Slack-Request-Timestamp": stamp}
    if signed:
        headers["X-Slack-Signature"] = signature(body, stamp)
    url = urlparse(running.url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    try:
        connection.putrequest("POST", EVENTS_PATH)
        for name, value in {**headers, "Content-Length": str(len(body))}.items():
            connection.putheader(name, value)
        connection.endheaders()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # refused before it was all sent
            connection.send(body if send_body else body[:1000])
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


def deep(levels: int) -> bytes:
    return b"[" * levels + b"]" * levels


MALFORMED = {
    "open brace": (b"{", "application/json"),
    "a list": (b"[]", "application/json"),
    "null": (b"null", "application/json"),
    "100,000-deep nesting": (deep(100_000), "application/json"),
    "deep inside an event": (
        b'{"type": "event_callback", "event": ' + deep(100_000) + b"}",
        "application/json",
    ),
    "an event that is not an object": (b'{"type": "event_callback", "event": "x"}', "application/json"),
    "bad UTF-8": (b'{"type": "event_callback", "event": {"text": "\xff\xfe"}}', "application/json"),
    "bad UTF-8 in a form": (b"command=%2Fcsp&text=\xff", "application/x-www-form-urlencoded"),
    "a payload that is not JSON": (b"payload=%7Bnot-json", "application/x-www-form-urlencoded"),
    "a payload that is a list": (b"payload=%5B1%2C2%5D", "application/x-www-form-urlencoded"),
    "a payload without a type": (b"payload=%7B%22user%22%3A1%7D", "application/x-www-form-urlencoded"),
    "a form that is neither": (b"hello=world", "application/x-www-form-urlencoded"),
}


def refusals(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "bot.server"]


def assert_one_line_no_traceback(caplog) -> None:
    assert len(refusals(caplog)) == 1, [r.getMessage() for r in caplog.records]
    assert not any(r.exc_info for r in caplog.records)
    assert "Traceback" not in caplog.text


@pytest.mark.parametrize("name", MALFORMED)
def test_a_signed_malformed_body_gets_400_and_one_log_line(slack, fake, caplog, name):
    body, content_type = MALFORMED[name]
    with caplog.at_level(logging.INFO):
        status, _ = post(slack, body, content_type)
    assert status == 400
    assert_one_line_no_traceback(caplog)
    fake.settle(0.2)
    assert fake.posted("chat.postMessage", "response_url") == []


@pytest.mark.parametrize("name", MALFORMED)
def test_an_unsigned_malformed_body_gets_401_before_it_is_parsed(slack, caplog, name):
    body, content_type = MALFORMED[name]
    with caplog.at_level(logging.INFO):
        status, _ = post(slack, body, content_type, signed=False)
    assert status == 401
    assert_one_line_no_traceback(caplog)


@pytest.mark.parametrize("timestamp", ["abc", "1796070001.5", "9" * 5000, "", "-5", " 1796070001"])
def test_an_odd_timestamp_gets_401_and_one_log_line(slack, caplog, timestamp):
    body = json.dumps(event_body(mention("<@UBOT0001> knife crime"))).encode()
    with caplog.at_level(logging.INFO):
        status, _ = post(slack, body, timestamp=timestamp)
    assert status == 401
    assert_one_line_no_traceback(caplog)


@pytest.mark.parametrize("signed", [True, False])
def test_a_body_over_the_limit_is_refused_before_it_is_read(slack, fake, caplog, signed):
    event = mention("<@UBOT0001> knife crime " + "x" * (2 * LIMIT))
    body = json.dumps(event_body(event)).encode()
    with caplog.at_level(logging.INFO):
        status, _ = post(slack, body, signed=signed, send_body=False)
    assert status == 413
    assert_one_line_no_traceback(caplog)
    assert len(caplog.text) < 1000  # not the body
    fake.settle(0.3)
    assert fake.posted("chat.postMessage") == []


def test_a_body_with_no_length_is_cut_off_at_the_limit():
    """Chunked: no Content-Length to decide from, so the reading stops at the limit."""

    class Settings:
        slack_signing_secret = None
        csp_max_body_bytes = LIMIT

    class FakeBot:
        settings = Settings()

    sent = []

    async def receive():
        sent.append(64_000)
        return {"type": "http.request", "body": b"x" * 64_000, "more_body": True}

    with pytest.raises(Refused) as refused:
        asyncio.run(SlackHttp(FakeBot())._read(receive, None))
    assert refused.value.status == 413
    assert sum(sent) < LIMIT + 64_000 * 2


def test_nothing_secret_reaches_the_log_at_info(slack, fake, caplog):
    secret_words = "zzquestion zzwords"
    with caplog.at_level(logging.INFO):
        form = {
            "command": "/csp",
            "text": secret_words,
            "user_id": "UALICE01",
            "response_url": fake.response_url(),
        }
        slack.post(urlencode(form), "application/x-www-form-urlencoded", secret="forged")  # refused
        slack.command(secret_words, fake.response_url("ok"))  # answered
        slack.event(mention(f"<@UBOT0001> {secret_words}"))
        slack.action(
            {
                "type": "block_actions",
                "user": {"id": "UALICE01"},
                "actions": [{"action_id": "nobody", "value": secret_words}],
                "response_url": fake.response_url("x"),
            }
        )
        fake.wait_for("response_url")
        fake.wait_for("chat.postMessage")
        fake.settle(0.3)
    logged = caplog.text
    for secret in (SIGNING_SECRET, "xoxb-test-token", fake.url, "response", "zzquestion"):
        assert secret not in logged, secret
    assert any("signature" in r.getMessage() for r in refusals(caplog))


def test_health_says_how_the_bot_is(slack):
    url = urlparse(slack.url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=5)
    connection.request("GET", "/health")
    response = connection.getresponse()
    report = json.loads(response.read())
    assert response.status == 200
    assert report["status"] == "ok" and report["store"]["state"] == "ok"
    assert report["work"]["workers"] == 8 and report["work"]["turned_away"] == 0
    assert "path" not in json.dumps(report) and SIGNING_SECRET not in json.dumps(report)
