"""Events: a mention in a channel, a direct message, the App Home tab."""

from __future__ import annotations

from slack_bolt import App

from handlers.events.direct_message import make_direct_message_listener
from handlers.events.home_opened import make_home_listener
from handlers.events.mention import make_mention_listener
from handlers.replies import Services

EVENT_LISTENERS = {
    "app_mention": make_mention_listener,
    "message": make_direct_message_listener,  # the manifest subscribes to message.im only
    "app_home_opened": make_home_listener,
}


def register(app: App, services: Services) -> None:
    for event, make_listener in EVENT_LISTENERS.items():
        app.event(event)(make_listener(services))
