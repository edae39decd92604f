"""The "did you mean" buttons: each carries the entry it offers and the question that was
declined, so a click both asks for the entry and tells the bot which one partners meant.

The value is JSON, so any character a partner typed travels intact; it never goes into
mrkdwn. A question longer than the matcher reads, or one that would not fit Slack's 2,000
characters, is left off: the button still asks, and nothing is learned from it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from handlers.blocks.kit import MAX_BUTTON_TEXT, MAX_BUTTON_VALUE, clip, short_label
from knowledge.answering.types import Suggestion
from knowledge.understanding.text import MAX_QUESTION_CHARS

ACTION_PICK = "csp_pick"
"""action_id prefix of a "did you mean" button: its value is a `Pick` as JSON."""

MAX_ASK = 1000
"""What the button asks is an entry's title; far shorter in practice."""


@dataclass(frozen=True)
class Pick:
    ask: str
    """The question the button asks: the entry's title."""
    key: str | None = None
    """The entry offered."""
    asked: str | None = None
    """The question that was declined, as the partner typed it."""


def _encoded(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def pick_value(suggestion: Suggestion, asked: str) -> str:
    offered = {"ask": clip(suggestion.question, MAX_ASK), "key": suggestion.key}
    carried = _encoded({**offered, "asked": asked})
    if len(asked) <= MAX_QUESTION_CHARS and len(carried) <= MAX_BUTTON_VALUE:
        return carried
    return _encoded(offered)


def read_pick(value: str) -> Pick:
    """The pick a button carries; a plain value (a button from before) is only a question."""
    try:
        data = json.loads(value)
    except ValueError:
        return Pick(value)
    if not isinstance(data, dict) or not isinstance(data.get("ask"), str):
        return Pick(value)
    key, asked = data.get("key"), data.get("asked")
    return Pick(data["ask"], key if isinstance(key, str) else None, asked if isinstance(asked, str) else None)


def pick_buttons(suggestions: tuple[Suggestion, ...], asked: str, block_id: str) -> dict | None:
    """One button per entry offered, each carrying the declined question."""
    elements = [
        {
            "type": "button",
            "text": {
                "type": "plain_text",
                "text": clip(short_label(s.label or s.title), MAX_BUTTON_TEXT),
                "emoji": True,
            },
            "value": pick_value(s, asked),
            "action_id": f"{ACTION_PICK}_{i}",
        }
        for i, s in enumerate(suggestions[:5])
    ]
    return {"type": "actions", "block_id": block_id, "elements": elements} if elements else None
