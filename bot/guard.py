"""What a request to /slack/events must be before Bolt sees it.

In this order, each refusal a status and a short reason safe to log (never the body):

1. not too big: over the limit is 413, decided from `Content-Length` before the body is read,
   and while reading when there is none;
2. signed by Slack: the timestamp is whole seconds within five minutes of now and the
   signature is Slack's HMAC-SHA256 of `v0:<timestamp>:<raw body>`, checked on the raw bytes
   before anything parses them; otherwise 401;
3. well formed: UTF-8, and a JSON object or a form whose `payload`, if any, is a JSON object of
   the shape Bolt expects; otherwise 400.

Slack's `ssl_check` ping is the one unsigned request answered (200, nothing run), as Bolt does.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from typing import Any
from urllib.parse import parse_qs

from pydantic import BaseModel, ConfigDict, ValidationError

MAX_BODY_BYTES = 1_000_000
TIMESTAMP_TOLERANCE_SECONDS = 300
MAX_FORM_FIELDS = 100
_TIMESTAMP = re.compile(r"^[0-9]{1,12}$")
_SIGNATURE = re.compile(r"^v0=[0-9a-f]{64}$")


class Refused(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


class _Shape(BaseModel):
    model_config = ConfigDict(extra="allow")


class Envelope(_Shape):
    """A JSON body: an event callback, or Slack's URL verification."""

    type: str
    event: dict[str, Any] | None = None
    event_id: str | None = None
    team_id: str | None = None
    authorizations: list[dict[str, Any]] | None = None


class Interaction(_Shape):
    """The `payload` of a button click, a modal submission, a shortcut."""

    type: str
    user: dict[str, Any] | None = None
    team: dict[str, Any] | None = None
    channel: dict[str, Any] | None = None
    container: dict[str, Any] | None = None
    actions: list[dict[str, Any]] | None = None
    view: dict[str, Any] | None = None
    response_url: str | None = None


class SlashCommand(_Shape):
    command: str
    text: str = ""
    user_id: str | None = None
    team_id: str | None = None
    channel_id: str | None = None
    response_url: str | None = None


def declared_length(value: str | None, limit: int) -> int | None:
    """The body's declared length; Refused when it is not a number or is over the limit."""
    if value is None:
        return None
    if not value.isdigit():
        raise Refused(400, "Content-Length is not a number")
    if len(value) > 12 or int(value) > limit:
        raise Refused(413, f"the body is over {limit:,} bytes")
    return int(value)


def is_ssl_check(body: bytes, content_type: str) -> bool:
    """Slack's ping of a command's URL, found without parsing: a form field `ssl_check=1`."""
    if "json" in content_type:
        return False
    return body.startswith(b"ssl_check=1") or b"&ssl_check=1" in body


def check_signature(
    secret: bytes, timestamp: str | None, signature: str | None, body: bytes, now: float
) -> None:
    if not timestamp or not _TIMESTAMP.match(timestamp):
        raise Refused(401, "no timestamp in whole seconds")
    if abs(now - int(timestamp)) > TIMESTAMP_TOLERANCE_SECONDS:
        raise Refused(401, "the timestamp is over five minutes from now")
    if not signature or not _SIGNATURE.match(signature):
        raise Refused(401, "no signature")
    expected = hmac.new(secret, b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest("v0=" + expected, signature):
        raise Refused(401, "the signature does not match")


def well_formed(body: bytes, content_type: str) -> str:
    """The body as text, once it is known that Bolt can read it; Refused (400) if not."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused(400, "the body is not UTF-8") from None
    try:
        if "json" in content_type or text.startswith("{"):
            Envelope.model_validate(_json_object(text, "the body"))
        else:
            _check_form(text)
    except ValidationError as error:
        raise Refused(400, f"the {error.title.lower()} is not shaped as Slack sends one") from None
    return text


def _check_form(text: str) -> None:
    try:
        form = parse_qs(text, max_num_fields=MAX_FORM_FIELDS)
    except ValueError:
        raise Refused(400, "the form has too many fields") from None
    if "payload" in form:
        Interaction.model_validate(_json_object(form["payload"][0], "payload"))
    elif "command" in form:
        SlashCommand.model_validate({key: values[0] for key, values in form.items()})
    elif "ssl_check" not in form:
        raise Refused(400, "the form is neither a command nor a payload")


def _json_object(text: str, what: str) -> dict:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        raise Refused(400, f"{what} is not JSON") from None
    if not isinstance(value, dict):
        raise Refused(400, f"{what} is not a JSON object")
    return value
