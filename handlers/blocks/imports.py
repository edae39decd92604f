"""Replies to a police data file sent to the bot: the dry run under an "Import" button, what
the import wrote, and why a file was refused. The file's own text (names, categories) is
escaped like anything a user typed."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from handlers.blocks.kit import MAX_BUTTON_VALUE, MAX_CONTEXT_ELEMENTS, clip, escape, section
from knowledge.render.imports import Summary, as_text, plan_summary, result_summary
from knowledge.services.imports import ImportPlan, ImportResult

ACTION_IMPORT = "csp_import"
"""action_id of the button that imports a file the bot has shown a dry run of."""

UNDO_HINT = "Undo it with `/csp undo` while it is your last change, or `csp-bot import --undo {batch}`."


class ImportButton(BaseModel):
    """What the button carries: the Slack file, and the very content and borough shown."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    file: str
    sha256: str
    borough: str


def _summary_blocks(summary: Summary, emoji: str) -> list[dict]:
    blocks = [section(f"{emoji} {escape(summary.headline)}")]
    if summary.lines:
        blocks.append(section("\n".join(f"• {escape(line)}" for line in summary.lines)))
    if summary.notes:
        notes = [{"type": "mrkdwn", "text": clip(escape(n), 2000)} for n in summary.notes]
        blocks.append({"type": "context", "elements": notes[:MAX_CONTEXT_ELEMENTS]})
    return blocks


def preview(plan: ImportPlan, file_id: str) -> dict:
    """The dry run, and a button to import the file if it would change anything."""
    summary = plan_summary(plan)
    blocks = _summary_blocks(summary, ":mag:")
    if plan.changes_anything:
        value = ImportButton(file=file_id, sha256=plan.sha256, borough=plan.borough).model_dump_json()
        blocks.append(
            {
                "type": "actions",
                "block_id": "csp_import",
                "elements": [
                    {
                        "type": "button",
                        "text": {"type": "plain_text", "text": "Import", "emoji": True},
                        "style": "primary",
                        "value": clip(value, MAX_BUTTON_VALUE),
                        "action_id": ACTION_IMPORT,
                    }
                ],
            }
        )
    return {"text": clip(escape(as_text(summary)), 3000), "blocks": blocks}


def imported(result: ImportResult) -> dict:
    summary = result_summary(result, UNDO_HINT)
    emoji = ":white_check_mark:" if result.batch_id else ":information_source:"
    return {"text": clip(escape(summary.headline), 3000), "blocks": _summary_blocks(summary, emoji)}


def refused_file(file_name: str, problem: str) -> dict:
    """A file that is not a police data file the bot can read: where, and that nothing changed."""
    text = f"I can't import {file_name}: {problem}. Nothing was written; mend the file and send it again."
    return {"text": escape(text), "blocks": [section(f":warning: {escape(text)}")]}
