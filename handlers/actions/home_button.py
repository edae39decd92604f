"""The digest's "View the scorecard" button: Slack opens its link to the Home tab where it has
one; the reply says how to get there either way."""

from __future__ import annotations

from handlers.blocks.digest import home_link


def on_view_home(ack, body, respond):
    ack()
    link = home_link((body.get("team") or {}).get("id"), body.get("api_app_id"))
    where = f"<{link}|Open my Home tab>" if link else "Click my name, then *Home*"
    respond(
        response_type="ephemeral",
        replace_original=False,
        text=f"{where} for the whole scorecard and the manifesto actions.",
    )
