"""The /csp slash command: `/csp <question>`; `/csp` alone and `/csp help` show help (with the
subcommands an officer's or admin's role may use); the officers' subcommands (`update`,
`status`, `history`, `undo`, `grant`, `revoke`, `roles`, `learn`); `/csp update` alone opens
the form; and the weekly ones (`digest`, `tasking`, `tasks`, `task add|update|close`)."""

from __future__ import annotations

from handlers.access import actor_team
from handlers.blocks.commands_help import commands_help
from handlers.commands.officers import officer_reply
from handlers.commands.update_form import open_update_form
from handlers.commands.weekly import weekly_reply
from handlers.replies import Services, reply_to
from knowledge.services.roles import Role


def _with_commands(services: Services, message: dict, client, user: str | None, teams: tuple) -> dict:
    """Help for someone who holds a role lists their subcommands too; a stranger's never."""
    role = services.roles.role_of(user)
    if role is Role.READER or services.strangers.refuses(client, user, *teams):
        return message
    return {**message, "blocks": [*message["blocks"], *commands_help(role)]}


def make_csp_command(services: Services):
    def on_csp(ack, command, body, context, client, respond, logger):
        ack()  # within Slack's 3 seconds; the answer follows through response_url
        text = (command.get("text") or "").strip() or "help"
        if text.lower() == "update":
            open_update_form(services, command, body, context, client, respond, logger)
            return
        user, teams = command.get("user_id"), (actor_team(body, context), context.team_id)
        message = weekly_reply(services, text, command, client, teams)
        if message is None:
            message = officer_reply(services, text, client, user, teams, command.get("trigger_id"))
        if message is None:
            message, _ = reply_to(services, text, client, user, *teams)
            if text.lower() == "help":
                message = _with_commands(services, message, client, user, teams)
        if message:  # a form opened instead needs no reply
            respond(response_type="ephemeral", **message)

    return on_csp
