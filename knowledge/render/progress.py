"""How far an action or deliverable has got, read from the words of its latest status, and how
old that status is. The badge is a reading of the text, which is always shown beside it."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from knowledge.domain.models import ActionStatus
from knowledge.render.phrasing import SEED, STALE_AFTER, day


class Progress(StrEnum):
    DONE = "done"
    IN_PROGRESS = "in progress"
    NOT_STARTED = "not started"
    UNKNOWN = "unknown"


PROGRESS_EMOJI = {
    Progress.DONE: ":white_check_mark:",
    Progress.IN_PROGRESS: ":hourglass_flowing_sand:",
    Progress.NOT_STARTED: ":white_large_square:",
    Progress.UNKNOWN: ":grey_question:",
}
PROGRESS_SYMBOLS = {
    Progress.DONE: "✅",
    Progress.IN_PROGRESS: "⏳",
    Progress.NOT_STARTED: "⬜",
    Progress.UNKNOWN: "❔",
}

_READINGS = (  # the first that matches decides: "not yet published" is not started
    (
        Progress.NOT_STARTED,
        r"\bnot (?:yet )?(?:started|begun|published|delivered|done)\b|\byet to\b|\bno progress\b"
        r"|\bon hold\b|\bnot started\b|\bplanned for\b",
    ),
    (
        Progress.IN_PROGRESS,
        r"\bin progress\b|\bunder ?way\b|\bongoing\b|\bon track\b|\bstarted\b|\bbegun\b|\bbeing\b"
        r"|\bcontinu|\bworking (?:on|with|to)\b|\bpilot|\bdraft|\bpartly\b|\bpartially\b",
    ),
    (
        Progress.DONE,
        r"\bdone\b|\bcomplete[d]?\b|\bpublished\b|\bdelivered\b|\blaunched\b|\bachieved\b|\bfinished\b"
        r"|\bin place\b|\bcreated\b|\breconfigured\b|\bagreed\b|\bestablished\b|\bimplemented\b"
        r"|\bopened\b|\bnow (?:offers|reaches|covers|runs)\b",
    ),
)


def progress(status: ActionStatus | None) -> Progress:
    """Done, in progress, not started, or unknown (no status, or words that say none of these)."""
    if status is None:
        return Progress.UNKNOWN
    text = status.status.lower()
    return next((state for state, pattern in _READINGS if re.search(pattern, text)), Progress.UNKNOWN)


def badge_words(state: Progress) -> str:
    return "Status unknown" if state is Progress.UNKNOWN else state.value.capitalize()


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def status_date(status: ActionStatus) -> date | None:
    """The last day the status can speak for: its 'as of' date, or the end of the year it
    names ("early 2019"); an officer's status without either, the day it was recorded."""
    for text in (status.as_of, status.recorded_at if status.recorded_by != SEED else ""):
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            pass
        year = _YEAR.search(text)
        if year:
            return date(int(year.group()), 12, 31)
    return None


def as_of_words(status: ActionStatus, today: date) -> str:
    """ "as of early 2019", or when that is over a year ago, "the latest I hold is from early 2019"."""
    when = status.as_of.strip() or day(status.recorded_at)
    if len(when) >= 10 and when[4] == "-":
        when = day(when)
    ends = status_date(status)
    if ends is not None and today - ends > STALE_AFTER:
        return f"the latest I hold is from {when}"
    return f"as of {when}"
