"""The /csp slash command: `/csp <question>`; `/csp` alone and `/csp help` show help."""

from __future__ import annotations

from handlers.access import actor_team
from handlers.replies import Services, reply_to


def make_csp_command(services: Services):
    def on_csp(ack, command, body, context, client, respond, logger):
        ack()  # within Slack's 3 seconds; the answer follows through response_url
        question = (command.get("text") or "").strip() or "help"
        message, _ = reply_to(
            services, question, client, command.get("user_id"), actor_team(body, context), context.team_id
        )
        respond(response_type="ephemeral", **message)

    return on_csp
