"""The form an officer fills in to record a figure (`/csp update` alone), and what a submission
of it holds. Pure: built and read without Slack, within its limits.

Each input's block_id is the name `Figures.check` gives the part it holds ("indicator",
"period", "value"), so the service's errors go straight onto the fields.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from handlers.blocks.kit import clip
from knowledge.domain.models import Indicator
from knowledge.render.phrasing import number
from knowledge.services.figures import Outlier
from knowledge.store import Catalogue

FORM_CALLBACK = "csp_update_form"
INDICATOR, PERIOD, VALUE, NOTE, CHECKED = "indicator", "period", "value", "note", "checked"
ELEMENT = "input"
"""The action_id of each input block's one element."""

PERIOD_EXAMPLES = ("2019", "Jan-Jun 2019", "Q1 2019", "2019/20", "2019-06")
"""Shown as the period's placeholder; each is read by `read_period` (a test checks)."""
CHECKED_TEXT = "I have checked this figure"

MAX_OPTIONS = 100
MAX_OPTION_GROUPS = 100
MAX_OPTION_TEXT = 75
MAX_TITLE = 24
MAX_METADATA = 3000
MAX_NOTE = 2000
OTHER_GROUP = "Other indicators"


@dataclass(frozen=True)
class FormInput:
    """What a submission holds, as typed; None where a field was left empty."""

    indicator: str | None
    period: str | None
    value: str | None
    note: str | None
    checked: bool

    def digest(self) -> str:
        """The same for the same submission: Slack's retry of it is one request."""
        typed = [self.indicator, self.period, self.value, self.note, self.checked]
        return hashlib.sha256(json.dumps(typed).encode()).hexdigest()[:16]


def _plain(text: str, limit: int = MAX_OPTION_TEXT) -> dict:
    return {"type": "plain_text", "text": clip(text, limit), "emoji": True}


def _option(indicator: Indicator, catalogue: Catalogue) -> dict:
    option = {"text": _plain(indicator.short_name), "value": indicator.key}
    held = catalogue.figures.get(indicator.key)
    if held:
        latest = held[-1]
        option["description"] = _plain(
            f"Latest: {number(latest.value, indicator.unit)} for {latest.period.short_label}"
        )
    return option


def indicator_groups(catalogue: Catalogue) -> list[dict]:
    """The indicators as option groups, one per priority in the slides' order (then any whose
    priority is unknown), at most 100 options in all."""
    names = {p.key: p.name for p in catalogue.priorities}
    grouped: dict[str, list[Indicator]] = {key: [] for key in names}
    for indicator in catalogue.indicators[:MAX_OPTIONS]:
        key = indicator.priority_key if indicator.priority_key in names else OTHER_GROUP
        grouped.setdefault(key, []).append(indicator)
    return [
        {"label": _plain(names.get(key, OTHER_GROUP)), "options": [_option(i, catalogue) for i in members]}
        for key, members in grouped.items()
        if members
    ][:MAX_OPTION_GROUPS]


def _input(block_id: str, label: str, element: dict, optional: bool = False, hint: str = "") -> dict:
    block = {
        "type": "input",
        "block_id": block_id,
        "label": _plain(label),
        "element": {**element, "action_id": ELEMENT},
        "optional": optional,
    }
    if hint:
        block["hint"] = _plain(hint, 2000)
    return block


def _text_input(placeholder: str, **extra) -> dict:
    return {"type": "plain_text_input", "placeholder": _plain(placeholder, 150), **extra}


def update_form(catalogue: Catalogue, channel_id: str | None) -> dict:
    """The modal; `channel_id` (where /csp was typed) is kept for the confirmation."""
    metadata = json.dumps({"channel": channel_id}) if channel_id else ""
    checkbox = {"text": _plain(CHECKED_TEXT), "value": CHECKED}
    return {
        "type": "modal",
        "callback_id": FORM_CALLBACK,
        "title": _plain("Update a figure", MAX_TITLE),
        "submit": _plain("Record", MAX_TITLE),
        "close": _plain("Cancel", MAX_TITLE),
        "private_metadata": metadata if len(metadata) <= MAX_METADATA else "",
        "blocks": [
            _input(
                INDICATOR,
                "Indicator",
                {
                    "type": "static_select",
                    "placeholder": _plain("Choose an indicator"),
                    "option_groups": indicator_groups(catalogue),
                },
            ),
            _input(PERIOD, "Period", _text_input(", ".join(PERIOD_EXAMPLES))),
            _input(VALUE, "Value", _text_input("412, 1,234 or 69%")),
            _input(
                NOTE,
                "Note",
                _text_input("Where the figure comes from", multiline=True, max_length=MAX_NOTE),
                True,
            ),
            _input(
                CHECKED,
                "Unusual figure",
                {"type": "checkboxes", "options": [checkbox]},
                optional=True,
                hint="Tick only when I ask you to check a figure far from the one before it.",
            ),
        ],
    }


def refused_view(message: dict) -> dict:
    """The form replaced by a refusal (a message's blocks), with nothing to submit."""
    return {
        "type": "modal",
        "callback_id": FORM_CALLBACK,
        "title": _plain("Update a figure", MAX_TITLE),
        "close": _plain("Close", MAX_TITLE),
        "blocks": message["blocks"],
    }


def outlier_error(found: Outlier) -> str:
    return f"{found.reason}. If it is right, tick “{CHECKED_TEXT}” and submit again."


def _state(view: dict, block_id: str) -> dict:
    return ((view.get("state") or {}).get("values") or {}).get(block_id, {}).get(ELEMENT) or {}


def read_form(view: dict) -> FormInput:
    """What was submitted; a part missing from the payload reads as left empty."""
    selected = _state(view, INDICATOR).get("selected_option") or {}
    note = _state(view, NOTE).get("value")
    return FormInput(
        indicator=selected.get("value"),
        period=_state(view, PERIOD).get("value"),
        value=_state(view, VALUE).get("value"),
        note=note if note and note.strip() else None,
        checked=any(o.get("value") == CHECKED for o in _state(view, CHECKED).get("selected_options") or []),
    )


def form_channel(view: dict) -> str | None:
    """The channel /csp was typed in, kept in the view's private_metadata."""
    try:
        channel = json.loads(view.get("private_metadata") or "{}").get("channel")
    except (ValueError, AttributeError):
        return None
    return channel if isinstance(channel, str) and channel else None
