"""The officers' Slack user group (`CSP_OFFICER_USERGROUP`): are you in it?

Roles asks this about someone neither the settings nor the store name. Slack is asked
(`usergroups.users.list`, scope `usergroups:read`) at most once every few minutes: the
members are kept for MEMBERS_SECONDS, so someone taken out of the group in Slack may still
write for that long. A lookup that fails (an API error such as a missing scope, no answer, an
answer of the wrong shape) counts as "not a member" for that request, is logged once, and is
not kept: the next request asks Slack again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

MEMBERS_SECONDS = 300
METHOD = "usergroups.users.list"


class LookupFailed(Exception):
    """Slack did not say who is in the group; the message says why, without secrets."""


@dataclass
class OfficerGroup:
    client: WebClient
    usergroup_id: str
    clock: Callable[[], float] = time.monotonic
    lifetime: float = MEMBERS_SECONDS
    logger: logging.Logger = field(default_factory=lambda: logging.getLogger(__name__))
    _members: tuple[float, frozenset[str]] | None = field(default=None, init=False)
    """When the members were asked for, and who they were; only a lookup that worked."""
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)

    def __call__(self, user_id: str) -> bool:
        """True only when Slack said, within the lifetime, that the user is a member."""
        members = self.members()
        return members is not None and user_id in members

    def members(self) -> frozenset[str] | None:
        """The group's members, or None when Slack could not be asked just now."""
        with self._lock:
            kept = self._members
        if kept is not None and self.clock() - kept[0] < self.lifetime:
            return kept[1]
        # Asked outside the lock: one slow lookup does not queue everyone behind it, and
        # two requests meeting an expired list at once simply ask twice.
        asked_at = self.clock()
        try:
            members = self._ask_slack()
        except LookupFailed as failure:
            self.logger.warning(
                "could not read the officers' user group %s: %s; its members are refused until it works",
                self.usergroup_id,
                failure,
            )
            return None
        with self._lock:
            if self._members is None or self._members[0] <= asked_at:
                self._members = (asked_at, members)
        return members

    def _ask_slack(self) -> frozenset[str]:
        try:
            response = self.client.usergroups_users_list(usergroup=self.usergroup_id)
        except SlackApiError as error:
            raise LookupFailed(_api_error(error)) from None
        except (SlackClientError, OSError) as error:
            raise LookupFailed(f"{METHOD} did not answer ({type(error).__name__}: {error})") from None
        users = response.get("users")
        if not isinstance(users, list) or not all(isinstance(u, str) for u in users):
            raise LookupFailed(f"{METHOD} answered without a list of users")
        return frozenset(users)


def _api_error(error: SlackApiError) -> str:
    code = error.response.get("error", "unknown_error") if error.response is not None else "unknown_error"
    if code == "missing_scope":
        return f"{METHOD} failed: missing_scope (the app needs usergroups:read; reinstall it)"
    return f"{METHOD} failed: {code}"
