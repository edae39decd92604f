"""The App Home tab."""

from __future__ import annotations

from handlers.access import actor_team
from handlers.blocks import build_home_view
from handlers.replies import Services
from knowledge.domain.schedule import when_label


def schedule_lines(services: Services) -> list[str]:
    """What is posted next, for the Home tab: the weekly jobs' times, not their channels."""
    if services.weekly is None:
        return []
    runs = services.weekly.next_runs(services.clock())
    return [":calendar: *Next posts* (London time)"] + [f"{run.what}: {when_label(run.when)}" for run in runs]


def make_home_listener(services: Services):
    def on_home_opened(event, body, context, client, logger):
        """The scorecard and the actions, for people of the workspace."""
        if event.get("tab") not in (None, "home"):
            return
        user = event["user"]
        if services.strangers.refuses(client, user, actor_team(body, context), context.team_id):
            view = build_home_view(None)
        else:
            today = services.clock().date()
            view = build_home_view(services.knowledge.home(), schedule_lines(services), today)
        client.views_publish(user_id=user, view=view)

    return on_home_opened
