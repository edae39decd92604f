"""Replies to the officers' subcommands: confirmations, choices, history, roles. Every piece
of text a user typed or the store holds is escaped before it goes into mrkdwn."""

from __future__ import annotations

import re

from handlers.blocks.kit import (
    MAX_BLOCKS,
    MAX_BUTTON_TEXT,
    MAX_BUTTON_VALUE,
    MAX_SECTION_TEXT,
    clip,
    context,
    escape,
    section,
)
from knowledge.domain.models import Indicator
from knowledge.render.imports import undone_text
from knowledge.render.phrasing import JUDGEMENT_EMOJI, change_summary, number
from knowledge.services.figures import Outlier, Recorded
from knowledge.services.history import HistoryLine, StatusLine
from knowledge.services.import_undo import BatchUndone
from knowledge.services.roles import Holder
from knowledge.services.statuses import StatusRecorded, Subject

ACTION_RUN = "csp_run"
"""action_id prefix of a button whose value is a /csp command to run for whoever clicks."""
ACTION_CONFIRM = "csp_confirm"
"""The "Yes, record it" button under a figure that looked off: its value is the command to run,
confirmed, and the request it came from, as JSON."""
ACTION_CANCEL = "csp_cancel"

MAX_HISTORY_LINES = 40
MAX_NOTE_SHOWN = 200
"""A note or status in a history line is cut to this; the whole text stays in the store."""
MAX_NAME_SHOWN = 80
MAX_STATUS_SHOWN = 1200
"""A status in a confirmation is shown whole (at most 500 typed; the seed's may be longer)."""


def message(mrkdwn: str) -> dict:
    """Text already safe as mrkdwn: only ids the bot checked and words of its own."""
    return {"text": mrkdwn, "blocks": [section(mrkdwn)]}


def problem(text: str) -> dict:
    return {"text": escape(text), "blocks": [section(f":warning: {escape(text)}")]}


def refusal(text: str) -> dict:
    """The text names admins as <@U…> mentions, which must stay live to be useful."""
    return {"text": text, "blocks": [section(f":lock: Sorry: {text} Nothing was changed.")]}


def _value(indicator: Indicator, value: float | None) -> str:
    return "none" if value is None else number(value, indicator.unit)


def recorded(result: Recorded, note: str | None = None, undone: bool = False) -> dict:
    """Old -> new for the period, and the change on the same months a year before."""
    indicator = result.indicator
    what = "Undone" if undone else "Already recorded" if result.repeated else "Recorded"
    line = (
        f"{what}: {indicator.short_name} for {result.period.short_label}: "
        f"{_value(indicator, result.old)} → {_value(indicator, result.new)}"
    )
    lines = [f":white_check_mark: *{escape(line)}*"]
    if result.change is not None and result.year_before is not None:
        emoji = JUDGEMENT_EMOJI[result.change.judgement]
        lines.append(
            f"{emoji} {escape(change_summary(result.change, indicator.unit))} on "
            f"{escape(result.year_before.period.short_label)} "
            f"({escape(_value(indicator, result.year_before.value))}): "
            f"{result.change.direction}, {result.change.judgement.value}"
        )
    elif result.new is not None:
        lines.append(f"No figure for {escape(result.period.year_before().short_label)} to compare with.")
    blocks = [section("\n".join(lines))]
    if note:
        blocks.append(context(f"Note: {escape(note)}"))
    return {"text": escape(line), "blocks": blocks}


def public_line(user_id: str, result: Recorded) -> dict:
    """ "<@U1> updated *Knife crime* for Jan-Jun 2019: 412 (was 380)", for the updates channel."""
    indicator = result.indicator
    text = (
        f"{_who(user_id)} updated *{escape(indicator.short_name)}* for {escape(result.period.short_label)}: "
        f"{escape(_value(indicator, result.new))} (was {escape(_value(indicator, result.old))})"
    )
    return {"text": text}


def outlier(found: Outlier, note: str | None, pending: str) -> dict:
    """What was typed, why it looks off, and a button to record it all the same (or cancel).
    `pending` is the confirm button's value; one too long for a button is not offered."""
    value = _value(found.indicator, found.value)
    what = f"{found.indicator.short_name}, {found.period.short_label}"
    lines = [
        f":warning: *Check this figure*: you typed *{escape(value)}* for {escape(what)}.",
        f"{escape(found.reason)}. Is it right?",
    ]
    blocks = [section("\n".join(lines))]
    if note:
        blocks.append(context(f"Note: {escape(note)}"))
    if len(pending) <= MAX_BUTTON_VALUE:
        yes = {**_button(f"Yes, record {value}", ACTION_CONFIRM), "value": pending, "style": "primary"}
        blocks.append(
            {
                "type": "actions",
                "block_id": "csp_confirm",
                "elements": [yes, _button("Cancel", ACTION_CANCEL)],
            }
        )
    else:
        blocks.append(
            context("The note is too long to carry on a button: send the command again with a shorter one.")
        )
    return {"text": f"Check this figure: {escape(found.reason)}", "blocks": blocks}


def _button(title: str, action_id: str) -> dict:
    return {
        "type": "button",
        "text": {"type": "plain_text", "text": clip(title, MAX_BUTTON_TEXT), "emoji": True},
        "action_id": action_id,
    }


def batch_undone(result: BatchUndone) -> dict:
    """An import taken back whole by `/csp undo`."""
    text = escape(undone_text(result))
    return {"text": text, "blocks": [section(f":white_check_mark: *{text}*")]}


def _run_button(title: str, command: str, index: int) -> dict:
    return {
        "type": "button",
        "text": {"type": "plain_text", "text": clip(title, MAX_BUTTON_TEXT), "emoji": True},
        "value": clip(command, MAX_BUTTON_VALUE),
        "action_id": f"{ACTION_RUN}_{index}",
    }


def choices(question: str, options: list[tuple[str, str]]) -> dict:
    """A question with a button per (title, command) to answer it."""
    blocks = [section(escape(question))]
    if options:
        buttons = [_run_button(title, command, i) for i, (title, command) in enumerate(options[:5])]
        blocks.append({"type": "actions", "block_id": "csp_run_choices", "elements": buttons})
    return {"text": escape(question), "blocks": blocks}


def _who(actor: str) -> str:
    """A Slack user as a mention; anything else (the seed, an import) as escaped text."""
    if actor == "seed":
        return "the seed data"
    return f"<@{actor}>" if re.fullmatch(r"[UW][A-Z0-9]{2,}", actor) else escape(actor)


def _when(at: str) -> str:
    return escape(at[:16].replace("T", " "))


def _history_line(indicator: Indicator, line: HistoryLine) -> str:
    change = f"{_value(indicator, line.old)} → {_value(indicator, line.new)}"
    shown = (
        f"• {_when(line.at)} {_who(line.actor)}: {escape(line.period.short_label)} "
        f"{escape(change)} ({escape(line.source)})"
    )
    return shown + (f" — note: {_one_line(line.note)}" if line.note else "")


def _one_line(text: str) -> str:
    """Typed text cut short and on one line, for a line of history."""
    return escape(clip(" ".join(text.split()), MAX_NOTE_SHOWN))


def _quoted(status: str | None, whole: bool = False) -> str:
    if status is None:
        return "none"
    return f"“{escape(clip(status, MAX_STATUS_SHOWN))}”" if whole else f"“{_one_line(status)}”"


def _status_line(line: StatusLine) -> str:
    return (
        f"• {_when(line.at)} {_who(line.actor)}: {_quoted(line.old)} → {_quoted(line.new)} "
        f"(as of {escape(line.as_of)}; {escape(line.source)})"
    )


def _sections(lines: list[str], most: int) -> tuple[list[dict], int]:
    """Lines packed whole into at most `most` sections of 3,000 characters; and how many fitted."""
    bodies: list[list[str]] = [[]]
    for line in lines:
        if bodies[-1] and len("\n".join([*bodies[-1], line])) > MAX_SECTION_TEXT:
            if len(bodies) == most:
                break
            bodies.append([])
        bodies[-1].append(line)
    return [section("\n".join(body)) for body in bodies if body], sum(len(body) for body in bodies)


def _history(title: str, lines: list[str]) -> dict:
    """Newest first, as many as fit."""
    shown = list(reversed(lines))[:MAX_HISTORY_LINES]
    sections, fitted = _sections(shown, MAX_BLOCKS - 2)
    blocks = [section(f"*{escape(title)}*"), *(sections or [section("Nothing recorded yet.")])]
    if len(lines) > fitted:
        blocks.append(context(f"The latest {fitted} of {len(lines)} changes."))
    return {"text": escape(title), "blocks": blocks}


def history(indicator: Indicator, lines: list[HistoryLine]) -> dict:
    return _history(f"History of {indicator.short_name}", [_history_line(indicator, x) for x in lines])


def status_history(subject: Subject, lines: list[StatusLine]) -> dict:
    title = f"Status history of {clip(subject.name, MAX_NAME_SHOWN)} ({subject.kind_name})"
    return _history(title, [_status_line(x) for x in lines])


def status_recorded(result: StatusRecorded, undone: bool = False) -> dict:
    """What the status was and is now, each with the date it speaks for, shown whole."""
    subject = result.subject
    what = "Undone" if undone else "Already recorded" if result.repeated else "Recorded"
    head = f"{what}: the status of {clip(subject.name, MAX_NAME_SHOWN)} ({subject.kind_name})"
    was = f"*Was* (as of {escape(result.old_as_of)}): " if result.old_as_of else "*Was*: "
    now = f"*Now* (as of {escape(result.as_of)}): " if result.as_of else "*Now*: "
    lines = [f":white_check_mark: *{escape(head)}*", was + _quoted(result.old, whole=True)]
    body = "\n".join([*lines, now + _quoted(result.new, whole=True)])
    fallback = f"{head}: {clip(result.old or 'none', 60)} → {clip(result.new or 'none', 60)}"
    return {"text": escape(fallback), "blocks": [section(body)]}


def group_mention(usergroup_id: str) -> str:
    """A user group as Slack shows it (@handle); the id was checked when the settings were read."""
    return f"<!subteam^{usergroup_id}>"


def roles(holders: list[Holder], officer_group: str | None = None) -> dict:
    lines = [f"• {_who(h.user_id)}: {h.role.value}" for h in holders]
    if officer_group:
        lines.append(f"• every member of the user group {group_mention(officer_group)}: officer")
    text = "Who may change the figures"
    body = "\n".join(lines or ["Nobody holds a role yet."])
    return {"text": text, "blocks": [section(f"*{text}*\n{body}")]}
