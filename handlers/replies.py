"""What every listener does with a question: answer it, or politely refuse a stranger."""

from __future__ import annotations

from dataclasses import dataclass

from slack_sdk import WebClient

from handlers.blocks import build_message, section
from handlers.strangers import StrangerPolicy
from knowledge.answering import Knowledge
from knowledge.domain.models import Kind

STRANGER_REFUSAL = (
    "Sorry, I can only share the partnership's figures with people from its own workspace. "
    "Ask “help” to see what I do, or ask a partner from the workspace to look it up."
)


@dataclass
class Services:
    """What the listeners need, made once by the app factory."""

    knowledge: Knowledge
    strangers: StrangerPolicy


def refusal_message() -> dict:
    return {"text": STRANGER_REFUSAL, "blocks": [section(f":lock: {STRANGER_REFUSAL}")]}


def reply_to(
    services: Services,
    question: str,
    client: WebClient,
    user_id: str | None,
    actor_team: str | None,
    home_team: str | None,
) -> tuple[dict, bool]:
    """The message to send, and whether it is a refusal (best shown only to the asker)."""
    answer = services.knowledge.ask(question)
    if answer.kind is not Kind.HELP and services.strangers.refuses(client, user_id, actor_team, home_team):
        return refusal_message(), True
    return build_message(answer), False


def actor_team(body: dict, context) -> str | None:
    """The acting user's own team, where the payload says it.

    The user's team (`event.user_team`, `user.team_id`) comes first: Bolt's `actor_team_id`
    is only worked out for externally shared channels and is otherwise the installing team.
    An enterprise id (E…) cannot be compared with a team id, so it counts as unknown, and
    `users.info` decides.
    """
    event = body.get("event") or {}
    user = body.get("user") if isinstance(body.get("user"), dict) else {}
    for team in (
        event.get("user_team"),
        user.get("team_id"),
        body.get("user_team_id"),
        context.actor_team_id,
    ):
        if isinstance(team, str) and team.startswith("T"):
            return team
    return None
