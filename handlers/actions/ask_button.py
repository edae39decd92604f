"""Buttons: each carries a question ("did you mean", "compare with last year", related)."""

from __future__ import annotations

from handlers.access import actor_team
from handlers.replies import Services, reply_to


def answer_click(services: Services, question: str, body: dict, context, client, respond) -> None:
    """Answer a button's question where the button was: in its thread, privately if it was
    private or refused, in a DM from the App Home."""
    user = (body.get("user") or {}).get("id")
    message, refused = reply_to(services, question, client, user, actor_team(body, context), context.team_id)
    container = body.get("container") or {}
    channel = (body.get("channel") or {}).get("id") or container.get("channel_id")
    if container.get("type") == "view":
        client.chat_postMessage(channel=user, **message)  # from App Home: answer in a DM
    elif refused or container.get("is_ephemeral") or not channel:
        respond(response_type="ephemeral", replace_original=False, **message)
    else:
        thread = container.get("thread_ts") or container.get("message_ts")
        client.chat_postMessage(channel=channel, thread_ts=thread, **message)


def make_button_listener(services: Services):
    def on_button(ack, body, action, context, client, respond, logger):
        ack()
        answer_click(services, action.get("value", ""), body, context, client, respond)

    return on_button
