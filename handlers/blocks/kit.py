"""Block Kit pieces: plain dicts, built without Slack, within its limits.

Every piece of text that came from a user or a data file goes through `escape` before it
goes into mrkdwn, so `<!channel>` shows as text and never pings. Buttons carry a question
in their value; the Slack listener asks it when one is clicked.
"""

from __future__ import annotations

from knowledge.answering.types import IndicatorView, Suggestion
from knowledge.render.phrasing import JUDGEMENT_EMOJI
from knowledge.render.text import indicator_line

MAX_BLOCKS = 50
MAX_HOME_BLOCKS = 100
MAX_SECTION_TEXT = 3000
MAX_FIELD_TEXT = 2000
MAX_HEADER = 150
MAX_CONTEXT_ELEMENTS = 10
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_FALLBACK = 3000

ACTION_ASK = "csp_ask"
"""action_id prefix of every button: its value is a question to answer."""


def escape(text: str) -> str:
    """Make text safe for mrkdwn: '&', '<' and '>' are Slack's control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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


def buttons(suggestions: list[Suggestion] | tuple[Suggestion, ...], block_id: str) -> dict | None:
    """One button per suggestion; the value is the question the button asks."""
    elements = [
        {
            "type": "button",
            "text": {"type": "plain_text", "text": clip(s.title, MAX_BUTTON_TEXT), "emoji": True},
            "value": clip(s.question, MAX_BUTTON_VALUE),
            "action_id": f"{ACTION_ASK}_{i}",
        }
        for i, s in enumerate(suggestions[:5])
    ]
    return {"type": "actions", "block_id": block_id, "elements": elements} if elements else None


def bullets(items: list[str] | tuple[str, ...], focus: int | None = None) -> str:
    """A bulleted list; the item the question matched is in bold."""
    lines = []
    for i, item in enumerate(items):
        text = escape(item)
        lines.append(f"• *{text}*" if i == focus else f"• {text}")
    return "\n".join(lines)


def row_line(view: IndicatorView) -> str:
    """One indicator in a list, with the emoji of its direction of travel."""
    emoji = JUDGEMENT_EMOJI[view.change.judgement] if view.change else ":white_circle:"
    return f"{emoji} {escape(indicator_line(view))}"
