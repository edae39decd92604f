"""Judging a change: which way a figure moved, and whether that is better or worse."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from knowledge.domain.models import BetterWhen, Figure, Indicator


class Judgement(StrEnum):
    BETTER = "better"
    WORSE = "worse"
    NO_JUDGEMENT = "no judgement"
    NO_CHANGE = "no change"


@dataclass(frozen=True)
class Change:
    difference: float
    percent: float | None
    direction: str  # "up", "down" or "flat"
    judgement: Judgement


def judge(better_when: BetterWhen, difference: float) -> Judgement:
    if difference == 0:
        return Judgement.NO_CHANGE
    if better_when is BetterWhen.NEUTRAL:
        return Judgement.NO_JUDGEMENT
    rising_is_good = better_when is BetterWhen.HIGHER
    return Judgement.BETTER if (difference > 0) == rising_is_good else Judgement.WORSE


def compare(indicator: Indicator, current: Figure, previous: Figure) -> Change:
    difference = current.value - previous.value
    percent = difference / previous.value * 100 if previous.value else None
    direction = "up" if difference > 0 else "down" if difference < 0 else "flat"
    return Change(difference, percent, direction, judge(indicator.better_when, difference))
