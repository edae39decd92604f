"""Modal submissions (`app.view(...)`): the form that records a figure."""

from __future__ import annotations

from slack_bolt import App

from handlers.blocks.forms import FORM_CALLBACK
from handlers.replies import Services
from handlers.views.update_form import make_form_listener


def register(app: App, services: Services) -> None:
    app.view(FORM_CALLBACK)(make_form_listener(services))
