"""`/csp update` alone: open the form an officer fills in to record a figure.

The trigger id expires three seconds after the command, so the form opens straight after
the acknowledgement, once the asker is known to be an officer of the workspace.
"""

from __future__ import annotations

import logging

from slack_bolt import BoltContext
from slack_bolt.context.respond import Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from handlers.access import actor_team
from handlers.blocks import updates as say
from handlers.blocks.forms import update_form
from handlers.replies import Services, refusal_message
from knowledge.services.commands import UPDATE_EXAMPLE


def open_update_form(
    services: Services,
    command: dict,
    body: dict,
    context: BoltContext,
    client: WebClient,
    respond: Respond,
    logger: logging.Logger,
) -> None:
    user = command.get("user_id")
    if not services.roles.can_write(user):  # the store, or the officers' group (kept a while); fails closed
        refused = services.roles.refusal("officers can change the figures")
        respond(response_type="ephemeral", **say.refusal(str(refused)))
        return
    if services.strangers.refuses(client, user, actor_team(body, context), context.team_id):
        respond(response_type="ephemeral", **refusal_message())
        return
    view = update_form(services.knowledge.store.catalogue(), command.get("channel_id"))
    try:
        client.views_open(trigger_id=command.get("trigger_id"), view=view)
    except SlackApiError as error:
        why = error.response.get("error")
        logger.warning("could not open the update form: %s", why)
        respond(
            response_type="ephemeral",
            **say.problem(
                f"I could not open the form (Slack said {why}): try again, or type {UPDATE_EXAMPLE}"
            ),
        )
