"""Replies to `/csp learn`: the picks to review, each with Approve and Dismiss; the approved
aliases, each with Remove; and what a decision did. Text a partner typed or the store holds
is escaped before it goes into mrkdwn; the buttons run `/csp learn …` for whoever clicks,
with their own rights."""

from __future__ import annotations

import re

from handlers.blocks.kit import MAX_BLOCKS, MAX_BUTTON_TEXT, clip, context, escape, section
from handlers.blocks.updates import ACTION_RUN
from knowledge.services.learning import Decided, LearnedAlias, OpenPick

MAX_PICKS_SHOWN = 15
"""Two blocks each, within the message's 50."""
MAX_ALIASES_SHOWN = 40
MAX_ALIAS_SHOWN = 200
"""A question shown in a list; the matcher reads at most 500 characters of one."""

PICKS_TITLE = "What partners picked from “did you mean”"
ALIASES_TITLE = "Questions approved as aliases"


def _button(title: str, command: str, index: int, style: str | None = None) -> dict:
    button = {
        "type": "button",
        "text": {"type": "plain_text", "text": clip(title, MAX_BUTTON_TEXT), "emoji": True},
        "value": command,
        "action_id": f"{ACTION_RUN}_{index}",
    }
    return {**button, "style": style} if style else button


def _quoted(alias: str) -> str:
    return f"“{escape(clip(alias, MAX_ALIAS_SHOWN))}”"


def _mention(user_id: str) -> str:
    """A Slack user id as a mention; anything else as escaped text."""
    return f"<@{user_id}>" if re.fullmatch(r"[UW][A-Z0-9]{2,}", user_id) else escape(user_id)


def _count(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def picks(open_picks: list[OpenPick]) -> dict:
    """Most picked first, each with a button to approve it as an alias and one to dismiss it."""
    if not open_picks:
        text = f"*{PICKS_TITLE}*\nNothing to review: no new picks since the last review."
        return {"text": PICKS_TITLE, "blocks": [section(text)]}
    blocks = [
        section(
            f"*{PICKS_TITLE}*, most picked first. Approving one makes that question answer its "
            "entry directly from then on; nothing is learned without it."
        )
    ]
    shown = open_picks[:MAX_PICKS_SHOWN]
    for n, pick in enumerate(shown):
        who = f"{_count(pick.picks, 'time', 'times')} by {_count(pick.people, 'person', 'people')}"
        line = f"{_quoted(pick.alias)} → *{escape(pick.title)}*"
        blocks.append(section(f"{line}\nPicked {who}, last {escape(pick.last_at[:10])}."))
        buttons = [
            _button("Approve", f"learn approve {pick.pick_id}", 2 * n, "primary"),
            _button("Dismiss", f"learn dismiss {pick.pick_id}", 2 * n + 1),
        ]
        blocks.append({"type": "actions", "block_id": f"learn_pick_{pick.pick_id}", "elements": buttons})
    if len(open_picks) > len(shown):
        blocks.append(context(f"The {len(shown)} most picked of {len(open_picks)}."))
    blocks.append(context("`/csp learn aliases` lists the approved ones, to remove any."))
    return {"text": PICKS_TITLE, "blocks": blocks[:MAX_BLOCKS]}


def aliases(learned: list[LearnedAlias]) -> dict:
    """Oldest first, each with a button to remove it."""
    if not learned:
        text = f"*{ALIASES_TITLE}*\nNone yet: `/csp learn` lists what partners picked, to approve."
        return {"text": ALIASES_TITLE, "blocks": [section(text)]}
    blocks = [section(f"*{ALIASES_TITLE}*: each answers its entry directly.")]
    shown = learned[:MAX_ALIASES_SHOWN]
    for n, alias in enumerate(shown):
        block = section(
            f"{_quoted(alias.alias)} → *{escape(alias.title)}*\n"
            f"Approved by {_mention(alias.approved_by)} on {escape(alias.approved_at[:10])}."
        )
        block["block_id"] = f"learn_alias_{alias.alias_id}"
        block["accessory"] = _button("Remove", f"learn remove {alias.alias_id}", n, "danger")
        blocks.append(block)
    if len(learned) > len(shown):
        blocks.append(context(f"The first {len(shown)} of {len(learned)}."))
    return {"text": ALIASES_TITLE, "blocks": blocks[:MAX_BLOCKS]}


_SAID = {
    "approved": ":white_check_mark: Approved: {alias} now answers *{title}*.",
    "dismissed": ":heavy_minus_sign: Dismissed: {alias} is not offered for *{title}* again "
    "unless partners pick it again.",
    "removed": ":wastebasket: Removed: {alias} no longer answers *{title}*; the history keeps it.",
}


def decided(result: Decided) -> dict:
    line = _SAID[result.decision].format(alias=_quoted(result.alias), title=escape(result.title))
    if result.repeated:
        line += " (It already was: nothing changed.)"
    return {"text": line, "blocks": [section(line)]}
