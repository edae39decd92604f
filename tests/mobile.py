"""Block Kit drawn as text at a phone's width, to read a reply as a partner sees it on Slack's
mobile app (about 40 columns): headers, sections, small print, buttons and dividers.

Slack's mrkdwn stays visible (`*bold*`), entities are shown as the characters they stand for,
and the emoji the bot uses as themselves. Emoji are counted as one column, so a line with one
may run a column past the width on a real phone.
"""

from __future__ import annotations

import html
import re
import textwrap

WIDTH = 40
EMOJI = {
    ":large_green_circle:": "🟢",
    ":red_circle:": "🔴",
    ":white_circle:": "⚪",
    ":warning:": "⚠️",
    ":hourglass:": "⌛",
    ":white_check_mark:": "✅",
    ":hourglass_flowing_sand:": "⏳",
    ":white_large_square:": "⬜",
    ":grey_question:": "❔",
    ":thinking_face:": "🤔",
    ":mag:": "🔍",
    ":information_source:": "ℹ️",
    ":slightly_smiling_face:": "🙂",
    ":lock:": "🔒",
}
_SHORTCODE = re.compile(r":[a-z0-9_+-]+:")


def shown(mrkdwn: str) -> str:
    """Text as Slack shows it: emoji drawn, entities decoded, mentions as @id."""
    text = _SHORTCODE.sub(lambda m: EMOJI.get(m.group(), m.group()), mrkdwn)
    text = re.sub(r"<@([A-Z0-9]+)>", r"@\1", text)
    return html.unescape(text)


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    lines: list[str] = []
    for line in text.split("\n"):
        hang = indent + ("  " if line.startswith(("• ", "  • ")) else "")
        wrapped = textwrap.wrap(
            line, width, initial_indent=indent, subsequent_indent=hang, break_on_hyphens=False
        )
        lines.extend(wrapped or [""])
    return lines


def _buttons(block: dict, width: int) -> list[str]:
    rows, row = [], ""
    for element in block["elements"]:
        label = f"[ {element['text']['text']} ]"
        if row and len(row) + 1 + len(label) > width:
            rows.append(row)
            row = label
        else:
            row = f"{row} {label}" if row else label
    return [*rows, row] if row else rows


def draw(blocks: list[dict], width: int = WIDTH) -> str:
    """The blocks as a phone shows them, one block after another."""
    lines: list[str] = []
    for block in blocks:
        kind = block["type"]
        if kind == "header":
            lines += _wrap(block["text"]["text"].upper(), width)
        elif kind == "section":
            if "text" in block:
                lines += _wrap(shown(block["text"]["text"]), width)
            for field in block.get("fields", []):
                lines += _wrap(shown(field["text"]), width)
        elif kind == "context":
            for element in block["elements"]:
                lines += _wrap(shown(element["text"]), width, indent="› ")
        elif kind == "actions":
            lines += _buttons(block, width)
        elif kind == "divider":
            lines.append("─" * width)
    return "\n".join(lines)
