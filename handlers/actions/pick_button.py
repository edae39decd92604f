"""A "did you mean" choice: answered like any button, and noted as what the partner meant by
the question declined, for an admin to approve or not (`/csp learn`). A stranger's pick, or
one whose sender cannot be told, is never noted."""

from __future__ import annotations

from handlers.access import actor_team
from handlers.actions.ask_button import answer_click
from handlers.blocks.picks import read_pick
from handlers.replies import Services


def make_pick_listener(services: Services):
    def on_pick(ack, body, action, context, client, respond, logger):
        ack()
        pick = read_pick(action.get("value", ""))
        user = (body.get("user") or {}).get("id")
        teams = (actor_team(body, context), context.team_id)
        if pick.key and pick.asked and user and not services.strangers.refuses(client, user, *teams):
            try:
                services.learning.record_pick(user, pick.asked, pick.key, services.clock())
            except Exception:  # a pick not noted must not cost the partner their answer
                logger.exception("a did-you-mean pick was not recorded")
        answer_click(services, pick.ask, body, context, client, respond)

    return on_pick
