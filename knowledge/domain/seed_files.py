"""The shapes of the seed's data files (`data/indicators.yaml`, `plans.yaml`, `facts.yaml`),
checked on load. Imported only when the seed is read: a store already in step with the
seed never needs them."""

from __future__ import annotations

from pydantic import Field, field_validator

from knowledge.domain.models import BetterWhen, Confidence, Unit
from knowledge.domain.periods import PeriodError, parse_period
from knowledge.domain.validated import Key, Strict, Text


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
    aliases: list[Text] = Field(default_factory=list)
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
    aliases: list[Text] = Field(default_factory=list)
    key_deliverables: list[Text]


class CspPriorities(Strict):
    title: Text
    agreed: Text
    source: Text
    aliases: list[Text] = Field(default_factory=list)
    priorities: list[SeedPriority] = Field(min_length=1)


class SeedDeliverable(Strict):
    key: Key
    text: Text
    aliases: list[Text] = Field(default_factory=list)
    example_outputs: list[Text] = Field(default_factory=list)


class StrategicPlan(Strict):
    title: Text
    priority: Text
    outcome: Text
    source: Text
    aliases: list[Text] = Field(default_factory=list)
    deliverables: list[SeedDeliverable] = Field(min_length=1)


class SeedAction(Strict):
    key: Key
    commitment: Text
    aliases: list[Text] = Field(default_factory=list)
    status: Text
    status_as_of: Text


class Manifesto(Strict):
    title: Text
    subtitle: Text
    source: Text
    aliases: list[Text] = Field(default_factory=list)
    actions: list[SeedAction] = Field(min_length=1)


class PlansFile(Strict):
    source: Text
    csp_priorities: CspPriorities
    strategic_plan: StrategicPlan
    manifesto: Manifesto


class SeedTopic(Strict):
    key: Key
    title: Text
    aliases: list[Text] = Field(default_factory=list)
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


