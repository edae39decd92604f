"""Slack listeners, one folder per kind; `register` wires every group into a Bolt app.

Commands, events and actions are registered through `QueuedListeners`: Slack is acknowledged at
once and the answer follows from the work queue. Modal submissions answer in their
acknowledgement (errors on the fields), so they are registered with the app itself.
"""

from __future__ import annotations

from slack_bolt import App

from handlers import actions, commands, events, views
from handlers.queued import QueuedListeners, Work
from handlers.replies import Services


def register(app: App, services: Services, work: Work | None = None) -> None:
    """`work`: the queue answers wait in, and the event claims (by default, the usual sizes)."""
    queued = QueuedListeners(app, work or Work.standard(services.knowledge.store))
    events.register(queued, services)
    commands.register(queued, services)
    actions.register(queued, services)
    views.register(app, services)
