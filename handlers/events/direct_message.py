"""A direct message to the bot: a question, or a police data file to import."""

from __future__ import annotations

from handlers.access import actor_team
from handlers.events.csv_upload import reply_to_upload
from handlers.events.messages import from_a_bot, reply_to_event
from handlers.replies import Services


def make_direct_message_listener(services: Services):
    def on_direct_message(event, body, context, client, say, logger):
        """The answer comes back in the same conversation."""
        if event.get("channel_type") != "im" or from_a_bot(event):
            return
        if event.get("files"):
            message = reply_to_upload(services, event, client, (actor_team(body, context), context.team_id))
        else:
            message, _ = reply_to_event(services, event, body, context, client)
        thread = event.get("thread_ts")
        say(thread_ts=thread, **message) if thread else say(**message)

    return on_direct_message
