"""Finding the entry a question is about, or knowing that there is none.

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

import itertools
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process, utils

from knowledge.domain.models import Kind
from knowledge.domain.periods import Period, PeriodError, parse_period
from knowledge.language import MAX_QUESTION_CHARS, Language, Speller, clean, stem, words

# Tuned on data/questions/tune.csv with `csp-bot eval`; the held-out set checks them.
MIN_COVERAGE = 0.67
MIN_PRECISION = 0.5
MIN_LEAD = 0.12
SUGGESTION_CUTOFF = 60
SAME_FACT_COVERAGE = 0.9
NAME_PRECISION = 0.99
MAX_CHATTER_WORDS = 2
WHOLE_COVERAGE = 0.9
CONFIDENT_COVERAGE = 0.8

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

_YEAR = r"20[0-3]\d"
_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_PERIOD_TEXT = re.compile(
    rf"\b(?:"
    rf"(?:fy\s*)?{_YEAR}\s*[/-]\s*\d\d(?!\d)"  # 2018/19, FY2018-19
    rf"|(?:{_MONTH})\s*-\s*(?:{_MONTH})\s+{_YEAR}"  # Jan-Dec 2018
    rf"|q[1-4]\s+{_YEAR}|{_YEAR}\s*-?\s*q[1-4]"  # Q4 2018, 2018-Q4
    rf"|(?:{_MONTH})\s+{_YEAR}"  # Nov 2018
    rf"|{_YEAR}"  # 2018
    rf")\b"
)
# A financial year: "18/19", "FY18/19", "2018/19", "2018-19" (but "18-24" is an age range).
_SHORT_FY = re.compile(r"\b(?:fy\s*)?(?:(\d\d)\s*/|20(\d\d)\s*[/-])\s*(\d\d)\b")
# Months and quarters named without a year ("knife crime Q4", "burglary in December",
# "robbery last month"): the figures are held for whole years. "May" and "March" are left
# out, as everyday words.
_FINER_PERIOD = re.compile(
    r"\b(?:(?P<quarter>q[1-4]|(?:this|last|past|previous|each|every|per|a|by)\s+quarter|quarterly)"
    r"|(?:this|last|past|previous|each|every|per|a|by)\s+month|monthly|month by month"
    r"|jan(?:uary)?|feb(?:ruary)?|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\b"
)
_CLIPPED_YEAR = re.compile(r"(?<![\w'’])['’‘]([1-3]\d)\b")
_YEAR_SPAN = re.compile(rf"\b({_YEAR})\s*-\s*(\d\d)(?![\d/])")
_SHORT_YEARS_COMPARED = re.compile(
    r"\b([1-3]\d)\s+(vs?\.?|versus|against|compared (?:to|with))\s+([1-3]\d)\b"
)


def _finer_period(text: str) -> tuple[str | None, str, str]:
    """ "quarterly" or "monthly" when the text names a quarter or month with no year, the
    words that name it, and the text without them."""
    found = _FINER_PERIOD.search(text)
    if not found:
        return None, "", text
    finer = "quarterly" if found.group("quarter") else "monthly"
    return finer, found.group(0), text[: found.start()] + " " + text[found.end() :]


_TRAILING_NUMBER = re.compile(r"(?P<before>[^\s\d]\S*)\s+(?P<year>[12]\d)(?P<after>\s*[?!.]*\s*)$")
_NOT_A_YEAR_AFTER = frozenset(
    {"under", "over", "aged", "age", "ages", "to", "than", "top", "till", "until", "upto", "and", "or"}
)
"""Words after which a number is an age or a count, not a year: "under 18", "up to 25"."""


def _trailing_year(text: str) -> str:
    """A two-digit number ending the message after a word is a year: "syv 17" is 2017, but
    "RRT for 18 to 24" and "victims under 18" are ages."""
    found = _TRAILING_NUMBER.search(text)
    if not found or found.group("before") in _NOT_A_YEAR_AFTER or not found.group("before")[-1].isalpha():
        return text
    return text[: found.start("year")] + "20" + found.group("year") + found.group("after")


_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_YEAR_IN_WORDS = re.compile(rf"\b(?:twenty|two thousand(?: and)?)\s+({'|'.join(_TEENS)})\b")
_YEAR_ENDING = re.compile(
    r"\b(?:the\s+)?(?:year|12 months|twelve months)\s+(?:ending|ended|to|up to)\s+"
    r"(dec(?:ember)?|mar(?:ch)?)\s+((?:19|20)\d\d)\b"
)


def _year_ending(found: re.Match[str]) -> str:
    """ "the year ending December 2018" is 2018; "the year to March 2019" is 2018/19."""
    month, year = found.group(1), int(found.group(2))
    return str(year) if month.startswith("dec") else f"{year - 1}/{year % 100:02d}"


def _full_years(text: str) -> str:
    """Years written short, in full: "'18" is 2018, "17 vs 18" compares 2017 with 2018,
    "syv 17" ends with one, and "2018-21" spans to 2021 (a financial year, "2018-19", is
    left as it is)."""
    text = _CLIPPED_YEAR.sub(r"20\1", text)
    text = _YEAR_IN_WORDS.sub(lambda found: str(2010 + _TEENS.index(found.group(1))), text)
    text = _YEAR_ENDING.sub(_year_ending, text)
    text = _YEAR_SPAN.sub(_year_span, text)

    def years_compared(found: re.Match[str]) -> str:
        first, word, second = found.groups()
        if abs(int(first) - int(second)) != 1:
            return found.group(0)
        return f"20{first} {word} 20{second}"

    return _trailing_year(_SHORT_YEARS_COMPARED.sub(years_compared, text))


def _year_span(found: re.Match[str]) -> str:
    start, end = int(found.group(1)), int(found.group(2))
    if end == (start + 1) % 100 or end <= start % 100:
        return found.group(0)
    return f"{found.group(1)}-20{found.group(2)}"


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


@dataclass
class Question:
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
    period: Period | None
    period_text: str | None
    truncated: bool
    corrections: dict[str, str] = field(default_factory=dict)
    elsewhere: list[str] = field(default_factory=list)
    """Places outside the home area the question names: the store holds nothing for them."""
    unheld_measures: list[str] = field(default_factory=list)
    """Measures the question asks for that no indicator is ("clear-up rates")."""
    finer: str | None = None
    """"monthly" or "quarterly" when the question names a month or quarter with no year
    ("knife crime Q4"): the figures are for whole years."""

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


def _find_period(text: str) -> tuple[Period | None, str | None, str]:
    """The first period named in the text, its words, and the text without them."""
    short = _SHORT_FY.search(text)
    first = short and int(short.group(1) or short.group(2))
    if short and int(short.group(3)) == (first + 1) % 100:
        period = Period.financial_year(2000 + first)
        return period, short.group(0), text[: short.start()] + " " + text[short.end() :]
    found = _PERIOD_TEXT.search(text)
    if not found:
        return None, None, text
    try:
        period = parse_period(found.group(0))
    except PeriodError:
        return None, None, text
    return period, found.group(0), text[: found.start()] + " " + text[found.end() :]


_CLAUSE_BREAK = re.compile(r"(?<!\d)[,.]|[,.](?!\d)|[:;!?()\[\]–—]|\s-\s")
"""Punctuation between two words, not within a number ("3,293", "£1.5m"): "the board paper:
robbery" has no compound across it."""


def clauses(text: str) -> list[str]:
    """The parts of a message between its punctuation, each with words in it."""
    return [part.strip() for part in _CLAUSE_BREAK.split(text) if words(part)]


_JOINED = re.compile(r"\s(and|plus|&|also|as well as|along with|together with|vs\.?|versus)\s")
"""Words that join two things asked in one message: "knife crime and the VAWG charter"."""
_JOIN_WORDS = frozenset({"and", "plus", "also", "vs", "versus"})


def _modifies(typed: list[str], word: str, not_topic: set[str] | frozenset[str]) -> bool:
    """The word stands right before a word of the topic, so narrows it ("car break-ins"),
    where a word after it ("the DV picture") is only how the question is put."""
    return any(
        seen == word and index + 1 < len(typed) and typed[index + 1] not in not_topic
        for index, seen in enumerate(typed)
    )


def _has_letters(text: str) -> bool:
    """A name to offer as a topic, not a figure ("830")."""
    return any(c.isalpha() for c in text)


def _sorted_words(text: str) -> str:
    return " ".join(sorted(utils.default_process(text).split()))


class Matcher:
    """The index over every entry's places, built once per store revision."""

    TOP = 10
    """How many candidates `rank` returns: the answer, its rivals and the suggestions."""

    def __init__(self, language: Language, entries: list[Entry]) -> None:
        self.language = language
        self.entries = {entry.key: entry for entry in entries}
        self._entry_index = {entry.key: number for number, entry in enumerate(entries)}
        self._entry_list = entries
        document_frequency: dict[str, int] = defaultdict(int)
        surface_words: set[str] = set()
        self._pairs: set[tuple[str, str]] = set()
        """Neighbouring words in the entries' text, so a name they hold is read whole."""
        self._joins: set[tuple[str, str, str]] = set()
        """Two words joined in the entries' text ("stop and search"), so a name that holds
        "and" is not read as two things asked."""
        token_salience: dict[str, float] = {}
        places: list[tuple[int, int | None, frozenset[str]]] = []
        for number, entry in enumerate(entries):
            seen: set[str] = set()
            for text, item in entry.phrases:
                surface = words(clean(text))
                surface_words.update(surface)
                self._pairs.update(itertools.pairwise(surface))
                self._joins.update(
                    (stem(a), b, stem(c))
                    for a, b, c in zip(surface, surface[1:], surface[2:], strict=False)
                    if b in _JOIN_WORDS
                )
                terms = language.entry_terms(text)
                for word, token in terms:
                    # A stem is as telling as its most telling form ("reports" over "report").
                    token_salience[token] = max(token_salience.get(token, 0.0), language.salience(word))
                tokens = frozenset(token for _, token in terms)
                if tokens:
                    places.append((number, item, tokens))
                    seen |= tokens
            # Rarity is counted over what the store holds: the police categories would make
            # "burglary" and "robbery" look common and weigh them down in every question.
            if entry.kind is not Kind.CRIME_TYPE:
                for token in seen:
                    document_frequency[token] += 1
        count = max(sum(e.kind is not Kind.CRIME_TYPE for e in entries), 1)
        for token in {t for _, _, tokens in places for t in tokens} - document_frequency.keys():
            document_frequency[token] = 1  # a word only a police category uses: as rare as can be
        self._rarity = {t: math.log(1 + count / df) for t, df in document_frequency.items()}
        self._salience = token_salience
        self._idf = {t: rarity * token_salience[t] for t, rarity in self._rarity.items()}
        self._unknown_weight = math.log(1 + count)
        # Places as parallel arrays, so a question is scored against all of them at once.
        self._place_entry = np.array([p[0] for p in places], dtype=np.int64)
        self._place_item = [p[1] for p in places]
        self._place_tokens = [p[2] for p in places]
        self._place_weight = np.array([sum(self._idf[t] for t in p[2]) for p in places], dtype=np.float64)
        kinds = [entries[p[0]].kind for p in places]
        self._kind_bonus = {
            "base": np.array([KIND_BONUS.get(k, 0.0) for k in kinds]),
            "status": np.array([STATUS_BONUS.get(k, 0.0) for k in kinds]),
            "figures": np.array([FIGURES_BONUS.get(k, 0.0) for k in kinds]),
        }
        # An item is read with its entry's names around it: "91 people charged" is a fact of
        # Operation Continuum, so "people charged after Op Continuum" finds it, and "biggest
        # challenges" finds the entry named both "Challenges" and "biggest problems".
        names_of: list[set[str]] = [set() for _ in entries]
        self._items_of: list[list[frozenset[str]]] = [[] for _ in entries]
        for number, item, tokens in places:
            if item is None:
                names_of[number] |= tokens
            else:
                self._items_of[number].append(tokens)
        self._names_of = [frozenset(tokens) for tokens in names_of]
        self._held_by = [
            names.union(*items) for names, items in zip(self._names_of, self._items_of, strict=True)
        ]
        """Every word each entry holds, in its names and all its items."""
        postings: dict[str, list[int]] = defaultdict(list)
        shared: dict[str, list[int]] = defaultdict(list)
        for index, (number, _, tokens) in enumerate(places):
            for token in tokens:
                postings[token].append(index)
                if token in names_of[number]:
                    shared[token].append(index)
        named: dict[str, list[int]] = defaultdict(list)
        for number, tokens in enumerate(names_of):
            for token in tokens:
                named[token].append(number)
        self._postings = {t: np.array(ix, dtype=np.int64) for t, ix in postings.items()}
        self._shared_postings = {t: np.array(ix, dtype=np.int64) for t, ix in shared.items()}
        self._name_postings = {t: np.array(ix, dtype=np.int64) for t, ix in named.items()}
        self._speller = Speller(surface_words | language.known_words, language.stopwords, surface_words)
        # "Did you mean" compares whole names, not items: a stray word in a long fact
        # should not be offered as a topic.
        self._names: list[str] = []
        self._name_keys: list[str] = []
        for entry in entries:
            for text, item in entry.phrases:
                offered = entry.kind is not Kind.CRIME_TYPE and _has_letters(text)
                if item is None and len(text) <= 80 and offered:
                    self._names.append(_sorted_words(text))
                    self._name_keys.append(entry.key)
        self._correct = lru_cache(maxsize=16384)(self._speller.correct)

    def weight(self, token: str, word: str | None = None) -> float:
        """A word's weight in a question: its rarity across entries (the most for one never
        seen), times its salience. A known stem is as salient as the word typed, if that is
        the less telling form: "good" is everyday though "goods" is not."""
        typed = self.language.salience(word or token)
        rarity = self._rarity.get(token)
        if rarity is not None:
            return rarity * min(self._salience[token], typed)
        return self._unknown_weight * typed

    def knows(self, token: str) -> bool:
        return token in self._idf

    def read(self, raw: str) -> Question:
        truncated = len(raw) > MAX_QUESTION_CHARS
        head = raw[:MAX_QUESTION_CHARS]
        if truncated and " " in head:
            head = head.rsplit(" ", 1)[0]  # never read half a word
        text = self.language.without_speaker(clean(head))
        period, period_text, rest = _find_period(_full_years(text))
        # Two periods named ("2018 v 2017") ask for a comparison: the later one, against the
        # one before it.
        other, other_text, rest = _find_period(rest) if period else (None, None, rest)
        if period and other and other.end > period.end:
            period, period_text = other, other_text
        finer, finer_text, rest = _finer_period(rest)
        tokens, elsewhere = self._without_places_elsewhere(words(rest))
        tokens, measures = self.language.unheld_measures.remove(tokens)
        corrections: dict[str, str] = {}
        corrected = []
        for token in tokens:
            fixed = self._correct(token)
            if fixed != token:
                corrections[token] = fixed
            corrected.append(fixed)
        swapped = self.language.swap_synonyms(corrected)
        without_time, times = self.language.times.remove(swapped)
        without_intents, intents = self.language.intents.remove(without_time)
        topic_words = list(dict.fromkeys(self.language.topic_words(without_intents)))
        named_periods = words(f"{period_text or ''} {finer_text}")
        period_tokens = [stem(w) for w in named_periods if stem(w) in self._postings]
        if not topic_words and not intents and not times and period_tokens:
            # "what's new for 2019/20": the period is all the question names, so it is the topic.
            topic_words = [w for w in named_periods if stem(w) in self._postings]
            period_tokens = []
        stems = [stem(w) for w in topic_words]
        unique = list(dict.fromkeys(stems))
        weights: dict[str, float] = {}
        typed = {fixed: word for word, fixed in corrections.items()}
        telling: set[str] = set()
        for word, token in zip(topic_words, stems, strict=True):
            weights.setdefault(token, self.weight(token, word))
            if self.language.salience(typed.get(word, word)) == 1.0:
                telling.add(token)
        time = "compare" if other else None
        for name in ("compare", "previous", "latest"):
            if name in times and time is None:
                time = name
                break
        return Question(
            raw=raw,
            text=text,
            tokens=unique,
            unknown=[w for w, s in zip(topic_words, stems, strict=True) if not self.knows(s)],
            weights=weights,
            telling=telling,
            period_tokens=period_tokens,
            intents=set(intents),
            time=time,
            period=period,
            period_text=period_text,
            truncated=truncated,
            corrections=corrections,
            elsewhere=elsewhere,
            unheld_measures=list(dict.fromkeys(measures)),
            finer=finer,
        )

    def joined_parts(self, text: str) -> list[str]:
        """The parts of a message between its punctuation and the words that join two things
        ("and", "plus", "also", "vs"), each with words in it. A join inside a name the store
        holds ("stop and search", "drugs and alcohol") is no break."""
        parts: list[str] = []
        for clause in clauses(text):
            start = 0
            for join in _JOINED.finditer(f" {clause} "):
                before = words(clause[: join.start()])[-1:]
                after = words(clause[join.end() - 1 :])[:1]
                joining = words(join.group(1))
                if before and after and (stem(before[0]), joining[0], stem(after[0])) in self._joins:
                    continue
                parts.append(clause[start : join.start()])
                start = join.end() - 1
            parts.append(clause[start:])
        return [part.strip() for part in parts if words(part)]

    def entry_coverage(self, question: Question, key: str) -> float:
        """How much of the question an entry holds, in its names and all its items together."""
        total = sum(question.weights.values())
        if not total or key not in self._entry_index:
            return 0.0
        held = self._held_by[self._entry_index[key]]
        return sum(w for t, w in question.weights.items() if t in held) / total

    def _without_places_elsewhere(self, tokens: list[str]) -> tuple[list[str], list[str]]:
        """The words without the places outside the home area they name ("in Hackney"), and
        those places. A place word the store itself uses beside its neighbour ("the Royal
        London Hospital") is part of that name, not a place."""
        kept: list[str] = []
        places: list[str] = []
        for start, end, place in self.language.elsewhere.scan(tokens):
            before = (tokens[start - 1], tokens[start]) if start > 0 else None
            after = (tokens[end - 1], tokens[end]) if end < len(tokens) else None
            if place is None or before in self._pairs or after in self._pairs:
                kept.extend(tokens[start:end])
            else:
                places.append(place)
        return kept, places

    def rank(self, question: Question) -> list[Candidate]:
        """The best place of each entry that shares a word with the question, best first."""
        known = [t for t in question.tokens if t in self._postings]
        if not known:
            return []
        total = sum(question.weights.values())
        hits = np.concatenate([self._postings[t] for t in known])
        asked = question.weights
        hit_weights = np.concatenate([np.full(len(self._postings[t]), asked[t]) for t in known])
        hit_idf = np.concatenate([np.full(len(self._postings[t]), self._idf[t]) for t in known])
        places, inverse = np.unique(hits, return_inverse=True)
        matched = np.bincount(inverse, weights=hit_weights)
        matched_here = np.bincount(inverse, weights=hit_idf)
        hit_telling = np.concatenate([np.full(len(self._postings[t]), t in question.telling) for t in known])
        here = np.bincount(inverse)
        # Two of the question's words in the place, or a telling one in it, or one in it and a
        # telling one in its entry's names: "continuum charges" finds "91 people charged".
        telling = [t for t in known if t in question.telling]
        telling_around = self._in_context(telling, places, dict.fromkeys(telling, 1.0))
        anchored = (here >= 2) | (np.bincount(inverse, weights=hit_telling) >= 1) | (telling_around >= 1)
        coverage = (matched + self._in_context(known, places, asked)) / total
        bonus = np.zeros(len(places))
        for token in question.period_tokens:
            bonus += np.isin(places, self._postings[token]) * self._idf[token]
        precision = np.minimum((matched_here + bonus) / self._place_weight[places], 1.0)
        score = 0.8 * coverage + 0.2 * precision + self._kind_bonus["base"][places]
        if "status_word" in question.intents:
            score += self._kind_bonus["status"][places]
        if question.time or question.period or question.intents & {"up", "down"}:
            score += self._kind_bonus["figures"][places]
        # The best place of each entry: sort by score, keep each entry's first.
        order = np.argsort(-score, kind="stable")
        _, first = np.unique(self._place_entry[places[order]], return_index=True)
        best = order[first]
        if len(best) > self.TOP * 2:
            best = best[np.argpartition(-score[best], self.TOP * 2)[: self.TOP * 2]]
        candidates = [
            Candidate(
                self._entry_list[self._place_entry[places[i]]],
                self._place_item[places[i]],
                float(score[i]),
                float(coverage[i]),
                float(precision[i]),
                bool(anchored[i]),
                self._place_tokens[places[i]].intersection(question.tokens),
            )
            for i in best
        ]
        candidates.sort(key=lambda c: (-round(c.score, 9), c.entry.key))
        return candidates[: self.TOP]

    def _in_context(self, known: list[str], places: np.ndarray, weights: dict[str, float]) -> np.ndarray:
        """For each place, the weight of the question's words found in its entry's names and
        not in the place itself."""
        entry_weight = np.zeros(len(self._entry_list))
        shared_weight = np.zeros(len(places))
        for token in known:
            if token in self._name_postings:
                entry_weight[self._name_postings[token]] += weights[token]
            if token in self._shared_postings:
                shared_weight += np.isin(places, self._shared_postings[token]) * weights[token]
        return entry_weight[self._place_entry[places]] - shared_weight

    @staticmethod
    def confident(ranked: list[Candidate]) -> bool:
        """Sure enough of the first candidate to answer with it."""
        if not ranked:
            return False
        top = ranked[0]
        if top.coverage < MIN_COVERAGE:
            return False
        if top.precision >= MIN_PRECISION:
            return True
        runner_up = ranked[1].score if len(ranked) > 1 else 0.0
        return top.anchored and top.score - runner_up >= MIN_LEAD

    @staticmethod
    def told_twice(ranked: list[Candidate]) -> bool:
        """The first two candidates are facts (or outputs) that each hold the whole question:
        the slides tell the same thing in two places ("£7.3m for treatment"), and either
        is a right answer. Names that merely share a word ("crime") are not."""
        if len(ranked) < 2:
            return False
        first, second = ranked[0], ranked[1]
        return all(
            c.item is not None and c.anchored and c.coverage >= SAME_FACT_COVERAGE for c in (first, second)
        )

    @staticmethod
    def named_indicators(question: Question, ranked: list[Candidate]) -> list[Candidate]:
        """Two or more indicators the question names each whole, in separate words, and
        between them all it asks: "knife crime compared with robbery". Otherwise none."""
        named: list[Candidate] = []
        used: set[str] = set()
        for candidate in ranked:
            whole = candidate.item is None and candidate.precision >= NAME_PRECISION
            if candidate.entry.kind is Kind.INDICATOR and whole and not candidate.words & used:
                named.append(candidate)
                used |= candidate.words
        total = sum(question.weights.values())
        held = sum(w for t, w in question.weights.items() if t in used)
        if len(named) < 2 or held < WHOLE_COVERAGE * total:
            return []
        return named

    def across_items(self, question: Question, ranked: list[Candidate]) -> Candidate | None:
        """The one entry whose items together hold the question when no single place does:
        "Op Continuum arrests and charges" names two facts of one topic. Each word must be
        in the entry, and its words other than the entry's names (one of them telling) must be
        spread over more than one item; two entries that would both do are no answer."""
        if not ranked or not question.tokens:
            return None
        top = ranked[0]
        if self.confident(ranked) and (top.coverage >= CONFIDENT_COVERAGE or top.precision >= NAME_PRECISION):
            return None
        found: list[Candidate] = []
        for candidate in ranked:
            number = self._entry_index[candidate.entry.key]
            items = self._items_of[number]
            names = self._names_of[number]
            coverage = self.entry_coverage(question, candidate.entry.key)
            if len(items) < 2 or coverage < WHOLE_COVERAGE:
                continue
            spread = {t for t in question.tokens if t in self._held_by[number] and t not in names}
            if not spread & question.telling or any(spread <= item for item in items):
                continue
            found.append(replace(candidate, item=None, coverage=coverage, anchored=True))
        return found[0] if len(found) == 1 else None

    def chatter(self, question: Question, ranked: list[Candidate]) -> list[str]:
        """The words around an exact name that are only chatter, when that is all that keeps
        the first candidate from being an answer; otherwise nothing.

        "what's the domestic violence picture": every word the bot knows is the name of one
        entry, and the words it does not know are everyday English ("picture", "board",
        "bad"), so they are taken as the way the question is put. A word that is rarer in
        English ("graffiti"), that follows a word placing or narrowing the question ("in
        schools", "on the tube", "by type"), that comes with "only", or that stands right
        before the topic ("car break-ins") may narrow what is asked to something the bot
        does not hold, so the question is still declined.
        """
        if not ranked or not question.unknown:
            return []
        top = ranked[0]
        if top.item is not None or top.precision < NAME_PRECISION or not top.anchored:
            return []
        unknown_stems = {stem(w) for w in question.unknown}
        known = sum(w for t, w in question.weights.items() if t not in unknown_stems)
        unknown = sum(w for t, w in question.weights.items() if t in unknown_stems)
        total = known + unknown
        if known < unknown or top.coverage * total < known - 1e-9:
            return []
        if len(question.unknown) > MAX_CHATTER_WORDS:
            return []
        typed = words(question.text)
        parts = [words(clause) for clause in clauses(question.text)]
        not_topic = self.language.stopwords | set(question.unknown)
        for word in question.unknown:
            if self.language.salience(word) >= 1.0 or self.language.placed(
                typed, word, self.language.narrowing
            ):
                return []
            if set(typed) & self.language.limiting:
                return []
            if any(_modifies(part, word, not_topic) for part in parts):
                return []
        return list(question.unknown)

    def suggest(self, question: Question, ranked: list[Candidate], limit: int = 3) -> list[Entry]:
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
