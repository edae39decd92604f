"""A figure far from the one before it is recorded from /csp update only after a confirming
click: signed commands and clicks to the real Bolt app, replies read from the fake Slack."""

from __future__ import annotations

import json

import pytest

from knowledge.answering import open_knowledge
from tests.markup import mrkdwn_texts
from tests.slack_harness import ADMIN, click, command, knife_figures, text_of


@pytest.fixture
def knowledge(tmp_path, data_dir):
    return open_knowledge(tmp_path / "outliers.db", data_dir)


@pytest.fixture
def slack(start_slack, knowledge):
    return start_slack(knowledge, csp_bot_admins=ADMIN)


def buttons(reply: dict) -> dict[str, dict]:
    """The reply's buttons by their text."""
    found = [e for b in reply.get("blocks", []) if b["type"] == "actions" for e in b["elements"]]
    return {b["text"]["text"]: b for b in found}


def press(slack, fake, button: dict, user: str = ADMIN) -> dict:
    """Click a button of the confirmation asked for."""
    return click(slack, fake, button, user, block_id="csp_confirm")


def confirmed(slack, fake, text: str) -> dict:
    """Send an update that needs confirming, and confirm it."""
    return press(slack, fake, buttons(command(slack, fake, text))[f"Yes, record {text.split()[3]}"])


def test_an_outlier_asks_first_and_only_the_click_records_it(slack, fake, knowledge):
    confirmed(slack, fake, "update knife crime 41 for 2018")  # 41 is under a tenth of 889 for 2017
    assert knife_figures(knowledge) == [("2017", 889), ("2018", 41)]

    reply = command(slack, fake, "update knife crime 412 for 2019")
    said = text_of(reply)
    assert "you typed *412* for Knife crime, 2019" in said
    assert "412 is over 10× the last figure, 41 for 2018" in said
    assert set(buttons(reply)) == {"Yes, record 412", "Cancel"}
    assert knife_figures(knowledge)[-1] == ("2018", 41)

    done = press(slack, fake, buttons(reply)["Yes, record 412"])
    assert done["replace_original"] is True
    assert "Recorded: Knife crime for 2019: none → 412" in text_of(done)
    assert knife_figures(knowledge)[-1] == ("2019", 412)
    last = list(knowledge.store.db["audit"].rows)[-1]
    assert json.loads(last["new"])["confirmed"] is True and last["source"] == "command"


def test_a_second_click_records_nothing_more(slack, fake, knowledge):
    yes = buttons(command(slack, fake, "update knife crime 9000 for 2019"))["Yes, record 9,000"]
    press(slack, fake, yes)
    again = press(slack, fake, yes)
    assert "Already recorded: Knife crime for 2019: none → 9,000" in text_of(again)
    assert [r["value"] for r in knowledge.store.figure_history("knife-crime")] == [889, 830, 9000]
    assert knowledge.store.db["audit"].count == 1


def test_cancel_records_nothing(slack, fake, knowledge):
    reply = command(slack, fake, "update knife crime 9000 for 2019")
    cancelled = press(slack, fake, buttons(reply)["Cancel"])
    assert cancelled["replace_original"] is True and "nothing was recorded" in text_of(cancelled)
    assert knife_figures(knowledge) == [("2017", 889), ("2018", 830)]
    assert knowledge.store.db["audit"].count == 0


def test_a_reader_clicking_the_button_is_refused(slack, fake, knowledge):
    yes = buttons(command(slack, fake, "update knife crime 9000 for 2019"))["Yes, record 9,000"]
    refused = press(slack, fake, yes, user="UREADER01")
    assert "Only officers can change the figures" in text_of(refused)
    assert knife_figures(knowledge) == [("2017", 889), ("2018", 830)]


def test_a_note_with_markup_is_shown_escaped_and_stored_as_typed(slack, fake, knowledge):
    # As Slack sends it: '&', '<' and '>' typed arrive escaped, so "&lt;" typed is "&amp;lt;".
    reply = command(slack, fake, "update knife crime 9000 for 2019 note &lt;!channel&gt; &amp; &amp;lt; ok")
    assert "<!channel>" not in mrkdwn_texts(reply) and "&lt;!channel&gt; &amp; &amp;lt; ok" in text_of(reply)
    done = press(slack, fake, buttons(reply)["Yes, record 9,000"])
    assert "<!channel>" not in mrkdwn_texts(done)
    [row] = knowledge.store.db["audit"].rows
    assert json.loads(row["new"])["note"] == "<!channel> & &lt; ok"


def test_a_broken_button_value_changes_nothing(slack, fake, knowledge):
    yes = buttons(command(slack, fake, "update knife crime 9000 for 2019"))["Yes, record 9,000"]
    reply = press(slack, fake, {**yes, "value": "not json"})
    assert "send the command again" in text_of(reply)
    assert knowledge.store.db["audit"].count == 0
