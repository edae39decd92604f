"""Events: a mention in a channel, a direct message, the App Home tab."""

from __future__ import annotations

from handlers.blocks import build_home_view
from handlers.replies import Services, actor_team, reply_to

IGNORED_SUBTYPES = {"bot_message", "message_changed", "message_deleted", "channel_join", "channel_leave"}


def from_a_bot(event: dict) -> bool:
    return bool(event.get("bot_id") or event.get("bot_profile") or event.get("subtype") in IGNORED_SUBTYPES)


def reply_to_event(services: Services, event: dict, body: dict, context, client) -> tuple[dict, bool]:
    """The reply to a message event's text, for the user who wrote it."""
    return reply_to(
        services, event.get("text", ""), client, event.get("user"), actor_team(body, context), context.team_id
    )


def make_mention_listener(services: Services):
    def on_mention(event, body, context, client, say, logger):
        """A mention in a channel: the answer goes in a thread under the question."""
        if from_a_bot(event):
            return
        message, refused = reply_to_event(services, event, body, context, client)
        if refused:
            client.chat_postEphemeral(channel=event["channel"], user=event["user"], **message)
            return
        say(thread_ts=event.get("thread_ts") or event["ts"], **message)

    return on_mention


def make_direct_message_listener(services: Services):
    def on_direct_message(event, body, context, client, say, logger):
        """A direct message: the answer comes back in the same conversation."""
        if event.get("channel_type") != "im" or from_a_bot(event):
            return
        message, _ = reply_to_event(services, event, body, context, client)
        thread = event.get("thread_ts")
        say(thread_ts=thread, **message) if thread else say(**message)

    return on_direct_message


def make_home_listener(services: Services):
    def on_home_opened(event, body, context, client, logger):
        """The App Home tab: the scorecard and the actions, for people of the workspace."""
        if event.get("tab") not in (None, "home"):
            return
        user = event["user"]
        if services.strangers.refuses(client, user, actor_team(body, context), context.team_id):
            view = build_home_view(None)
        else:
            view = build_home_view(services.knowledge.home())
        client.views_publish(user_id=user, view=view)

    return on_home_opened
