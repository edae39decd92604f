"""A file sent to the bot in a direct message: an admin's police data file gets the dry run
and an "Import" button; anyone else a polite refusal, before the file is fetched."""

from __future__ import annotations

from slack_sdk import WebClient

from handlers.blocks import imports as say
from handlers.blocks.updates import problem, refusal
from handlers.replies import Services, refusal_message
from handlers.slack_files import FileProblem, fetch_file
from knowledge.datafiles import DataFileError
from knowledge.imports.mps_csv import ImportFileError

ONE_FILE = "Send me one police data file at a time (the Met's MPS Borough Level Crime CSV)."


def reply_to_upload(
    services: Services, event: dict, client: WebClient, teams: tuple[str | None, str | None]
) -> dict:
    """The reply to a direct message carrying files."""
    user = event.get("user")
    if not user or services.strangers.refuses(client, user, *teams):
        return refusal_message()
    if not services.roles.is_admin(user):
        return refusal(str(services.roles.refusal("admins can import police data")))
    files = event.get("files") or []
    if len(files) != 1 or not files[0].get("id"):
        return problem(ONE_FILE)
    try:
        sent = fetch_file(client, files[0]["id"])
    except FileProblem as trouble:
        return problem(str(trouble))
    try:
        plan = services.imports.plan(sent.content, sent.name)
    except ImportFileError as mistake:
        return say.refused_file(sent.name, str(mistake))
    except DataFileError as error:
        return problem(f"the data files have a problem: {error}")
    return say.preview(plan, sent.id)
