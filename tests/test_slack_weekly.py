"""The digest and PTF taskings from Slack, end to end: signed /csp commands, a form submitted,
buttons and the Home tab, through the real Bolt app and the fake Slack Web API."""

from __future__ import annotations

import json
from datetime import date, timedelta
from itertools import count

import pytest

from knowledge.answering import open_knowledge
from knowledge.store.taskings import all_taskings, updates_of
from tests.fake_slack import HOME_TEAM
from tests.markup import mrkdwn_texts
from tests.slack_harness import ADMIN, event_body, settings_for, start_app, text_of

OFFICER = "UOFFICER1"
READER = "UALICE01"
OWNER = "UOWNER001"
TASKING_CHANNEL = "GTASKING1"
_ids = count(1)


@pytest.fixture
def knowledge(tmp_path, data_dir):
    return open_knowledge(tmp_path / "weekly.db", data_dir)


@pytest.fixture
def slack(fake, knowledge):
    fake.channels[TASKING_CHANNEL] = {"is_private": True}
    settings = settings_for(fake, csp_bot_admins=ADMIN, csp_tasking_channels=TASKING_CHANNEL)
    running = start_app(settings, knowledge)
    running.knowledge = knowledge
    yield running
    running.stop()


def csp(
    slack, fake, text: str, user: str = ADMIN, channel: str = "CGENERAL1", trigger: str | None = None
) -> dict:
    sent = len(fake.posted("response_url"))
    extra = {"trigger_id": trigger or f"wk-{next(_ids)}", "channel_id": channel, "api_app_id": "A0CSP"}
    assert slack.command(text, fake.response_url(), user_id=user, extra=extra).status == 200
    return fake.wait_for("response_url", count=sent + 1)[-1].params


def grant_officer(slack, fake, user: str = OFFICER) -> None:
    csp(slack, fake, f"grant <@{user}|someone> officer")


def access(knowledge) -> list[tuple[str, str, str, str]]:
    return [(a.actor, a.place, a.what, a.outcome) for a in knowledge.store.access.entries()]


def test_the_digest_preview_is_shown_to_the_asker_with_a_button_to_the_home_tab(slack, fake):
    reply = csp(slack, fake, "digest", user=READER)
    assert reply["response_type"] == "ephemeral"
    assert "weekly digest" in reply["text"] and "worse than a year before" in reply["text"]
    [button] = [e for b in reply["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert button["text"]["text"] == "View the scorecard"
    assert button["url"] == f"slack://app?team={HOME_TEAM}&id=A0CSP&tab=home"
    assert fake.posted("chat.postMessage") == []  # a preview posts nothing


def test_an_admin_sets_the_digest_channel_and_a_reader_cannot(slack, fake, knowledge):
    refused = csp(slack, fake, "digest here", user=READER, channel="CNEWS0001")
    assert "Only admins can choose where the digest goes" in text_of(refused)
    assert knowledge.store.runs.channels("digest") == []
    assert "will be posted here, Mondays at 08:00" in text_of(
        csp(slack, fake, "digest here", channel="CNEWS0001")
    )
    assert knowledge.store.runs.channels("digest") == ["CNEWS0001"]
    assert "no longer" in text_of(csp(slack, fake, "digest off", channel="CNEWS0001"))
    assert knowledge.store.runs.channels("digest") == []
    actions = [row["action"] for row in knowledge.store.db["audit"].rows_where("entity = 'digest channel'")]
    assert actions == ["digest here", "digest off"]


def test_the_tasking_summary_is_refused_outside_the_tasking_channels_and_the_refusal_logged(
    slack, fake, knowledge
):
    refused = csp(slack, fake, "tasking", user=ADMIN, channel="CGENERAL1")
    assert "shown only in the partnership's private tasking channels" in text_of(refused)
    assert "PTF tasking summary" not in text_of(refused)
    shown = csp(slack, fake, "tasking", user=ADMIN, channel=TASKING_CHANNEL)
    assert "PTF tasking summary" in shown["text"] and "Part 3 of the Data Protection Act" in text_of(shown)
    assert access(knowledge) == [
        (ADMIN, "CGENERAL1", "tasking summary", "refused"),
        (ADMIN, TASKING_CHANNEL, "tasking summary", "shown"),
    ]


def form_payload(view: dict, values: dict, user: str = OFFICER) -> dict:
    state = {field: {"value": element} for field, element in values.items()}
    return {
        "type": "view_submission",
        "team": {"id": HOME_TEAM, "domain": "csp"},
        "user": {"id": user, "team_id": HOME_TEAM},
        "api_app_id": "A0CSP",
        "trigger_id": f"sub-{next(_ids)}",
        "view": {**view, "id": "VFORM0001", "team_id": HOME_TEAM, "state": {"values": state}},
    }


def form_values(review_on: date, raised_on: date) -> dict:
    return {
        "ask": {"type": "plain_text_input", "value": "Patrol the market <!channel> at night"},
        "source": {"type": "static_select", "selected_option": {"value": "CCTV"}},
        "theme": {"type": "static_select", "selected_option": {"value": "drug dealing"}},
        "ward": {"type": "plain_text_input", "value": "Whitechapel"},
        "location": {"type": "plain_text_input", "value": None},
        "lead_agency": {"type": "plain_text_input", "value": "Council CCTV"},
        "owner": {"type": "users_select", "selected_user": OWNER},
        "raised_on": {"type": "datepicker", "selected_date": raised_on.isoformat()},
        "review_on": {"type": "datepicker", "selected_date": review_on.isoformat()},
    }


def raise_tasking(slack, fake) -> str:
    """An officer raises a tasking through the form, in the tasking channel; its reference."""
    grant_officer(slack, fake)
    extra = {"trigger_id": "t-add", "channel_id": TASKING_CHANNEL}
    assert slack.command("task add", fake.response_url(), user_id=OFFICER, extra=extra).status == 200
    [opened] = fake.wait_for("views.open")
    assert opened.params["trigger_id"] == "t-add"
    fake.settle(0.2)
    assert len(fake.posted("response_url")) == 1  # the grant's reply only: a form needs none
    view = opened.params["view"]
    view = json.loads(view) if isinstance(view, str) else view
    today = date.today()
    wrong = slack.action(form_payload(view, form_values(today - timedelta(days=1), today)))
    assert wrong.status == 200
    assert json.loads(wrong.body) == {
        "response_action": "errors",
        "errors": {"review_on": "the review date is before the date it was raised"},
    }
    assert all_taskings(slack.knowledge.store.db) == []
    payload = form_payload(view, form_values(today + timedelta(days=7), today))
    assert slack.action(payload).status == 200
    assert slack.action(payload).status == 200  # Slack delivers it twice: raised once
    [dm] = fake.wait_for("chat.postMessage")
    assert dm.params["channel"] == OWNER and "You have been given PTF tasking" in dm.params["text"]
    fake.settle(0.3)
    assert len(fake.posted("chat.postMessage")) == 1
    [tasking] = all_taskings(slack.knowledge.store.db)
    return tasking.ref


def test_an_officer_raises_updates_and_closes_a_tasking(slack, fake, knowledge):
    ref = raise_tasking(slack, fake)
    confirmed = fake.wait_for("chat.postEphemeral")[0].params
    assert confirmed["channel"] == TASKING_CHANNEL and ref in confirmed["text"]
    assert "<!channel>" not in mrkdwn_texts(confirmed) and "&lt;!channel&gt;" in text_of(confirmed)

    update = f"task update {ref} in progress 2 arrests note seen at 10pm"
    reply = csp(slack, fake, update, user=OFFICER, channel=TASKING_CHANNEL, trigger="t-upd")
    assert "in progress" in text_of(reply) and "2 arrests" in text_of(reply)
    csp(slack, fake, update, user=OFFICER, channel=TASKING_CHANNEL, trigger="t-upd")  # a retry: once
    listed = csp(slack, fake, "tasks", user=OFFICER, channel="DOFFICER1")
    assert ref in text_of(listed) and "Open PTF taskings: 1" in listed["text"]
    closed = csp(slack, fake, f"task close {ref} 1 seizure", user=OFFICER, channel=TASKING_CHANNEL)
    assert "Closed" in text_of(closed) and "2 arrests, 1 seizure" in text_of(closed)
    assert [u["action"] for u in updates_of(knowledge.store.db, ref)] == ["raise", "update", "close"]
    audit = [r["action"] for r in knowledge.store.db["audit"].rows_where("entity = 'tasking'")]
    assert audit == ["raise", "update", "close"]
    assert "Open PTF taskings: 0" in csp(slack, fake, "tasks", user=OFFICER, channel=TASKING_CHANNEL)["text"]


def test_tasking_commands_are_for_officers_in_the_tasking_channels_or_a_dm(slack, fake, knowledge):
    assert "Only officers" in text_of(csp(slack, fake, "tasks", user=READER, channel=TASKING_CHANNEL))
    grant_officer(slack, fake)
    assert "shown only in" in text_of(csp(slack, fake, "tasks", user=OFFICER, channel="CGENERAL1"))
    assert "shown only in" in text_of(csp(slack, fake, "task add", user=OFFICER, channel="CGENERAL1"))
    assert fake.posted("views.open") == []
    outcomes = [(actor, place, outcome) for actor, place, _, outcome in access(knowledge)]
    assert outcomes == [
        (READER, TASKING_CHANNEL, "refused"),
        (OFFICER, "CGENERAL1", "refused"),
        (OFFICER, "CGENERAL1", "refused"),
    ]


def test_a_mistake_in_a_tasking_command_says_how_to_write_it(slack, fake):
    grant_officer(slack, fake)
    reply = csp(slack, fake, "task update PTF-2024-001 frobnicate", user=OFFICER, channel=TASKING_CHANNEL)
    assert "could not place" in text_of(reply) and "/csp task close" in text_of(reply)
    reply = csp(slack, fake, "task close PTF-2099-001 nfa", user=OFFICER, channel=TASKING_CHANNEL)
    assert "there is no tasking PTF-2099-001" in text_of(reply)


def test_the_view_the_scorecard_button_says_how_to_get_to_the_home_tab(slack, fake):
    payload = {
        "type": "block_actions",
        "team": {"id": HOME_TEAM},
        "user": {"id": READER, "team_id": HOME_TEAM},
        "api_app_id": "A0CSP",
        "container": {"type": "message", "message_ts": "1.1", "channel_id": "CNEWS0001"},
        "channel": {"id": "CNEWS0001"},
        "trigger_id": "home-1",
        "response_url": fake.response_url("home"),
        "actions": [{"action_id": "csp_view_home", "block_id": "csp_digest_home", "value": "home",
                     "type": "button", "action_ts": "1"}],
    }  # fmt: skip
    assert slack.action(payload).status == 200
    [reply] = fake.wait_for("response_url")
    assert "slack://app?team=THOME001&id=A0CSP&tab=home" in reply.params["text"]


def test_the_home_tab_shows_what_is_posted_next(slack, fake):
    event = {"type": "app_home_opened", "user": READER, "channel": "DALICE001", "tab": "home"}
    assert slack.post(json.dumps(event_body(event)), "application/json").status == 200
    [published] = fake.wait_for("views.publish")
    view = published.params["view"]
    text = json.dumps(json.loads(view) if isinstance(view, str) else view)
    assert "Next posts" in text and "Weekly digest: Mon" in text and "Tasking summary: Mon" in text
