"""Slash commands."""

from __future__ import annotations

from slack_bolt import App

from handlers.commands.csp import make_csp_command
from handlers.replies import Services

COMMAND = "/csp"


def register(app: App, services: Services) -> None:
    app.command(COMMAND)(make_csp_command(services))
