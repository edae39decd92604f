"""What the mention and the direct message listeners share: both answer a message's text."""

from __future__ import annotations

from handlers.access import actor_team
from handlers.replies import Services, reply_to

IGNORED_SUBTYPES = {"bot_message", "message_changed", "message_deleted", "channel_join", "channel_leave"}


def from_a_bot(event: dict) -> bool:
    return bool(event.get("bot_id") or event.get("bot_profile") or event.get("subtype") in IGNORED_SUBTYPES)


def reply_to_event(services: Services, event: dict, body: dict, context, client) -> tuple[dict, bool]:
    """The reply to a message event's text, for the user who wrote it."""
    return reply_to(
        services, event.get("text", ""), client, event.get("user"), actor_team(body, context), context.team_id
    )
