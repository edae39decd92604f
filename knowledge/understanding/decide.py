"""Deciding from a ranking: answer with the first candidate, or offer choices, or decline.

Every rule reads the query and the ranked candidates; none re-reads the message.
"""

from __future__ import annotations

from dataclasses import replace

from knowledge.domain.models import Kind
from knowledge.understanding.index import Candidate, Index
from knowledge.understanding.query import Query
from knowledge.understanding.reader import clauses
from knowledge.understanding.text import stem, words
from knowledge.understanding.vocabulary import Language

# Tuned on data/questions/tune.csv with `csp-bot eval`; the held-out sets check them.
MIN_COVERAGE = 0.67
MIN_PRECISION = 0.5
MIN_LEAD = 0.12
SUGGESTION_CUTOFF = 60
SAME_FACT_COVERAGE = 0.9
NAME_PRECISION = 0.99
MAX_CHATTER_WORDS = 2
WHOLE_COVERAGE = 0.9
CONFIDENT_COVERAGE = 0.8


def _modifies(typed: list[str], word: str, not_topic: set[str] | frozenset[str]) -> bool:
    """The word stands right before a word of the topic, so narrows it ("car break-ins"),
    where a word after it ("the DV picture") is only how the question is put."""
    return any(
        seen == word and index + 1 < len(typed) and typed[index + 1] not in not_topic
        for index, seen in enumerate(typed)
    )


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


def named_indicators(question: Query, ranked: list[Candidate]) -> list[Candidate]:
    """Two or more indicators the question names each whole, in separate words, and
    between them all it asks: "knife crime compared with robbery". Otherwise none."""
    named: list[Candidate] = []
    used: set[str] = set()
    for candidate in ranked:
        # A number alone names nothing: "320" may be a figure of one indicator and quoted for another.
        named_in_words = any(not w.isdigit() for w in candidate.words)
        whole = candidate.item is None and candidate.precision >= NAME_PRECISION and named_in_words
        if candidate.entry.kind is Kind.INDICATOR and whole and not candidate.words & used:
            named.append(candidate)
            used |= candidate.words
    total = sum(question.weights.values())
    held = sum(w for t, w in question.weights.items() if t in used)
    if len(named) < 2 or held < WHOLE_COVERAGE * total:
        return []
    return named


def across_items(index: Index, question: Query, ranked: list[Candidate]) -> Candidate | None:
    """The one entry whose items together hold the question when no single place does:
    "Op Continuum arrests and charges" names two facts of one topic. Each word must be
    in the entry, and its words other than the entry's names (one of them telling) must be
    spread over more than one item; two entries that would both do are no answer."""
    if not ranked or not question.tokens:
        return None
    top = ranked[0]
    if confident(ranked) and (top.coverage >= CONFIDENT_COVERAGE or top.precision >= NAME_PRECISION):
        return None
    found: list[Candidate] = []
    for candidate in ranked:
        number = index.entry_number[candidate.entry.key]
        items = index.items_of[number]
        names = index.names_of[number]
        coverage = index.entry_coverage(question, candidate.entry.key)
        if len(items) < 2 or coverage < WHOLE_COVERAGE:
            continue
        spread = {t for t in question.tokens if t in index.held_by[number] and t not in names}
        if not spread & question.telling or any(spread <= item for item in items):
            continue
        found.append(replace(candidate, item=None, coverage=coverage, anchored=True))
    return found[0] if len(found) == 1 else None


def chatter(language: Language, question: Query, ranked: list[Candidate]) -> list[str]:
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
    not_topic = language.stopwords | set(question.unknown)
    for word in question.unknown:
        if language.salience(word) >= 1.0 or language.placed(typed, word, language.narrowing):
            return []
        if set(typed) & language.limiting:
            return []
        if any(_modifies(part, word, not_topic) for part in parts):
            return []
    return list(question.unknown)
