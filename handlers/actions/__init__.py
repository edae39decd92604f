"""Interactive actions: a button carries a question to ask (a "did you mean" one also the question
declined, to learn from), an officer's /csp command to finish, a figure that looked off to
confirm (or cancel), a police data file an admin sent to import, or a wrong figure to report."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from handlers.actions.ask_button import make_button_listener
from handlers.actions.cancel_button import on_cancel
from handlers.actions.confirm_button import make_confirm_listener
from handlers.actions.home_button import on_view_home
from handlers.actions.import_button import make_import_listener
from handlers.actions.pick_button import make_pick_listener
from handlers.actions.report_button import make_report_listener
from handlers.actions.run_button import make_run_listener
from handlers.blocks import ACTION_ASK
from handlers.blocks.digest import ACTION_VIEW_HOME
from handlers.blocks.imports import ACTION_IMPORT
from handlers.blocks.kit import ACTION_REPORT
from handlers.blocks.picks import ACTION_PICK
from handlers.blocks.updates import ACTION_CANCEL, ACTION_CONFIRM, ACTION_RUN
from handlers.replies import Services

if TYPE_CHECKING:
    from handlers.queued import QueuedListeners


def register(app: QueuedListeners, services: Services) -> None:
    app.action(re.compile(rf"^{ACTION_ASK}_\d+$"))(make_button_listener(services))
    app.action(re.compile(rf"^{ACTION_PICK}_\d+$"))(make_pick_listener(services))
    app.action(re.compile(rf"^{ACTION_RUN}_\d+$"))(make_run_listener(services))
    app.action(ACTION_CONFIRM)(make_confirm_listener(services))
    app.action(ACTION_CANCEL)(on_cancel)
    app.action(ACTION_VIEW_HOME)(on_view_home)
    app.action(ACTION_IMPORT)(make_import_listener(services))
    app.action(ACTION_REPORT)(make_report_listener(services))
