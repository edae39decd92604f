"""The officers' subcommands of /csp, read from the text typed: anything else is a question.

`update knife crime 900 for 2019 note police data`, `status RRT expansion: now reaches 18-24s`,
`history knife crime`, `undo`, `grant @sam officer`, `revoke @sam`, `roles`, and `learn` (what
partners picked from "did you mean"), `learn aliases`, `learn approve 12`, `learn dismiss 12`,
`learn remove 3`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.answering import Knowledge
from knowledge.domain.models import Action, Indicator, Kind
from knowledge.services.statuses import STATUS_EXAMPLE
from knowledge.store import Catalogue
from knowledge.understanding import decide

UPDATE_EXAMPLE = "`/csp update knife crime 900 for 2019 note police data`"


class CommandError(ValueError):
    """A subcommand typed wrongly; the message shows one typed right."""


@dataclass(frozen=True)
class Update:
    indicator: str
    value: str
    period: str | None = None
    note: str | None = None

    def text(self, indicator: str | None = None, period: str | None = None) -> str:
        """The command again, with the indicator or period now known: what a button sends."""
        typed = f"update {indicator or self.indicator} {self.value}"
        if period or self.period:
            typed += f" for {period or self.period}"
        return typed + (f" note {self.note}" if self.note else "")


@dataclass(frozen=True)
class Status:
    """`status <action or deliverable>: <status text>`."""

    subject: str
    status: str

    def text(self, key: str) -> str:
        """The command again, with the action or deliverable now known: what a button sends."""
        return f"status {key}: {self.status}"


@dataclass(frozen=True)
class History:
    subject: str
    """An indicator, action or deliverable, as typed."""


@dataclass(frozen=True)
class Undo:
    pass


@dataclass(frozen=True)
class Grant:
    user_id: str
    role: str


@dataclass(frozen=True)
class Revoke:
    user_id: str


@dataclass(frozen=True)
class ListRoles:
    pass


@dataclass(frozen=True)
class Learn:
    """`learn` lists the picks to review; `aliases` those approved; the others name a pick's
    or an alias's number, as the listed buttons do."""

    verb: str = "list"
    number: int | None = None


Command = Update | Status | History | Undo | Grant | Revoke | ListRoles | Learn

_LEARN = re.compile(r"^(?:(?P<verb>approve|dismiss|remove)\s+#?(?P<number>\d{1,9})|(?P<aliases>aliases))?$")
_NOTE = re.compile(r"\s+note:?\s+", re.IGNORECASE)
_PERIOD = re.compile(r"^(?P<head>.*\S)\s+for\s+(?P<period>\S.*)$", re.IGNORECASE)
# `status <name>: <text>`: the first colon followed by a space (or the end) ends the name, so
# "10:30" in a name does not; "status of X" is a question, not a command.
_STATUS = re.compile(r"^(?P<subject>[^:]*?)\s*:(?:\s+(?P<status>.*))?$", re.DOTALL)
_ASKING = re.compile(r"^(?:of|on|for|about)\b", re.IGNORECASE)
# A mention as Slack sends it with escaping on (<@U123|sam>), or a bare user id.
_USER = re.compile(r"^(?:<@(?P<escaped>[UW][A-Z0-9]+)(?:\|[^>]*)?>|@?(?P<bare>[UW][A-Z0-9]{2,}))$")


def _user(text: str, example: str) -> str:
    found = _USER.match(text.strip())
    if not found:
        raise CommandError(f"“{text}” is not someone I can tell apart: mention them with @, e.g. {example}")
    return found["escaped"] or found["bare"]


def _update(rest: str) -> Update:
    rest, note = _split_note(rest)
    period = None
    found = _PERIOD.match(rest)
    if found:
        rest, period = found["head"], found["period"].strip()
    words = rest.split()
    if len(words) < 2:
        raise CommandError(f"say which indicator and the new figure, e.g. {UPDATE_EXAMPLE}")
    return Update(" ".join(words[:-1]), words[-1], period, note)


def _status(rest: str) -> Status | None:
    """The status command, or None when the words after "status" are a question ("status of
    RRT expansion", "status RRT expansion"): only a colon after the name records one."""
    found = _STATUS.match(rest)
    if not found or _ASKING.match(rest):
        return None
    if not found["subject"]:
        raise CommandError(
            f"say which action or deliverable, then a colon and its status, e.g. {STATUS_EXAMPLE}"
        )
    return Status(found["subject"], (found["status"] or "").strip())


def _split_note(rest: str) -> tuple[str, str | None]:
    parts = _NOTE.split(rest, maxsplit=1)
    return parts[0].strip(), (parts[1].strip() or None) if len(parts) > 1 else None


def parse_command(text: str) -> Command | None:
    """The subcommand typed, or None when the text is a question."""
    verb, _, rest = text.strip().partition(" ")
    verb, rest = verb.lower(), rest.strip()
    if verb == "update" and rest:
        return _update(rest)
    if verb == "status" and rest:
        return _status(rest)
    if verb == "history" and rest:
        return History(rest)
    if verb == "undo" and not rest:
        return Undo()
    if verb == "roles" and not rest:
        return ListRoles()
    if verb == "grant" and rest:
        who, _, role = rest.rpartition(" ")
        if not who:
            raise CommandError("say who and which role, e.g. `/csp grant @sam officer`")
        return Grant(_user(who, "`/csp grant @sam officer`"), role)
    if verb == "revoke" and rest:
        return Revoke(_user(rest, "`/csp revoke @sam`"))
    if verb == "learn":
        return _learn(rest.lower())
    return None


def _learn(rest: str) -> Learn | None:
    """Only the forms the bot offers; anything else after "learn" is a question."""
    found = _LEARN.match(rest)
    if not found:
        return None
    if found["verb"]:
        return Learn(found["verb"], int(found["number"]))
    return Learn("aliases" if found["aliases"] else "list")


@dataclass(frozen=True)
class Subject:
    """An entry whose history officers keep: an indicator's figures, an action's or a
    deliverable's status."""

    kind: Kind
    key: str
    name: str
    """What to call it on a button: its short name or first alias."""


@dataclass(frozen=True)
class FoundSubject:
    """The entry meant, or, when not sure, the closest ones of the kinds wanted to offer."""

    subject: Subject | None
    choices: tuple[Subject, ...] = ()


STATUS_KINDS = (Kind.ACTION, Kind.DELIVERABLE)
HISTORY_KINDS = (Kind.INDICATOR, *STATUS_KINDS)


@dataclass(frozen=True)
class Found:
    """The indicator meant, or, when not sure, the closest ones to offer."""

    indicator: Indicator | None
    choices: tuple[Indicator, ...] = ()


MAX_CHOICES = 3


def find_indicator(knowledge: Knowledge, text: str) -> Found:
    """Read the indicator's name as a question's topic is read, and take it only when sure."""
    ctx, reader = knowledge.current()
    catalogue = ctx.catalogue
    if text.strip() in catalogue.indicator:
        return Found(catalogue.indicator[text.strip()])
    ranked = ctx.index.rank(reader.read(text))
    if decide.confident(ranked) and ranked[0].entry.kind is Kind.INDICATOR:
        return Found(catalogue.indicator[ranked[0].entry.key])
    keys = dict.fromkeys(c.entry.key for c in ranked if c.entry.kind is Kind.INDICATOR)
    return Found(None, tuple(catalogue.indicator[k] for k in list(keys)[:MAX_CHOICES]))


def _subject(catalogue: Catalogue, kind: Kind, key: str) -> Subject:
    if kind is Kind.INDICATOR:
        return Subject(kind, key, catalogue.indicator[key].short_name)
    entry = catalogue.action[key] if kind is Kind.ACTION else catalogue.deliverable[key]
    title = entry.commitment if isinstance(entry, Action) else entry.text
    return Subject(kind, key, entry.aliases[0] if entry.aliases else title)


def find_subject(knowledge: Knowledge, text: str, kinds: tuple[Kind, ...]) -> FoundSubject:
    """Read a name as a question's topic is read, and take it only when sure it is one of
    `kinds`; otherwise offer the closest of those kinds."""
    ctx, reader = knowledge.current()
    typed = text.strip()
    exact = ctx.index.entries.get(typed)
    if exact is not None and exact.kind in kinds:
        return FoundSubject(_subject(ctx.catalogue, exact.kind, exact.key))
    ranked = ctx.index.rank(reader.read(typed))
    if decide.confident(ranked) and ranked[0].entry.kind in kinds:
        return FoundSubject(_subject(ctx.catalogue, ranked[0].entry.kind, ranked[0].entry.key))
    wanted = dict.fromkeys((c.entry.kind, c.entry.key) for c in ranked if c.entry.kind in kinds)
    return FoundSubject(None, tuple(_subject(ctx.catalogue, k, key) for k, key in list(wanted)[:MAX_CHOICES]))
