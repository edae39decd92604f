"""Running the officers' subcommands of /csp: each returns the ephemeral message to show.

The work is in knowledge.services; here is only who is asking, which indicator, period, action
or deliverable they mean (asked with buttons when unsure), and what to say back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from slack_sdk import WebClient

from handlers.announce import announce
from handlers.blocks import updates as say
from handlers.commands.learn import learn_reply
from handlers.replies import Services, refusal_message
from knowledge.domain.models import Kind
from knowledge.domain.periods import Period, PeriodKind
from knowledge.services.commands import (
    HISTORY_KINDS,
    STATUS_KINDS,
    UPDATE_EXAMPLE,
    Command,
    CommandError,
    Grant,
    History,
    Learn,
    ListRoles,
    Revoke,
    Status,
    Undo,
    Update,
    find_indicator,
    find_subject,
    parse_command,
)
from knowledge.services.figures import COMMAND_SOURCE, FigureError, NeedsConfirmation
from knowledge.services.history import history, statuses_history
from knowledge.services.import_undo import BatchUndone
from knowledge.services.roles import NotAllowed, Role, RoleError
from knowledge.services.statuses import STATUS_EXAMPLE, StatusError, StatusRecorded, read_status
from knowledge.services.undo import undo
from knowledge.store.db import StoreBusy
from knowledge.store.statuses import StatusOf


@dataclass(frozen=True)
class Asker:
    user_id: str
    request_id: str | None
    confirmed: bool = False
    """They clicked "Yes, record it" for a figure that looked off."""
    client: WebClient | None = None
    """For the public line in the updates channel after a figure is recorded."""


def following(period: Period) -> Period:
    """The period after one of the same kind: next month, quarter or year."""
    months = 12 if period.kind is PeriodKind.YEAR_TO_DATE else period.months

    def shift(day):
        index = day.year * 12 + day.month - 1 + months
        return day.replace(year=index // 12, month=index % 12 + 1)

    return Period(shift(period.start), shift(period.end), period.kind)


def _which_indicator(services: Services, typed: str, command: Update) -> dict:
    found = find_indicator(services.knowledge, typed)
    options = [(c.short_name, command.text(c.key)) for c in found.choices]
    if not options:
        return say.problem(f"I do not know an indicator called “{typed}”; try {UPDATE_EXAMPLE}")
    return say.choices(f"Which indicator did you mean by “{typed}”?", options)


def _which_period(services: Services, command: Update, key: str) -> dict:
    ctx, _ = services.knowledge.current()
    held = ctx.catalogue.figures.get(key, [])
    options = []
    if held:
        latest = held[-1].period
        options = [(p.short_label, command.text(key, p.code)) for p in (latest, following(latest))]
    return say.choices(f"Which period is {command.value} for? Or add it: `for 2019`.", options)


def _update(services: Services, asker: Asker, command: Update) -> dict:
    found = find_indicator(services.knowledge, command.indicator)
    if found.indicator is None:
        return _which_indicator(services, command.indicator, command)
    if not services.roles.can_write(asker.user_id):
        raise services.roles.refusal("officers can change the figures")
    if command.period is None:
        return _which_period(services, command, found.indicator.key)
    try:
        result = services.figures.record(
            asker.user_id, found.indicator.key, command.period, command.value, command.note,
            COMMAND_SOURCE, asker.request_id, services.clock(), confirmed=asker.confirmed,
        )  # fmt: skip
    except NeedsConfirmation as check:
        # The click runs the command again, confirmed, as its own request: twice, it records once.
        pending = {"run": command.text(found.indicator.key), "request": asker.request_id}
        return say.outlier(check.outlier, command.note, json.dumps(pending, ensure_ascii=False))
    if asker.client is not None:
        announce(services, asker.client, asker.user_id, result)
    return say.recorded(result, command.note)


def _status(services: Services, asker: Asker, command: Status) -> dict:
    if not services.roles.can_write(asker.user_id):
        raise services.roles.refusal("officers can record statuses")
    read_status(command.status)  # a mistake in the text is said before anything is asked
    found = find_subject(services.knowledge, command.subject, STATUS_KINDS)
    if found.subject is None:
        options = [(c.name, command.text(c.key)) for c in found.choices]
        if not options:
            return say.problem(
                f"I do not know a manifesto action or Strategic Plan deliverable called "
                f"“{command.subject}”; try {STATUS_EXAMPLE}"
            )
        return say.choices(f"Which one did you mean by “{command.subject}”?", options)
    subject = found.subject
    result = services.statuses.record(
        asker.user_id, StatusOf(subject.kind.value), subject.key, command.status,
        "command", asker.request_id, services.clock(),
    )  # fmt: skip
    return say.status_recorded(result)


def _history(services: Services, command: History) -> dict:
    found = find_subject(services.knowledge, command.subject, HISTORY_KINDS)
    subject = found.subject
    if subject is None:
        options = [(c.name, f"history {c.key}") for c in found.choices]
        if not options:
            return say.problem(
                f"I do not know an indicator, action or deliverable called “{command.subject}”; "
                "try `/csp history knife crime`"
            )
        return say.choices(f"Which one did you mean by “{command.subject}”?", options)
    store = services.knowledge.store
    if subject.kind is Kind.INDICATOR:
        indicator = services.figures.indicator(subject.key)
        return say.history(indicator, history(store, subject.key))
    of = StatusOf(subject.kind.value)
    return say.status_history(
        services.statuses.subject(of, subject.key), statuses_history(store, of, subject.key)
    )


def _undo(services: Services, asker: Asker) -> dict:
    result = undo(services.figures, asker.user_id, services.clock(), asker.request_id)
    if isinstance(result, BatchUndone):
        return say.batch_undone(result)
    if isinstance(result, StatusRecorded):
        return say.status_recorded(result, undone=True)
    return say.recorded(result, undone=True)


def _grant(services: Services, asker: Asker, command: Grant) -> dict:
    before = services.roles.grant(
        asker.user_id, command.user_id, command.role, services.clock(), asker.request_id
    )
    now = services.roles.role_of(command.user_id)
    return say.message(f"<@{command.user_id}> is now {now.value} (was {before.value}).")


def _revoke(services: Services, asker: Asker, command: Revoke) -> dict:
    before = services.roles.revoke(asker.user_id, command.user_id, services.clock(), asker.request_id)
    if services.officer_group and services.roles.role_of(command.user_id) is Role.OFFICER:
        group = say.group_mention(services.officer_group)
        return say.message(
            f"<@{command.user_id}> no longer holds a role here (was {before.value}), but is still an "
            f"officer as a member of {group}: take them out of that group in Slack."
        )
    return say.message(f"<@{command.user_id}> now only reads (was {before.value}).")


def _dispatch(services: Services, asker: Asker, command: Command) -> dict:
    if isinstance(command, Update):
        return _update(services, asker, command)
    if isinstance(command, Status):
        return _status(services, asker, command)
    if isinstance(command, History):
        return _history(services, command)
    if isinstance(command, Undo):
        return _undo(services, asker)
    if isinstance(command, Grant):
        return _grant(services, asker, command)
    if isinstance(command, Revoke):
        return _revoke(services, asker, command)
    if isinstance(command, ListRoles):
        return say.roles(services.roles.list_roles(), services.officer_group)
    if isinstance(command, Learn):
        return learn_reply(services, asker, command)
    raise TypeError(command)


def run(services: Services, asker: Asker, command: Command) -> dict:
    """The reply to a subcommand; a refusal or a mistake is a reply too, and changes nothing."""
    try:
        return _dispatch(services, asker, command)
    except NotAllowed as refused:
        return say.refusal(str(refused))
    except (FigureError, StatusError, RoleError, CommandError) as mistake:
        return say.problem(str(mistake))
    except StoreBusy as busy:
        return say.problem(f"Sorry: {busy}.")


def _unescaped(text: str) -> str:
    """Slack sends '&', '<' and '>' typed in a command as entities; keep what was typed."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def officer_reply(
    services: Services,
    text: str,
    client: WebClient,
    user_id: str | None,
    teams: tuple[str | None, str | None],
    request_id: str | None,
    confirmed: bool = False,
) -> dict | None:
    """The reply to a subcommand, or None when the text is a question to answer as usual.

    A stranger from another organisation is refused before anything is read or written.
    `confirmed`: the officer has said a figure that looked off is right.
    """
    try:
        command = parse_command(_unescaped(text))
    except CommandError as mistake:
        return say.problem(str(mistake))
    if command is None:
        return None
    if not user_id or services.strangers.refuses(client, user_id, *teams):
        return refusal_message()
    return run(services, Asker(user_id, request_id, confirmed, client), command)
