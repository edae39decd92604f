"""Slash commands."""

from __future__ import annotations

from typing import TYPE_CHECKING

from handlers.commands.csp import make_csp_command
from handlers.replies import Services

if TYPE_CHECKING:
    from handlers.queued import QueuedListeners

COMMAND = "/csp"


def register(app: QueuedListeners, services: Services) -> None:
    app.command(COMMAND)(make_csp_command(services))
