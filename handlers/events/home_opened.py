"""The App Home tab."""

from __future__ import annotations

from handlers.access import actor_team
from handlers.blocks import build_home_view
from handlers.replies import Services


def make_home_listener(services: Services):
    def on_home_opened(event, body, context, client, logger):
        """The scorecard and the actions, for people of the workspace."""
        if event.get("tab") not in (None, "home"):
            return
        user = event["user"]
        if services.strangers.refuses(client, user, actor_team(body, context), context.team_id):
            view = build_home_view(None)
        else:
            view = build_home_view(services.knowledge.home())
        client.views_publish(user_id=user, view=view)

    return on_home_opened
