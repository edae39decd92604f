"""The submitted "Raise a PTF tasking" form: checked field by field (mistakes shown on their
fields with `response_action: errors`), raised once per form (the view id is the request id),
the owner told by direct message, and the officer told where they typed the command."""

from __future__ import annotations

import logging

from handlers.blocks.taskings import saved_message
from handlers.commands.weekly import tell_owner
from handlers.replies import Services
from knowledge.services.taskings import TaskingFieldErrors

log = logging.getLogger(__name__)
OFFICERS_ONLY = "Only officers can raise PTF taskings; an admin can grant the role."


def make_tasking_form_listener(services: Services):
    def on_submit(ack, body, view, client):
        from handlers.blocks.taskings import form_values

        user = (body.get("user") or {}).get("id")
        weekly, now = services.weekly, services.clock()
        teams = ((body.get("user") or {}).get("team_id"), (body.get("team") or {}).get("id"))
        if not user or services.strangers.refuses(client, user, *teams) or not services.roles.can_write(user):
            ack(response_action="errors", errors={"ask": OFFICERS_ONLY})
            return
        try:
            new = weekly.taskings.check(form_values(view.get("state") or {}), now)
        except TaskingFieldErrors as mistakes:
            ack(response_action="errors", errors=mistakes.errors)
            return
        ack()
        saved = weekly.taskings.add(user, new, now, request_id=view.get("id"))
        channel = view.get("private_metadata") or user
        weekly.desk.log(user, channel, "tasking raise", "shown", now, saved.tasking.ref)
        tell_owner(services, client, saved)
        message = saved_message(saved)
        try:
            if channel.startswith(("C", "G")):
                client.chat_postEphemeral(channel=channel, user=user, **message)
            else:
                client.chat_postMessage(channel=user, **message)
        except Exception as error:
            log.warning("raised %s but could not confirm it to %s: %s", saved.tasking.ref, user, error)

    return on_submit
