"""A Slack user group counts as officers (CSP_OFFICER_USERGROUP), end to end: signed /csp
commands to the real Bolt app, the group's members read from the fake Slack, kept for a while
on a clock the test moves, and refused (and asked again next time) when Slack cannot say."""

from __future__ import annotations

import logging

import pytest

from handlers.usergroup import MEMBERS_SECONDS
from knowledge.answering import open_knowledge
from tests.markup import mrkdwn_texts
from tests.slack_harness import ADMIN, command, knife_figures, settings_for, start_app, text_of

GROUP = "SOFFICERS"
MEMBER = "UGROUP001"
LOOKUP = "usergroups.users.list"
SEED_KNIFE = [("2017", 889), ("2018", 830)]


class Ticks:
    """A monotonic clock that moves only when told."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def knowledge(tmp_path, data_dir):
    return open_knowledge(tmp_path / "group.db", data_dir)


@pytest.fixture
def clock() -> Ticks:
    return Ticks()


@pytest.fixture
def slack(fake, knowledge, clock):
    fake.usergroups[GROUP] = [MEMBER]
    settings = settings_for(fake, csp_bot_admins=ADMIN, csp_officer_usergroup=GROUP)
    running = start_app(settings, knowledge, monotonic=clock)
    yield running
    running.stop()


def lookups(fake) -> int:
    return len(fake.posted(LOOKUP))


def test_a_member_of_the_group_records_a_figure(slack, fake, knowledge):
    reply = text_of(command(slack, fake, "update knife crime 900 for 2019", user=MEMBER))
    assert "Recorded: Knife crime for 2019: none → 900" in reply
    assert knife_figures(knowledge)[-1] == ("2019", 900)
    [call] = fake.posted(LOOKUP)
    assert call.params["usergroup"] == GROUP
    [row] = knowledge.store.db["audit"].rows
    assert (row["actor"], row["action"]) == (MEMBER, "record")


def test_someone_outside_the_group_is_refused_and_nothing_changes(slack, fake, knowledge):
    reply = text_of(command(slack, fake, "update knife crime 900 for 2019", user="UALICE01"))
    assert "Only officers can change the figures" in reply and f"<@{ADMIN}>" in reply
    assert knife_figures(knowledge) == SEED_KNIFE
    assert knowledge.store.db["audit"].count == 0
    assert lookups(fake) == 1


@pytest.mark.parametrize(
    ("break_slack", "logged"),
    [
        (lambda fake: fake.fail(LOOKUP, "missing_scope"), "usergroups:read"),
        (lambda fake: fake.fail(LOOKUP, "no_such_subteam"), "no_such_subteam"),
        # the client retries a connection error once: both attempts are hung up on
        (lambda fake: fake.hang_up(LOOKUP, times=2), "did not answer"),
    ],
    ids=["missing scope", "api error", "no answer"],
)
def test_when_slack_cannot_say_a_member_is_refused_and_the_next_request_asks_again(
    slack, fake, knowledge, caplog, break_slack, logged
):
    break_slack(fake)
    with caplog.at_level(logging.WARNING, logger="handlers.usergroup"):
        refused = text_of(command(slack, fake, "update knife crime 900 for 2019", user=MEMBER))
    assert "Only officers can change the figures" in refused
    assert knife_figures(knowledge) == SEED_KNIFE
    assert knowledge.store.db["audit"].count == 0
    [warning] = [r for r in caplog.records if r.name == "handlers.usergroup"]
    assert GROUP in warning.getMessage() and logged in warning.getMessage()
    assert "xoxb-" not in caplog.text

    asked = lookups(fake)  # the failure was not kept: Slack is asked again, and now answers
    reply = text_of(command(slack, fake, "update knife crime 900 for 2019", user=MEMBER))
    assert "Recorded: Knife crime for 2019: none → 900" in reply
    assert lookups(fake) == asked + 1
    assert knife_figures(knowledge)[-1] == ("2019", 900)


def test_the_members_are_kept_for_five_minutes_then_asked_for_again(slack, fake, knowledge, clock):
    command(slack, fake, "update knife crime 900 for 2019", user=MEMBER)
    fake.usergroups[GROUP] = []  # taken out of the group in Slack

    clock.advance(MEMBERS_SECONDS - 1)
    command(slack, fake, "update knife crime 910 for 2019", user=MEMBER)
    assert lookups(fake) == 1
    assert knife_figures(knowledge)[-1] == ("2019", 910)

    clock.advance(1)
    refused = text_of(command(slack, fake, "update knife crime 920 for 2019", user=MEMBER))
    assert "Only officers can change the figures" in refused
    assert lookups(fake) == 2
    assert knife_figures(knowledge)[-1] == ("2019", 910)


def test_roles_in_the_settings_and_the_store_still_work_without_asking_slack(slack, fake, knowledge):
    command(slack, fake, "grant <@UOFFICER1|sam> officer")
    command(slack, fake, "update knife crime 900 for 2019", user="UOFFICER1")
    command(slack, fake, "update knife crime 905 for 2019")
    assert knife_figures(knowledge)[-1] == ("2019", 905)
    assert lookups(fake) == 0


def test_an_admin_in_the_group_stays_an_admin_and_a_member_only_officer(slack, fake, knowledge):
    fake.usergroups[GROUP] = [MEMBER, "UDEPUTY01"]
    command(slack, fake, "grant <@UDEPUTY01|dee> admin")
    granted = text_of(command(slack, fake, "grant <@UOFFICER1|sam> officer", user="UDEPUTY01"))
    assert "<@UOFFICER1> is now officer" in granted

    refused = text_of(command(slack, fake, "grant <@UOTHER001|ot> officer", user=MEMBER))
    assert "Only admins can grant roles" in refused
    listed = mrkdwn_texts(command(slack, fake, "roles"))
    assert "<@UDEPUTY01>: admin" in listed and "<@UOTHER001>" not in listed


def test_a_stranger_in_the_group_never_writes(slack, fake, knowledge):
    fake.users["UEXT0001"] = {"team_id": "TOTHER01", "is_stranger": True}
    fake.usergroups[GROUP] = [MEMBER, "UEXT0001"]
    reply = text_of(command(slack, fake, "update knife crime 900 for 2019", user="UEXT0001"))
    assert "only share the partnership's figures" in reply
    assert knife_figures(knowledge) == SEED_KNIFE


def test_roles_names_the_group_and_revoke_says_a_member_still_writes(slack, fake):
    listed = mrkdwn_texts(command(slack, fake, "roles"))
    assert f"every member of the user group <!subteam^{GROUP}>: officer" in listed

    command(slack, fake, f"grant <@{MEMBER}|gm> officer")
    revoked = mrkdwn_texts(command(slack, fake, f"revoke <@{MEMBER}|gm>"))
    assert f"still an officer as a member of <!subteam^{GROUP}>" in revoked
    plain = mrkdwn_texts(command(slack, fake, "revoke <@UALICE01|al>"))
    assert "<@UALICE01> now only reads" in plain


def test_without_a_group_slack_is_never_asked(fake, knowledge):
    running = start_app(settings_for(fake, csp_bot_admins=ADMIN), knowledge)
    try:
        fake.usergroups[GROUP] = [MEMBER]
        refused = text_of(command(running, fake, "update knife crime 900 for 2019", user=MEMBER))
        assert "Only officers" in refused
        assert "subteam" not in mrkdwn_texts(command(running, fake, "roles"))
    finally:
        running.stop()
    assert lookups(fake) == 0
