"""What answering needs at one store revision: the catalogue, the index over it, the
vocabulary, the police crime categories, and every indicator's latest figures."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from knowledge.answering.types import IndicatorView
from knowledge.domain.crime_types import CrimeType
from knowledge.domain.judgement import compare
from knowledge.domain.models import Figure, Indicator
from knowledge.domain.periods import Period
from knowledge.store import Catalogue
from knowledge.understanding.index import Index
from knowledge.understanding.model import DecisionModel
from knowledge.understanding.vocabulary import Language


@dataclass(frozen=True)
class Context:
    catalogue: Catalogue
    index: Index
    language: Language
    crime_types: Mapping[str, CrimeType]
    decision: DecisionModel

    @cached_property
    def latest_views(self) -> list[IndicatorView]:
        """Every indicator's latest figure and change, made once per revision."""
        return [indicator_view(self.catalogue, i) for i in self.catalogue.indicators]


def _same_months_a_year_before(figures: list[Figure], figure: Figure) -> Figure | None:
    wanted = figure.period.year_before()
    return next((f for f in figures if f.period == wanted), None)


def indicator_view(
    catalogue: Catalogue,
    indicator: Indicator,
    time: str | None = None,
    period: Period | None = None,
) -> IndicatorView:
    """The figure asked for (latest unless a period or "last year" is named) and the one before."""
    figures = catalogue.figures.get(indicator.key, [])
    priority = catalogue.priority[indicator.priority_key]
    held = tuple(f.period for f in figures)
    missing = None
    current = figures[-1] if figures else None
    if period is not None:
        chosen = next((f for f in figures if f.period == period), None)
        if chosen is None:
            missing = period
        else:
            current = chosen
    elif time == "previous" and current is not None:
        before = _same_months_a_year_before(figures, current)
        if before is None:
            missing = current.period.year_before()
        else:
            current = before
    previous = _same_months_a_year_before(figures, current) if current else None
    change = compare(indicator, current, previous) if current and previous else None
    return IndicatorView(indicator, priority, current, previous, change, held, missing)
