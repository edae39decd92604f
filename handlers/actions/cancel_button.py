"""Cancel under a figure that looked off: nothing is recorded, and the question says so."""

from __future__ import annotations

from handlers.blocks.updates import message

CANCELLED = "Cancelled: nothing was recorded."


def on_cancel(ack, respond):
    ack()
    respond(response_type="ephemeral", replace_original=True, **message(CANCELLED))
