"""The digest and tasking subcommands of /csp, read from the text typed.

`digest`, `digest here`, `digest off`; `tasking` (the summary); `tasks` (the open ones);
`task add` (a form); `task update <ref> …`; `task close <ref> <outcome>`. What may follow a
reference, in any order: a status (`open`, `in progress`, `completed`, `nfa`), `review
2024-05-02`, `owner @sam`, counts (`2 arrests`, `1 seizure`, `3 warnings`, `1 vehicle`,
`2 referrals`) and, last, `note …`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from knowledge.domain.taskings import OUTCOME_NAMES, Outcomes, Status
from knowledge.services.commands import CommandError
from knowledge.services.taskings import Change

TASK_EXAMPLES = (
    "`/csp task add`, `/csp task update PTF-2024-001 in progress 2 arrests note seen at 10pm`, "
    "`/csp task close PTF-2024-001 1 seizure` (or `… nfa`), `/csp tasks`"
)


@dataclass(frozen=True)
class DigestPreview:
    pass


@dataclass(frozen=True)
class DigestChannel:
    on: bool


@dataclass(frozen=True)
class TaskingSummary:
    pass


@dataclass(frozen=True)
class ListTasks:
    pass


@dataclass(frozen=True)
class AddTask:
    pass


@dataclass(frozen=True)
class UpdateTask:
    ref: str
    change: Change


@dataclass(frozen=True)
class CloseTask:
    ref: str
    change: Change


WeeklyCommand = DigestPreview | DigestChannel | TaskingSummary | ListTasks | AddTask | UpdateTask | CloseTask

_NOTE = re.compile(r"(?:^|\s)note:?\s+(?P<note>.*)$", re.IGNORECASE | re.DOTALL)
_OWNER = re.compile(r"(?:\bowner\s+)?(?:<@(?P<id>[UW][A-Z0-9]+)(?:\|[^>]*)?>|@?(?P<bare>[UW][A-Z0-9]{5,})\b)")
_REVIEW = re.compile(r"\breview(?:\s+on)?\s+(?P<date>\S+)", re.IGNORECASE)
_STATUS = re.compile(
    r"\b(?P<status>in[ -]progress|no further action|nfa|completed?|done|open)\b", re.IGNORECASE
)
_COUNT = re.compile(r"\b(?:(?P<n1>\d+)\s+(?P<w1>[a-z]+)|(?P<w2>[a-z]+)\s+(?P<n2>\d+))\b", re.IGNORECASE)
_STATUS_WORDS = {
    "open": Status.OPEN,
    "in progress": Status.IN_PROGRESS,
    "in-progress": Status.IN_PROGRESS,
    "complete": Status.COMPLETED,
    "completed": Status.COMPLETED,
    "done": Status.COMPLETED,
    "nfa": Status.CLOSED_NFA,
    "no further action": Status.CLOSED_NFA,
}


def read_date(text: str) -> date:
    """2024-05-02 or 2/5/2024 (day first, as written in the UK)."""
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise CommandError(f"“{text}” is not a date I can read: write it like 2024-05-02 or 2/5/2024")


def _counts(rest: str) -> tuple[Outcomes, str]:
    added: dict[str, int] = {}

    def take(found: re.Match) -> str:
        word = (found["w1"] or found["w2"]).lower()
        field = OUTCOME_NAMES.get(word)
        if field is None:
            return found.group(0)
        added[field] = added.get(field, 0) + int(found["n1"] or found["n2"])
        return " "

    rest = _COUNT.sub(take, rest)
    return Outcomes(**added), rest


def read_change(rest: str) -> Change:
    """Everything after a tasking's reference; a word it cannot place is a mistake."""
    note = None
    found = _NOTE.search(rest)
    if found:
        note, rest = found["note"].strip() or None, rest[: found.start()]
    owner_match = _OWNER.search(rest)
    owner = (owner_match["id"] or owner_match["bare"]) if owner_match else None
    rest = _OWNER.sub(" ", rest, count=1)
    review_match = _REVIEW.search(rest)
    review = read_date(review_match["date"]) if review_match else None
    rest = _REVIEW.sub(" ", rest, count=1)
    status_match = _STATUS.search(rest)
    status = _STATUS_WORDS[status_match["status"].lower()] if status_match else None
    rest = _STATUS.sub(" ", rest, count=1)
    added, rest = _counts(rest)
    if rest.strip(" ,;.and"):
        raise CommandError(f"I could not place “{rest.strip()}”; for example {TASK_EXAMPLES}")
    return Change(status=status, review_on=review, owner=owner, added=added, note=note)


def _task(rest: str) -> WeeklyCommand:
    verb, _, rest = rest.strip().partition(" ")
    verb = verb.lower()
    if verb == "add" and not rest.strip():
        return AddTask()
    ref, _, rest = rest.strip().partition(" ")
    if verb in ("update", "close") and ref:
        change = read_change(rest)
        if verb == "update":
            return UpdateTask(ref.upper(), change)
        if change.status is None and change.added.any:
            change = Change(Status.COMPLETED, change.review_on, change.owner, change.added, change.note)
        return CloseTask(ref.upper(), change)
    raise CommandError(f"the tasking commands are {TASK_EXAMPLES}")


def parse_weekly_command(text: str) -> WeeklyCommand | None:
    """The digest or tasking subcommand typed, or None when the text is something else."""
    verb, _, rest = text.strip().partition(" ")
    verb, rest = verb.lower(), rest.strip()
    if verb == "digest":
        if not rest:
            return DigestPreview()
        if rest.lower() in ("here", "on"):
            return DigestChannel(True)
        if rest.lower() == "off":
            return DigestChannel(False)
        return None  # "digest of …" is a question
    if verb in ("tasking", "taskings") and not rest:
        return TaskingSummary()
    if verb == "tasks" and not rest:
        return ListTasks()
    if verb == "task" and rest.split(" ", 1)[0].lower() in ("add", "update", "close"):
        return _task(rest)  # "task force" is a question
    return None
