"""A mention of the bot in a channel."""

from __future__ import annotations

from handlers.events.messages import from_a_bot, reply_to_event
from handlers.replies import Services


def make_mention_listener(services: Services):
    def on_mention(event, body, context, client, say, logger):
        """The answer goes in a thread under the question; a refusal only to the asker."""
        if from_a_bot(event):
            return
        message, refused = reply_to_event(services, event, body, context, client)
        if refused:
            client.chat_postEphemeral(channel=event["channel"], user=event["user"], **message)
            return
        say(thread_ts=event.get("thread_ts") or event["ts"], **message)

    return on_mention
