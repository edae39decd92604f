"""The index over what the bot knows, and ranking its places against a query.

Each entry (an indicator, priority, deliverable, action or fact topic) is indexed under its
name, its aliases and each of its items (a fact, an example output, a key deliverable). A
question's words are weighted by how rare they are across entries, and a place is scored by

- coverage: how much of the question's weight the place's words account for, and
- precision: how much of the place's weight the question names.

A word the bot has never seen weighs as much as the rarest word it knows, so "shoplifting
this year" is not answered with the nearest crime it does hold. Every word's weight is then
scaled by its salience: everyday English words ("one", "make", "year") say little about
what a question is about, wherever they occur. An item is read with its entry's names
around it, and the police crime categories are entries too, so that one not held is
declined by name.

An answer needs high coverage, and either high precision or a clear lead over the next
entry won with a telling word; otherwise the bot offers its closest topics instead.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process, utils

from knowledge.domain.models import Kind
from knowledge.understanding.query import Query
from knowledge.understanding.scoring import Hits, collect_hits, in_context
from knowledge.understanding.speller import Speller
from knowledge.understanding.text import clean, stem, words
from knowledge.understanding.vocabulary import Language

SUGGESTION_CUTOFF = 60

# A small preference, so that "status of X" finds the action before the plan that names X.
KIND_BONUS = {
    Kind.INDICATOR: 0.02,
    Kind.ACTION: 0.015,
    Kind.PRIORITY: 0.01,
    Kind.DELIVERABLE: 0.005,
    Kind.FACT: 0.0,
}
STATUS_BONUS = {Kind.ACTION: 0.06, Kind.DELIVERABLE: 0.03}
FIGURES_BONUS = {Kind.INDICATOR: 0.05}

JOIN_WORDS = frozenset({"and", "plus", "also", "vs", "versus"})
"""Words that join two things asked in one message."""


@dataclass(frozen=True)
class Entry:
    key: str
    kind: Kind
    title: str
    phrases: tuple[tuple[str, int | None], ...]
    """(text, item) pairs: the item is the fact or output a phrase is, None for a name."""


@dataclass(frozen=True)
class Candidate:
    entry: Entry
    item: int | None
    score: float
    coverage: float
    precision: float
    anchored: bool = True
    """The place itself shares a telling word with the question, or two words: without
    that, a word that merely occurs in a long fact ("staff", "full") is no answer."""
    words: frozenset[str] = frozenset()
    """The question's words the place holds."""


def _has_letters(text: str) -> bool:
    """A name to offer as a topic, not a figure ("830")."""
    return any(c.isalpha() for c in text)


def _sorted_words(text: str) -> str:
    return " ".join(sorted(utils.default_process(text).split()))


_Place = tuple[int, int | None, frozenset[str]]
"""An entry's number, the item a phrase is (None for a name), and the phrase's tokens."""


def _offered_names(entries: list[Entry]) -> tuple[list[str], list[str]]:
    """The names "did you mean" compares, with their entries' keys: whole names, not items,
    so that a stray word in a long fact is not offered as a topic."""
    names: list[str] = []
    keys: list[str] = []
    for entry in entries:
        for text, item in entry.phrases:
            offered = entry.kind is not Kind.CRIME_TYPE and _has_letters(text)
            if item is None and len(text) <= 80 and offered:
                names.append(_sorted_words(text))
                keys.append(entry.key)
    return names, keys


class Index:
    """The index over every entry's places, built once per store revision."""

    TOP = 10
    """How many candidates `rank` returns: the answer, its rivals and the suggestions."""

    def __init__(self, language: Language, entries: list[Entry]) -> None:
        self.language = language
        self.entries = {entry.key: entry for entry in entries}
        self.entry_number = {entry.key: number for number, entry in enumerate(entries)}
        self._entry_list = entries
        self.pairs: set[tuple[str, str]] = set()
        """Neighbouring words in the entries' text, so a name they hold is read whole."""
        self.joins: set[tuple[str, str, str]] = set()
        """Two words joined in the entries' text ("stop and search"), so a name that holds
        "and" is not read as two things asked."""
        self._surface_words: set[str] = set()
        self._salience: dict[str, float] = {}
        self.numbers_in_names = frozenset(
            word
            for entry in entries
            for text, item in entry.phrases
            if item is None and " " in text  # a name or alias, not a fact's line
            for word in words(text.lower())
            if word.isdigit()
        )
        """The numbers the names of what the bot holds are written with ("ASB calls to 101"):
        such a number in a message names, it tells no figure."""
        places, document_frequency = self._read_places(entries)
        for phrase in (*language.field_synonyms(), *language.vocabulary.synonyms):
            self._read_joins(words(clean(phrase)))  # "again and again" is one phrase
        self._weigh(entries, places, document_frequency)
        self._arrange(entries, places)
        self._post(places)
        # Kept with the index, so that a question needs no word-frequency list loaded (a
        # quarter of a second) when the index comes from its cache.
        known = self._surface_words | language.known_words
        field = language.field_known - known
        kept = language.stopwords | (language.unchanged_words - known - field)
        language.remember_frequencies(known | field | kept)
        self._speller = Speller(known | field | kept, kept, self._surface_words, language.english, field)
        self._names, self._name_keys = _offered_names(entries)
        self._cache_corrections()

    def _cache_corrections(self) -> None:
        self.correct = lru_cache(maxsize=16384)(self._speller.correct)
        """The known word a typed word stands for, or the word itself."""

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        del state["correct"]  # a cache around a bound method: made again on load
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._cache_corrections()

    def salience(self, word: str) -> float:
        """How much a word can say what a text is about (see `Language.salience`)."""
        return self.language.salience(word)

    def _read_places(self, entries: list[Entry]) -> tuple[list[_Place], dict[str, int]]:
        """Every phrase of every entry as a place of tokens; how many entries hold each token."""
        document_frequency: dict[str, int] = defaultdict(int)
        places: list[_Place] = []
        for number, entry in enumerate(entries):
            seen: set[str] = set()
            for text, item in entry.phrases:
                tokens = self._read_phrase(text)
                if tokens:
                    places.append((number, item, tokens))
                    seen |= tokens
            # Rarity is counted over what the store holds: the police categories would make
            # "burglary" and "robbery" look common and weigh them down in every question.
            if entry.kind is not Kind.CRIME_TYPE:
                for token in seen:
                    document_frequency[token] += 1
        return places, document_frequency

    def _read_phrase(self, text: str) -> frozenset[str]:
        surface = words(clean(text))
        self._surface_words.update(surface)
        self.pairs.update(itertools.pairwise(surface))
        self._read_joins(surface)
        terms = self.language.entry_terms(text)
        for word, token in terms:
            # A stem is as telling as its most telling form ("reports" over "report").
            self._salience[token] = max(self._salience.get(token, 0.0), self.language.salience(word))
        return frozenset(token for _, token in terms)

    def _read_joins(self, surface: list[str]) -> None:
        self.joins.update(
            (stem(a), b, stem(c))
            for a, b, c in zip(surface, surface[1:], surface[2:], strict=False)
            if b in JOIN_WORDS
        )

    def _weigh(self, entries: list[Entry], places: list[_Place], document_frequency: dict[str, int]) -> None:
        count = max(sum(e.kind is not Kind.CRIME_TYPE for e in entries), 1)
        for token in {t for _, _, tokens in places for t in tokens} - document_frequency.keys():
            document_frequency[token] = 1  # a word only a police category uses: as rare as can be
        self._rarity = {t: math.log(1 + count / df) for t, df in document_frequency.items()}
        self._idf = {t: rarity * self._salience[t] for t, rarity in self._rarity.items()}
        self._unknown_weight = math.log(1 + count)

    def _arrange(self, entries: list[Entry], places: list[_Place]) -> None:
        """Places as parallel lists, so a question's words find their places by position."""
        self._place_entry = [p[0] for p in places]
        self._place_item = [p[1] for p in places]
        self._place_tokens = [p[2] for p in places]
        self._place_weight = [sum(self._idf[t] for t in p[2]) for p in places]
        kinds = [entries[p[0]].kind for p in places]
        self._kind_bonus = {
            "base": [KIND_BONUS.get(k, 0.0) for k in kinds],
            "status": [STATUS_BONUS.get(k, 0.0) for k in kinds],
            "figures": [FIGURES_BONUS.get(k, 0.0) for k in kinds],
        }
        # An item is read with its entry's names around it: "91 people charged" is a fact of
        # Operation Continuum, so "people charged after Op Continuum" finds it, and "biggest
        # challenges" finds the entry named both "Challenges" and "biggest problems".
        names_of: list[set[str]] = [set() for _ in entries]
        self.items_of: list[list[frozenset[str]]] = [[] for _ in entries]
        for number, item, tokens in places:
            if item is None:
                names_of[number] |= tokens
            else:
                self.items_of[number].append(tokens)
        self.names_of = [frozenset(tokens) for tokens in names_of]
        self.held_by = [
            names.union(*items) for names, items in zip(self.names_of, self.items_of, strict=True)
        ]
        """Every word each entry holds, in its names and all its items."""

    def _post(self, places: list[_Place]) -> None:
        """Which places hold each token, which hold it in their entry's names, and which
        entries are named with it."""
        postings: dict[str, list[int]] = defaultdict(list)
        shared: dict[str, list[int]] = defaultdict(list)
        for index, (number, _, tokens) in enumerate(places):
            for token in tokens:
                postings[token].append(index)
                if token in self.names_of[number]:
                    shared[token].append(index)
        named: dict[str, list[int]] = defaultdict(list)
        for number, tokens in enumerate(self.names_of):
            for token in tokens:
                named[token].append(number)
        self._postings = {t: tuple(ix) for t, ix in postings.items()}
        self._shared_postings = {t: tuple(ix) for t, ix in shared.items()}
        self._name_postings = {t: tuple(ix) for t, ix in named.items()}

    def weight(self, token: str, word: str | None = None) -> float:
        """A word's weight in a question: its rarity across entries (the most for one never
        seen), times its salience. A known stem is as salient as the word typed, if that is
        the less telling form: "good" is everyday though "goods" is not."""
        typed = self.salience(word or token)
        rarity = self._rarity.get(token)
        if rarity is not None:
            return rarity * min(self._salience[token], typed)
        return self._unknown_weight * typed

    def holds(self, token: str) -> bool:
        """Whether some place of some entry has the token."""
        return token in self._postings

    def knows(self, token: str) -> bool:
        return token in self._idf

    def held_together(self, first: str, second: str) -> bool:
        """Whether some entry holds both tokens, in its names or its items."""
        return any(first in held and second in held for held in self.held_by)

    def entry_coverage(self, question: Query, key: str) -> float:
        """How much of the question an entry holds, in its names and all its items together."""
        total = sum(question.weights.values())
        if not total or key not in self.entry_number:
            return 0.0
        held = self.held_by[self.entry_number[key]]
        return sum(w for t, w in question.weights.items() if t in held) / total

    def rank(self, question: Query) -> list[Candidate]:
        """The best place of each entry that shares a word with the question, best first."""
        known = [t for t in question.tokens if t in self._postings]
        if not known:
            return []
        hits = collect_hits(question, known, self._postings, self._idf, len(self._place_entry))
        # Two of the question's words in the place, or a telling one in it, or one in it and a
        # telling one in its entry's names: "continuum charges" finds "91 people charged".
        telling = [t for t in known if t in question.telling]
        telling_around = self._in_context(telling, dict.fromkeys(telling, 1.0), hits)
        around = self._in_context(known, question.weights, hits)
        total = sum(question.weights.values())
        extras = self._score_bonus(question)
        base, weights, entry_of = self._kind_bonus["base"], self._place_weight, self._place_entry
        best: dict[int, tuple[float, int, float, float]] = {}
        for place in hits.places:  # in order of place, so a tie keeps an entry's first place
            coverage = (hits.matched[place] + around[place]) / total
            held = hits.matched_here[place] + hits.bonus.get(place, 0.0)
            precision = min(held / weights[place], 1.0) if weights[place] else float(held > 0)
            score = 0.8 * coverage + 0.2 * precision + base[place]
            for extra in extras:
                score += extra[place]
            number = entry_of[place]
            # A later place must be better by more than rounding: a place's weight is a sum
            # over a set of words, whose last bits vary with the order the run's string
            # hashing gives the set, and two places of an entry that tie must tie the same way
            # in every run (or the evidence, and so a refit of the decision model, differ).
            if number not in best or score > best[number][0] + 1e-9:
                best[number] = (score, place, coverage, precision)
        top = heapq.nsmallest(
            self.TOP, ((-round(b[0], 9), self._entry_list[entry_of[b[1]]].key, *b) for b in best.values())
        )
        return [
            Candidate(
                self._entry_list[entry_of[place]],
                self._place_item[place],
                score,
                coverage,
                precision,
                hits.count[place] >= 2 or hits.telling[place] or telling_around[place] >= 1,
                self._place_tokens[place].intersection(question.tokens),
            )
            for _, _, score, place, coverage, precision in top
        ]

    def _in_context(self, known: list[str], weights: dict[str, float], hits: Hits) -> dict[int, float]:
        return in_context(known, weights, hits, self._name_postings, self._shared_postings, self._place_entry)

    def _score_bonus(self, question: Query) -> list[list[float]]:
        """The kind bonuses a question's intent adds: a status asked favours actions, a
        figure or period asked favours indicators."""
        bonus = []
        if "status_word" in question.intents:
            bonus.append(self._kind_bonus["status"])
        if question.time or question.period or question.intents & {"up", "down"}:
            bonus.append(self._kind_bonus["figures"])
        return bonus

    def suggest(self, question: Query, ranked: list[Candidate], limit: int = 3) -> list[Entry]:
        """Up to `limit` entries the question may have meant: shared words first, then spelling."""
        offered = (Kind.LIST, Kind.CRIME_TYPE)  # a list is not a topic; a crime type is not held
        chosen: list[Entry] = [c.entry for c in ranked[:limit] if c.entry.kind not in offered]
        if len(chosen) < limit and question.text:
            # Names are stored with their words sorted, so plain `ratio` scores as
            # `token_sort_ratio` would without re-sorting every name on every question.
            found = process.extract(
                _sorted_words(" ".join(question.unknown) or question.text),
                self._names,
                scorer=fuzz.ratio,
                processor=None,
                score_cutoff=SUGGESTION_CUTOFF,
                limit=limit * 4,
            )
            for _, _, index in found:
                entry = self.entries[self._name_keys[index]]
                if entry not in chosen:
                    chosen.append(entry)
                if len(chosen) == limit:
                    break
        return chosen
