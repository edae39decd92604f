"""Events: a mention in a channel, a direct message, the App Home tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from handlers.events.direct_message import make_direct_message_listener
from handlers.events.home_opened import make_home_listener
from handlers.events.mention import make_mention_listener
from handlers.replies import Services

if TYPE_CHECKING:
    from handlers.queued import QueuedListeners

EVENT_LISTENERS = {
    "app_mention": make_mention_listener,
    "message": make_direct_message_listener,  # the manifest subscribes to message.im only
    "app_home_opened": make_home_listener,
}


def register(app: QueuedListeners, services: Services) -> None:
    for event, make_listener in EVENT_LISTENERS.items():
        app.event(event)(make_listener(services))
