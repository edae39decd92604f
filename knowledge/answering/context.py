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
from knowledge.understanding.when import Comparison


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


def _asked(
    figures: list[Figure], time: str | None, period: Period | None
) -> tuple[Figure | None, Period | None]:
    """The figure asked for (latest unless a period or "last year" is named), and the period
    asked for when none is held (the latest is shown instead)."""
    current = figures[-1] if figures else None
    if period is not None:
        chosen = next((f for f in figures if f.period == period), None)
        return (current, period) if chosen is None else (chosen, None)
    if time == "previous" and current is not None:
        before = _same_months_a_year_before(figures, current)
        return (current, current.period.year_before()) if before is None else (before, None)
    return current, None


def _baseline(
    figures: list[Figure], current: Figure, comparison: Comparison | None
) -> tuple[Figure | None, Period | None]:
    """The figure to compare with (the same months a year before, unless the question names
    an earlier period), and the period named when none is held for it. A period named that
    is not before the figure shown ("since 2018" when 2018 is the latest) is no comparison:
    the year before is."""
    wanted = comparison.baseline if comparison else None
    if wanted is not None and wanted.end < current.period.start:
        chosen = next((f for f in figures if f.period == wanted), None)
        if chosen is not None:
            return chosen, None
        return _same_months_a_year_before(figures, current), wanted
    return _same_months_a_year_before(figures, current), None


def indicator_view(
    catalogue: Catalogue,
    indicator: Indicator,
    time: str | None = None,
    period: Period | None = None,
    comparison: Comparison | None = None,
) -> IndicatorView:
    """The figure asked for and the one it is compared with: by default the latest, against
    the same months a year before."""
    figures = catalogue.figures.get(indicator.key, [])
    priority = catalogue.priority[indicator.priority_key]
    held = tuple(f.period for f in figures)
    current, missing = _asked(figures, time, period)
    previous, missing_baseline = _baseline(figures, current, comparison) if current else (None, None)
    change = compare(indicator, current, previous) if current and previous else None
    return IndicatorView(indicator, priority, current, previous, change, held, missing, missing_baseline)
