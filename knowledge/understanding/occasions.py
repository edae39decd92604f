"""What a question is for, said around it: "ahead of full council", "need it for the ward panel
tonight", "for Thursday's board", "drafting a press release". The occasion frames the question
and is not its topic; left in, its words ("ward", "council", "board") read as a place or a
topic the bot does not hold, and decline a question whose topic is exact.

The occasions and the words that lead to one are data (`occasions`, `occasion_leads` in
`data/vocabulary.yaml`); the determiners and times that may stand between are the grammar's few.
"""

from __future__ import annotations

import re

from knowledge.understanding.text import clean, words

_DAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_WHOSE = (
    r"(?:the|a|an|my|our|this|next|tomorrow'?s|tonight'?s|today'?s|yesterday'?s|"
    rf"this week'?s|next week'?s|{_DAYS}'?s)"
)
_WHEN = rf"(?:tonight|tomorrow|today|this (?:morning|afternoon|evening|week)|next week|on {_DAYS})"


def occasion_pattern(occasions: list[str], leads: list[str]) -> str | None:
    """One pattern for every way of saying what a question is for: a lead ("for", "ahead of",
    "drafting"), any determiners ("the", "tomorrow's"), an occasion, and any time it is."""
    if not occasions or not leads:
        return None

    def spaced(phrase: str) -> str:
        return r"\s+".join(re.escape(w) for w in clean(phrase).split())

    names = "|".join(spaced(o) for o in sorted(occasions, key=len, reverse=True))
    ways = "|".join(spaced(lead) for lead in sorted(leads, key=len, reverse=True))
    # After a determiner, one word may say which occasion: "for the VAWG board paper", "for
    # the cohesion meeting at 2". Its topic, if any, is the meeting's, not the question's.
    return rf"\b(?:{ways})\s+(?:(?:{_WHOSE}\s+)+(?:\w+\s+)?)?(?:{names})\b(?:\s+{_WHEN}\b)?"


def occasion_words(occasions: list[str]) -> frozenset[str]:
    """The last word of each occasion: a message without one names none."""
    return frozenset(words(clean(o))[-1] for o in occasions if words(clean(o)))


def without_occasion(text: str, pattern: str | None, named: frozenset[str]) -> str:
    """The cleaned text without what the question is for."""
    if not pattern or named.isdisjoint(words(text)):
        return text
    return re.compile(pattern).sub(" ", text)
