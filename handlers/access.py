"""Who is asking (`actor_team`), and who may ask (`StrangerPolicy`): people of the installing
workspace, and of teams on the allow list.

In a shared (Slack Connect) channel, `context.team_id` is the installing workspace even for
someone from another organisation. The acting user's team is `actor_team_id` where Slack
sends it; otherwise `users.info` says whether the user `is_stranger`. Answers are kept to
each user for a while, so a conversation costs one lookup, not one per message.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

LOOKUP_SECONDS = 600


@dataclass
class StrangerPolicy:
    allowed_team_ids: frozenset[str] = frozenset()
    _seen: dict[str, tuple[float, bool]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def refuses(
        self, client: WebClient, user_id: str | None, actor_team: str | None, home_team: str | None
    ) -> bool:
        """True when the user is from another organisation that is not allowed. Fails closed."""
        if actor_team and home_team and actor_team != home_team:
            return actor_team not in self.allowed_team_ids
        if not user_id:
            return True
        cached = self._seen.get(user_id)
        if cached and time.monotonic() - cached[0] < LOOKUP_SECONDS:
            return cached[1]
        refused = self._ask_slack(client, user_id)
        with self._lock:
            self._seen[user_id] = (time.monotonic(), refused)
        return refused

    def _ask_slack(self, client: WebClient, user_id: str) -> bool:
        try:
            user = client.users_info(user=user_id)["user"]
        except SlackApiError:
            return True  # cannot tell who it is: do not show partnership data
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
