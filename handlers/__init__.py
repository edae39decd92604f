"""Slack listeners: thin, one module per kind. `register` wires them into a Bolt app."""

from __future__ import annotations

import re

from slack_bolt import App

from handlers.actions import make_button_listener
from handlers.blocks import ACTION_ASK
from handlers.commands import make_csp_command
from handlers.events import make_direct_message_listener, make_home_listener, make_mention_listener
from handlers.middleware import make_event_deduplicator
from handlers.replies import Services

COMMAND = "/csp"
EVENT_LISTENERS = {
    "app_mention": make_mention_listener,
    "message": make_direct_message_listener,  # the manifest subscribes to message.im only
    "app_home_opened": make_home_listener,
}


def register(app: App, services: Services) -> None:
    app.use(make_event_deduplicator(services.knowledge.store))
    for event, make_listener in EVENT_LISTENERS.items():
        app.event(event)(make_listener(services))
    app.command(COMMAND)(make_csp_command(services))
    app.action(re.compile(rf"^{ACTION_ASK}_\d+$"))(make_button_listener(services))
