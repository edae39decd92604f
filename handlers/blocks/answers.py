"""Answers as Slack Block Kit messages, one builder per answer type.

Read at a glance on a phone: a header naming the thing, the figure (or the status) first and
bold, one line of small print, and buttons with short labels. Every piece of text that came
from a user or a data file goes through `escape` before it goes into mrkdwn. Buttons carry a
question in their value; the Slack listener asks it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from handlers.blocks.commitments import (
    action_blocks,
    actions_document_blocks,
    deliverable_blocks,
    deliverables_document_blocks,
    fact_blocks,
    priorities_document_blocks,
    priority_blocks,
    topic_group_blocks,
)
from handlers.blocks.figures import indicator_blocks, indicator_list_blocks
from handlers.blocks.kit import (
    MAX_BLOCKS,
    MAX_FALLBACK,
    buttons,
    clip,
    context,
    escape,
    header,
    section,
    short_label,
)
from handlers.blocks.picks import pick_buttons
from knowledge.answering.types import (
    ActionAnswer,
    ActionsDocumentAnswer,
    Answer,
    Declined,
    DeliverableAnswer,
    DeliverablesDocumentAnswer,
    FactAnswer,
    HelpAnswer,
    IndicatorAnswer,
    IndicatorListAnswer,
    PrioritiesDocumentAnswer,
    PriorityAnswer,
    SeveralAnswer,
    Suggestion,
    Thanks,
    TopicGroupAnswer,
)
from knowledge.render import says
from knowledge.render.text import render_text


def _help(answer: HelpAnswer, today: date) -> list[dict]:
    return [
        header(answer.title),
        section(f"{escape(says.HELP_INTRO)} Try one of these:"),
        buttons(answer.suggestions, "examples"),
        context(escape(says.HELP_WHERE)),
    ]


def _declined(answer: Declined, today: date) -> list[dict]:
    """A short header; what was not understood, first; then what the bot holds near it."""
    said = "\n".join(escape(line) for line in says.not_understood(answer))
    blocks = [header(answer.title), section(f":thinking_face: {said}")]
    if answer.suggestions:
        blocks.append(section(f"*{answer.suggestions_heading}:*"))
        if answer.declined_because:  # what it does hold instead: not what the question meant
            blocks.append(buttons(answer.suggestions, "did_you_mean"))
        else:  # a guess: the partner's pick says which entry the question meant
            blocks.append(pick_buttons(answer.suggestions, answer.question, "did_you_mean"))
    blocks.append(context(escape(says.ASK_HELP)))
    return blocks


def _thanks(answer: Thanks, today: date) -> list[dict]:
    return [section(f":slightly_smiling_face: {escape(says.thanks_reply(answer))}")]


def _several(answer: SeveralAnswer, today: date) -> list[dict]:
    """Each part's message in turn, a divider between; a block id names its part, as Slack
    refuses a message whose block ids repeat."""
    blocks: list[dict] = []
    for place, part in enumerate(answer.parts, start=1):
        if blocks:
            blocks.append({"type": "divider"})
        for block in build_blocks(part, today):
            if "block_id" in block:
                block = {**block, "block_id": f"{block['block_id']}-{place}"}
            blocks.append(block)
    return blocks


_BUILDERS: dict[type, Callable[..., list[dict | None]]] = {
    SeveralAnswer: _several,
    IndicatorAnswer: indicator_blocks,
    IndicatorListAnswer: indicator_list_blocks,
    TopicGroupAnswer: topic_group_blocks,
    PrioritiesDocumentAnswer: priorities_document_blocks,
    DeliverablesDocumentAnswer: deliverables_document_blocks,
    ActionsDocumentAnswer: actions_document_blocks,
    PriorityAnswer: priority_blocks,
    DeliverableAnswer: deliverable_blocks,
    ActionAnswer: action_blocks,
    FactAnswer: fact_blocks,
    HelpAnswer: _help,
    Declined: _declined,
    Thanks: _thanks,
}
"""One builder per answer type."""


def _related(answer: Answer) -> list[dict]:
    if isinstance(answer, IndicatorAnswer | Declined | HelpAnswer) or not answer.related:
        return []
    block = buttons(answer.related[:3], "related")
    return [block] if block else []


def _read_as(answer: Answer) -> list[dict]:
    """How a less than sure answer was read, and a button for the next reading."""
    read_as = answer.read_as
    if read_as is None:
        return []
    blocks = [section(f":mag: {escape(says.read_as_note(answer) or '')}")]
    if read_as.next_reading is not None:
        other = read_as.next_reading
        label = short_label(f"Not that? {other.label or other.title}")
        offered = Suggestion(other.key, other.title, other.question, label)
        blocks.append(buttons([offered], "next_reading"))
    return blocks


def _notes(answer: Answer) -> list[dict]:
    """What the answer could not give as asked, said above the small print."""
    if not answer.notes:
        return []
    return [section("\n".join(f":information_source: {escape(n)}" for n in answer.notes))]


def build_blocks(answer: Answer, today: date | None = None) -> list[dict]:
    """The answer's blocks; `today` (by default the real one) says how old a figure is."""
    built = [b for b in _BUILDERS[type(answer)](answer, today or date.today()) if b is not None]
    # Notes and how the question was read go above the small print and the buttons.
    cut = next((i for i, b in enumerate(built) if b["type"] in ("context", "actions")), len(built))
    if isinstance(answer, Declined):
        cut = 2  # under what was not understood, above the suggestions
    elif isinstance(answer, SeveralAnswer):
        cut = len(built)
    blocks = [*built[:cut], *_read_as(answer), *_notes(answer), *built[cut:], *_related(answer)]
    return blocks[:MAX_BLOCKS]


def build_message(answer: Answer, today: date | None = None) -> dict:
    """Blocks plus the fallback text that notifications and screen readers show."""
    return {
        "text": clip(escape(render_text(answer, today)), MAX_FALLBACK),
        "blocks": build_blocks(answer, today),
    }
