"""Officers keep the figures current from Slack, end to end: signed /csp commands to the real
Bolt app, replies read from the fake Slack, and a running bot answering with the new figure."""

from __future__ import annotations

import json

import pytest

from knowledge.answering import open_knowledge
from tests.markup import mrkdwn_texts
from tests.slack_harness import ADMIN, click, command, knife_figures, mention_reply, text_of


@pytest.fixture
def knowledge(tmp_path, data_dir):
    return open_knowledge(tmp_path / "updates.db", data_dir)


@pytest.fixture
def slack(start_slack, knowledge):
    return start_slack(knowledge, csp_bot_admins=ADMIN)


def test_an_admins_update_is_answered_at_once_and_can_be_traced_and_undone(slack, fake, knowledge):
    assert "830" in mention_reply(slack, fake, "knife crime this year")  # the index is built

    reply = text_of(command(slack, fake, "update knife crime 900 for 2019"))
    assert "Knife crime for 2019: none → 900" in reply
    assert "+70 (+8.4%) on 2018 (830): up, worse" in reply

    answer = mention_reply(slack, fake, "knife crime this year")
    assert "900" in answer and "2019" in answer and "830" in answer and "2018" in answer

    history = text_of(command(slack, fake, "history knife crime"))
    assert f"<@{ADMIN}>" in history and "none → 900" in history and "(command)" in history

    undone = text_of(command(slack, fake, "undo"))
    assert "Undone: Knife crime for 2019: 900 → none" in undone
    assert knife_figures(knowledge)[-1] == ("2018", 830)
    assert "830" in mention_reply(slack, fake, "knife crime this year")


def test_a_readers_update_is_refused_naming_the_admins_and_changes_nothing(slack, fake, knowledge):
    revision = knowledge.store.revision()
    reply = command(slack, fake, "update knife crime 900 for 2019", user="UALICE01")
    assert "Only officers can change the figures" in text_of(reply)
    assert f"<@{ADMIN}> can grant access" in text_of(reply)
    assert knowledge.store.revision() == revision
    assert knife_figures(knowledge) == [("2017", 889), ("2018", 830)]
    assert knowledge.store.db["audit"].count == 0


def test_a_stranger_never_writes_even_when_granted(slack, fake, knowledge):
    fake.users["UEXT0001"] = {"team_id": "TOTHER01", "is_stranger": True}
    command(slack, fake, "grant <@UEXT0001|ext> officer")
    reply = command(slack, fake, "update knife crime 900 for 2019", user="UEXT0001")
    assert "only share the partnership's figures" in text_of(reply)
    assert knife_figures(knowledge) == [("2017", 889), ("2018", 830)]


def test_an_admin_grants_an_officer_who_then_records(slack, fake, knowledge):
    granted = text_of(command(slack, fake, "grant <@UOFFICER1|sam> officer"))
    assert "<@UOFFICER1> is now officer (was reader)" in granted
    assert "<@UOFFICER1> is now officer" in mrkdwn_texts(
        command(slack, fake, "grant <@UOFFICER1|sam> officer")
    )
    assert "<@UOFFICER1>: officer" in mrkdwn_texts(command(slack, fake, "roles"))
    command(slack, fake, "update knife crime 1,000 for 2019", user="UOFFICER1")
    assert knife_figures(knowledge)[-1] == ("2019", 1000)
    command(slack, fake, "revoke <@UOFFICER1|sam>")
    refused = text_of(command(slack, fake, "update knife crime 950 for 2019", user="UOFFICER1"))
    assert "Only officers" in refused
    assert knife_figures(knowledge)[-1] == ("2019", 1000)


def test_a_note_is_stored_as_typed_and_shown_escaped(slack, fake, knowledge):
    reply = command(slack, fake, "update knife crime 900 for 2019 note <!channel> revised")
    assert "<!channel>" not in mrkdwn_texts(reply)
    assert "&lt;!channel&gt; revised" in text_of(reply)
    [row] = knowledge.store.db["audit"].rows
    assert json.loads(row["new"])["note"] == "<!channel> revised"


def test_without_a_period_the_reply_offers_the_latest_and_the_next(slack, fake, knowledge):
    reply = command(slack, fake, "update knife crime 900")
    buttons = [e for b in reply["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [(b["text"]["text"], b["value"]) for b in buttons] == [
        ("2018", "update knife-crime 900 for 2018"),
        ("2019", "update knife-crime 900 for 2019"),
    ]
    assert knife_figures(knowledge) == [("2017", 889), ("2018", 830)]
    click(slack, fake, buttons[1])
    assert knife_figures(knowledge)[-1] == ("2019", 900)


def test_what_a_user_typed_is_escaped_in_every_reply(slack, fake):
    for text in (
        "update <!channel> 900 for 2019",
        "update knife crime 900 for <!here>",
        "history <!channel>",
    ):
        reply = command(slack, fake, text)
        assert "<!" not in mrkdwn_texts(reply), text


def test_an_unclear_indicator_gets_buttons_not_a_guess(slack, fake, knowledge):
    reply = command(slack, fake, "update crime 900 for 2019")
    values = [e["value"] for b in reply["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert "update knife-crime 900 for 2019" in values and len(values) >= 2
    assert knife_figures(knowledge) == [("2017", 889), ("2018", 830)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("update knife crime lots for 2019", "write it like 1,234"),
        ("update knife crime 900 for someday", "2018/19"),
        ("update knife", "/csp update knife crime 900 for 2019"),
        ("grant alice officer", "mention them with @"),
    ],
)
def test_mistakes_say_what_was_wrong_with_an_example(slack, fake, knowledge, text, expected):
    assert expected in text_of(command(slack, fake, text))
    assert knowledge.store.db["audit"].count == 0


@pytest.mark.parametrize(
    ("period", "shown", "code"),
    [
        ("Q1 2019/20", "Apr-Jun 2019", "2019-Q2"),
        ("Q4 2019/20", "Jan-Mar 2020", "2020-Q1"),
        ("June 2019", "Jun 2019", "2019-06"),
        ("FY2019-20", "2019/20", "FY2019-20"),
    ],
)
def test_a_period_is_taken_as_officers_write_it(slack, fake, knowledge, period, shown, code):
    reply = text_of(command(slack, fake, f"update knife crime 120 for {period}"))
    assert f"Knife crime for {shown}: none → 120" in reply
    assert knowledge.store.figure_history("knife-crime")[-1]["period"] == code
