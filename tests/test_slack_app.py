"""The Slack app end to end, offline: signed requests to the real Bolt app over HTTP on
127.0.0.1, and the SDK's WebClient talking to a fake Slack Web API that records each call."""

from __future__ import annotations

import json
import time

import pytest

from bot.app import web_client
from knowledge.answering import open_knowledge
from tests.block_limits import limit_problems
from tests.fake_slack import HOME_TEAM
from tests.markup import ESCAPED_FACT, ESCAPED_TITLE, RAW_MARKUP, mrkdwn_texts
from tests.slack_harness import direct_message, mention, settings_for, start_app


@pytest.fixture
def knowledge(tmp_path, data_dir):
    return open_knowledge(tmp_path / "slack.db", data_dir)


@pytest.fixture
def slack(start_slack, knowledge):
    return start_slack(knowledge)


def message_text(call) -> str:
    return json.dumps(call.params.get("blocks")) + call.params.get("text", "")


def test_a_mention_gets_a_threaded_reply_with_the_figures(slack, fake):
    event = mention("<@UBOT0001> knife crime this year")
    assert slack.event(event).status == 200
    [call] = fake.wait_for("chat.postMessage")
    assert call.params["channel"] == "CGENERAL1"
    assert call.params["thread_ts"] == event["ts"]
    assert "830" in message_text(call) and "889" in message_text(call)
    assert limit_problems({"text": call.params["text"], "blocks": call.params["blocks"]}) == []
    assert call.headers["Authorization"] == "Bearer xoxb-test-token"


def test_a_mention_asking_two_things_gets_both_in_one_reply(slack, fake):
    slack.event(mention("<@UBOT0001> knife crime and the VAWG charter"))
    [call] = fake.wait_for("chat.postMessage")
    assert "830" in message_text(call) and "VAWG Charter published November 2018" in message_text(call)
    assert limit_problems({"text": call.params["text"], "blocks": call.params["blocks"]}) == []


def test_a_mention_inside_a_thread_answers_in_that_thread(slack, fake):
    slack.event(mention("<@UBOT0001> burglary", thread_ts="111.222"))
    [call] = fake.wait_for("chat.postMessage")
    assert call.params["thread_ts"] == "111.222"
    assert "3,293" in message_text(call)


def test_a_direct_message_gets_a_reply(slack, fake):
    slack.event(direct_message("status of RRT expansion"))
    [call] = fake.wait_for("chat.postMessage")
    assert call.params["channel"] == "DALICE001"
    assert "reconfigured to expand its reach" in message_text(call)
    assert "thread_ts" not in call.params


def test_csp_command_is_answered_through_its_response_url(slack, fake):
    response = slack.command("DA offences vs last year", fake.response_url())
    assert response.status == 200
    [call] = fake.wait_for("response_url")
    assert call.params["response_type"] == "ephemeral"
    assert "3,393" in message_text(call) and "3,013" in message_text(call)


@pytest.mark.parametrize("text", ["", "help", "hello"])
def test_csp_alone_or_help_shows_help_with_examples(slack, fake, text):
    slack.command(text, fake.response_url())
    [call] = fake.wait_for("response_url")
    blocks = call.params["blocks"]
    assert blocks[0]["text"]["text"] == "What I can tell you"
    examples = [e["value"] for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert "knife crime this year" in examples


def test_opening_app_home_publishes_the_scorecard(slack, fake):
    slack.event({"type": "app_home_opened", "user": "UALICE01", "channel": "DALICE001", "tab": "home"})
    [call] = fake.wait_for("views.publish")
    assert call.params["user_id"] == "UALICE01"
    view = call.params["view"]
    assert view["type"] == "home" and len(view["blocks"]) <= 100
    text = json.dumps(view)
    for expected in (
        "Violence",
        "*830* Knife crime",
        "Jan-Dec 2018, each against 2017",
        "Council presentation, early 2019",
        "Manifesto actions",
        "VAWG Charter published",
    ):
        assert expected in text, expected


def test_a_button_click_answers_its_question_in_the_thread(slack, fake):
    payload = {
        "type": "block_actions",
        "team": {"id": HOME_TEAM},
        "user": {"id": "UALICE01", "team_id": HOME_TEAM},
        "api_app_id": "A0CSP",
        "container": {
            "type": "message",
            "message_ts": "500.1",
            "channel_id": "CGENERAL1",
            "is_ephemeral": False,
        },
        "channel": {"id": "CGENERAL1"},
        "message": {"ts": "500.1", "text": "did you mean"},
        "response_url": fake.response_url("button"),
        "trigger_id": "1.2.3",
        "actions": [
            {
                "type": "button",
                "action_id": "csp_ask_0",
                "block_id": "did_you_mean",
                "value": "Knife crime",
                "action_ts": "1",
            }
        ],
    }
    assert slack.action(payload).status == 200
    [call] = fake.wait_for("chat.postMessage")
    assert (call.params["channel"], call.params["thread_ts"]) == ("CGENERAL1", "500.1")
    assert "830" in message_text(call)


def test_a_button_on_an_ephemeral_answer_replies_ephemerally(slack, fake):
    payload = {
        "type": "block_actions",
        "team": {"id": HOME_TEAM},
        "user": {"id": "UALICE01", "team_id": HOME_TEAM},
        "container": {
            "type": "message",
            "message_ts": "500.1",
            "channel_id": "CGENERAL1",
            "is_ephemeral": True,
        },
        "channel": {"id": "CGENERAL1"},
        "response_url": fake.response_url("eph"),
        "actions": [
            {
                "type": "button",
                "action_id": "csp_ask_1",
                "block_id": "b",
                "value": "Knife crime vs last year",
                "action_ts": "1",
            }
        ],
    }
    slack.action(payload)
    [call] = fake.wait_for("response_url")
    assert call.params["response_type"] == "ephemeral" and "889" in message_text(call)


def test_a_forged_signature_gets_401_and_nothing_is_posted(slack, fake):
    response = slack.event(mention("<@UBOT0001> knife crime"), secret="not-the-secret")
    assert response.status == 401
    fake.settle()
    assert fake.posted("chat.postMessage", "chat.postEphemeral", "response_url") == []


def test_a_stale_timestamp_gets_401_and_nothing_is_posted(slack, fake):
    response = slack.event(mention("<@UBOT0001> knife crime"), timestamp=int(time.time()) - 6 * 60)
    assert response.status == 401
    fake.settle()
    assert fake.posted("chat.postMessage") == []


def test_a_forged_command_carrying_ssl_check_runs_nothing(slack, fake):
    """Bolt answers Slack's ssl_check ping with an empty 200 and stops there (slack-bolt 1.29
    and newer): a forged command hiding behind it must not be answered."""
    response = slack.post(
        f"ssl_check=1&command=/csp&text=knife+crime&response_url={fake.response_url()}",
        "application/x-www-form-urlencoded",
        secret="wrong",
    )
    assert (response.status, response.body) == (200, "")
    fake.settle()
    assert fake.posted("response_url", "chat.postMessage") == []


def test_the_same_event_sent_twice_is_answered_once(slack, fake):
    event = mention("<@UBOT0001> knife crime")
    first = slack.event(event, event_id="EvSAME0001")
    retry = slack.event(
        event,
        event_id="EvSAME0001",
        headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"},
    )
    assert (first.status, retry.status) == (200, 200)
    fake.wait_for("chat.postMessage")
    fake.settle()
    assert len(fake.posted("chat.postMessage")) == 1


def test_the_same_event_at_two_processes_sharing_a_store_is_answered_once(fake, tmp_path, data_dir):
    first = start_app(settings_for(fake), open_knowledge(tmp_path / "shared.db", data_dir))
    second = start_app(settings_for(fake), open_knowledge(tmp_path / "shared.db", data_dir))
    try:
        event = mention("<@UBOT0001> hate crime")
        first.event(event, event_id="EvTWICE001")
        second.event(event, event_id="EvTWICE001")
        fake.wait_for("chat.postMessage")
        fake.settle()
        assert len(fake.posted("chat.postMessage")) == 1
    finally:
        first.stop()
        second.stop()


@pytest.fixture
def marked_slack(fake, tmp_path, marked_data_dir):
    """The app answering from data whose text carries Slack markup."""
    running = start_app(settings_for(fake), open_knowledge(tmp_path / "marked.db", marked_data_dir))
    yield running
    running.stop()


def sent_message(call) -> dict:
    return {"text": call.params.get("text", ""), "blocks": call.params.get("blocks")}


def test_channel_markup_in_a_question_comes_back_escaped(marked_slack, fake):
    marked_slack.event(mention("<@UBOT0001> <!channel> what is the CSP <!here> & <@U999>"))
    [call] = fake.wait_for("chat.postMessage")
    live = mrkdwn_texts(sent_message(call))
    assert ESCAPED_FACT in live
    for raw in (*RAW_MARKUP, "<!here>", "<@U999>"):
        assert raw not in live, raw


def test_text_that_echoes_user_words_is_escaped(marked_slack, fake):
    marked_slack.command("<b>zzfoo</b> & young people", fake.response_url())
    [call] = fake.wait_for("response_url")
    live = mrkdwn_texts(sent_message(call))
    assert "“zzfoo”" in live and ESCAPED_TITLE in live  # the user's word, and a suggested title
    for raw in (*RAW_MARKUP, "<b>"):
        assert raw not in live, raw


@pytest.mark.parametrize(
    "event",
    [
        direct_message("knife crime", bot_id="BOTHER01"),
        direct_message("knife crime", subtype="bot_message"),
        mention("<@UBOT0001> knife crime", bot_id="BOTHER01"),
        direct_message("knife crime", subtype="message_changed"),
    ],
)
def test_messages_from_bots_are_ignored(slack, fake, event):
    assert slack.event(event).status == 200
    fake.settle()
    assert fake.posted("chat.postMessage", "chat.postEphemeral") == []


def test_a_stranger_in_a_shared_channel_is_refused_politely_and_privately(slack, fake):
    event = mention("<@UBOT0001> knife crime", user="UEXT0001", user_team="TOTHER01")
    body_team_event = dict(event)
    slack.event(body_team_event)
    [call] = fake.wait_for("chat.postEphemeral")
    assert call.params["user"] == "UEXT0001"
    assert "only share the partnership's figures" in message_text(call)
    assert "830" not in message_text(call)
    assert fake.posted("chat.postMessage") == []


def test_a_user_slack_marks_as_stranger_is_refused(slack, fake):
    fake.users["UEXT0002"] = {"team_id": "TOTHER02", "is_stranger": True}
    slack.command("knife crime", fake.response_url(), user_id="UEXT0002")
    [call] = fake.wait_for("response_url")
    assert "only share the partnership's figures" in message_text(call)
    assert "830" not in message_text(call)


def test_a_stranger_still_gets_help(slack, fake):
    fake.users["UEXT0003"] = {"team_id": "TOTHER03", "is_stranger": True}
    slack.command("help", fake.response_url(), user_id="UEXT0003")
    [call] = fake.wait_for("response_url")
    assert "What I can tell you" in message_text(call)


def test_an_allowed_team_is_answered(fake, knowledge):
    running = start_app(settings_for(fake, csp_allowed_team_ids="TPARTNER1"), knowledge)
    try:
        running.event(mention("<@UBOT0001> knife crime", user="UPART001", user_team="TPARTNER1"))
        [call] = fake.wait_for("chat.postMessage")
        assert "830" in message_text(call)
    finally:
        running.stop()


def test_a_stranger_opening_app_home_sees_no_figures(slack, fake):
    fake.users["UEXT0004"] = {"team_id": "TOTHER04", "is_stranger": True}
    slack.event({"type": "app_home_opened", "user": "UEXT0004", "channel": "D1", "tab": "home"})
    [call] = fake.wait_for("views.publish")
    assert "830" not in json.dumps(call.params["view"])


def test_the_web_client_retries_after_a_429(fake):
    fake.rate_limit("chat.postMessage", times=1, retry_after=1)
    client = web_client(settings_for(fake))
    started = time.monotonic()
    response = client.chat_postMessage(channel="C1", text="hello")
    assert response["ok"] is True
    assert time.monotonic() - started >= 1
    assert [c.method for c in fake.calls] == ["chat.postMessage#429", "chat.postMessage"]


def test_slack_gets_its_ack_before_the_slow_work(slack, fake):
    fake.delays["response_url"] = 2.5
    fake.delays["chat.postMessage"] = 2.5
    started = time.monotonic()
    assert slack.command("knife crime", fake.response_url()).status == 200
    assert slack.event(mention("<@UBOT0001> knife crime")).status == 200
    assert time.monotonic() - started < 1.0  # Slack's limit is 3 s
    fake.wait_for("response_url")
    fake.wait_for("chat.postMessage")


def test_a_hundred_slack_events_rebuild_the_index_not_once(slack, fake, knowledge):
    """Claiming an event is bookkeeping, not a change of what the bot knows: before the fix,
    every claim moved the content revision and the next question rebuilt the whole index."""
    slack.event(mention("<@UBOT0001> knife crime this year"))
    fake.wait_for("chat.postMessage")
    builds = knowledge.index_builds
    revision = knowledge.store.revision()
    for number in range(100):
        assert slack.event(mention(f"<@UBOT0001> robbery {number % 3 + 2017}")).status == 200
    fake.wait_for("chat.postMessage", count=101, timeout=60)
    assert knowledge.index_builds == builds
    assert knowledge.store.revision() == revision
