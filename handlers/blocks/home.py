"""The App Home tab: the scorecard by CSP priority and the manifesto actions."""

from __future__ import annotations

from handlers.blocks.kit import (
    MAX_HOME_BLOCKS,
    MAX_SECTION_TEXT,
    clip,
    context,
    escape,
    header,
    row_line,
    section,
)
from knowledge.answering.types import Home, IndicatorView

HOME_REFUSED = (
    "This bot shares the Community Safety Partnership's figures with people of its own "
    "workspace only. Send me “help” to see what I do."
)


def _home_row(view: IndicatorView) -> str:
    updated = view.current.recorded_at[:10] if view.current else "never"
    return f"{row_line(view)} · _updated {escape(updated)}_"


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


def build_home_view(home: Home | None, schedule: list[str] | None = None) -> dict:
    """The App Home: the scorecard by CSP priority, the manifesto actions, and what is posted
    next (`schedule`, lines already safe as mrkdwn), within 100 blocks."""
    if home is None:
        return {"type": "home", "blocks": [section(f":lock: {HOME_REFUSED}")]}
    if schedule:
        # Kept out of the scorecard's budget: at the end, one context block of its own.
        view = build_home_view(home)
        blocks = view["blocks"][: MAX_HOME_BLOCKS - 2]
        blocks += [{"type": "divider"}, context(*schedule)]
        return {"type": "home", "blocks": blocks}
    blocks = [
        header("Community Safety Partnership scorecard"),
        context(
            "Latest figure against the same period a year before. :large_green_circle: better "
            ":red_circle: worse :white_circle: no judgement or no comparison. Ask me about any "
            "indicator for its details."
        ),
    ]
    actions_blocks = [{"type": "divider"}, header("Manifesto actions")]
    for action, status in home.actions:
        status_text = (
            f"{escape(status.status)}\n"
            f"_Status as of {escape(status.as_of)}; updated {status.recorded_at[:10]}_"
            if status
            else "_No status recorded yet._"
        )
        actions_blocks.append(section(f"*{escape(action.commitment)}*\n{status_text}"))
    # The actions need room too: give the indicators what is left, then cut with a note.
    budget = MAX_HOME_BLOCKS - len(blocks) - min(len(actions_blocks), MAX_HOME_BLOCKS // 2) - 1
    for priority in home.priorities:
        rows = [r for r in home.rows if r.priority.key == priority.key]
        if not rows:
            continue
        texts = _chunks([f"*{escape(priority.name)}*", *(_home_row(r) for r in rows)], MAX_SECTION_TEXT)
        for text in texts:
            if budget <= 0:
                break
            blocks.append(section(text))
            budget -= 1
    room = MAX_HOME_BLOCKS - len(blocks) - 1
    blocks.extend(actions_blocks[:room])
    if len(actions_blocks) > room or budget <= 0:
        blocks.append(context("Not everything fits here: ask me about an indicator or action by name."))
    return {"type": "home", "blocks": blocks[:MAX_HOME_BLOCKS]}
