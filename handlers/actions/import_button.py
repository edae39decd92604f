"""The "Import" button under a dry run: imports the file for whoever clicks, if they are an
admin now (a role may have been taken away since the file was sent), and only the content
the dry run showed."""

from __future__ import annotations

from pydantic import ValidationError
from slack_sdk import WebClient

from handlers.access import actor_team
from handlers.blocks import imports as say
from handlers.blocks.updates import problem, refusal
from handlers.replies import Services, refusal_message
from handlers.slack_files import FileProblem, fetch_file
from knowledge.datafiles import DataFileError
from knowledge.imports.mps_csv import ImportFileError
from knowledge.services.imports import sha256_of

CHANGED = "the file has changed since I showed what it would do; send it again to see the new one"


def _import(services: Services, user: str, value: str, client: WebClient) -> dict:
    try:
        wanted = say.ImportButton.model_validate_json(value)
    except ValidationError:
        return problem("that button does not name a file I showed; send the file again")
    try:
        sent = fetch_file(client, wanted.file)
    except FileProblem as trouble:
        return problem(str(trouble))
    if sha256_of(sent.content) != wanted.sha256:
        return problem(CHANGED)
    try:
        result = services.imports.apply(
            sent.content, sent.name, user, services.clock(), borough=wanted.borough
        )
    except ImportFileError as mistake:
        return say.refused_file(sent.name, str(mistake))
    except DataFileError as error:
        return problem(f"the data files have a problem: {error}")
    return say.imported(result)


def make_import_listener(services: Services):
    def on_import(ack, body, action, context, client, respond, logger):
        ack()
        user = (body.get("user") or {}).get("id")
        if not user or services.strangers.refuses(client, user, actor_team(body, context), context.team_id):
            respond(replace_original=False, **refusal_message())
            return
        if not services.roles.is_admin(user):
            respond(
                replace_original=False,
                **refusal(str(services.roles.refusal("admins can import police data"))),
            )
            return
        message = _import(services, user, action.get("value", ""), client)
        logger.info("import button clicked by %s: %s", user, message["text"][:200])
        respond(replace_original=True, **message)

    return on_import
