"""What the bot knows, as typed records: the store's rows, read back.

Plain frozen dataclasses, not pydantic models: what the store hands back was checked when it
was written (the data files by `validated`, officers' values by the services), and answering a
question from an existing store should not pay pydantic's import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from knowledge.domain.periods import Period


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


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    indicator_key: str
    period: Period
    value: float
    recorded_at: str
    recorded_by: str
    source: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Indicator:
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
    aliases: list[str] = field(default_factory=list)
    position: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Priority:
    key: str
    name: str
    aliases: list[str] = field(default_factory=list)
    key_deliverables: list[str] = field(default_factory=list)
    position: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Deliverable:
    key: str
    text: str
    aliases: list[str] = field(default_factory=list)
    example_outputs: list[str] = field(default_factory=list)
    position: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class ActionStatus:
    status: str
    as_of: str
    recorded_at: str
    recorded_by: str
    source: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Action:
    key: str
    commitment: str
    aliases: list[str] = field(default_factory=list)
    position: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Topic:
    key: str
    group_key: str
    group_title: str
    title: str
    aliases: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    source: str
    position: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """A document the commitments come from (the CSP priorities, the Strategic Plan…)."""

    key: str
    title: str
    subtitle: str = ""
    source: str
    aliases: list[str] = field(default_factory=list)
