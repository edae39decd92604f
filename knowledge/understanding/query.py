"""A message read: what it is about, what it asks for, for when, and its parts."""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.domain.periods import Period
from knowledge.understanding.spans import Span
from knowledge.understanding.text import words
from knowledge.understanding.when import Comparison


@dataclass
class Query:
    """A question read: what it is about, what it asks for, and for when."""

    raw: str
    text: str
    tokens: list[str]
    unknown: list[str]
    weights: dict[str, float]
    """Each token's weight: its rarity across entries (the most for one never seen), times
    its salience."""
    telling: set[str]
    """The tokens typed as words no commoner in English than "crime" (or numbers)."""
    period_tokens: list[str]
    """The words of a named period: they make a place that mentions it a closer match, but
    an entry that does not mention it (an indicator, say) is not counted short for it."""
    intents: set[str]
    time: str | None
    """ "latest", "previous" (the year before the latest) or "compare", from the time words."""
    period: Period | None
    """The period asked for; None for the latest (or the one "time" names)."""
    period_text: str | None
    truncated: bool
    corrections: dict[str, str] = field(default_factory=dict)
    elsewhere: list[str] = field(default_factory=list)
    """Places outside the home area the question names: the store holds nothing for them."""
    unheld_measures: list[str] = field(default_factory=list)
    """Measures the question asks for that no indicator is ("clear-up rates")."""
    comparison: Comparison | None = None
    """What the figure is to be compared with: a period named ("compared with 2017"), the year
    before it (`when.YEAR_BEFORE`: "than last year", "up or down"), or None when not asked."""
    finer: str | None = None
    """"monthly" or "quarterly" when the question names a month or quarter with no year
    ("knife crime Q4"): the figures are for whole years."""
    span: Span | None = None
    """A run of months named relative to now ("so far", "last month", "since April")."""
    excluded: list[str] = field(default_factory=list)
    """The stems of the words the question takes out of what it asks ("without arson"): no
    topic, and an entry counting them all is not the figure asked for."""
    clauses: tuple[Query, ...] = ()
    """Each clause of a message of two or more (between its punctuation), read on its own."""
    parts: tuple[Query, ...] = ()
    """Each thing a message joins with "and", "plus", "also", "vs" or punctuation, read on
    its own, when it joins two or more."""
    joins_the_one_before: bool = False
    """A clause that starts by joining itself to the one before ("…in 2018, and how many of
    those were about drugs?"): a second thing asked, as a joining word within a clause makes."""

    @property
    def empty(self) -> bool:
        return not self.tokens

    @property
    def only_everyday_words(self) -> bool:
        """True when every word left is everyday English ("give me the *full* scorecard"):
        it says nothing about a topic."""
        return bool(self.tokens) and not self.telling

    @property
    def has_words(self) -> bool:
        """False for an empty message, or one of only emoji and punctuation."""
        return bool(words(self.text))
