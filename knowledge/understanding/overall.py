"""What partners ask of the whole borough, of a group of people or of a whole organisation,
that no entry holds: how safe a place or people are ("is the borough safer than last year",
"are women safer") and an organisation's own budget ("the council's budget for 2019/20").

The words are data (`overall_measures` in `vocabulary.yaml`). Entries hold some of them ("Making
Tower Hamlets Safer" is the manifesto's title; the key investments are money), so a word is
taken as asking the overall measure only where the words before it ask that way: "is the
borough safer", not "homes being made safer"; "the council's budget", not "the ASB budget".
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.understanding.text import clean, words


@dataclass(frozen=True)
class OverallMeasureWords:
    """One measure as written in the vocabulary: its words, the words one of which comes before
    them when it is asked (at most `within` words before), and the words that, standing
    between the two, make it something done rather than asked ("made safer")."""

    words: str
    after: str
    within: int = 3
    not_between: str = ""


@dataclass(frozen=True)
class OverallMeasure:
    name: str
    words: frozenset[str]
    after: frozenset[str]
    within: int
    not_between: frozenset[str]

    def asked_in(self, typed: list[str]) -> bool:
        return any(word in self.words and self._asked_before(typed[:at]) for at, word in enumerate(typed))

    def _asked_before(self, before: list[str]) -> bool:
        """A word asking the measure at most `within` words back, and nothing between that
        turns it into something done."""
        for back, word in enumerate(reversed(before)):
            if back > self.within or word in self.not_between:
                return False
            if word in self.after:
                return True
        return False


def overall_measures(written: dict[str, OverallMeasureWords]) -> tuple[OverallMeasure, ...]:
    """The measures as the reader looks for them."""

    def typed(line: str) -> frozenset[str]:
        return frozenset(words(clean(line)))

    return tuple(
        OverallMeasure(name, typed(m.words), typed(m.after), m.within, typed(m.not_between))
        for name, m in written.items()
    )


def overall_asked(measures: tuple[OverallMeasure, ...], typed: list[str]) -> list[str]:
    """The names of the overall measures the words ask."""
    return [measure.name for measure in measures if measure.asked_in(typed)]
