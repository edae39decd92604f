"""“Report a wrong figure”, end to end: the button under a figure, clicked through signed
requests to the real app; the admins get a direct message, the partner a private thanks."""

from __future__ import annotations

import json

import pytest

from handlers.blocks import build_message
from handlers.blocks.kit import ACTION_REPORT
from knowledge.answering import open_knowledge
from tests.fake_slack import HOME_TEAM
from tests.slack_harness import settings_for, start_app

ADMINS = ("UBOSS0001", "UBOSS0002")


@pytest.fixture
def knowledge(tmp_path, data_dir):
    return open_knowledge(tmp_path / "reports.db", data_dir)


def report_button(knowledge, question: str = "knife crime this year") -> dict:
    blocks = build_message(knowledge.ask(question))["blocks"]
    return next(
        e for b in blocks if b["type"] == "actions" for e in b["elements"] if e["action_id"] == ACTION_REPORT
    )


def click(slack, fake, button: dict, user: str = "UALICE01", team: str = HOME_TEAM) -> None:
    payload = {
        "type": "block_actions",
        "team": {"id": HOME_TEAM},
        "user": {"id": user, "team_id": team},
        "container": {"type": "message", "message_ts": "500.1", "channel_id": "CGENERAL1"},
        "channel": {"id": "CGENERAL1"},
        "response_url": fake.response_url("report"),
        "actions": [{**button, "block_id": "follow_ups", "action_ts": "1"}],
    }
    assert slack.action(payload).status == 200


def test_a_report_tells_every_admin_and_thanks_the_partner_privately(fake, knowledge):
    slack = start_app(settings_for(fake, csp_bot_admins=",".join(ADMINS)), knowledge)
    try:
        button = report_button(knowledge)
        assert button["text"]["text"] == "Report a wrong figure"
        click(slack, fake, button)
        told = fake.wait_for("chat.postMessage", count=2)
        assert sorted(c.params["channel"] for c in told) == sorted(ADMINS)
        said = json.dumps(told[0].params["blocks"])
        for expected in ("<@UALICE01>", "*Knife crime*", "Jan-Dec 2018", "*830*", "knife crime this year"):
            assert expected in said, expected
        [thanks] = fake.wait_for("response_url")
        assert thanks.params["response_type"] == "ephemeral"
        assert "<@UBOSS0001>, <@UBOSS0002>" in thanks.params["text"]
    finally:
        slack.stop()


def test_with_no_admin_the_partner_is_told_it_went_nowhere(fake, knowledge):
    slack = start_app(settings_for(fake), knowledge)
    try:
        click(slack, fake, report_button(knowledge))
        [reply] = fake.wait_for("response_url")
        assert "could not pass this on" in reply.params["text"]
        assert fake.posted("chat.postMessage") == []
    finally:
        slack.stop()


def test_a_strangers_report_reaches_no_admin(fake, knowledge):
    slack = start_app(settings_for(fake, csp_bot_admins=ADMINS[0]), knowledge)
    try:
        click(slack, fake, report_button(knowledge), user="USTRANGE1", team="TOTHER001")
        [reply] = fake.wait_for("response_url")
        assert reply.params["response_type"] == "ephemeral"
        fake.settle()
        assert fake.posted("chat.postMessage") == []
    finally:
        slack.stop()
