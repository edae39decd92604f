"""Modal submissions (`app.view(...)`): none yet; this is where they will be wired."""

from __future__ import annotations

from slack_bolt import App

from handlers.replies import Services


def register(app: App, services: Services) -> None:
    """Nothing to wire until the bot opens a modal."""
