"""The form's submission: checked by the same service as `/csp update`, errors put on the
fields, and on success the modal closes and the officer is told privately what changed."""

from __future__ import annotations

import logging

from slack_bolt import BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from handlers.access import actor_team
from handlers.announce import announce
from handlers.blocks import updates as say
from handlers.blocks.forms import VALUE, FormInput, form_channel, outlier_error, read_form, refused_view
from handlers.replies import Services, refusal_message
from knowledge.services.figures import FORM_SOURCE, FigureError, NeedsConfirmation
from knowledge.services.roles import NotAllowed


def _refusal(
    services: Services, client: WebClient, user: str | None, body: dict, context: BoltContext
) -> dict | None:
    """The message refusing the submitter, or None when they may record. Fails closed."""
    if not user or services.strangers.refuses(client, user, actor_team(body, context), context.team_id):
        return refusal_message()
    if not services.roles.can_write(user):
        return say.refusal(str(services.roles.refusal("officers can change the figures")))
    return None


def request_id(view: dict, form: FormInput) -> str:
    """The same for Slack's retry of one submission, and new when anything typed changes."""
    return f"form:{view.get('id')}:{form.digest()}"


def _tell(client: WebClient, channel: str | None, user: str, message: dict, logger: logging.Logger) -> None:
    """Privately, where /csp was typed; in a DM when there is no channel or the bot cannot
    post there (it is not in it)."""
    if channel:
        try:
            client.chat_postEphemeral(channel=channel, user=user, **message)
            return
        except SlackApiError as error:
            logger.info(
                "confirmation not posted in %s (%s): sent as a DM", channel, error.response.get("error")
            )
    try:
        client.chat_postMessage(channel=user, **message)
    except SlackApiError as error:
        logger.warning("confirmation not sent to %s: %s", user, error.response.get("error"))


def make_form_listener(services: Services):
    def on_submit(ack, body, view, context, client, logger):
        user = (body.get("user") or {}).get("id")
        refused = _refusal(services, client, user, body, context)
        if refused is not None:
            ack(response_action="update", view=refused_view(refused))
            return
        form = read_form(view)
        errors = services.figures.check(form.indicator, form.period, form.value)
        if errors:
            ack(response_action="errors", errors=errors)
            return
        try:
            result = services.figures.record(
                user, form.indicator, form.period, form.value, form.note,
                FORM_SOURCE, request_id(view, form), services.clock(), confirmed=form.checked,
            )  # fmt: skip
        except NeedsConfirmation as check:
            ack(response_action="errors", errors={VALUE: outlier_error(check.outlier)})
            return
        except NotAllowed as refusal:  # the role went between the two checks
            ack(response_action="update", view=refused_view(say.refusal(str(refusal))))
            return
        except FigureError as mistake:
            ack(response_action="errors", errors={VALUE: str(mistake)})
            return
        ack()  # closes the modal
        _tell(client, form_channel(view), user, say.recorded(result, form.note), logger)
        announce(services, client, user, result)

    return on_submit
