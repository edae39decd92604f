"""The log: one format, the level from the settings, and no request bodies.

Bolt writes a request's body to the log when it refuses a signature (at INFO) and when no
listener takes a request (at WARNING): a body can hold a `response_url`, which answers as the
bot for half an hour, and what people typed. Those lines are kept, without the body.
"""

from __future__ import annotations

import logging

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
BOLT_LOGGERS_WITH_BODIES = ("slack_bolt.RequestVerification", "slack_bolt.App")


class WithheldBodies(logging.Filter):
    """Keeps what Bolt's line says up to its details, and drops the details."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "body" in message or message.startswith("Unhandled request"):
            record.msg = message.split("(", 1)[0].strip() + " (request details withheld)"
            record.args = ()
        return True


def configure_logging(level: str) -> None:
    logging.basicConfig(level=level.upper(), format=FORMAT)
    for name in BOLT_LOGGERS_WITH_BODIES:
        logger = logging.getLogger(name)
        if not any(isinstance(existing, WithheldBodies) for existing in logger.filters):
            logger.addFilter(WithheldBodies())
