"""Slack listeners, one folder per kind; `register` wires every group into a Bolt app."""

from __future__ import annotations

from slack_bolt import App

from handlers import actions, commands, events, views
from handlers.middleware import make_event_deduplicator
from handlers.replies import Services


def register(app: App, services: Services) -> None:
    app.use(make_event_deduplicator(services.knowledge.store))
    events.register(app, services)
    commands.register(app, services)
    actions.register(app, services)
    views.register(app, services)
