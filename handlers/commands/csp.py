"""The /csp slash command: `/csp <question>`; `/csp` alone and `/csp help` show help; and the
officers' subcommands (`update`, `history`, `undo`, `grant`, `revoke`, `roles`), and the weekly
ones (`digest`, `tasking`, `tasks`, `task add|update|close`)."""

from __future__ import annotations

from handlers.access import actor_team
from handlers.commands.officers import officer_reply
from handlers.commands.weekly import weekly_reply
from handlers.replies import Services, reply_to


def make_csp_command(services: Services):
    def on_csp(ack, command, body, context, client, respond, logger):
        ack()  # within Slack's 3 seconds; the answer follows through response_url
        text = (command.get("text") or "").strip() or "help"
        user, teams = command.get("user_id"), (actor_team(body, context), context.team_id)
        message = weekly_reply(services, text, command, client, teams)
        if message is None:
            message = officer_reply(services, text, client, user, teams, command.get("trigger_id"))
        if message is None:
            message, _ = reply_to(services, text, client, user, *teams)
        if message:  # a form opened instead needs no reply
            respond(response_type="ephemeral", **message)

    return on_csp
