"""Learning from partners, end to end: signed requests to the real Bolt app, replies read from
the fake Slack. A partner picks a "did you mean" choice; an admin approves it with `/csp learn`;
the same question is answered directly; removed, it is declined again."""

from __future__ import annotations

from itertools import count

import pytest

from handlers.blocks.picks import ACTION_PICK, read_pick
from knowledge.answering import open_knowledge
from tests.block_limits import limit_problems
from tests.fake_slack import HOME_TEAM
from tests.markup import mrkdwn_texts
from tests.slack_harness import ADMIN, mention, text_of

ODD = "the wobbly numbers on drugs"
"""Declined today with three drug topics as choices; the partner means the second."""
MEANT = "drug-operation-arrests"
_ids = count(1)


@pytest.fixture
def knowledge(tmp_path, data_dir):
    return open_knowledge(tmp_path / "learning.db", data_dir)


@pytest.fixture
def slack(start_slack, knowledge):
    return start_slack(knowledge, csp_bot_admins=ADMIN)


def ask(slack, fake, text: str, user: str = "UALICE01") -> tuple[dict, dict]:
    """Mention the bot; the event sent and the params of its threaded reply."""
    sent = len(fake.posted("chat.postMessage"))
    event = mention(f"<@UBOT0001> {text}", user=user)
    assert slack.event(event).status == 200
    return event, fake.wait_for("chat.postMessage", count=sent + 1)[-1].params


def buttons(params: dict) -> list[dict]:
    return [e for b in params["blocks"] if b["type"] == "actions" for e in b["elements"]] + [
        b["accessory"] for b in params["blocks"] if "accessory" in b
    ]


def choice_for(params: dict, key: str) -> dict:
    [button] = [
        b
        for b in buttons(params)
        if b["action_id"].startswith(ACTION_PICK) and read_pick(b["value"]).key == key
    ]
    return button


def payload(
    button: dict, user: str, response_url: str, team: str = HOME_TEAM, thread: str | None = None
) -> dict:
    container = {"type": "message", "message_ts": "500.1", "channel_id": "CGENERAL1"}
    container |= {"thread_ts": thread, "is_ephemeral": False} if thread else {"is_ephemeral": True}
    return {
        "type": "block_actions",
        "team": {"id": HOME_TEAM},
        "user": {"id": user, "team_id": team},
        "api_app_id": "A0CSP",
        "container": container,
        "channel": {"id": "CGENERAL1"},
        "trigger_id": f"learn-click-{next(_ids)}",
        "response_url": response_url,
        "actions": [{**button, "block_id": "b", "action_ts": "1"}],
    }


def click_in_thread(slack, fake, button: dict, thread: str, user: str = "UALICE01") -> dict:
    """A choice under an answer in a channel: its answer goes in the thread."""
    sent = len(fake.posted("chat.postMessage"))
    assert slack.action(payload(button, user, fake.response_url("pick"), thread=thread)).status == 200
    return fake.wait_for("chat.postMessage", count=sent + 1)[-1].params


def click_privately(slack, fake, button: dict, user: str = ADMIN, team: str = HOME_TEAM) -> dict:
    """A button on an ephemeral reply: its answer comes through the response_url."""
    sent = len(fake.posted("response_url"))
    assert slack.action(payload(button, user, fake.response_url("click"), team)).status == 200
    return fake.wait_for("response_url", count=sent + 1)[-1].params


def command(slack, fake, text: str, user: str = ADMIN) -> dict:
    sent = len(fake.posted("response_url"))
    extra = {"trigger_id": f"learn-{next(_ids)}"}
    assert slack.command(text, fake.response_url(), user_id=user, extra=extra).status == 200
    params = fake.wait_for("response_url", count=sent + 1)[-1].params
    assert params["response_type"] == "ephemeral"
    assert limit_problems({"text": params["text"], "blocks": params["blocks"]}) == []
    return params


def button_titled(params: dict, title: str) -> dict:
    return next(b for b in buttons(params) if b["text"]["text"] == title)


def picks(knowledge) -> list[tuple[str, str, str]]:
    return [(r["user_id"], r["normalised"], r["entry_key"]) for r in knowledge.store.db["picks"].rows]


def test_a_choice_picked_and_approved_is_answered_directly_until_removed(slack, fake, knowledge):
    event, declined = ask(slack, fake, ODD)
    assert "Did you mean" in text_of(declined)
    answer = click_in_thread(slack, fake, choice_for(declined, MEANT), thread=event["ts"])
    assert answer["thread_ts"] == event["ts"]
    assert "Arrests on drug operations" in text_of(answer)
    assert picks(knowledge) == [("UALICE01", ODD, MEANT)]

    listed = command(slack, fake, "learn")
    assert f"“{ODD}” → *Arrests on drug operations*" in mrkdwn_texts(listed)
    assert "Picked 1 time by 1 person" in mrkdwn_texts(listed)
    approved = click_privately(slack, fake, button_titled(listed, "Approve"))
    assert f"Approved: “{ODD}” now answers *Arrests on drug operations*" in text_of(approved)

    _, answered = ask(slack, fake, ODD, user="UBOB0001")
    assert "Did you mean" not in text_of(answered)
    assert "Arrests on drug operations" in text_of(answered)
    assert not [b for b in buttons(answered) if b["action_id"].startswith(ACTION_PICK)]

    aliases = command(slack, fake, "learn aliases")
    assert f"“{ODD}” → *Arrests on drug operations*" in mrkdwn_texts(aliases)
    assert f"Approved by <@{ADMIN}>" in text_of(aliases)
    removed = click_privately(slack, fake, button_titled(aliases, "Remove"))
    assert f"Removed: “{ODD}” no longer answers" in text_of(removed)

    _, again = ask(slack, fake, ODD)
    assert "Did you mean" in text_of(again)
    assert choice_for(again, MEANT)
    audit = [(r["actor"], r["action"], r["entity"]) for r in knowledge.store.db["audit"].rows]
    assert audit == [(ADMIN, "approve", "alias"), (ADMIN, "remove", "alias")]


def test_a_dismissed_pick_leaves_the_list_and_teaches_nothing(slack, fake, knowledge):
    event, declined = ask(slack, fake, ODD)
    click_in_thread(slack, fake, choice_for(declined, MEANT), thread=event["ts"])
    listed = command(slack, fake, "learn")
    dismissed = click_privately(slack, fake, button_titled(listed, "Dismiss"))
    assert f"Dismissed: “{ODD}”" in text_of(dismissed)
    assert "Nothing to review" in text_of(command(slack, fake, "learn"))
    assert "Did you mean" in text_of(ask(slack, fake, ODD)[1])


@pytest.mark.parametrize("user", ["UALICE01", "UOFFICER1"])
def test_only_admins_review_and_a_forwarded_button_changes_nothing(slack, fake, knowledge, user):
    command(slack, fake, "grant <@UOFFICER1|sam> officer")
    event, declined = ask(slack, fake, ODD)
    click_in_thread(slack, fake, choice_for(declined, MEANT), thread=event["ts"])
    revision = knowledge.store.revision()

    for text in ("learn", "learn aliases"):
        refused = text_of(command(slack, fake, text, user=user))
        assert "Only admins" in refused and f"<@{ADMIN}> can grant access" in refused
        assert ODD not in refused
    approve = button_titled(command(slack, fake, "learn"), "Approve")
    refused = text_of(click_privately(slack, fake, approve, user=user))
    assert "Only admins" in refused
    assert knowledge.store.revision() == revision
    assert knowledge.store.db["learned_aliases"].count == 0
    assert "Did you mean" in text_of(ask(slack, fake, ODD)[1])


def test_a_strangers_pick_is_never_recorded(slack, fake, knowledge):
    _, declined = ask(slack, fake, ODD)
    choice = choice_for(declined, MEANT)
    refused = click_privately(slack, fake, choice, user="UEXT0001", team="TOTHER01")
    assert "only share the partnership's figures" in text_of(refused)
    fake.users["UEXT0002"] = {"team_id": "TOTHER01", "is_stranger": True}  # told by users.info
    refused = click_privately(slack, fake, choice, user="UEXT0002", team="")
    assert "only share the partnership's figures" in text_of(refused)
    assert picks(knowledge) == []


def test_what_a_partner_typed_is_escaped_in_the_list(slack, fake, knowledge):
    event, declined = ask(slack, fake, f"<!channel> {ODD} <@UEVIL01> <http://evil.example|here>")
    assert "Did you mean" in text_of(declined)
    click_in_thread(slack, fake, choice_for(declined, MEANT), thread=event["ts"])
    listed = mrkdwn_texts(command(slack, fake, "learn"))
    assert ODD in listed
    assert "<!" not in listed and "<http" not in listed and "<@UEVIL" not in listed


def test_help_lists_learn_for_admins_only(slack, fake):
    assert "/csp learn" in text_of(command(slack, fake, "help"))
    assert "/csp learn" in text_of(command(slack, fake, ""))
    assert "/csp learn" not in text_of(command(slack, fake, "help", user="UALICE01"))
    command(slack, fake, "grant <@UOFFICER1|sam> officer")
    officer = text_of(command(slack, fake, "help", user="UOFFICER1"))
    assert "/csp update" in officer and "/csp learn" not in officer


def test_a_stranger_granted_a_role_is_not_shown_its_commands(slack, fake):
    fake.users["UEXT0001"] = {"team_id": "TOTHER01", "is_stranger": True}
    command(slack, fake, "grant <@UEXT0001|ext> admin")
    assert "/csp learn" not in text_of(command(slack, fake, "help", user="UEXT0001"))
    assert "only share the partnership's figures" in text_of(command(slack, fake, "learn", user="UEXT0001"))
