"""Interactive actions: every button the bot sends carries a question to ask."""

from __future__ import annotations

import re

from slack_bolt import App

from handlers.actions.ask_button import make_button_listener
from handlers.blocks import ACTION_ASK
from handlers.replies import Services


def register(app: App, services: Services) -> None:
    app.action(re.compile(rf"^{ACTION_ASK}_\d+$"))(make_button_listener(services))
