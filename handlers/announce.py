"""The public line after a figure is recorded, in the channel set by CSP_UPDATES_CHANNEL.

It is news, not the record: the figure is already safe when it is posted, so a failed post is
logged in one line and the officer's update stands.
"""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from handlers.blocks.updates import public_line
from handlers.replies import Services
from knowledge.services.figures import Recorded

log = logging.getLogger(__name__)


def announce(services: Services, client: WebClient, user_id: str, result: Recorded) -> None:
    """Post "<@U1> updated *Knife crime* for Jan-Jun 2019: 412 (was 380)", once per figure:
    a repeated request (Slack's retry) posts nothing."""
    channel = services.updates_channel
    if not channel or result.repeated:
        return
    try:
        client.chat_postMessage(channel=channel, unfurl_links=False, **public_line(user_id, result))
    except (SlackClientError, OSError) as error:
        why = error.response.get("error") if isinstance(error, SlackApiError) else type(error).__name__
        log.warning("could not post the update of %s to %s: %s", result.indicator.key, channel, why)
