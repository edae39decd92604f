"""Modal submissions (`app.view(...)`): the form that records a figure, and the one that raises
a PTF tasking."""

from __future__ import annotations

from slack_bolt import App

from handlers.blocks.forms import FORM_CALLBACK
from handlers.blocks.taskings import TASK_FORM
from handlers.replies import Services
from handlers.views.tasking_form import make_tasking_form_listener
from handlers.views.update_form import make_form_listener


def register(app: App, services: Services) -> None:
    app.view(FORM_CALLBACK)(make_form_listener(services))
    if services.weekly is not None:
        app.view(TASK_FORM)(make_tasking_form_listener(services))
