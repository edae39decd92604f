"""Answers as a tagged union: one type per kind of answer, so that a renderer dispatches on
the type and never re-derives an answer's shape from its key.

Every answer has the question it answers, a key (what `csp-bot ask --json` and the question
sets compare), a title, notes said under it and related topics offered beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from knowledge.domain.crime_types import CrimeType
from knowledge.domain.judgement import Change
from knowledge.domain.models import (
    Action,
    ActionStatus,
    Deliverable,
    Document,
    Figure,
    Indicator,
    Kind,
    Priority,
    Topic,
)
from knowledge.domain.periods import Period


@dataclass(frozen=True)
class IndicatorView:
    indicator: Indicator
    priority: Priority
    current: Figure | None
    previous: Figure | None
    change: Change | None
    held_periods: tuple[Period, ...]
    missing_period: Period | None = None
    """A period the question asked for that the store holds no figure for."""
    missing_baseline: Period | None = None
    """A period the question asked to compare with that the store holds no figure for."""
    previous_reported: Figure | None = None
    """The figure recorded for the compared period, where the comparison uses the sum of its
    months instead and the two differ (the seed's 2018 against the Met's revised months)."""


@dataclass(frozen=True)
class Suggestion:
    key: str
    title: str
    question: str
    """What to ask to get this entry: the text a "did you mean" button sends."""
    label: str = ""
    """A short name for a button when the title is long ("RRT expansion"); the answer the
    button gives names the entry in full."""


@dataclass(frozen=True)
class ReadAs:
    """How an answer the bot is less than sure of was read: the words it did not use, and
    the next reading, offered as a button."""

    title: str
    unused: tuple[str, ...]
    next_reading: Suggestion | None = None

    @property
    def note(self) -> str:
        unused = ", ".join(f"“{w}”" for w in self.unused)
        said = f"I read this as “{self.title}”"
        return f"{said} (I didn't use: {unused})." if unused else f"{said}."


@dataclass(frozen=True, kw_only=True)
class Answer:
    """What every answer has. `kind` and `matched` belong to the type."""

    kind: ClassVar[Kind]
    matched: ClassVar[bool] = True

    question: str
    key: str | None
    title: str
    notes: tuple[str, ...] = ()
    related: tuple[Suggestion, ...] = ()
    read_as: ReadAs | None = None


@dataclass(frozen=True, kw_only=True)
class IndicatorAnswer(Answer):
    kind: ClassVar[Kind] = Kind.INDICATOR
    indicator: IndicatorView


@dataclass(frozen=True, kw_only=True)
class IndicatorListAnswer(Answer):
    """Indicators in the scorecard's order: all, a filtered list, or those named together."""

    kind: ClassVar[Kind] = Kind.LIST
    rows: tuple[IndicatorView, ...]
    priorities: tuple[Priority, ...]
    list_filter: str | None = None
    priority: Priority | None = None


@dataclass(frozen=True, kw_only=True)
class TopicGroupAnswer(Answer):
    """Every topic of a group of facts ("Key successes")."""

    kind: ClassVar[Kind] = Kind.LIST
    topics: tuple[Topic, ...]


@dataclass(frozen=True, kw_only=True)
class DocumentAnswer(Answer):
    """A whole document the commitments come from."""

    kind: ClassVar[Kind] = Kind.LIST
    document: Document


@dataclass(frozen=True, kw_only=True)
class PrioritiesDocumentAnswer(DocumentAnswer):
    priorities: tuple[Priority, ...]


@dataclass(frozen=True, kw_only=True)
class DeliverablesDocumentAnswer(DocumentAnswer):
    deliverables: tuple[Deliverable, ...]


@dataclass(frozen=True, kw_only=True)
class ActionsDocumentAnswer(DocumentAnswer):
    actions: tuple[tuple[Action, ActionStatus | None], ...]


@dataclass(frozen=True, kw_only=True)
class PriorityAnswer(Answer):
    kind: ClassVar[Kind] = Kind.PRIORITY
    priority: Priority
    rows: tuple[IndicatorView, ...]
    focus: int | None = None
    document: Document | None = None


@dataclass(frozen=True, kw_only=True)
class DeliverableAnswer(Answer):
    kind: ClassVar[Kind] = Kind.DELIVERABLE
    deliverable: Deliverable
    focus: int | None = None
    document: Document | None = None
    status: ActionStatus | None = None
    """The latest status an officer recorded for it, if any (the seed gives deliverables none)."""


@dataclass(frozen=True, kw_only=True)
class ActionAnswer(Answer):
    kind: ClassVar[Kind] = Kind.ACTION
    action: Action
    status: ActionStatus | None
    document: Document | None = None


@dataclass(frozen=True, kw_only=True)
class FactAnswer(Answer):
    kind: ClassVar[Kind] = Kind.FACT
    topic: Topic
    focus: int | None = None


@dataclass(frozen=True, kw_only=True)
class HelpAnswer(Answer):
    kind: ClassVar[Kind] = Kind.HELP
    suggestions: tuple[Suggestion, ...]


@dataclass(frozen=True, kw_only=True)
class Declined(Answer):
    """No answer: nothing matched closely enough, or the bot knows it holds nothing for it."""

    kind: ClassVar[Kind] = Kind.UNKNOWN
    matched: ClassVar[bool] = False
    suggestions: tuple[Suggestion, ...] = ()
    unknown_words: tuple[str, ...] = ()
    not_held: CrimeType | None = None
    """The police crime category the question named, which the store holds no figures for."""
    reason: str | None = None
    """Why the bot knows it holds nothing else for the question: a place outside the home
    area, a rate asked of a topic that has none, a count of one that counts nothing, a
    measure no indicator is, a period the indicator does not hold."""
    period_not_held: Period | None = None
    """The period asked for that the indicator named holds no figure for ("knife crime in
    2020"): the topic was read, and what is held decided the decline."""
    topic_of_its_own: bool = False
    """Declined for what it is, a police category not held on its own ("shoplifting"), not
    for a word that may be said of other things asked beside it (a place, "on buses")."""

    @property
    def declined_because(self) -> str | None:
        """Why the bot knows it holds nothing for this question, when it knows."""
        if self.not_held:
            return self.not_held.not_held_text()
        return self.reason

    @property
    def suggestions_heading(self) -> str:
        """What the offered topics are: near what the bot knows it does not hold, or guesses."""
        return "What I do hold" if self.declined_because else "Did you mean"


@dataclass(frozen=True, kw_only=True)
class Thanks(Answer):
    """A message that only thanks ("cheers", "that's helpful"): a short friendly reply. It
    answers no question, so it is not `matched`, and the question sets count it declined."""

    kind: ClassVar[Kind] = Kind.THANKS
    matched: ClassVar[bool] = False
    glad: bool = False
    """The message said the answer helped ("that's helpful"), not only thanks."""


@dataclass(frozen=True, kw_only=True)
class SeveralAnswer(Answer):
    """Two or three things asked in one message, each answered in its own part."""

    kind: ClassVar[Kind] = Kind.SEVERAL
    parts: tuple[Answer, ...]


@dataclass(frozen=True)
class Home:
    """What the App Home shows: every indicator by priority, and the actions' status."""

    priorities: tuple[Priority, ...]
    rows: tuple[IndicatorView, ...]
    actions: tuple[tuple[Action, ActionStatus | None], ...]


def declined_because(answer: Answer) -> str | None:
    """Why the bot knows it holds nothing for an answer's question; None for an answer."""
    return answer.declined_because if isinstance(answer, Declined) else None
