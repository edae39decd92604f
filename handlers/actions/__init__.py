"""Interactive actions: a button carries a question to ask, an officer's /csp command to finish,
or a police data file for an admin to import."""

from __future__ import annotations

import re

from slack_bolt import App

from handlers.actions.ask_button import make_button_listener
from handlers.actions.import_button import make_import_listener
from handlers.actions.run_button import make_run_listener
from handlers.blocks import ACTION_ASK
from handlers.blocks.imports import ACTION_IMPORT
from handlers.blocks.updates import ACTION_RUN
from handlers.replies import Services


def register(app: App, services: Services) -> None:
    app.action(re.compile(rf"^{ACTION_ASK}_\d+$"))(make_button_listener(services))
    app.action(re.compile(rf"^{ACTION_RUN}_\d+$"))(make_run_listener(services))
    app.action(ACTION_IMPORT)(make_import_listener(services))
