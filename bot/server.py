"""Serving Slack: Socket Mode (the default: no public URL) or HTTP under uvicorn."""

from __future__ import annotations

import asyncio

import uvicorn
from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.adapter.asgi import SlackRequestHandler
from slack_bolt.adapter.asgi.http_request import AsgiHttpRequest
from slack_bolt.adapter.socket_mode import SocketModeHandler

EVENTS_PATH = "/slack/events"


class ThreadedSlackRequestHandler(SlackRequestHandler):
    """Bolt's ASGI adapter runs a sync app on the event loop, so one request waiting for its
    ack holds up every other; this one dispatches each request on a worker thread."""

    async def dispatch(self, request: AsgiHttpRequest) -> BoltResponse:
        bolt_request = BoltRequest(
            body=await request.get_raw_body(), query=request.query_string, headers=request.get_headers()
        )
        return await asyncio.to_thread(self.app.dispatch, bolt_request)


def asgi_app(app: App) -> SlackRequestHandler:
    """Slack's requests at /slack/events; Bolt verifies each signature before any listener runs."""
    return ThreadedSlackRequestHandler(app, path=EVENTS_PATH)


def http_server(app: App, host: str, port: int, log_level: str = "info") -> uvicorn.Server:
    config = uvicorn.Config(
        asgi_app(app), host=host, port=port, log_level=log_level.lower(), access_log=False
    )
    return uvicorn.Server(config)


def serve_http(app: App, host: str, port: int, log_level: str = "info") -> None:
    http_server(app, host, port, log_level).run()


def socket_mode_handler(app: App, app_token: str) -> SocketModeHandler:
    return SocketModeHandler(app, app_token)
