"""Words that say when something happened rather than what is asked: an event ("when lockdown
started", "the riots", "olympics year") or a season or holiday ("over Christmas", "last
winter"), said beside the period that names it ("thefts in December 2022, over Christmas").

With the period named, such a word only dates the question, so it is no topic word. A season
said of a whole year ("knife crime in summer 2018") asks for a part of that year, which no
yearly figure holds, so a season is dropped only beside a period of a quarter or less; an
event dates any period it is named beside. Without a period named, both are kept, and a
question asking for them is declined as it was.
"""

from __future__ import annotations

from knowledge.domain.periods import Period
from knowledge.understanding.spans import Span
from knowledge.understanding.vocabulary import Language

SHORT_MONTHS = 3
SHORT_SPANS = frozenset(
    {"last_month", "this_month", "month", "last_quarter", "this_quarter"}
    | {"quarter_this_year", "quarter_last_year"}
)
ORDINALS = frozenset({"first", "second", "third"})
"""Said of an event ("the first lockdown"): part of its name."""


def without_dating_words(
    topic: list[str], language: Language, period: Period | None, span: Span | None
) -> list[str]:
    """The topic words without those that only date a period the question names."""
    if period is None and span is None:
        return topic
    events, seasons = language.events, language.seasons
    dating = events | seasons if _short(period, span) else events
    kept = [word for word in topic if word not in dating]
    if len(kept) == len(topic):
        return topic
    return [w for w in kept if not (w in ORDINALS and _dates_next(topic, w, dating))]


def _short(period: Period | None, span: Span | None) -> bool:
    if period is not None:
        return period.months <= SHORT_MONTHS
    return span is not None and span.kind in SHORT_SPANS


def _dates_next(topic: list[str], ordinal: str, dating: frozenset[str]) -> bool:
    """The ordinal stands right before a dating word in the words as read."""
    return any(w == ordinal and i + 1 < len(topic) and topic[i + 1] in dating for i, w in enumerate(topic))
