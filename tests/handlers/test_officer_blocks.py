"""The reply to a figure that looked off: within Slack's limits, escaped, and never a button
whose value would be cut short."""

from __future__ import annotations

import json
from dataclasses import replace

from handlers.blocks.updates import ACTION_CANCEL, ACTION_CONFIRM, outlier, public_line
from knowledge.domain.periods import parse_period
from knowledge.services.figures import Recorded, find_outlier
from tests.block_limits import limit_problems
from tests.markup import mrkdwn_texts
from tests.test_outliers import figure


def found(knowledge):
    ctx, _ = knowledge.current()
    knife = ctx.catalogue.indicator["knife-crime"]
    return find_outlier(knife, parse_period("2019"), 412, figure(41, "2018"))


def test_the_question_shows_the_reason_and_two_buttons(knowledge):
    pending = json.dumps({"run": "update knife-crime 412 for 2019", "request": "t1"})
    message = outlier(found(knowledge), "<!channel>", pending)
    assert limit_problems(message) == []
    assert "412 is over 10× the last figure, 41 for 2018" in message["text"]
    assert "<!channel>" not in mrkdwn_texts(message)
    [actions] = [b for b in message["blocks"] if b["type"] == "actions"]
    assert [(e["action_id"], e.get("value")) for e in actions["elements"]] == [
        (ACTION_CONFIRM, pending),
        (ACTION_CANCEL, None),
    ]


def test_a_value_too_long_for_a_button_is_not_offered_cut_short(knowledge):
    pending = json.dumps({"run": "update knife-crime 412 for 2019 note " + "x" * 2000, "request": "t1"})
    message = outlier(found(knowledge), "x" * 2000, pending)
    assert limit_problems(message) == []
    assert not [b for b in message["blocks"] if b["type"] == "actions"]
    assert "shorter" in mrkdwn_texts(message)


def test_the_public_line_escapes_names_and_mentions_only_the_officer(knowledge):
    ctx, _ = knowledge.current()
    knife = replace(ctx.catalogue.indicator["knife-crime"], short_name="Knife <!channel> & co")
    result = Recorded(knife, parse_period("Jan-Jun 2019"), 380, 412, None, None)
    assert public_line("U0OFFICER", result) == {
        "text": "<@U0OFFICER> updated *Knife &lt;!channel&gt; &amp; co* for Jan-Jun 2019: 412 (was 380)"
    }
    assert public_line("<!here>", result)["text"].startswith("&lt;!here&gt; updated")
