"""`/csp update` alone opens a form; its submission is checked as the command is, errors go on
the fields, and the officer is told privately what changed. Signed requests to the real Bolt
app; what the bot sends is read from the fake Slack."""

from __future__ import annotations

import json
from itertools import count

import pytest

from handlers.blocks.forms import CHECKED, ELEMENT, FORM_CALLBACK, INDICATOR, NOTE, PERIOD, VALUE
from knowledge.answering import open_knowledge
from tests.markup import mrkdwn_texts
from tests.slack_harness import (
    ADMIN,
    command,
    knife_figures,
    settings_for,
    start_app,
    text_of,
    view_submission,
)

CHANNEL = "C0UPDATES"
_triggers = count(1)


@pytest.fixture
def knowledge(tmp_path, data_dir):
    return open_knowledge(tmp_path / "form.db", data_dir)


@pytest.fixture
def slack(start_slack, knowledge):
    return start_slack(knowledge, csp_bot_admins=ADMIN, csp_updates_channel=CHANNEL)


def open_form(slack, fake, user: str = ADMIN, channel: str = "CGENERAL1") -> dict:
    """Type `/csp update` alone; return the params of views.open."""
    opened = len(fake.posted("views.open"))
    extra = {"trigger_id": f"form-{next(_triggers)}", "channel_id": channel}
    assert slack.command("update", fake.response_url(), user_id=user, extra=extra).status == 200
    return fake.wait_for("views.open", count=opened + 1)[-1].params


def filled(indicator="knife-crime", period="2019", value="900", note=None, checked=False) -> dict:
    """The state of the form's inputs as Slack sends it."""
    option = {"text": {"type": "plain_text", "text": indicator}, "value": indicator} if indicator else None
    ticked = [{"text": {"type": "plain_text", "text": "checked"}, "value": CHECKED}] if checked else []
    return {
        INDICATOR: {ELEMENT: {"type": "static_select", "selected_option": option}},
        PERIOD: {ELEMENT: {"type": "plain_text_input", "value": period}},
        VALUE: {ELEMENT: {"type": "plain_text_input", "value": value}},
        NOTE: {ELEMENT: {"type": "plain_text_input", "value": note}},
        CHECKED: {ELEMENT: {"type": "checkboxes", "selected_options": ticked}},
    }


def submit(slack, view: dict, user: str = ADMIN, view_id: str = "V0FORM001", **fields) -> dict | None:
    """Submit the form; return Slack's response_action, or None when the modal just closes."""
    response = slack.action(view_submission(view, filled(**fields), user=user, view_id=view_id))
    assert response.status == 200
    return json.loads(response.body) if response.body else None


def told(fake, count: int = 1) -> dict:
    """The params of the officer's private confirmation."""
    return fake.wait_for("chat.postEphemeral", count=count)[-1].params


def form_audits(knowledge) -> list[dict]:
    return [r for r in knowledge.store.db["audit"].rows if r["source"] == "form"]


def test_an_officer_opens_the_form_with_the_commands_trigger(slack, fake):
    opened = open_form(slack, fake)
    view = opened["view"]
    assert opened["trigger_id"].startswith("form-") and view["callback_id"] == FORM_CALLBACK
    assert json.loads(view["private_metadata"]) == {"channel": "CGENERAL1"}
    [select] = [b["element"] for b in view["blocks"] if b["block_id"] == INDICATOR]
    assert [g["label"]["text"] for g in select["option_groups"]] == [
        "ASB, drugs and alcohol",
        "Violence",
        "Reducing re-offending",
        "Hate crime, community cohesion and extremism",
    ]
    assert fake.posted("response_url") == []  # the form is the answer


@pytest.mark.parametrize("user", ["UREADER01", "UEXT0001"])
def test_a_non_officer_cannot_open_the_form(slack, fake, user):
    fake.users["UEXT0001"] = {"team_id": "TOTHER01", "is_stranger": True}
    command(slack, fake, "grant <@UEXT0001|ext> officer")  # a stranger never writes, granted or not
    reply = command(slack, fake, "update", user=user)
    assert "Only officers" in text_of(reply) or "only share the partnership's figures" in text_of(reply)
    assert fake.posted("views.open") == []


def test_a_submission_is_recorded_and_the_officer_told_privately(slack, fake, knowledge):
    view = open_form(slack, fake)["view"]
    assert submit(slack, view, period="2019", value="900", note="police data") is None  # closes
    assert knife_figures(knowledge)[-1] == ("2019", 900)
    [audit] = form_audits(knowledge)
    assert (audit["actor"], json.loads(audit["new"])) == (ADMIN, {"value": 900, "note": "police data"})
    params = told(fake)
    assert (params["channel"], params["user"]) == ("CGENERAL1", ADMIN)
    said = text_of(params)
    assert "Recorded: Knife crime for 2019: none → 900" in said
    assert "+70 (+8.4%) on 2018 (830): up, worse" in said


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"value": "-3", "period": "someday"}, {"value": "1,234", "period": "2018/19"}),
        ({"value": "twelve"}, {"value": "write it like 1,234"}),
        ({"indicator": "sdvc-conviction-rate", "value": "150%"}, {"value": "from 0 to 100"}),
        ({"period": "the spring"}, {"period": "is not a period I know"}),
        ({"indicator": None}, {"indicator": "choose an indicator"}),
    ],
)
def test_mistakes_are_shown_on_their_fields_and_nothing_changes(slack, fake, knowledge, fields, errors):
    view = open_form(slack, fake)["view"]
    answer = submit(slack, view, **fields)
    assert answer["response_action"] == "errors" and set(answer["errors"]) == set(errors)
    for field, expected in errors.items():
        assert expected in answer["errors"][field]
    assert knowledge.store.db["audit"].count == 0
    assert fake.posted("chat.postEphemeral") == []


def test_an_outlier_asks_for_the_tick_and_records_once_ticked(slack, fake, knowledge):
    view = open_form(slack, fake)["view"]
    answer = submit(slack, view, value="9000")
    assert answer == {
        "response_action": "errors",
        "errors": {
            "value": "9,000 is over 10× the last figure, 830 for 2018. "
            "If it is right, tick “I have checked this figure” and submit again."
        },
    }
    assert knife_figures(knowledge)[-1] == ("2018", 830)
    assert submit(slack, view, value="9000", checked=True) is None
    assert knife_figures(knowledge)[-1] == ("2019", 9000)
    assert json.loads(form_audits(knowledge)[0]["new"])["confirmed"] is True


def test_a_retried_submission_applies_once(slack, fake, knowledge):
    view = open_form(slack, fake)["view"]
    assert submit(slack, view, value="900") is None
    assert submit(slack, view, value="900") is None  # Slack's retry: same view, same values
    told(fake, count=2)
    fake.settle(0.3)
    assert len(form_audits(knowledge)) == 1
    assert [r["value"] for r in knowledge.store.figure_history("knife-crime")] == [889, 830, 900]
    assert len([c for c in fake.posted("chat.postMessage") if c.params["channel"] == CHANNEL]) == 1
    assert "Already recorded" in text_of(fake.posted("chat.postEphemeral")[-1].params)


def test_a_changed_resubmission_of_the_same_view_is_a_new_request(slack, fake, knowledge):
    view = open_form(slack, fake)["view"]
    submit(slack, view, value="900")
    submit(slack, view, value="901")
    assert [r["value"] for r in knowledge.store.figure_history("knife-crime")] == [889, 830, 900, 901]


@pytest.mark.parametrize("user", ["UREADER01", "UEXT0001"])
def test_a_submission_from_a_non_officer_is_refused(slack, fake, knowledge, user):
    fake.users["UEXT0001"] = {"team_id": "TOTHER01", "is_stranger": True}
    command(slack, fake, "grant <@UEXT0001|ext> officer")
    audits = knowledge.store.db["audit"].count
    view = open_form(slack, fake)["view"]  # opened by the admin, submitted by someone else
    answer = submit(slack, view, user=user)
    assert answer["response_action"] == "update"
    said = json.dumps(answer["view"]["blocks"])
    assert "Only officers" in said or "only share the partnership's figures" in said
    assert "submit" not in answer["view"]
    assert knife_figures(knowledge) == [("2017", 889), ("2018", 830)]
    assert knowledge.store.db["audit"].count == audits


def test_an_officer_revoked_while_the_form_was_open_is_refused(slack, fake, knowledge):
    command(slack, fake, "grant <@UOFFICER1|sam> officer")
    view = open_form(slack, fake, user="UOFFICER1")["view"]
    command(slack, fake, "revoke <@UOFFICER1|sam>")
    assert submit(slack, view, user="UOFFICER1")["response_action"] == "update"
    assert knife_figures(knowledge) == [("2017", 889), ("2018", 830)]


def test_markup_in_the_note_is_stored_as_typed_and_shown_escaped(slack, fake, knowledge):
    view = open_form(slack, fake)["view"]
    submit(slack, view, note="<!channel> see <@U123> & <http://evil|council.gov.uk>")
    [audit] = form_audits(knowledge)
    assert json.loads(audit["new"])["note"] == "<!channel> see <@U123> & <http://evil|council.gov.uk>"
    params = told(fake)
    assert "<!channel>" not in mrkdwn_texts(params) and "<http" not in mrkdwn_texts(params)
    assert "&lt;!channel&gt; see &lt;@U123&gt; &amp; &lt;http://evil|council.gov.uk&gt;" in text_of(params)


def test_the_form_posts_the_public_line(slack, fake):
    view = open_form(slack, fake)["view"]
    submit(slack, view, period="Jan-Jun 2019", value="412")
    line = fake.wait_for("chat.postMessage")[-1].params
    assert (line["channel"], line["text"]) == (
        CHANNEL,
        f"<@{ADMIN}> updated *Knife crime* for Jan-Jun 2019: 412 (was none)",
    )


def test_without_a_channel_the_officer_is_told_in_a_dm(slack, fake):
    view = {**open_form(slack, fake)["view"], "private_metadata": ""}
    submit(slack, view)
    dms = [c.params for c in fake.wait_for("chat.postMessage", count=2) if c.params["channel"] == ADMIN]
    assert "Recorded: Knife crime for 2019: none → 900" in text_of(dms[0])
    assert fake.posted("chat.postEphemeral") == []


def test_where_the_bot_cannot_post_the_officer_is_told_in_a_dm(slack, fake, knowledge):
    fake.fail("chat.postEphemeral", "channel_not_found")
    view = open_form(slack, fake, channel="CPRIVATE1")["view"]
    submit(slack, view)
    dms = [c.params for c in fake.wait_for("chat.postMessage", count=2) if c.params["channel"] == ADMIN]
    assert "Recorded: Knife crime for 2019: none → 900" in text_of(dms[0])
    assert knife_figures(knowledge)[-1] == ("2019", 900)


def test_an_expired_trigger_is_said_so(slack, fake):
    fake.fail("views.open", "expired_trigger_id")
    reply = command(slack, fake, "update")
    assert "I could not open the form (Slack said expired_trigger_id)" in text_of(reply)
    assert "/csp update knife crime 900 for 2019" in text_of(reply)


def test_a_member_of_the_officers_group_uses_the_form(fake, knowledge):
    fake.usergroups["S0OFFICERS"] = ["UGROUP001"]
    settings = settings_for(fake, csp_bot_admins=ADMIN, csp_officer_usergroup="S0OFFICERS")
    running = start_app(settings, knowledge)
    try:
        view = open_form(running, fake, user="UGROUP001")["view"]
        assert submit(running, view, user="UGROUP001") is None
        assert knife_figures(knowledge)[-1] == ("2019", 900)
        assert form_audits(knowledge)[0]["actor"] == "UGROUP001"
    finally:
        running.stop()
