"""Scoring a question's words against every place of the index at once: the sums each
place's score is made of, kept in lists by place number (a place is a name or an item of an
entry). Plain lists, not arrays: a question touches a few dozen places of a few hundred on a
partnership's store, and a one-shot command should not pay for importing numpy."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from knowledge.understanding.query import Query


@dataclass
class Hits:
    """What of a question each place holds, by place number. `places` lists the places that
    hold any of the question's words, in order."""

    places: list[int]
    matched: list[float]
    """The question's weight of its words in the place."""
    matched_here: list[float]
    """Those words' weight in the index."""
    count: list[int]
    telling: list[bool]
    bonus: dict[int, float]
    """The index weight of a period word the place holds ("2018")."""


def collect_hits(
    question: Query,
    known: list[str],
    postings: Mapping[str, Sequence[int]],
    idf: Mapping[str, float],
    size: int,
) -> Hits:
    """The question's known words summed into each place that holds them."""
    matched, matched_here, count = [0.0] * size, [0.0] * size, [0] * size
    telling = [False] * size
    places: list[int] = []
    for token in known:
        weight, rarity, tells = question.weights[token], idf[token], token in question.telling
        for place in postings[token]:
            if not count[place]:
                places.append(place)
            matched[place] += weight
            matched_here[place] += rarity
            count[place] += 1
            if tells:
                telling[place] = True
    bonus: dict[int, float] = {}
    for token in question.period_tokens:
        for place in postings.get(token, ()):
            if count[place]:
                bonus[place] = bonus.get(place, 0.0) + idf[token]
    places.sort()
    return Hits(places, matched, matched_here, count, telling, bonus)


def in_context(
    known: list[str],
    weights: Mapping[str, float],
    hits: Hits,
    named: Mapping[str, Sequence[int]],
    shared: Mapping[str, Sequence[int]],
    place_entry: Sequence[int],
) -> list[float]:
    """For each place (by number; only those hit are filled in), the weight of the question's
    words found in its entry's names and not in the place itself."""
    entry_weight: dict[int, float] = {}
    for token in known:
        for number in named.get(token, ()):
            entry_weight[number] = entry_weight.get(number, 0.0) + weights[token]
    around = [0.0] * len(place_entry)
    if not entry_weight:
        return around
    shared_weight: dict[int, float] = {}
    count = hits.count
    for token in known:
        for place in shared.get(token, ()):
            if count[place]:
                shared_weight[place] = shared_weight.get(place, 0.0) + weights[token]
    for place in hits.places:
        around[place] = entry_weight.get(place_entry[place], 0.0) - shared_weight.get(place, 0.0)
    return around
