"""Words that say when something happened rather than what is asked: an event ("when lockdown
started", "the riots", "olympics year") or a season or holiday ("over Christmas", "last
winter"), said beside the period that names it ("thefts in December 2022, over Christmas"), with what is
said right after it to name it ("when lockdown hit", "olympics year").

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
LEADS = frozenset({"first", "second", "third", "last", "this", "next", "over", "during"})
"""Said right before an event or season ("the first lockdown", "over last winter"): part of
how it is named."""


def without_dating_words(
    topic: list[str], language: Language, period: Period | None, span: Span | None
) -> list[str]:
    """The topic words without those that only date a period the question names."""
    if period is None and span is None:
        return topic
    events, seasons = language.events, language.seasons
    dating = events | seasons if _short(period, span) else events
    kept = [
        word
        for i, word in enumerate(topic)
        if word not in dating and not _tail_of(topic, i, dating, language.event_tails)
    ]
    if len(kept) == len(topic):
        return topic
    return [w for w in kept if not (w in LEADS and _leads_to(topic, w, dating))]


def _tail_of(topic: list[str], i: int, dating: frozenset[str], tails: frozenset[str]) -> bool:
    """The word is said right after a dating word to name it ("when lockdown hit", "the covid
    dip", "olympics year")."""
    return i > 0 and topic[i] in tails and topic[i - 1] in dating


def _short(period: Period | None, span: Span | None) -> bool:
    if period is not None:
        return period.months <= SHORT_MONTHS
    return span is not None and span.kind in SHORT_SPANS


def _leads_to(topic: list[str], lead: str, dating: frozenset[str]) -> bool:
    """The word leads to a dating word in the words as read, with other leads between."""
    for i, word in enumerate(topic):
        if word != lead:
            continue
        after = next((w for w in topic[i + 1 :] if w not in LEADS), None)
        if after in dating:
            return True
    return False
