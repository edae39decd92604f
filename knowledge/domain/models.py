"""What the bot knows, as typed records: the shapes of the data files and of the store's rows."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from knowledge.domain.periods import Period, PeriodError, parse_period

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


# ---- the data files -------------------------------------------------------------------


class SeedFigure(Strict):
    period: str
    value: float = Field(ge=0)

    @field_validator("period")
    @classmethod
    def _known_period(cls, text: str) -> str:
        try:
            parse_period(text)
        except PeriodError as error:
            raise ValueError(str(error)) from None
        return text


class SeedIndicator(Strict):
    key: Key
    name: Text
    short_name: Text
    priority: Key
    unit: Unit
    better_when: BetterWhen
    confidence: Confidence
    confidence_note: Text | None = None
    neutral_note: Text | None = None
    priority_note: Text | None = None
    note: Text | None = None
    source: Text
    aliases: list[Text] = []
    slide_pct_change: float | None = None
    figures: list[SeedFigure] = Field(min_length=1)

    @field_validator("figures")
    @classmethod
    def _percent_in_range(cls, figures: list[SeedFigure], info) -> list[SeedFigure]:
        if info.data.get("unit") is Unit.PERCENT:
            for figure in figures:
                if figure.value > 100:
                    raise ValueError(f"a rate cannot be over 100% ({figure.value} for {figure.period})")
        return figures


class IndicatorsFile(Strict):
    source: Text
    indicators: list[SeedIndicator]


class SeedPriority(Strict):
    key: Key
    name: Text
    aliases: list[Text] = []
    key_deliverables: list[Text]


class CspPriorities(Strict):
    title: Text
    agreed: Text
    source: Text
    aliases: list[Text] = []
    priorities: list[SeedPriority] = Field(min_length=1)


class SeedDeliverable(Strict):
    key: Key
    text: Text
    aliases: list[Text] = []
    example_outputs: list[Text] = []


class StrategicPlan(Strict):
    title: Text
    priority: Text
    outcome: Text
    source: Text
    aliases: list[Text] = []
    deliverables: list[SeedDeliverable] = Field(min_length=1)


class SeedAction(Strict):
    key: Key
    commitment: Text
    aliases: list[Text] = []
    status: Text
    status_as_of: Text


class Manifesto(Strict):
    title: Text
    subtitle: Text
    source: Text
    aliases: list[Text] = []
    actions: list[SeedAction] = Field(min_length=1)


class PlansFile(Strict):
    source: Text
    csp_priorities: CspPriorities
    strategic_plan: StrategicPlan
    manifesto: Manifesto


class SeedTopic(Strict):
    key: Key
    title: Text
    aliases: list[Text] = []
    facts: list[Text] = Field(min_length=1)


class SeedFactGroup(Strict):
    key: Key
    title: Text
    source: Text
    topics: list[SeedTopic] = Field(min_length=1)


class FactsFile(Strict):
    source: Text
    groups: list[SeedFactGroup]


class Seed(Strict):
    """Everything in `data/`, checked: what a fresh install knows."""

    indicators: IndicatorsFile
    plans: PlansFile
    facts: FactsFile


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
