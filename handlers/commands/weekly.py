"""The weekly subcommands of /csp: `digest` (a preview for the asker), `digest here|off`
(admins), `tasking` (the PTF summary), `tasks`, `task add|update|close` (officers).

Tasking details are police intelligence: they are shown only in the private tasking channels
(CSP_TASKING_CHANNELS) or, for an officer's own commands, in a direct message with the bot;
every time they are shown or refused is written to the access log.
"""

from __future__ import annotations

import logging

from slack_sdk import WebClient

from handlers.blocks import updates as say
from handlers.blocks.digest import build_digest_message, home_link
from handlers.blocks.taskings import (
    assigned_message,
    build_summary_message,
    open_list_message,
    saved_message,
    tasking_form,
)
from handlers.replies import Services, refusal_message
from knowledge.domain.schedule import local_date
from knowledge.domain.taskings import TaskingError
from knowledge.services.commands import CommandError
from knowledge.services.digest import build_digest, digest_since
from knowledge.services.roles import NotAllowed
from knowledge.services.tasking_commands import (
    AddTask,
    CloseTask,
    DigestChannel,
    DigestPreview,
    ListTasks,
    TaskingSummary,
    UpdateTask,
    WeeklyCommand,
    parse_weekly_command,
)
from knowledge.services.tasking_summary import TaskingRefused
from knowledge.services.taskings import Saved

NOT_HERE = (
    "PTF taskings are police intelligence: they are shown only in the partnership's private "
    "tasking channels or in a direct message with me. This request has been logged."
)
log = logging.getLogger(__name__)
TASKING_COMMANDS = (TaskingSummary, ListTasks, AddTask, UpdateTask, CloseTask)


def _unescaped(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _is_dm(channel: str | None) -> bool:
    return bool(channel) and channel.startswith("D")


def _digest_preview(services: Services, command: dict) -> dict:
    now, channel = services.clock(), command.get("channel_id")
    knowledge = services.knowledge
    weekly = services.weekly
    details = weekly.desk.allowed_in(channel)
    digest = build_digest(knowledge, digest_since(knowledge, None, now), now, tasking_details=details)
    if details:
        weekly.desk.log(command["user_id"], channel, "digest tasking details", "shown", now, "/csp digest")
    return build_digest_message(digest, home_link(command.get("team_id"), command.get("api_app_id")))


def _digest_channel(services: Services, command: dict, on: bool) -> dict:
    channel = command.get("channel_id")
    if not channel or _is_dm(channel):
        return say.problem("Use `/csp digest here` (or `off`) in the channel the digest should go to.")
    text = services.weekly.set_digest_channel(command["user_id"], channel, on, services.clock())
    return say.message(text)


def _tasking(services: Services, command: dict, client: WebClient, parsed: WeeklyCommand) -> dict:
    """The tasking commands, where tasking details may be shown, each view logged."""
    weekly, user, channel, now = (
        services.weekly,
        command["user_id"],
        command.get("channel_id"),
        services.clock(),
    )
    what = type(parsed).__name__
    if isinstance(parsed, TaskingSummary):
        return build_summary_message(weekly.desk.summary(user, channel, now, "/csp tasking"))
    if not (weekly.desk.allowed_in(channel) or _is_dm(channel)):
        weekly.desk.log(user, channel or "unknown", what, "refused", now, "not an allowed channel")
        raise TaskingRefused(NOT_HERE)
    if not services.roles.can_write(user):
        weekly.desk.log(user, channel, what, "refused", now, "not an officer")
        raise services.roles.refusal("officers can raise, update or see PTF taskings")
    if isinstance(parsed, ListTasks):
        taskings = weekly.taskings.open_ones(user)
        weekly.desk.log(user, channel, "open taskings", "shown", now, f"{len(taskings)} taskings")
        return open_list_message(taskings)
    if isinstance(parsed, AddTask):
        view = tasking_form(local_date(now), private_metadata=channel or "")
        client.views_open(trigger_id=command.get("trigger_id"), view=view)
        return {}
    request_id = command.get("trigger_id")
    if isinstance(parsed, UpdateTask):
        saved = weekly.taskings.update(user, parsed.ref, parsed.change, now, request_id)
    else:
        saved = weekly.taskings.close(user, parsed.ref, parsed.change, now, request_id)
    weekly.desk.log(user, channel, f"tasking {saved.action}", "shown", now, saved.tasking.ref)
    tell_owner(services, client, saved)
    return saved_message(saved)


def tell_owner(services: Services, client: WebClient, saved: Saved) -> None:
    """A direct message to someone newly given a tasking (not twice for a repeated request)."""
    if not saved.assigned_to or saved.repeated or saved.tasking.demo:
        return
    try:
        client.chat_postMessage(channel=saved.assigned_to, **assigned_message(saved.tasking))
    except Exception as error:  # the tasking stands; the owner can still see it in /csp tasks
        log.warning("could not tell %s of %s: %s", saved.assigned_to, saved.tasking.ref, error)
        return
    services.weekly.desk.log(
        saved.assigned_to, saved.assigned_to, "tasking assigned", "sent", services.clock(), saved.tasking.ref
    )


def _dispatch(services: Services, command: dict, client: WebClient, parsed: WeeklyCommand) -> dict:
    if isinstance(parsed, DigestPreview):
        return _digest_preview(services, command)
    if isinstance(parsed, DigestChannel):
        return _digest_channel(services, command, parsed.on)
    return _tasking(services, command, client, parsed)


def weekly_reply(
    services: Services, text: str, command: dict, client: WebClient, teams: tuple[str | None, str | None]
) -> dict | None:
    """The reply to a weekly subcommand ({} when a form opened instead), or None for anything else."""
    try:
        parsed = parse_weekly_command(_unescaped(text))
    except CommandError as mistake:
        return say.problem(str(mistake))
    if parsed is None or services.weekly is None:
        return None
    user = command.get("user_id")
    if not user or services.strangers.refuses(client, user, *teams):
        if isinstance(parsed, TASKING_COMMANDS):
            where = command.get("channel_id") or "unknown"
            desk = services.weekly.desk
            desk.log(user or "unknown", where, type(parsed).__name__, "refused", services.clock(), "stranger")
        return refusal_message()
    try:
        return _dispatch(services, command, client, parsed)
    except (NotAllowed, TaskingRefused) as refused:
        return say.refusal(str(refused))
    except (TaskingError, CommandError) as mistake:
        return say.problem(str(mistake))
