"""PTF taskings in Block Kit: the summary, the open list, confirmations, the owner's direct
messages and the form that raises one. Text that people typed is escaped everywhere."""

from __future__ import annotations

from datetime import date

from handlers.blocks.kit import MAX_BLOCKS, MAX_FALLBACK, clip, context, escape, header, section
from knowledge.domain.taskings import Source, Tasking, Theme
from knowledge.render.taskings import (
    EXAMPLES_NOTE,
    RESTRICTED,
    late_line,
    outcome_line,
    summary_title,
    tasking_line,
)
from knowledge.services.tasking_summary import TaskingSummaryView
from knowledge.services.taskings import Saved

TASK_FORM = "csp_task_add"
"""callback_id of the form that raises a tasking."""
MAX_LINES = 15


def _listed(heading: str, items: list[str]) -> dict:
    shown = [f"• {escape(i)}" for i in items[:MAX_LINES]] or ["• none"]
    if len(items) > MAX_LINES:
        shown.append(f"_…and {len(items) - MAX_LINES} more_")
    return section(f"*{heading}*\n" + "\n".join(shown))


def build_summary_message(summary: TaskingSummaryView) -> dict:
    blocks = [
        header(summary_title(summary)),
        section(f"*{escape(summary.headline)}*"),
        context(f":lock: {RESTRICTED}"),
    ]
    for note in (late_line(summary), EXAMPLES_NOTE if summary.has_examples else None):
        if note:
            blocks.append(context(f":warning: {escape(note)}"))
    blocks += [
        _listed("New this week", [tasking_line(t) for t in summary.new]),
        _listed("Open by theme", [f"{theme}: {n}" for theme, n in summary.open_by_theme]),
        _listed("Open by ward", [f"{ward}: {n}" for ward, n in summary.open_by_ward]),
        _listed("Reviews overdue", [tasking_line(t) for t in summary.overdue]),
        _listed("Completed or closed this week", [outcome_line(t) for t in summary.completed]),
        _listed("Against the commitments", [f"{c.text}: {c.detail}" for c in summary.commitments]),
    ]
    text = clip(f"{summary_title(summary)}: {summary.headline}", MAX_FALLBACK)
    return {"text": escape(text), "blocks": blocks[:MAX_BLOCKS]}


def open_list_message(taskings: list[Tasking]) -> dict:
    title = f"Open PTF taskings: {len(taskings)}"
    blocks = [section(f"*{title}*"), context(f":lock: {RESTRICTED}")]
    blocks.append(_listed("Soonest review first", [tasking_line(t) for t in taskings]))
    return {"text": title, "blocks": blocks}


def saved_message(saved: Saved) -> dict:
    tasking = saved.tasking
    done = {"raise": "Raised", "update": "Updated", "close": "Closed"}.get(saved.action, "Saved")
    if saved.repeated:
        done = "Already done"
    line = f"{done}: {tasking_line(tasking)}"
    lines = [f":white_check_mark: {escape(line)}", f"Outcomes so far: {escape(tasking.outcomes.words())}"]
    if saved.assigned_to:
        lines.append(f"<@{saved.assigned_to}> has been told by direct message.")
    return {"text": escape(line), "blocks": [section("\n".join(lines))]}


def assigned_message(tasking: Tasking) -> dict:
    text = f"You have been given PTF tasking {tasking.ref}, for review on {tasking.review_on:%a %d %b %Y}."
    body = f"*{escape(text)}*\n{escape(tasking_line(tasking))}"
    return {"text": escape(text), "blocks": [section(body), context(f":lock: {RESTRICTED}")]}


def reminder_message(tasking: Tasking) -> dict:
    text = f"PTF tasking {tasking.ref} is due for review tomorrow ({tasking.review_on:%a %d %b})."
    body = (
        f"*{escape(text)}*\n{escape(tasking_line(tasking))}\n"
        f"Update it with `/csp task update {tasking.ref} …` "
        f"or close it with `/csp task close {tasking.ref} …`."
    )
    return {"text": escape(text), "blocks": [section(body)]}


def _plain(text: str) -> dict:
    return {"type": "plain_text", "text": text, "emoji": True}


def _input(block_id: str, label: str, element: dict, optional: bool = False, hint: str | None = None) -> dict:
    block = {"type": "input", "block_id": block_id, "label": _plain(label), "element": element}
    if optional:
        block["optional"] = True
    if hint:
        block["hint"] = _plain(hint)
    return block


def _select(action_id: str, options: list[str]) -> dict:
    return {
        "type": "static_select",
        "action_id": action_id,
        "options": [{"text": _plain(o), "value": o} for o in options],
    }


def _text(action_id: str, multiline: bool = False, max_length: int = 80) -> dict:
    return {
        "type": "plain_text_input",
        "action_id": action_id,
        "multiline": multiline,
        "max_length": max_length,
    }


def tasking_form(today: date, private_metadata: str = "") -> dict:
    """The form `/csp task add` opens; block ids are the tasking's field names."""
    return {
        "type": "modal",
        "callback_id": TASK_FORM,
        "title": _plain("Raise a PTF tasking"),
        "submit": _plain("Raise it"),
        "close": _plain("Cancel"),
        "private_metadata": private_metadata[:3000],
        "blocks": [
            _input("ask", "What is asked", _text("value", multiline=True, max_length=2000)),
            _input("source", "Source of intelligence", _select("value", [s.value for s in Source])),
            _input("theme", "Theme", _select("value", [t.value for t in Theme])),
            _input("ward", "Ward", _text("value")),
            _input(
                "location", "Location", _text("value", max_length=200), optional=True, hint="Street or place"
            ),
            _input("lead_agency", "Lead agency", _text("value")),
            _input("owner", "Owner", {"type": "users_select", "action_id": "value"}),
            _input(
                "raised_on",
                "Raised on",
                {"type": "datepicker", "action_id": "value", "initial_date": today.isoformat()},
            ),
            _input("review_on", "Review by", {"type": "datepicker", "action_id": "value"}),
        ],
    }


def form_values(state: dict) -> dict:
    """The submitted form's values by field name; an empty optional field is left out."""
    values = {}
    for block_id, actions in (state.get("values") or {}).items():
        element = actions.get("value") or {}
        value = (
            element.get("value")
            or (element.get("selected_option") or {}).get("value")
            or element.get("selected_user")
            or element.get("selected_date")
        )
        if value not in (None, ""):
            values[block_id] = value
    return values
