"""The README's real reply is the bot's real reply: in text, and in Slack at a phone's width."""

from __future__ import annotations

import re
from pathlib import Path

from tests.handlers.test_reply_kinds import SNAPSHOT

README = Path(__file__).parent.parent / "README.md"
QUESTION = "knife crime this year"


def shown_blocks() -> list[str]:
    """The two `text` blocks after "A real reply"."""
    text = README.read_text(encoding="utf-8")
    part = text[text.index("**A real reply.**") :]
    return re.findall(r"```text\n(.*?)```", part, flags=re.S)[:2]


def test_the_readme_shows_the_reply_the_bot_gives(knowledge):
    from knowledge.render.text import render_text

    printed, phone = shown_blocks()
    assert printed.strip() == render_text(knowledge.ask(QUESTION))
    snapshot = SNAPSHOT.read_text(encoding="utf-8")
    drawn = snapshot.split(f"===== {QUESTION} (indicator)\n", 1)[1].split("\n=====", 1)[0]
    assert phone.strip() == drawn.strip()
