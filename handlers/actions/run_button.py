"""Buttons that finish an officer's subcommand ("which indicator?", "which period?"): the
value is the /csp command to run, for whoever clicks, with their own rights."""

from __future__ import annotations

from handlers.access import actor_team
from handlers.commands.officers import officer_reply
from handlers.replies import Services


def make_run_listener(services: Services):
    def on_run(ack, body, action, context, client, respond, logger):
        ack()
        user = (body.get("user") or {}).get("id")
        teams = (actor_team(body, context), context.team_id)
        message = officer_reply(
            services, action.get("value", ""), client, user, teams, body.get("trigger_id")
        )
        if message is not None:
            respond(response_type="ephemeral", replace_original=False, **message)

    return on_run
