"""The weekly digest as one Block Kit message within Slack's limits, with its fallback text.

Everything that came from a person or a data file is escaped; people are shown as mentions
only when the store holds a Slack user id for them.
"""

from __future__ import annotations

import re

from handlers.blocks.figures import row_text
from handlers.blocks.kit import (
    MAX_BLOCKS,
    MAX_FALLBACK,
    MAX_SECTION_TEXT,
    clip,
    context,
    escape,
    header,
    section,
)
from knowledge.render.digest import day_label, figure_line, late_note, status_line, tasking_count_line, title
from knowledge.render.lists import list_period
from knowledge.render.phrasing import recorder
from knowledge.services.digest import Digest

ACTION_VIEW_HOME = "csp_view_home"
MAX_LINES = 15
"""Lines per list; more are counted, not shown, so the message stays readable and in bounds."""


def home_link(team_id: str | None, app_id: str | None) -> str | None:
    """Slack's deep link to the bot's Home tab, when the workspace and app are known."""
    if team_id and app_id:
        return f"slack://app?team={team_id}&id={app_id}&tab=home"
    return None


def who(actor: str) -> str:
    """A Slack user as a mention; anything else (an import, the seed) as escaped text."""
    return (
        f"<@{actor}>"
        if re.fullmatch(r"[UW][A-Z0-9]{2,}", actor or "")
        else escape(recorder(actor or "someone"))
    )


def listed(heading: str, lines: list[str]) -> dict:
    """A heading and up to MAX_LINES bullet lines (already mrkdwn-safe) in one section."""
    shown = lines[:MAX_LINES]
    body = "\n".join(shown) if shown else "• none"
    if len(lines) > len(shown):
        body += f"\n_…and {len(lines) - len(shown)} more_"
    return section(clip(f"*{heading}*\n{body}", MAX_SECTION_TEXT))


def scorecard_button(link: str | None) -> dict:
    button = {
        "type": "button",
        "text": {"type": "plain_text", "text": "View the scorecard", "emoji": True},
        "action_id": ACTION_VIEW_HOME,
        "value": "home",
    }
    if link:
        button["url"] = link
    return {"type": "actions", "block_id": "csp_digest_home", "elements": [button]}


def build_digest_message(digest: Digest, link: str | None = None) -> dict:
    """One message: headline, changed figures, better and worse, statuses, taskings, a button."""
    blocks = [header(title(digest)), section(f"*{escape(digest.headline)}*")]
    note = late_note(digest)
    if note:
        blocks.append(context(f":hourglass: {escape(note)}"))
    figures = [f"• {escape(figure_line(c))} (by {', '.join(who(b) for b in c.by)})" for c in digest.figures]
    blocks.append(listed(f"Figures updated since {day_label(digest.since)}", figures))
    for heading, views in (
        ("Worse than a year before", digest.worse),
        ("Better than a year before", digest.better),
    ):
        period, with_period = list_period(views)
        said = f"{heading} ({escape(period)})" if period and views else heading
        blocks.append(listed(said, [row_text(v, with_period) for v in views]))
    statuses = [f"• {escape(status_line(c))} (by {who(c.by)})" for c in digest.statuses]
    blocks.append(listed("Action statuses changed", statuses))
    tasking_lines = [
        f"• {escape(t.ref)} ({escape(t.theme.value)}, {escape(t.ward)}): {escape(t.status.value)}"
        for t in digest.taskings.details or ()
    ]
    blocks.append(
        listed(escape(tasking_count_line(digest)), tasking_lines)
        if tasking_lines
        else section(escape(tasking_count_line(digest)))
    )
    blocks.append(scorecard_button(link))
    fallback = clip(f"{title(digest)}: {digest.headline}", MAX_FALLBACK)
    return {"text": escape(fallback), "blocks": blocks[:MAX_BLOCKS]}
