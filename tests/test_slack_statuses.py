"""Officers keep the status of manifesto actions and Strategic Plan deliverables current, end to
end: signed /csp commands to the real Bolt app, replies read from the fake Slack, and a running
bot answering with the new status at once."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from knowledge.answering import open_knowledge
from knowledge.services.figures import Figures
from knowledge.services.roles import Roles
from tests.block_limits import limit_problems
from tests.markup import mrkdwn_texts
from tests.slack_harness import ADMIN, click, command, mention_reply, text_of

SEED_RRT = "The service has been reconfigured to expand its reach"
NEW_RRT = "Now reaches 18-24s in every locality"


@pytest.fixture
def knowledge(tmp_path, data_dir):
    return open_knowledge(tmp_path / "statuses.db", data_dir)


@pytest.fixture
def slack(start_slack, knowledge):
    return start_slack(knowledge, csp_bot_admins=ADMIN)


def rrt_status(knowledge) -> str:
    ctx, _ = knowledge.current()
    return ctx.catalogue.statuses["rrt-expansion"].status


def status_rows(knowledge, table: str = "action_statuses") -> int:
    return knowledge.store.db[table].count


def test_a_status_is_answered_at_once_traced_and_undone(slack, fake, knowledge):
    assert SEED_RRT in mention_reply(slack, fake, "status of RRT expansion")  # the index is built

    reply = command(slack, fake, f"status RRT expansion: {NEW_RRT}")
    shown = mrkdwn_texts(reply)
    assert "Recorded: the status of RRT expansion (manifesto action)" in shown
    assert f"*Was* (as of early 2019): “{SEED_RRT}" in shown
    assert f"*Now* (as of {knowledge.store.db['audit'].get(1)['at'][:10]}): “{NEW_RRT}”" in shown

    answer = mention_reply(slack, fake, "status of RRT expansion")
    assert NEW_RRT in answer and SEED_RRT not in answer

    history = mrkdwn_texts(command(slack, fake, "history RRT expansion"))
    assert "Status history of RRT expansion (manifesto action)" in history
    assert f"<@{ADMIN}>: “{SEED_RRT}" in history and f"→ “{NEW_RRT}”" in history
    assert "; command)" in history and "the seed data: none → " in history

    undone = mrkdwn_texts(command(slack, fake, "undo"))
    assert "Undone: the status of RRT expansion" in undone and "*Was* (as of " in undone
    assert rrt_status(knowledge).startswith(SEED_RRT)
    assert SEED_RRT in mention_reply(slack, fake, "status of RRT expansion")
    assert "; undo)" in mrkdwn_texts(command(slack, fake, "history RRT expansion"))


def test_a_deliverable_gets_a_status_that_its_answer_shows(slack, fake, knowledge):
    reply = mrkdwn_texts(command(slack, fake, "status counter extremism: Two more bids funded"))
    assert "the status of counter extremism (Strategic Plan deliverable)" in reply
    assert "*Was*: none" in reply
    assert "Two more bids funded" in mention_reply(slack, fake, "counter extremism")
    assert "Two more bids funded" in mrkdwn_texts(command(slack, fake, "history counter extremism"))
    assert status_rows(knowledge, "deliverable_statuses") == 1


def test_asking_the_status_is_a_question_not_a_command(slack, fake, knowledge):
    for text in ("status of RRT expansion", "status RRT expansion", "status of RRT expansion: any news?"):
        reply = text_of(command(slack, fake, text))
        assert SEED_RRT in reply and "Recorded" not in reply, text
    assert knowledge.store.db["audit"].count == 0


@pytest.mark.parametrize("name", ["RRT expansion", "charter"])  # sure, and unsure: no buttons either
def test_a_readers_status_is_refused_naming_the_admins_and_changes_nothing(slack, fake, knowledge, name):
    revision = knowledge.store.revision()
    reply = command(slack, fake, f"status {name}: {NEW_RRT}", user="UALICE01")
    assert [b["type"] for b in reply["blocks"]] == ["section"]
    reply = text_of(reply)
    assert "Only officers can record statuses" in reply and f"<@{ADMIN}> can grant access" in reply
    assert knowledge.store.revision() == revision
    assert knowledge.store.db["audit"].count == 0 and status_rows(knowledge) == 3


def test_a_stranger_never_records_a_status_even_when_granted(slack, fake, knowledge):
    fake.users["UEXT0001"] = {"team_id": "TOTHER01", "is_stranger": True}
    command(slack, fake, "grant <@UEXT0001|ext> officer")
    reply = command(slack, fake, f"status RRT expansion: {NEW_RRT}", user="UEXT0001")
    assert "only share the partnership's figures" in text_of(reply)
    assert rrt_status(knowledge).startswith(SEED_RRT)


def test_an_officer_granted_by_an_admin_records_a_status(slack, fake, knowledge):
    command(slack, fake, "grant <@UOFFICER1|sam> officer")
    command(slack, fake, f"status RRT expansion: {NEW_RRT}", user="UOFFICER1")
    assert rrt_status(knowledge) == NEW_RRT


def test_markup_in_a_status_is_stored_as_typed_and_shown_escaped(slack, fake, knowledge):
    typed = "<!channel> done & <@U123> told <http://evil|council.gov.uk>"
    reply = command(slack, fake, f"status RRT expansion: {typed}")
    assert rrt_status(knowledge) == typed
    for message in (reply, command(slack, fake, "history RRT expansion")):
        shown = mrkdwn_texts(message)
        assert "<!channel>" not in shown and "<@U123>" not in shown and "<http" not in shown
    assert "&lt;!channel&gt; done &amp; &lt;@U123&gt;" in mrkdwn_texts(reply)
    answer = mention_reply(slack, fake, "status of RRT expansion")
    assert "&lt;!channel&gt; done" in answer and "<!channel>" not in answer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("status RRT expansion:", "say what the status is now"),
        ("status RRT expansion:    ", "say what the status is now"),
        ("status : Done", "say which action or deliverable"),
        ("status RRT expansion: " + "x" * 4000, "at most 500 characters and this one is 4,000"),
        ("status shoplifting club: Done", "I do not know a manifesto action or Strategic Plan deliverable"),
    ],
)
def test_a_status_mistake_says_what_was_wrong_with_an_example(slack, fake, knowledge, text, expected):
    reply = command(slack, fake, text)
    assert expected in text_of(reply)
    assert "/csp status" in text_of(reply)
    assert limit_problems(reply) == []
    assert knowledge.store.db["audit"].count == 0 and status_rows(knowledge) == 3


def test_a_slack_retry_of_the_same_command_applies_once(slack, fake, knowledge):
    first = command(slack, fake, f"status RRT expansion: {NEW_RRT}", trigger="trigger-retried")
    again = command(slack, fake, f"status RRT expansion: {NEW_RRT}", trigger="trigger-retried")
    assert "Recorded: the status" in text_of(first)
    assert "Already recorded: the status" in text_of(again) and NEW_RRT in text_of(again)
    assert status_rows(knowledge) == 4 and knowledge.store.db["audit"].count == 1


def test_an_unclear_action_gets_buttons_that_record_when_clicked(slack, fake, knowledge):
    reply = command(slack, fake, "status charter: Refreshed in 2019")
    buttons = [e for b in reply["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [(b["text"]["text"], b["value"]) for b in buttons] == [
        ("VAWG charter", "status vawg-charter: Refreshed in 2019"),
        ("VAWG charter deliverable", "status sp-vawg-charter: Refreshed in 2019"),
    ]
    assert knowledge.store.db["audit"].count == 0
    clicked = click(slack, fake, buttons[0])
    assert "the status of VAWG charter (manifesto action)" in text_of(clicked)
    ctx, _ = knowledge.current()
    assert ctx.catalogue.statuses["vawg-charter"].status == "Refreshed in 2019"


def test_a_reader_clicking_a_status_button_is_refused(slack, fake, knowledge):
    button = {"type": "button", "value": "status vawg-charter: Refreshed", "action_id": "csp_run_0"}
    assert "Only officers can record statuses" in text_of(click(slack, fake, button, user="UALICE01"))
    assert knowledge.store.db["audit"].count == 0


def test_undo_takes_back_a_figure_or_a_status_whichever_came_last(slack, fake, knowledge):
    command(slack, fake, "update knife crime 900 for 2019")
    command(slack, fake, f"status RRT expansion: {NEW_RRT}")
    assert "Undone: the status of RRT expansion" in text_of(command(slack, fake, "undo"))
    assert "Undone: Knife crime for 2019: 900 → none" in text_of(command(slack, fake, "undo"))
    assert "nothing to undo" in text_of(command(slack, fake, "undo"))


def test_history_shows_the_note_given_with_a_figure(slack, fake, knowledge):
    command(slack, fake, "update knife crime 900 for 2019 note police data <!channel> revised")
    history = mrkdwn_texts(command(slack, fake, "history knife crime"))
    assert "2019 none → 900 (command) — note: police data &lt;!channel&gt; revised" in history
    assert "<!channel>" not in history


def test_a_long_history_fits_slacks_limits_and_says_how_much_it_shows(slack, fake, knowledge):
    figures = Figures(knowledge.store, Roles(knowledge.store, frozenset({ADMIN})))
    for n in range(45):
        note = "a long note " * 40
        figures.record(ADMIN, "knife-crime", "2019", str(900 + n), note, "command", None, datetime.now(UTC))
    reply = command(slack, fake, "history knife crime")
    assert limit_problems(reply) == []
    assert "The latest 40 of 47 changes." in text_of(reply)
    lines = [line for line in mrkdwn_texts(reply).splitlines() if line.startswith("• ")]
    assert len(lines) == 40 and all(line.endswith("long…") for line in lines)  # each whole, note cut
    assert "→ 944 (command)" in lines[0] and "→ 905 (command)" in lines[-1]


def test_a_busy_store_says_try_again_and_changes_nothing(slack, fake, knowledge, monkeypatch):
    monkeypatch.setattr("knowledge.store.db.BUSY_TIMEOUT_SECONDS", 0.2)
    holder = sqlite3.connect(knowledge.store.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        reply = text_of(command(slack, fake, f"status RRT expansion: {NEW_RRT}"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "busy with another change" in reply and "try again" in reply
    assert status_rows(knowledge) == 3
    assert "Recorded" in text_of(command(slack, fake, f"status RRT expansion: {NEW_RRT}"))
