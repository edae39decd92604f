"""Finishing an answer: what the question asked that the answer cannot give, said plainly."""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.answering import declines
from knowledge.answering.context import Context
from knowledge.answering.types import Answer, IndicatorAnswer, IndicatorListAnswer, IndicatorView
from knowledge.domain.models import Confidence, Kind, Unit
from knowledge.domain.periods import PeriodKind
from knowledge.understanding.index import Entry
from knowledge.understanding.query import Query
from knowledge.understanding.text import clean, words

HIGH_CONFIDENCE = "High confidence: the figure is fixed by published data or by its size in the slide table."
NO_REASONS = "I hold the figures, not the reasons behind them: the partners who own them can say why."


def finished(ctx: Context, query: Query, answer: Answer) -> Answer:
    """The answer with what the question asked that it cannot give said plainly: a measure
    the topic does not hold declines it; periods and reasons not held are noted."""
    entry = ctx.index.entries.get(answer.key or "")
    missing = declines.measure_not_held(entry, query) or _count_of_a_rate(answer, query)
    if entry is not None and missing:
        return declines.no_measure(query, entry, missing)
    undated = _undated(entry, query)
    if entry is not None and undated and "count_word" in query.intents:
        # "how many arrests for drug offences last month": Op Continuum's 190 arrests are a
        # total since November 2017, no count for the time asked.
        return declines.count_not_dated(query, entry, undated)
    notes = (
        *_rate_not_count_notes(answer, query),
        *_finer_period_notes(answer, query),
        *_undated_notes(undated),
        *_reading_notes(query),
    )
    if "reliability" in query.intents and isinstance(answer, IndicatorAnswer):
        notes = (*notes, *_reliability_notes(answer.indicator))
    if "why" in query.intents and isinstance(answer, IndicatorAnswer):
        notes = (*notes, NO_REASONS)
    return replace(answer, notes=answer.notes + notes) if notes else answer


_RATE_TAKEN_OUT = re.compile(
    r"\b(?:not|rather than|instead of|other than)\s+(?:as\s+)?(?:a\s+|the\s+|an\s+)?"
    r"(?:%|percent|percentage|per cent|rate|proportion|share)(?!\w)",
    re.IGNORECASE,
)
"""Words asking for a count and saying a rate will not do: "(number not %)", "as a number,
not a percentage", "how many, rather than the rate"."""


def _is_rate(answer: Answer) -> bool:
    return isinstance(answer, IndicatorAnswer) and answer.indicator.indicator.unit is Unit.PERCENT


def _count_of_a_rate(answer: Answer, query: Query) -> str | None:
    """A count asked of an indicator that is a rate, saying the rate is not wanted: there is
    no count to give, and the rate in its place would be the wrong figure."""
    return "count" if _is_rate(answer) and _RATE_TAKEN_OUT.search(query.raw) else None


def count_asked_of_a_rate(answer: Answer, query: Query) -> bool:
    """ "How many convictions at the SDVC": the rate is the one figure held, and may be what
    was meant, or not; it is answered saying how the question was read (`route`)."""
    return _is_rate(answer) and "count_word" in query.intents


def _rate_not_count_notes(answer: Answer, query: Query) -> tuple[str, ...]:
    """A count asked of a rate is answered with the rate, saying that it is one and no count
    is held."""
    if not count_asked_of_a_rate(answer, query):
        return ()
    name = answer.indicator.indicator.short_name
    return (f"{name} is a rate, a percentage: I hold no count for it.",)


def _undated_notes(dated: str) -> tuple[str, ...]:
    """A note when the question names a period and the answer, a fact or an action, does not
    ("the ASB budget for 2020"): these carry no period of their own, so what is held is
    answered, saying so."""
    return (f"I hold nothing dated {dated}: this is what I hold, as dated by its source.",) if dated else ()


def _undated(entry: Entry | None, query: Query) -> str:
    """The period the question names ("2020", "last month") that the answer, a fact or an
    action, is not dated by; empty when it names none, or its own words name it ("November
    2018")."""
    span = query.span.text if query.span else ""
    dated = query.period_text or (query.comparison.text if query.comparison else "") or span
    if entry is None or entry.kind in (Kind.INDICATOR, Kind.LIST) or not dated:
        return ""
    asked = set(words(dated))
    if any(asked <= set(words(clean(text))) for text, _ in entry.phrases):
        return ""
    return dated


def _finer_period_notes(answer: Answer, query: Query) -> tuple[str, ...]:
    """Figures asked for a month or quarter with no year ("knife crime Q4") are held for
    whole years only: say so, rather than let the year pass for the quarter. An indicator
    with monthly figures answers for the month itself ("burglary in December")."""
    views = [answer.indicator] if isinstance(answer, IndicatorAnswer) else []
    if isinstance(answer, IndicatorListAnswer):
        views = list(answer.rows)
    monthly = any(p.kind is PeriodKind.MONTHS for v in views for p in v.held_periods)
    if query.finer is None or query.period is not None or not views or monthly:
        return ()
    return (f"I hold no {query.finer} figures: these are for whole years.",)


def _reliability_notes(view: IndicatorView) -> tuple[str, ...]:
    """How sure a figure is, when asked ("how reliable is the knife crime figure"): a figure
    of high confidence otherwise goes without a word about it."""
    if view.indicator.confidence is not Confidence.HIGH:
        return ()  # the answer already says how sure, and why
    return (HIGH_CONFIDENCE,)


def _reading_notes(query: Query) -> tuple[str, ...]:
    if query.truncated:
        return ("That was a long message: I read only its first 500 characters.",)
    return ()
