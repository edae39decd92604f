"""/csp help (and /csp alone) lists, for whoever holds a role, every subcommand it may use with
one example each, through the real Bolt app; the examples are commands the bot runs."""

from __future__ import annotations

import pytest

from knowledge.services.commands import Command, Grant, Learn, ListRoles, Revoke, parse_command
from tests.block_limits import limit_problems
from tests.markup import mrkdwn_texts
from tests.slack_harness import ADMIN, command

ADMINS_ONLY = {Grant, Revoke, ListRoles, Learn}
FORM = "update"
"""`/csp update` alone opens the form rather than running a command."""


@pytest.fixture
def slack(start_slack, knowledge):
    return start_slack(knowledge, csp_bot_admins=ADMIN)


def listed_commands(reply: dict) -> list[str]:
    """The example of each `• `/csp …`: what it does` line, as /csp receives it: without
    "/csp", and a mention escaped to a user id as Slack sends it."""
    lines = [line for line in mrkdwn_texts(reply).splitlines() if line.startswith("• `/csp ")]
    return [line.split("`")[1].removeprefix("/csp ").replace("@sam", "<@USAM0001|sam>") for line in lines]


@pytest.mark.parametrize("text", ["", "help"])
def test_an_admins_help_lists_every_subcommand_with_an_example_that_runs(slack, fake, text):
    reply = command(slack, fake, text)
    listed = listed_commands(reply)
    assert {type(parse_command(example)) for example in listed if example != FORM} == set(Command.__args__)
    assert FORM in listed
    assert "status RRT expansion: now reaches 18-24s in every locality" in listed
    assert limit_problems(reply) == []


def test_an_officers_help_lists_the_officers_subcommands_status_included(slack, fake):
    command(slack, fake, "grant <@UOFFICER1|sam> officer")
    listed = listed_commands(command(slack, fake, "help", user="UOFFICER1"))
    kinds = {type(parse_command(example)) for example in listed if example != FORM}
    assert kinds == set(Command.__args__) - ADMINS_ONLY
    assert "history knife crime" in listed and "undo" in listed


def test_a_readers_help_lists_none(slack, fake):
    assert listed_commands(command(slack, fake, "help", user="UALICE01")) == []
