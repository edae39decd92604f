"""Block Kit pieces: plain dicts, built without Slack, within its limits.

Every piece of text that came from a user or a data file goes through `escape` before it
goes into mrkdwn, so `<!channel>` shows as text and never pings. Buttons carry a question
in their value; the Slack listener asks it when one is clicked.
"""

from __future__ import annotations

import json
import re

from knowledge.answering.types import IndicatorView, Suggestion

MAX_BLOCKS = 50
MAX_HOME_BLOCKS = 100
MAX_SECTION_TEXT = 3000
MAX_FIELD_TEXT = 2000
MAX_HEADER = 150
MAX_CONTEXT_ELEMENTS = 10
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_FALLBACK = 3000
MAX_BUTTONS = 5
"""Buttons in one row of an answer: more do not fit a phone's screen."""
SHORT_LABEL = 30
"""A button's label fits a phone's row at this length; the answer it gives names it in full."""

ACTION_ASK = "csp_ask"
"""action_id prefix of every button: its value is a question to answer."""
ACTION_REPORT = "csp_report"
"""action_id of "Report a wrong figure": its value says which figure, as JSON."""
REPORT_LABEL = "Report a wrong figure"
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")


def escape(text: str) -> str:
    """Make text safe for mrkdwn: '&', '<' and '>' are Slack's control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def short_label(text: str, limit: int = SHORT_LABEL) -> str:
    """A label cut at a word, with "…", when it is longer than a phone's button shows."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-–&")
    return (cut or text[: limit - 1]) + "…"


def person(user: str) -> str:
    """An officer as Slack shows them: a mention for a user id, else the name escaped."""
    return f"<@{user}>" if _USER_ID.match(user) else escape(user)


def header(text: str) -> dict:
    return {"type": "header", "text": {"type": "plain_text", "text": clip(text, MAX_HEADER), "emoji": True}}


def section(mrkdwn: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": clip(mrkdwn, MAX_SECTION_TEXT)}}


def fields_section(fields: list[str]) -> dict:
    return {
        "type": "section",
        "fields": [{"type": "mrkdwn", "text": clip(f, MAX_FIELD_TEXT)} for f in fields[:10]],
    }


def context(*texts: str) -> dict:
    elements = [{"type": "mrkdwn", "text": clip(t, MAX_SECTION_TEXT)} for t in texts if t]
    return {"type": "context", "elements": elements[:MAX_CONTEXT_ELEMENTS]}


def small_print(*parts: str | None) -> dict:
    """The one line of small print under an answer: its parts joined by " · "."""
    return context(" · ".join(p for p in parts if p))


def button(label: str, value: str, action_id: str) -> dict:
    return {
        "type": "button",
        "text": {"type": "plain_text", "text": clip(label, MAX_BUTTON_TEXT), "emoji": True},
        "value": clip(value, MAX_BUTTON_VALUE),
        "action_id": action_id,
    }


def ask_buttons(suggestions: list[Suggestion] | tuple[Suggestion, ...]) -> list[dict]:
    """One button per suggestion, its label short; the value is the question the button asks."""
    return [
        button(short_label(s.label or s.title), s.question, f"{ACTION_ASK}_{i}")
        for i, s in enumerate(suggestions[:MAX_BUTTONS])
    ]


def actions(elements: list[dict], block_id: str) -> dict | None:
    return {"type": "actions", "block_id": block_id, "elements": elements} if elements else None


def buttons(suggestions: list[Suggestion] | tuple[Suggestion, ...], block_id: str) -> dict | None:
    """A row of buttons, one per suggestion."""
    return actions(ask_buttons(suggestions), block_id)


def report_button(view: IndicatorView, question: str) -> dict | None:
    """ "Report a wrong figure": which figure, and the question it answered, for the admins."""
    current = view.current
    if current is None:
        return None
    value = {
        "key": view.indicator.key,
        "period": current.period.code,
        "value": current.value,
        "asked": question[:500],
    }
    return button(REPORT_LABEL, json.dumps(value, ensure_ascii=False), ACTION_REPORT)


def bullets(items: list[str] | tuple[str, ...], focus: int | None = None) -> str:
    """A bulleted list; the item the question matched is in bold."""
    lines = []
    for i, item in enumerate(items):
        text = escape(item)
        lines.append(f"• *{text}*" if i == focus else f"• {text}")
    return "\n".join(lines)
