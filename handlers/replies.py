"""What every listener does with a question: answer it, or politely refuse a stranger; and what
the bot says when it cannot answer just now (busy, Slack unable to say who is asking, the store
unavailable, a failure of its own)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from slack_sdk import WebClient

from handlers.access import Access, StrangerPolicy
from handlers.blocks import build_message, section
from knowledge.answering import Knowledge
from knowledge.domain.models import Kind
from knowledge.services.figures import Figures
from knowledge.services.imports import Imports
from knowledge.services.learning import Learning
from knowledge.services.roles import Roles
from knowledge.services.statuses import Statuses
from knowledge.services.weekly import Weekly

STRANGER_REFUSAL = (
    "Sorry, I can only share the partnership's figures with people from its own workspace. "
    "Ask “help” to see what I do, or ask a partner from the workspace to look it up."
)
UNCHECKED_REFUSAL = (
    "Sorry, I couldn't check with Slack who is asking just now, so I can't share the partnership's "
    "figures this time. Please try again in a moment."
)
BUSY = "I'm busy, try again in a moment."
STORE_UNAVAILABLE = (
    "Sorry, I can't reach the partnership's figures just now: my data store is unavailable. "
    "The people who run me have been told."
)
FAILED = "Sorry, something went wrong while answering that. It has been logged; please try again later."


@dataclass
class Services:
    """What the listeners need, made once by the app factory."""

    knowledge: Knowledge
    strangers: StrangerPolicy
    roles: Roles | None = None
    """Who may change the figures; by default only the store's own grants."""
    officer_group: str | None = None
    """The Slack user group (S…) whose members are officers, if there is one."""
    figures: Figures | None = None
    learning: Learning | None = None
    """What partners' "did you mean" picks teach, once an admin approves."""
    updates_channel: str | None = None
    """Where a public line goes after each figure recorded (CSP_UPDATES_CHANNEL); None: nowhere."""
    weekly: Weekly | None = None
    """The digest, the taskings and their schedule; None where the app was made without them."""
    imports: Imports | None = None
    """Police data files sent by admins."""
    statuses: Statuses | None = None
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))

    def __post_init__(self) -> None:
        if self.roles is None:
            self.roles = Roles(self.knowledge.store)
        if self.figures is None:
            self.figures = Figures(self.knowledge.store, self.roles)
        if self.learning is None:
            self.learning = Learning(self.knowledge, self.roles)
        if self.imports is None:
            self.imports = Imports(self.knowledge.store)
        if self.statuses is None:
            self.statuses = Statuses(self.knowledge.store, self.roles)


def refusal_message() -> dict:
    return {"text": STRANGER_REFUSAL, "blocks": [section(f":lock: {STRANGER_REFUSAL}")]}


def notice(text: str, emoji: str = ":hourglass_flowing_sand:") -> dict:
    """A short message of the bot's own (busy, unavailable), with its fallback text."""
    return {"text": text, "blocks": [section(f"{emoji} {text}")]}


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
    if answer.kind is Kind.HELP:
        return build_message(answer), False
    access = services.strangers.access(client, user_id, actor_team, home_team)
    if access is Access.UNCHECKED:
        return notice(UNCHECKED_REFUSAL, ":lock:"), True
    if access is Access.REFUSED:
        return refusal_message(), True
    return build_message(answer, services.clock().date()), False
