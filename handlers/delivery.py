"""Getting a reply to Slack: retried with back-off when Slack is briefly unable to take it.

Both roads a reply takes are retried the same way: the Web API client (`chat.postMessage`,
`users.info`…) and a slash command's or button's `response_url`. A 429 waits its `Retry-After`;
a 500, 502, 503 or 504 and a dropped connection wait a growing, jittered interval. Bolt's own
`respond` tries a `response_url` once and returns a 429 or a 500 as if it were an answer, so
listeners that run on the work queue are given a `Responder` instead, which retries and raises
`DeliveryFailed` when Slack still would not take the reply.

Nothing here writes a request's body, a token or a `response_url` to the log: `describe` gives a
failure in one line without them.
"""

from __future__ import annotations

import random
from http.client import HTTPException
from typing import Any

from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.builtin_interval_calculators import BackoffRetryIntervalCalculator
from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.http_retry.jitter import Jitter
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.webhook import WebhookClient, WebhookResponse

RATE_LIMIT_RETRIES = 3
SERVER_ERROR_RETRIES = 3
CONNECTION_RETRIES = 1
BACKOFF_SECONDS = 0.5
"""The first wait after a server error or a dropped connection; each next one doubles."""
RETRIED_STATUSES = frozenset({500, 502, 503, 504})
TIMEOUT_SECONDS = 30


class ServerErrorRetry(ServerErrorRetryHandler):
    """Slack's own handler retries 500 and 503 only; a gateway's 502 and 504 are as passing."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return response is not None and response.status_code in RETRIED_STATUSES


class ProportionalJitter(Jitter):
    """Up to half as long again: Slack's own jitter adds up to a whole second to every wait."""

    def recalculate(self, duration: float) -> float:
        return duration * (1 + random.random() / 2)


def retry_handlers(backoff: float = BACKOFF_SECONDS) -> list[RetryHandler]:
    """For every client that talks to Slack: the Web API client and each response_url.
    `backoff` is the first wait in seconds after a server error or a dropped connection."""
    interval = BackoffRetryIntervalCalculator(backoff_factor=backoff, jitter=ProportionalJitter())
    return [
        ConnectionErrorRetryHandler(max_retry_count=CONNECTION_RETRIES, interval_calculator=interval),
        RateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES),
        ServerErrorRetry(max_retry_count=SERVER_ERROR_RETRIES, interval_calculator=interval),
    ]


class DeliveryFailed(Exception):
    """Slack would not take a reply at a response_url, after the retries."""

    def __init__(self, status: int, error: str) -> None:
        super().__init__(f"response_url answered {status} {error}".strip())
        self.status = status


class Responder:
    """`respond(...)` as Bolt's, for a response_url, with retries; raises `DeliveryFailed`."""

    def __init__(self, response_url: str | None, handlers: list[RetryHandler]) -> None:
        self.response_url = response_url
        self._handlers = handlers

    def __call__(self, text: str = "", **fields: Any) -> WebhookResponse:
        if not self.response_url:
            raise ValueError("respond is unsupported here as there is no response_url")
        message: dict[str, Any] = {"text": text}
        for name, value in fields.items():
            if value is not None:
                message[name] = _plain(value)
        client = WebhookClient(self.response_url, timeout=TIMEOUT_SECONDS, retry_handlers=self._handlers)
        response = client.send_dict(message)
        if response.status_code != 200:
            raise DeliveryFailed(response.status_code, (response.body or "")[:60])
        return response


def _plain(value: Any) -> Any:
    """Block Kit objects as dicts, as Bolt's respond sends them."""
    if isinstance(value, list | tuple):
        return [item.to_dict() if hasattr(item, "to_dict") else item for item in value]
    return value


def is_transient(error: BaseException) -> bool:
    """Whether trying the same again later may work: Slack rate-limited, failed or was unreachable."""
    if isinstance(error, SlackApiError):
        status = error.response.status_code if error.response is not None else 0
        return status == 429 or status >= 500
    if isinstance(error, DeliveryFailed):
        return error.status == 429 or error.status >= 500
    return isinstance(error, SlackClientError | OSError | HTTPException)


def describe(error: BaseException) -> str:
    """A failure in one line, with no URL, token or body."""
    if isinstance(error, SlackApiError) and error.response is not None:
        response = error.response
        code = response.get("error") if isinstance(response.data, dict) else None
        return f"Slack answered {response.status_code} {code or ''}".strip()
    first_line = (str(error).splitlines() or [""])[0]
    return f"{type(error).__name__}: {first_line[:200]}"
