"""CSP_UPDATES_CHANNEL: after a figure is recorded from /csp update, a short public line goes
to that channel, once, escaped; a failed post never fails the update."""

from __future__ import annotations

import logging

import pytest

from knowledge.answering import open_knowledge
from tests.slack_harness import ADMIN, command, knife_figures, settings_for, start_app, text_of

CHANNEL = "C0UPDATES"


@pytest.fixture
def knowledge(tmp_path, data_dir):
    return open_knowledge(tmp_path / "channel.db", data_dir)


@pytest.fixture
def slack(start_slack, knowledge):
    return start_slack(knowledge, csp_bot_admins=ADMIN, csp_updates_channel=CHANNEL)


def public_lines(fake) -> list[str]:
    return [c.params["text"] for c in fake.posted("chat.postMessage") if c.params.get("channel") == CHANNEL]


def test_each_figure_recorded_is_told_in_the_updates_channel(slack, fake):
    command(slack, fake, "update knife crime 380 for Jan-Jun 2019")
    command(slack, fake, "update knife crime 412 for Jan-Jun 2019")
    fake.wait_for("chat.postMessage", count=2)
    assert public_lines(fake) == [
        f"<@{ADMIN}> updated *Knife crime* for Jan-Jun 2019: 380 (was none)",
        f"<@{ADMIN}> updated *Knife crime* for Jan-Jun 2019: 412 (was 380)",
    ]


def test_a_retried_command_is_told_once(slack, fake, knowledge):
    for _ in range(2):  # Slack's retry carries the same trigger id
        sent = len(fake.posted("response_url"))
        extra = {"trigger_id": "trigger-same"}
        assert (
            slack.command("update knife crime 900 for 2019", fake.response_url(), ADMIN, extra=extra).status
            == 200
        )
        fake.wait_for("response_url", count=sent + 1)
    fake.settle(0.3)
    assert len(public_lines(fake)) == 1
    assert knowledge.store.db["audit"].count == 1


def test_nothing_is_told_of_what_is_not_recorded(slack, fake):
    command(slack, fake, "update knife crime 900 for 2019", user="UREADER01")  # refused
    command(slack, fake, "update knife crime 9000 for 2019")  # waits for a click
    command(slack, fake, "update knife crime lots for 2019")  # a mistake
    fake.settle(0.3)
    assert public_lines(fake) == []


def test_a_failed_post_does_not_fail_the_update(slack, fake, knowledge, caplog):
    fake.fail("chat.postMessage", "not_in_channel")  # the next post: the public line
    with caplog.at_level(logging.WARNING, logger="handlers.announce"):
        reply = command(slack, fake, "update knife crime 900 for 2019")
    assert "Recorded: Knife crime for 2019: none → 900" in text_of(reply)
    assert knife_figures(knowledge)[-1] == ("2019", 900)
    [logged] = [r for r in caplog.records if r.name == "handlers.announce"]
    assert logged.getMessage() == "could not post the update of knife-crime to C0UPDATES: not_in_channel"


def test_without_the_setting_nothing_is_posted(fake, knowledge):
    running = start_app(settings_for(fake, csp_bot_admins=ADMIN), knowledge)
    try:
        command(running, fake, "update knife crime 900 for 2019")
        fake.settle(0.3)
        assert fake.posted("chat.postMessage") == []
    finally:
        running.stop()
