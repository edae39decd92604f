"""Serving Slack: Socket Mode (the default: no public URL) or HTTP under uvicorn.

Over HTTP, `SlackHttp` is the whole web app: `POST /slack/events` for Slack, checked by
`bot.guard` (size, then signature on the raw bytes, then shape) before Bolt sees it, and
`GET /health` for whoever watches the bot. A refused request gets its status and one log
line, never its body. Bolt runs on a pool of threads of its own, so one request waiting for
its ack never holds up the event loop or the others.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import uvicorn
from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.app import Bot, Status
from bot.guard import Refused, check_signature, declared_length, is_ssl_check, well_formed

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/health"
DISPATCH_THREADS = 16

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
Reply = tuple[int, dict[str, list[str]], str]


class SlackHttp:
    """An ASGI app: Slack's requests and the health check."""

    def __init__(
        self,
        bot: Bot,
        clock: Callable[[], float] = time.time,
        logger: logging.Logger | None = None,
    ) -> None:
        self.bot = bot
        secret = bot.settings.slack_signing_secret
        self._secret = secret.get_secret_value().encode() if secret else b""
        self.max_body = bot.settings.csp_max_body_bytes
        self.clock = clock
        self.logger = logger or logging.getLogger(__name__)
        self._dispatchers = ThreadPoolExecutor(max_workers=DISPATCH_THREADS, thread_name_prefix="csp-http")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        route = (scope["method"], scope["path"])
        if route == ("POST", EVENTS_PATH):
            reply = await self._slack(scope, receive)
        elif route in {("GET", HEALTH_PATH), ("HEAD", HEALTH_PATH)}:
            reply = self._health()
        else:
            reply = (404, {"content-type": ["text/plain; charset=utf-8"]}, "Not Found")
        await _send(send, reply)

    def _health(self) -> Reply:
        health = self.bot.health()
        status = 503 if health.status is Status.FAILING else 200
        return status, {"content-type": ["application/json"]}, health.model_dump_json()

    async def _slack(self, scope: Scope, receive: Receive) -> Reply:
        headers = {name.decode("latin-1"): value.decode("latin-1") for name, value in scope["headers"]}
        content_type = headers.get("content-type", "")
        try:
            body = await self._read(receive, declared_length(headers.get("content-length"), self.max_body))
            if not self._secret:
                raise Refused(401, "no signing secret is set")
            try:
                check_signature(
                    self._secret,
                    headers.get("x-slack-request-timestamp"),
                    headers.get("x-slack-signature"),
                    body,
                    self.clock(),
                )
            except Refused:
                if is_ssl_check(body, content_type):
                    return 200, {}, ""  # Slack's ping of a command's URL: answered, nothing run
                raise
            text = well_formed(body, content_type)
        except Refused as refused:
            client = scope.get("client") or ("?", 0)
            self.logger.warning(
                "refused a request from %s: %s (%d)", client[0], refused.reason, refused.status
            )
            return (
                refused.status,
                {"content-type": ["application/json"]},
                json.dumps({"error": refused.reason}),
            )
        query = scope.get("query_string", b"").decode("latin-1")
        loop = asyncio.get_running_loop()
        response = await loop.run_in_executor(self._dispatchers, self._dispatch, text, query, headers)
        return response.status, response.headers, response.body

    async def _read(self, receive: Receive, declared: int | None) -> bytes:
        """The body, refused (413) as soon as it is over the limit, whatever its declared length."""
        chunks = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise Refused(400, "the client went away before the body was sent")
            chunks += message.get("body", b"")
            if len(chunks) > self.max_body or (declared is not None and len(chunks) > declared):
                raise Refused(413, f"the body is over {self.max_body:,} bytes")
            if not message.get("more_body"):
                return bytes(chunks)

    def _dispatch(self, text: str, query: str, headers: dict[str, str]) -> BoltResponse:
        return self.bot.app.dispatch(BoltRequest(body=text, query=query, headers=headers))

    def close(self) -> None:
        self._dispatchers.shutdown(wait=False)


async def _send(send: Send, reply: Reply) -> None:
    status, headers, body = reply
    data = body.encode() if isinstance(body, str) else bytes(body)
    raw_headers = [(name.encode(), value.encode()) for name, values in headers.items() for value in values]
    raw_headers.append((b"content-length", str(len(data)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": data})


async def _lifespan(receive: Receive, send: Send) -> None:
    message = await receive()
    if message["type"] == "lifespan.startup":
        await send({"type": "lifespan.startup.complete"})
        message = await receive()
    if message["type"] == "lifespan.shutdown":
        await send({"type": "lifespan.shutdown.complete"})


def http_server(bot: Bot, host: str, port: int, log_level: str = "info") -> uvicorn.Server:
    config = uvicorn.Config(
        SlackHttp(bot), host=host, port=port, log_level=log_level.lower(), access_log=False, lifespan="on"
    )
    return uvicorn.Server(config)


def serve_http(bot: Bot, host: str, port: int, log_level: str = "info") -> None:
    http_server(bot, host, port, log_level).run()


def socket_mode_handler(app: App, app_token: str) -> SocketModeHandler:
    return SocketModeHandler(app, app_token)
