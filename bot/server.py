"""Serving Slack: Socket Mode (the default: no public URL) or HTTP under uvicorn."""

from __future__ import annotations

import uvicorn
from slack_bolt import App
from slack_bolt.adapter.asgi import SlackRequestHandler
from slack_bolt.adapter.socket_mode import SocketModeHandler

EVENTS_PATH = "/slack/events"


def asgi_app(app: App) -> SlackRequestHandler:
    """Slack's requests at /slack/events; Bolt verifies each signature before any listener runs."""
    return SlackRequestHandler(app, path=EVENTS_PATH)


def http_server(app: App, host: str, port: int, log_level: str = "info") -> uvicorn.Server:
    config = uvicorn.Config(
        asgi_app(app), host=host, port=port, log_level=log_level.lower(), access_log=False
    )
    return uvicorn.Server(config)


def serve_http(app: App, host: str, port: int, log_level: str = "info") -> None:
    http_server(app, host, port, log_level).run()


def socket_mode_handler(app: App, app_token: str) -> SocketModeHandler:
    return SocketModeHandler(app, app_token)
