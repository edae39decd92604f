"""Posting scheduled messages through Slack's Web API, and finding them again.

The client given here must not retry on a connection error by itself: a post whose answer
was lost may have gone out, and `knowledge.services.posting` decides what to do about it
(look in the channel's history first). A 429 is safe to retry after its Retry-After: Slack
turned the post away.
"""

from __future__ import annotations

import logging
from datetime import datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from knowledge.services.posting import METADATA_EVENT, PostError

log = logging.getLogger(__name__)
MAX_HISTORY_PAGES = 5


class SlackPoster:
    def __init__(self, client: WebClient) -> None:
        self.client = client
        self._home: tuple[str | None, str | None] | None = None

    def post(self, channel: str, message: dict, run: str) -> str:
        try:
            response = self.client.chat_postMessage(
                channel=channel,
                text=message["text"],
                blocks=message.get("blocks"),
                metadata={"event_type": METADATA_EVENT, "event_payload": {"run": run}},
                unfurl_links=False,
                unfurl_media=False,
            )
        except SlackApiError as error:
            raise PostError(f"Slack answered {error.response.get('error')}", certain=True) from None
        except Exception as error:  # the connection broke: the post may or may not have gone out
            raise PostError(
                f"no answer from Slack ({type(error).__name__}: {error})", certain=False
            ) from None
        return response["ts"]

    def _conversation(self, channel: str) -> str:
        """A user id stands for the bot's direct message with them: its channel id."""
        if channel[:1] in ("U", "W"):
            return self.client.conversations_open(users=channel)["channel"]["id"]
        return channel

    def find(self, channel: str, run: str, oldest: datetime) -> str | None:
        try:
            conversation = self._conversation(channel)
            cursor = None
            for _ in range(MAX_HISTORY_PAGES):
                page = self.client.conversations_history(
                    channel=conversation,
                    oldest=f"{oldest.timestamp():.6f}",
                    include_all_metadata=True,
                    limit=200,
                    cursor=cursor,
                )
                for message in page.get("messages") or []:
                    metadata = message.get("metadata") or {}
                    payload = metadata.get("event_payload") or {}
                    if metadata.get("event_type") == METADATA_EVENT and payload.get("run") == run:
                        return message["ts"]
                cursor = (page.get("response_metadata") or {}).get("next_cursor")
                if not cursor:
                    return None
        except SlackApiError as error:
            raise PostError(f"cannot read the history: {error.response.get('error')}", certain=True) from None
        except Exception as error:
            raise PostError(f"cannot read the history: {type(error).__name__}", certain=False) from None
        return None

    def is_private(self, channel: str) -> bool:
        """Whether a channel is private; False when Slack cannot say (fail closed)."""
        try:
            info = self.client.conversations_info(channel=channel)["channel"]
        except Exception as error:
            log.warning("cannot tell whether %s is private: %s", channel, error)
            return False
        return bool(info.get("is_private") or info.get("is_im") or info.get("is_mpim"))

    def send(self, user: str, message: dict) -> bool:
        """A direct message, best effort (an assignment notice); False if it did not go."""
        try:
            self.client.chat_postMessage(channel=user, text=message["text"], blocks=message.get("blocks"))
        except Exception as error:
            log.warning("could not send a direct message to %s: %s", user, error)
            return False
        return True

    def home_link(self) -> str | None:
        """slack://app?team=…&id=…&tab=home, from auth.test and bots.info; None if Slack cannot say."""
        if self._home is None:
            try:
                auth = self.client.auth_test()
                bot = self.client.bots_info(bot=auth["bot_id"])["bot"]
                self._home = (auth.get("team_id"), bot.get("app_id"))
            except Exception as error:
                log.info("no link to the Home tab: %s", error)
                self._home = (None, None)
        team, app = self._home
        return f"slack://app?team={team}&id={app}&tab=home" if team and app else None


def posting_client(token: str | None, base_url: str, retries: int = 3) -> WebClient:
    """A client that waits out a 429 (Slack turned the post away) and retries nothing else."""
    from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

    return WebClient(
        token=token, base_url=base_url, retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=retries)]
    )
