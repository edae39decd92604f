"""Reaching Slack at start-up, as `csp-bot serve` does (`serve_when_slack_answers`).

Slack cannot be reached (no network yet, Slack down, a 5xx or a 429): say so in one line and
try again with growing waits, rather than stopping. Anything else, a token Slack refuses among
them, is raised for `bot.reach.slack_errors` to say in one line: waiting will not mend it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from handlers.delivery import describe, is_transient

if TYPE_CHECKING:
    from bot.app import Bot
    from bot.settings import Mode, Settings
    from knowledge.answering import Knowledge

MAX_WAIT_SECONDS = 60
T = TypeVar("T")


def when_slack_answers(
    start: Callable[[], T],
    api_url: str,
    first_wait: float,
    sleep: Callable[[float], None] = time.sleep,
    logger: logging.Logger | None = None,
) -> T:
    """`start()`, again and again with growing waits while Slack cannot be reached."""
    logger = logger or logging.getLogger(__name__)
    wait = first_wait
    while True:
        try:
            return start()
        except Exception as error:
            if not is_transient(error):
                raise
            logger.warning(
                "cannot reach Slack at %s (%s); trying again in %g s", api_url, describe(error), wait
            )
        sleep(wait)
        wait = min(wait * 2, MAX_WAIT_SECONDS)


def serve_when_slack_answers(settings: Settings, knowledge: Knowledge, mode: Mode) -> Bot:
    """The bot, made once Slack says who it is, with the weekly posts' scheduler started and, in
    Socket Mode, the socket connected; `SlackUnreachable` when Slack refuses it."""
    from bot.app import build_bot, web_client
    from bot.reach import slack_errors
    from bot.scheduler import make_jobs, start_scheduler
    from bot.server import socket_mode_handler
    from bot.settings import Mode

    def start() -> Bot:
        web_client(settings).auth_test()
        return build_bot(settings, knowledge, mode)

    first_wait = settings.csp_retry_seconds * 4
    with slack_errors(settings.slack_api_url):
        bot = when_slack_answers(start, settings.slack_api_url, first_wait)
        start_scheduler(make_jobs(settings, knowledge))  # the weekly posts, in a background thread
        if mode is Mode.SOCKET:
            handler = socket_mode_handler(bot.app, settings.slack_app_token.get_secret_value())
            when_slack_answers(handler.connect, settings.slack_api_url, first_wait)
    return bot
