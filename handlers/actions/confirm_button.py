"""The "Yes, record it" button under a figure that looked off: run the officer's /csp command
again, confirmed, with the clicker's own rights, and put the result in place of the question."""

from __future__ import annotations

import json

from handlers.access import actor_team
from handlers.blocks.kit import escape
from handlers.blocks.updates import problem
from handlers.commands.officers import officer_reply
from handlers.replies import Services

BROKEN = "That button no longer works: send the command again."


def _pending(value: str | None) -> tuple[str, str | None] | None:
    """The command to run and the request it came from, from the button's value."""
    try:
        pending = json.loads(value or "")
        return str(pending["run"]), pending.get("request")
    except (ValueError, KeyError, TypeError):
        return None


def make_confirm_listener(services: Services):
    def on_confirm(ack, body, action, context, client, respond, logger):
        ack()
        pending = _pending(action.get("value"))
        if pending is None:
            respond(response_type="ephemeral", replace_original=False, **problem(BROKEN))
            return
        text, request = pending
        user = (body.get("user") or {}).get("id")
        teams = (actor_team(body, context), context.team_id)
        # One request id for every click on this button: a second click records nothing more.
        request_id = f"{request}:confirmed" if request else body.get("trigger_id")
        # The value holds the command as read; escaped as Slack sends typed text, it reads the same.
        message = officer_reply(services, escape(text), client, user, teams, request_id, confirmed=True)
        respond(response_type="ephemeral", replace_original=True, **(message or problem(BROKEN)))

    return on_confirm
