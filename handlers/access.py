"""Who is asking (`actor_team`), and who may ask (`StrangerPolicy`): people of the installing
workspace, and of teams on the allow list.

In a shared (Slack Connect) channel, `context.team_id` is the installing workspace even for
someone from another organisation. The acting user's team is `actor_team_id` where Slack
sends it; otherwise `users.info` says whether the user `is_stranger`. Answers are kept to
each user for a while, so a conversation costs one lookup, not one per message.

Only Slack's answers are kept. A lookup that fails (an API error, a rate limit past its retries,
a dropped connection) refuses this request only, as `Access.UNCHECKED`, so the person can be
told to try again, and the next request asks Slack again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from http.client import HTTPException

from slack_sdk import WebClient
from slack_sdk.errors import SlackClientError

from handlers.delivery import describe

LOOKUP_SECONDS = 600
MAX_REMEMBERED_USERS = 1000
"""Far more people than ask in one lookup's lifetime; a bound so a busy or hostile shared
channel cannot grow the process's memory without end."""


class Access(StrEnum):
    ALLOWED = "allowed"
    REFUSED = "refused"
    """From another organisation not on the allow list, or not known at all."""
    UNCHECKED = "unchecked"
    """Slack could not be asked just now: refused this once, asked again next time."""


@dataclass
class StrangerPolicy:
    allowed_team_ids: frozenset[str] = frozenset()
    clock: Callable[[], float] = time.monotonic
    max_users: int = MAX_REMEMBERED_USERS
    logger: logging.Logger = field(default_factory=lambda: logging.getLogger(__name__))
    # Oldest answer first: every answer lives as long, so the expired ones are a prefix.
    _seen: OrderedDict[str, tuple[float, bool]] = field(default_factory=OrderedDict, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)

    def refuses(
        self, client: WebClient, user_id: str | None, actor_team: str | None, home_team: str | None
    ) -> bool:
        """True when the user is from another organisation that is not allowed. Fails closed."""
        return self.access(client, user_id, actor_team, home_team) is not Access.ALLOWED

    def access(
        self, client: WebClient, user_id: str | None, actor_team: str | None, home_team: str | None
    ) -> Access:
        """Whether the user may see the partnership's figures, and if not, why."""
        if actor_team and home_team and actor_team != home_team:
            return Access.ALLOWED if actor_team in self.allowed_team_ids else Access.REFUSED
        if not user_id:
            return Access.REFUSED
        remembered = self._remembered(user_id)
        if remembered is not None:
            return Access.REFUSED if remembered else Access.ALLOWED
        # Slack is asked outside the lock, so one slow users.info does not hold up everyone.
        refused = self._ask_slack(client, user_id)
        if refused is None:
            return Access.UNCHECKED
        self._remember(user_id, refused)
        return Access.REFUSED if refused else Access.ALLOWED

    def _remembered(self, user_id: str) -> bool | None:
        with self._lock:
            self._forget_expired()
            cached = self._seen.get(user_id)
        return None if cached is None else cached[1]

    def _remember(self, user_id: str, refused: bool) -> None:
        with self._lock:
            self._seen.pop(user_id, None)  # re-inserted at the end: it is now the newest
            self._seen[user_id] = (self.clock(), refused)
            self._forget_expired()
            while len(self._seen) > self.max_users:
                self._seen.popitem(last=False)

    def _forget_expired(self) -> None:
        """Drop answers past their lifetime; the caller holds the lock."""
        now = self.clock()
        while self._seen:
            asked_at, _ = next(iter(self._seen.values()))
            if now - asked_at < LOOKUP_SECONDS:
                return
            self._seen.popitem(last=False)

    def _ask_slack(self, client: WebClient, user_id: str) -> bool | None:
        """Whether Slack says to refuse the user; None when Slack could not say."""
        try:
            user = client.users_info(user=user_id)["user"]
        except (SlackClientError, OSError, HTTPException, KeyError, TypeError) as error:
            self.logger.warning(
                "users.info failed for %s (%s): refused this once, asked again next time",
                user_id,
                describe(error),
            )
            return None
        if not isinstance(user, dict):
            return None
        if not user.get("is_stranger"):
            return False
        return user.get("team_id") not in self.allowed_team_ids


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
