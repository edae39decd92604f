"""What the bot knows, as typed records: the shapes of the data files and of the store's rows."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from knowledge.domain.periods import Period

Key = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Unit(StrEnum):
    COUNT = "count"
    PERCENT = "percent"


class BetterWhen(StrEnum):
    LOWER = "lower"
    HIGHER = "higher"
    NEUTRAL = "neutral"


class Confidence(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Kind(StrEnum):
    """What an answer is about; `csp-bot ask --json` reports it."""

    INDICATOR = "indicator"
    ACTION = "action"
    DELIVERABLE = "deliverable"
    PRIORITY = "priority"
    FACT = "fact"
    LIST = "list"
    HELP = "help"
    UNKNOWN = "unknown"
    CRIME_TYPE = "crime_type"
    """A police crime category: answered by the indicator that counts it, or declined by name."""
    SEVERAL = "several"
    """Two or three things asked in one message ("knife crime and the VAWG charter"), each
    answered in its own part."""
    THANKS = "thanks"
    """A message that only thanks: answered with a short friendly reply, not "I don't know"."""


# ---- records read back from the store -----------------------------------------------------


class Figure(Strict):
    indicator_key: str
    period: Period
    value: float
    recorded_at: str
    recorded_by: str
    source: str


class Indicator(Strict):
    key: str
    name: str
    short_name: str
    priority_key: str
    unit: Unit
    better_when: BetterWhen
    confidence: Confidence
    confidence_note: str | None = None
    neutral_note: str | None = None
    priority_note: str | None = None
    note: str | None = None
    source: str
    aliases: list[str] = []
    position: int = 0


class Priority(Strict):
    key: str
    name: str
    aliases: list[str] = []
    key_deliverables: list[str] = []
    position: int = 0


class Deliverable(Strict):
    key: str
    text: str
    aliases: list[str] = []
    example_outputs: list[str] = []
    position: int = 0


class ActionStatus(Strict):
    status: str
    as_of: str
    recorded_at: str
    recorded_by: str
    source: str


class Action(Strict):
    key: str
    commitment: str
    aliases: list[str] = []
    position: int = 0


class Topic(Strict):
    key: str
    group_key: str
    group_title: str
    title: str
    aliases: list[str] = []
    facts: list[str] = []
    source: str
    position: int = 0


class Document(Strict):
    """A document the commitments come from (the CSP priorities, the Strategic Plan…)."""

    key: str
    title: str
    subtitle: str = ""
    source: str
    aliases: list[str] = []
