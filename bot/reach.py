"""Talking to Slack at start-up: a failure said in one line ("cannot reach Slack at …: …"), and
`check_slack`, what `csp-bot check` runs to show that the settings work."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from slack_bolt.error import BoltError
from slack_sdk.errors import SlackApiError

from bot.app import web_client
from bot.settings import Settings


class SlackUnreachable(Exception):
    """Slack could not be reached, or refused the bot: the message is one line."""


def _reason(error: BaseException) -> str:
    """What went wrong, as the operating system says it: "Connection refused"."""
    cause = getattr(error, "reason", None) or error.__cause__ or error
    if isinstance(cause, OSError) and cause.strerror:
        return cause.strerror
    return str(cause) or type(cause).__name__


@contextmanager
def slack_errors(api_url: str) -> Iterator[None]:
    """Turn a failure to reach or be accepted by Slack into SlackUnreachable, in one line."""
    try:
        yield
    except SlackApiError as error:
        raise SlackUnreachable(f"Slack at {api_url} refused the bot: {error.response.get('error')}") from None
    except BoltError as error:
        raise SlackUnreachable(f"Slack at {api_url} refused the bot: {error}") from None
    except OSError as error:  # urllib's URLError, a refused connection, a timeout, a bad name
        raise SlackUnreachable(f"cannot reach Slack at {api_url}: {_reason(error)}") from None


def check_slack(settings: Settings) -> str:
    """One line saying whom Slack takes the bot for; SlackUnreachable when it cannot say."""
    with slack_errors(settings.slack_api_url):
        answer = web_client(settings).auth_test()
    return (
        f"Slack answers at {settings.slack_api_url}: the bot is @{answer.get('user', '?')} "
        f"({answer.get('user_id', '?')}) in {answer.get('team', '?')} ({answer.get('team_id', '?')})"
    )
