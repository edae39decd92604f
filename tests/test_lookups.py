"""Who is asking, when Slack cannot say: a failed users.info (an API error, a dropped
connection) refuses this once, politely, and Slack is asked again next time; the asker always
gets a reply.

Each test failed before: a failed lookup was kept as a refusal for 10 minutes, and a dropped
connection (not a SlackApiError) left the asker with no reply at all."""

from __future__ import annotations

import json

import pytest

from handlers.replies import UNCHECKED_REFUSAL
from knowledge.answering import open_knowledge
from tests.slack_harness import mention, settings_for, start_app


@pytest.fixture
def knowledge(tmp_path, data_dir):
    return open_knowledge(tmp_path / "lookups.db", data_dir)


@pytest.fixture
def slack(fake, knowledge):
    running = start_app(settings_for(fake), knowledge)
    yield running
    running.stop()


def text_of(call) -> str:
    return json.dumps(call.params.get("blocks")) + call.params.get("text", "")


@pytest.mark.parametrize(
    "trouble",
    [
        lambda fake: fake.fail("users.info", "ratelimited"),
        lambda fake: fake.hang_up("users.info", times=2),  # the client retries a dropped connection once
    ],
    ids=["api error", "dropped connection"],
)
def test_a_failed_lookup_refuses_once_politely_and_slack_is_asked_again(slack, fake, trouble):
    trouble(fake)
    slack.command("knife crime", fake.response_url("first"))
    [refused] = fake.wait_for("response_url", timeout=15)
    assert UNCHECKED_REFUSAL in refused.params["text"] and "830" not in text_of(refused)
    slack.command("knife crime", fake.response_url("second"))
    answered = fake.wait_for("response_url", count=2)[-1]
    assert "830" in text_of(answered)


def test_a_dropped_lookup_for_a_mention_still_gets_a_reply(slack, fake):
    fake.hang_up("users.info", times=2)
    slack.event(mention("<@UBOT0001> knife crime", user="UDROP0001"))
    [reply] = fake.wait_for("chat.postEphemeral", timeout=15)
    assert reply.params["user"] == "UDROP0001" and UNCHECKED_REFUSAL in reply.params["text"]
