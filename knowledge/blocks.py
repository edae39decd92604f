"""Answers as Slack Block Kit messages: plain dicts, built without Slack, within its limits.

Every piece of text that came from a user or a data file goes through `escape` before it
goes into mrkdwn, so `<!channel>` shows as text and never pings. Buttons carry a question
in their value; the Slack listener asks it when one is clicked.
"""

from __future__ import annotations

from knowledge.answers import Answer, Home, IndicatorView, Suggestion
from knowledge.domain.models import Kind
from knowledge.phrasing import (
    JUDGEMENT_EMOJI,
    change_summary,
    confidence_note,
    direction_of_travel,
    headline,
    missing_period_note,
    number,
    recorder,
    updated_note,
)
from knowledge.text import indicator_line, render_text

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


# ---- one builder per kind of answer ---------------------------------------------------


def _indicator(answer: Answer) -> list[dict]:
    view = answer.indicator
    assert view is not None
    indicator = view.indicator
    blocks = [header(indicator.short_name)]
    missing = missing_period_note(view)
    if missing:
        blocks.append(section(f":warning: {escape(missing)}"))
    blocks.append(section(f"*{escape(indicator.name)}*\n{escape(headline(view))}"))
    fields = []
    if view.current is not None:
        fields.append(f"*{escape(view.current.period.label)}*\n{number(view.current.value, indicator.unit)}")
    if view.previous is not None:
        fields.append(
            f"*{escape(view.previous.period.label)}*\n{number(view.previous.value, indicator.unit)}"
        )
    if view.change is not None:
        fields.append(f"*Change*\n{escape(change_summary(view.change, indicator.unit))}")
        emoji = JUDGEMENT_EMOJI[view.change.judgement]
        fields.append(f"*Direction of travel*\n{emoji} {escape(direction_of_travel(view))}")
    if fields:
        blocks.append(fields_section(fields))
    notes = [n for n in (indicator.note, indicator.priority_note, confidence_note(indicator)) if n]
    if notes:
        blocks.append(section("\n".join(f"_{escape(n)}_" for n in notes)))
    blocks.append(context(f"CSP priority: *{escape(view.priority.name)}*", escape(updated_note(view))))
    follow_ups = [
        Suggestion(f"list:{view.priority.key}", "Related indicators", f"{view.priority.name} indicators")
    ]
    if view.change is None and len(view.held_periods) >= 2:
        follow_ups.insert(
            0, Suggestion(indicator.key, "Compare with last year", f"{indicator.short_name} vs last year")
        )
    blocks.append(buttons(follow_ups, "follow_ups"))
    return blocks


def _row_line(view: IndicatorView) -> str:
    emoji = JUDGEMENT_EMOJI[view.change.judgement] if view.change else ":white_circle:"
    return f"{emoji} {escape(indicator_line(view))}"


def _list(answer: Answer) -> list[dict]:
    blocks = [header(answer.title)]
    if answer.document is not None:
        blocks.append(context(escape(answer.document.subtitle)))
    if answer.key and answer.key.startswith("list:document:"):
        if answer.priorities:
            for priority in answer.priorities:
                blocks.append(section(f"*{escape(priority.name)}*\n{bullets(priority.key_deliverables)}"))
        for deliverable in answer.deliverables:
            blocks.append(section(f"*{escape(deliverable.text)}*\n{bullets(deliverable.example_outputs)}"))
        for action, status in answer.actions:
            status_text = (
                f"Status ({escape(status.as_of)}): {escape(status.status)}" if status else "No status yet."
            )
            blocks.append(section(f"*{escape(action.commitment)}*\n{status_text}"))
        return blocks
    if answer.topics:
        for topic in answer.topics:
            blocks.append(section(f"*{escape(topic.title)}*\n{bullets(topic.facts)}"))
        return blocks
    if not answer.rows:
        blocks.append(section("None at the moment."))
        return blocks
    for priority in answer.priorities:
        rows = [r for r in answer.rows if r.priority.key == priority.key]
        if rows:
            lines = "\n".join(_row_line(r) for r in rows)
            blocks.append(section(f"*{escape(priority.name)}*\n{lines}"))
    blocks.append(
        context(
            ":large_green_circle: better   :red_circle: worse   :white_circle: no judgement or no "
            "comparison. Ask about one indicator for its details."
        )
    )
    return blocks


def _priority(answer: Answer) -> list[dict]:
    priority = answer.priority
    assert priority is not None
    blocks = [header(f"CSP priority: {priority.name}")]
    if answer.document is not None:
        blocks.append(context(escape(f"{answer.document.title}. {answer.document.subtitle}.")))
    blocks.append(section(f"*Key deliverables*\n{bullets(priority.key_deliverables, answer.focus)}"))
    if answer.rows:
        lines = "\n".join(_row_line(r) for r in answer.rows)
        blocks.append(section(f"*Indicators*\n{lines}"))
    return blocks


def _deliverable(answer: Answer) -> list[dict]:
    deliverable = answer.deliverable
    assert deliverable is not None
    blocks = [header("Strategic Plan deliverable"), section(f"*{escape(deliverable.text)}*")]
    if deliverable.example_outputs:
        blocks.append(section(f"*Example outputs*\n{bullets(deliverable.example_outputs, answer.focus)}"))
    if answer.document is not None:
        blocks.append(context(escape(f"{answer.document.title}. {answer.document.subtitle}")))
    return blocks


def _action(answer: Answer) -> list[dict]:
    action = answer.action
    assert action is not None
    blocks = [header("Manifesto action"), section(f"*{escape(action.commitment)}*")]
    status = answer.status
    if status is None:
        blocks.append(section("*Status*\nNo status recorded yet."))
    else:
        blocks.append(section(f"*Status*\n{escape(status.status)}"))
        who = recorder(status.recorded_by)
        blocks.append(
            context(
                escape(f"Status as of {status.as_of}; recorded {status.recorded_at[:10]} from {who}."),
                escape(f"Source: {status.source}."),
            )
        )
    if answer.document is not None:
        blocks.append(context(escape(f"{answer.document.title}: {answer.document.subtitle}")))
    return blocks


def _fact(answer: Answer) -> list[dict]:
    topic = answer.topic
    assert topic is not None
    return [
        header(topic.title),
        section(bullets(topic.facts, answer.focus)),
        context(escape(topic.group_title), escape(f"Source: {topic.source}.")),
    ]


def _help(answer: Answer) -> list[dict]:
    return [
        header("What I can tell you"),
        section(
            "I answer questions about the Tower Hamlets Community Safety Partnership: its "
            "performance indicators, priorities, plans, manifesto actions, successes and "
            "investments. Ask the way you would ask a colleague; try one of these:"
        ),
        buttons(answer.suggestions, "examples"),
        context("Mention me in a channel, send me a direct message, or use `/csp <question>`."),
    ]


def _unknown(answer: Answer) -> list[dict]:
    if answer.declined_because:
        text = escape(answer.declined_because)
    else:
        text = "Sorry, I don't know that one: nothing I hold matches it closely enough."
    if answer.unknown_words:
        shown = ", ".join(f"“{escape(w)}”" for w in answer.unknown_words[:10])
        text += f"\nI hold nothing about {shown}."
    blocks = [section(f":thinking_face: {text}")]
    if answer.suggestions:
        blocks.append(section(f"*{answer.suggestions_heading}:*"))
        blocks.append(buttons(answer.suggestions, "did_you_mean"))
    blocks.append(context("Ask “help” to see what I can answer."))
    return blocks


def _several(answer: Answer) -> list[dict]:
    """Each part's message in turn, a divider between; a block id names its part, as Slack
    refuses a message whose block ids repeat."""
    blocks: list[dict] = []
    for place, part in enumerate(answer.parts, start=1):
        if blocks:
            blocks.append({"type": "divider"})
        for block in build_blocks(part):
            if "block_id" in block:
                block = {**block, "block_id": f"{block['block_id']}-{place}"}
            blocks.append(block)
    return blocks


_BUILDERS = {
    Kind.SEVERAL: _several,
    Kind.INDICATOR: _indicator,
    Kind.LIST: _list,
    Kind.PRIORITY: _priority,
    Kind.DELIVERABLE: _deliverable,
    Kind.ACTION: _action,
    Kind.FACT: _fact,
    Kind.HELP: _help,
    Kind.UNKNOWN: _unknown,
}


def _related(answer: Answer) -> list[dict]:
    if answer.kind in (Kind.INDICATOR, Kind.UNKNOWN, Kind.HELP) or not answer.related:
        return []
    block = buttons(answer.related[:3], "related")
    return [context("Related:"), block] if block else []


def build_blocks(answer: Answer) -> list[dict]:
    blocks = [b for b in _BUILDERS[answer.kind](answer) if b is not None]
    blocks.extend(_related(answer))
    if answer.notes:
        blocks.append(context(*(escape(n) for n in answer.notes)))
    return blocks[:MAX_BLOCKS]


def build_message(answer: Answer) -> dict:
    """Blocks plus the fallback text that notifications and screen readers show."""
    return {"text": clip(escape(render_text(answer)), MAX_FALLBACK), "blocks": build_blocks(answer)}


# ---- the App Home tab ---------------------------------------------------------------------

HOME_REFUSED = (
    "This bot shares the Community Safety Partnership's figures with people of its own "
    "workspace only. Send me “help” to see what I do."
)


def _home_row(view: IndicatorView) -> str:
    updated = view.current.recorded_at[:10] if view.current else "never"
    return f"{_row_line(view)} · _updated {escape(updated)}_"


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


def build_home_view(home: Home | None) -> dict:
    """The App Home: the scorecard by CSP priority and the manifesto actions, within 100 blocks."""
    if home is None:
        return {"type": "home", "blocks": [section(f":lock: {HOME_REFUSED}")]}
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
