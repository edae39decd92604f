"""A copy of data/ whose text carries Slack markup, and the mrkdwn of a message to look in.

The bot cleans every question before reading it, so a user's markup never reaches a reply
and cannot test `escape`. Text from the data files reaches replies as written: markup put
there shows whether the reply escapes it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

FACTS = "facts.yaml"
FACT = "Multi-agency strategic partnership for the borough"
MARKED_FACT = "Multi-agency strategic partnership <!channel> <@U123> & a < b > c"
ESCAPED_FACT = "Multi-agency strategic partnership &lt;!channel&gt; &lt;@U123&gt; &amp; a &lt; b &gt; c"
TITLE = "Support for young people & young adults"
MARKED_TITLE = "Support for <young> people & young adults <@U123>"
ESCAPED_TITLE = "Support for &lt;young&gt; people &amp; young adults &lt;@U123&gt;"
RAW_MARKUP = ("<!channel>", "<@U123>", "<young>", "a < b > c", " & a ", "people & young")


def write_marked_data(data_dir: Path, target: Path) -> Path:
    """Copy data_dir to target with one fact and one topic title carrying markup."""
    shutil.copytree(data_dir, target)
    facts = target / FACTS
    text = facts.read_text()
    for plain, marked in (
        (f"- {FACT}\n", f'- "{MARKED_FACT}"\n'),
        (f"title: {TITLE}\n", f'title: "{MARKED_TITLE}"\n'),
    ):
        assert text.count(plain) == 1, plain  # the seed changed: pick other text to mark
        text = text.replace(plain, marked)
    facts.write_text(text)
    return target


def mrkdwn_texts(message: dict) -> str:
    """Every mrkdwn text of a message and its fallback text: where markup is live.
    (Plain text, as in headers and buttons, shows '<' and '&' as they are.)"""
    texts = [message.get("text", "")]
    for block in message.get("blocks") or []:
        for part in (block.get("text"), *(block.get("fields") or []), *(block.get("elements") or [])):
            if isinstance(part, dict) and part.get("type") == "mrkdwn":
                texts.append(part["text"])
    return "\n".join(texts)
