"""The App Home tab: the scorecard by CSP priority and the manifesto actions."""

from __future__ import annotations

from datetime import date

from handlers.blocks.commitments import recorded_by_officer, status_text
from handlers.blocks.figures import list_small_print, row_text
from handlers.blocks.kit import (
    MAX_HOME_BLOCKS,
    MAX_SECTION_TEXT,
    clip,
    context,
    escape,
    header,
    section,
)
from knowledge.answering.types import Home
from knowledge.render.lists import list_period

HOME_REFUSED = (
    "This bot shares the Community Safety Partnership's figures with people of its own "
    "workspace only. Send me “help” to see what I do."
)


def _chunks(lines: list[str], limit: int) -> list[str]:
    """Lines joined into texts of at most `limit` characters, never splitting a line."""
    chunks, current = [], ""
    for line in lines:
        line = clip(line, limit)
        if current and len(current) + 1 + len(line) > limit:
            chunks.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    return chunks + ([current] if current else [])


def build_home_view(home: Home | None, schedule: list[str] | None = None, today: date | None = None) -> dict:
    """The App Home: the scorecard by CSP priority, the manifesto actions, and what is posted
    next (`schedule`, lines already safe as mrkdwn), within 100 blocks."""
    today = today or date.today()
    if home is None:
        return {"type": "home", "blocks": [section(f":lock: {HOME_REFUSED}")]}
    if schedule:
        # Kept out of the scorecard's budget: at the end, one context block of its own.
        view = build_home_view(home, today=today)
        blocks = view["blocks"][: MAX_HOME_BLOCKS - 2]
        blocks += [{"type": "divider"}, context(*schedule)]
        return {"type": "home", "blocks": blocks}
    # Laid out as the scorecard is in a reply: the period said once, a row per indicator
    # with the figure first, and where the figures come from in the small print.
    period, with_period = list_period(home.rows)
    lead = f"{escape(period)}. " if period else ""
    blocks = [
        header("Community Safety Partnership scorecard"),
        section(f"{lead}Ask me about any indicator for its details."),
    ]
    actions_blocks = [{"type": "divider"}, header("Manifesto actions")]
    for action, status in home.actions:
        said = [f"*{escape(action.commitment)}*", status_text(status, today)]
        said += [f"_{who}_" for who in [recorded_by_officer(status)] if who]  # safe: a mention or escaped
        actions_blocks.append(section("\n".join(said)))
    # The actions need room too: give the indicators what is left, then cut with a note.
    budget = MAX_HOME_BLOCKS - len(blocks) - min(len(actions_blocks), MAX_HOME_BLOCKS // 2) - 2
    for priority in home.priorities:
        rows = [r for r in home.rows if r.priority.key == priority.key]
        if not rows:
            continue
        lines = [f"*{escape(priority.name)}*", *(row_text(r, with_period) for r in rows)]
        texts = _chunks(lines, MAX_SECTION_TEXT)
        for text in texts:
            if budget <= 0:
                break
            blocks.append(section(text))
            budget -= 1
    blocks.append(list_small_print(home.rows))
    room = MAX_HOME_BLOCKS - len(blocks) - 1
    blocks.extend(actions_blocks[:room])
    if len(actions_blocks) > room or budget <= 0:
        blocks.append(context("Not everything fits here: ask me about an indicator or action by name."))
    return {"type": "home", "blocks": blocks[:MAX_HOME_BLOCKS]}
