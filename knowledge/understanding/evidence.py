"""The evidence a question gives for its first candidate, as numbers a fitted model weighs.

Each feature answers one plain question about the match, so that a weight can be read:
how much of what was asked the entry holds, how exactly the question names it, how far it
leads the next entry, and what the words it does not hold are: everyday chat, a rare word
that may be the real topic, or a word that narrows the topic (a place, a time of day, a
group of people, an outcome, a sub-type, a means) to something the bot does not hold.

The verdicts of the two hand-set rules the model replaced (`confident`, `chatter`) are kept
as two pieces of evidence among the others: fitted with them, the model answers more of
the labelled questions right and fewer wrong, cross-validated, than the rules alone did.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from knowledge.understanding.decide import NAME_PRECISION, chatter, confident
from knowledge.understanding.index import Candidate
from knowledge.understanding.query import Query
from knowledge.understanding.reader import clauses
from knowledge.understanding.text import stem, words
from knowledge.understanding.vocabulary import Language

FEATURES = (
    "coverage",
    "precision",
    "anchored",
    "lead",
    "whole_name",
    "item",
    "unheld_rare",
    "unheld_everyday",
    "narrowed",
    "narrowing_kind",
    "limited",
    "words",
    "coverage_without_chat",
    "anchored_precision",
    "loose",
    "coverage_precision",
    "only_chat_left",
    "rule_confident",
    "rule_chatter",
)
"""In the order the fitted weights are kept."""


@dataclass(frozen=True)
class Evidence:
    values: tuple[float, ...]
    unused: tuple[str, ...]
    """The words of the question the first candidate does not hold, as typed."""

    def named(self) -> dict[str, float]:
        return dict(zip(FEATURES, self.values, strict=True))


def _modifies(typed: list[str], word: str, not_topic: set[str] | frozenset[str]) -> bool:
    """The word stands right before a word of the topic, so narrows it ("car break-ins"),
    where a word after it ("the DV picture") is only how the question is put."""
    return any(
        seen == word and index + 1 < len(typed) and typed[index + 1] not in not_topic
        for index, seen in enumerate(typed)
    )


def _unheld_words(query: Query, top: Candidate) -> list[str]:
    """The question's topic words the candidate's entry does not hold, as typed."""
    typed = {stem(w): w for w in words(query.text)}
    return [typed.get(token, token) for token in query.tokens if token not in top.words]


def _as_typed(query: Query, unheld: list[str]) -> tuple[str, ...]:
    """The words not used as the partner typed them: one read from a slip or shorthand is
    shown as typed ("ppl", not the "peopl" of "people")."""
    read = {stem(fixed): typed for typed, fixed in query.corrections.items() if fixed}
    return tuple(read.get(stem(word), word) for word in unheld)


def _narrowing(language: Language, query: Query, unheld: list[str]) -> list[str]:
    """The words that may narrow the topic to something not held: each follows a word placing
    or narrowing the question ("at night", "on buses", "by ward"), or stands right before a
    topic word ("car break-ins")."""
    typed = words(query.text)
    parts = [words(clause) for clause in clauses(query.text)]
    not_topic = language.stopwords | set(query.unknown)
    return [
        word
        for word in unheld
        if language.placed(typed, word, language.narrowing)
        or language.placed(typed, word)
        or any(_modifies(part, word, not_topic) for part in parts)
    ]


def _coverage_without_chat(language: Language, query: Query, top: Candidate) -> float:
    """How much of the question the entry holds, leaving out words not understood that are
    everyday English ("picture", "board"): the way a question is put, not its topic."""
    unknown = {stem(w) for w in query.unknown}
    chat = {t for t in unknown if language.salience(t) < 1.0}
    asked = {t: w for t, w in query.weights.items() if t not in chat}
    total = sum(asked.values())
    if not total:
        return 0.0
    return min(sum(w for t, w in asked.items() if t in top.words) / total, 1.0)


def evidence(language: Language, query: Query, ranked: list[Candidate]) -> Evidence:
    """The features of the first candidate of a ranking (which must not be empty)."""
    top = ranked[0]
    runner_up = ranked[1].score if len(ranked) > 1 else 0.0
    unheld = _unheld_words(query, top)
    rare = [w for w in unheld if language.salience(w) >= 1.0]
    everyday = [w for w in unheld if language.salience(w) < 1.0]
    narrowed = _narrowing(language, query, unheld) if unheld else []
    whole_name = top.item is None and top.precision >= NAME_PRECISION
    values = (
        top.coverage,
        top.precision,
        float(top.anchored),
        top.score - runner_up,
        float(whole_name),
        float(top.item is not None),
        float(len(rare)),
        float(len(everyday)),
        float(len(narrowed)),
        float(sum(language.narrowing_kind(w) is not None for w in unheld)),
        float(bool(set(words(query.text)) & language.limiting)),
        math.log1p(len(query.tokens)),
        _coverage_without_chat(language, query, top),
        top.anchored * top.precision,
        (1 - top.anchored) * (1 - top.precision),
        top.coverage * top.precision,
        float(whole_name and top.anchored and not rare and not narrowed),
        float(confident(ranked)),
        float(bool(chatter(language, query, ranked))),
    )
    # Rounded: sums over sets differ in the last bits from one run to the next.
    return Evidence(tuple(round(v, 6) for v in values), _as_typed(query, unheld))
