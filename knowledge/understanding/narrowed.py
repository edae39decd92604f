"""Whether a question asks for a part of the entry chosen to answer it: a place ("knife crime
on buses"), a time ("ASB calls at night"), a group of people ("for under 18s"), an outcome
("burglaries that were solved"), a sub-type ("residential burglary") or a means ("hate crime
online") that the entry does not hold.

The words of each kind are data (`data/narrowing.yaml`). A narrowing counts when the entry
holds none of its words (the portal is "online", and held) and it is said of the topic: right
after a word of the topic, with only small words, time words or other narrowings between
("ASB calls *at night*", "knife crime figures *for under 18s*"), and not itself said of
another word ("the *schools* team"); or right before the topic ("*night-time* ASB"). A word
of a narrowing kind said in another part of the message ("I'm on the bus - knife crime
this year?") is the setting, not the question.

Only the reading is here; answering decides what to say (`answering/route.py`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from knowledge.understanding.narrowing import Narrowing
from knowledge.understanding.query import Query
from knowledge.understanding.reader import clauses
from knowledge.understanding.text import clean, stem, words
from knowledge.understanding.vocabulary import Language

LEADING = frozenset(
    {
        "for", "during", "over", "throughout", "against", "involving", "affecting", "targeting",
        "towards", "via", "through", "that", "which", "who", "were", "was", "are", "is", "been",
        "being", "got",
    }
)  # fmt: skip
"""Words that, with the placing and narrowing words, introduce a narrowing after the topic
("for under 18s", "that were solved"): quoted with it."""
RELATIVE = frozenset({"where", "that", "which", "who", "whose", "when"})
PREPOSITIONS = frozenset({"to", "into", "via", "through", "by", "under", "over"})
MAX_BETWEEN = 2
"""The most words a clause may put between the topic and its narrowing that are neither the
topic's nor joining words: a verb and its subject ("where *the victim was* under 16")."""
ARTICLES = frozenset({"the", "a", "an", "my", "our", "their"})
BRIDGES = frozenset({"of", "on", "for", "to", "in", "into", "per", "from", "spent", "by"})
"""Words that join a narrowing said first to the topic after it ("the cost *of* knife crime",
"money spent *on* ASB calls")."""
BRIDGED_KINDS = frozenset({Narrowing.MONEY, Narrowing.BREAKDOWN})
GROUP_BRIDGES = frozenset({"of"})
"""A group of people said first is joined to the topic by "of" alone ("the ages *of* repeat
callers"); "young people affected *by* knife crime" are who is helped, not a part counted."""
OWN_KINDS = frozenset({Narrowing.OUTCOME, Narrowing.MEANS})
"""Kinds a measure may be of itself: an indicator that counts an outcome (arrests, charges,
convictions) or what came by one means (the online portal) is not narrowed by another word
of that kind ("the specialist DV court's outcomes" are its convictions): such a word asks
for another measure, which the ranking weighs, not for a part of this one."""


Scan = Callable[[list[str]], list[tuple[int, int, Narrowing]]]
"""(start, end, kind) of each narrowing word or phrase in the typed words."""


COUNTED = frozenset(
    {
        "case", "cases", "incident", "incidents", "offence", "offences", "crime", "crimes",
        "victim", "victims", "offender", "offenders", "perpetrator", "perpetrators", "suspect", "suspects",
        "defendant", "defendants",
    }
)  # fmt: skip
"""What a crime figure counts, and the people in it, said after a narrowing of it: "for rape
*cases*", "high-risk *victims*" are said of the topic's crimes, where "for the schools
*team*" is said of a team."""


@dataclass(frozen=True)
class NarrowedPart:
    """A part of the topic the question asks for: its kind, the words as the partner typed
    them (with the word introducing them: "at night"), and the question's words it is."""

    kind: Narrowing
    said: str
    tokens: frozenset[str]


@dataclass(frozen=True)
class _Clause:
    typed: list[str]
    topic: list[bool]
    glue: list[bool]


def narrowed_part(
    language: Language,
    query: Query,
    held: frozenset[str],
    topic: frozenset[str],
    names: Sequence[str] = (),
    kinds: frozenset[Narrowing] | None = None,
    scan: Scan | None = None,
    apart: frozenset[str] = frozenset(),
) -> NarrowedPart | None:
    """The first narrowing of the question (of `kinds`, when given) that an entry holding
    `held` (named `names`) does not hold, said of the words of the question it does hold
    (`topic`); None when there is none. `scan` finds other narrowing words than the
    language's; a word of `apart` between them and the topic sets them apart ("and")."""
    scan = scan or language.narrowings
    read = {typed: fixed for typed, fixed in query.corrections.items() if fixed}
    if not topic or not scan([read.get(word, word) for word in words(query.text)]):
        return None  # most questions: nothing of a narrowing kind at all
    asked = set(query.tokens)
    timed = _time_words(query)
    for text in clauses(query.text):
        typed = [read.get(word, word) for word in words(text)]
        found = scan(typed)
        if not found:
            continue
        kept = set(language.swap_synonyms(typed))
        topical = [bool(_tokens(language, [word]) & topic) for word in typed]
        joined = zip(typed, _glue(language, query, typed), strict=True)
        clause = _Clause(typed, topical, [joins and word not in apart for word, joins in joined])
        spans = {position for start, end, _ in found for position in range(start, end)}
        for start, end, kind in found:
            if (kinds is not None and kind not in kinds) or typed[start] in timed:
                continue
            tokens = _tokens(language, typed[start:end])
            if not tokens & asked and not kept.issuperset(typed[start:end]):
                continue  # read as something else: "teen violence" is youth violence
            if tokens & held or (kind in OWN_KINDS and _is_of_kind(language, names, kind)):
                continue
            lead = _said_after(language, clause, spans, start, end)
            if lead is None and not _said_before(clause, spans, end, _bridges(kind)):
                continue
            shown = typed[start - lead : end] if lead else typed[start:end]
            said = as_typed(query.raw, shown)
            return NarrowedPart(kind, said, frozenset(_tokens(language, shown)))
    return None


def _is_of_kind(language: Language, names: Sequence[str], kind: Narrowing) -> bool:
    """Whether the entry's own names are of a kind of narrowing ("conviction rate": outcome)."""
    return any(found == kind for name in names for _, _, found in language.narrowings(words(clean(name))))


def without(query: Query, part: NarrowedPart) -> Query:
    """The question without the narrowing: what it asks of the whole."""
    kept = [token for token in query.tokens if token not in part.tokens]
    return replace(
        query,
        tokens=kept,
        unknown=[word for word in query.unknown if stem(word) not in part.tokens],
        weights={token: weight for token, weight in query.weights.items() if token in kept},
        telling=query.telling & set(kept),
    )


def _tokens(language: Language, typed: list[str]) -> set[str]:
    """The stems typed words are read as, synonyms swapped ("phone" is "call"), and as typed."""
    read = language.topic_words(language.swap_synonyms(typed))
    return {stem(word) for word in read} | {stem(word) for word in typed if word not in language.stopwords}


def _time_words(query: Query) -> set[str]:
    """The words of the period named, of what it is compared with, and of a span of months
    ("rolling 12 month"): they say when, not what part."""
    named = (
        query.period_text,
        query.comparison.text if query.comparison else None,
        query.span.text if query.span else None,
    )
    return set(words(" ".join(text for text in named if text)))


def _glue(language: Language, query: Query, typed: list[str]) -> list[bool]:
    """Which words only join a narrowing to its topic: small words, the words placing or
    limiting a question, and the words of a time phrase or of the period named."""
    joining = language.stopwords | language.narrowing | language.limiting | LEADING
    period = _time_words(query)
    glue = [word in joining or word in period for word in typed]
    for table in (language.times, language.intents):
        for start, end, value in table.scan(typed):
            if value is not None:
                glue[start:end] = [True] * (end - start)
    return glue


def _said_after(language: Language, clause: _Clause, spans: set[int], start: int, end: int) -> int | None:
    """How many words before the narrowing introduce it, when it follows a word of the topic
    with only joining words between, and is not itself said of another word after it; None
    when it does not follow the topic so."""
    before = start - 1
    between = 0  # words that are neither the topic's nor joining: a verb, its subject
    while before >= 0 and not clause.topic[before]:
        if not (clause.glue[before] or before in spans or clause.typed[before] in COUNTED):
            if between == MAX_BETWEEN:
                return None
            between += 1
        before -= 1
    if before < 0 or (between and not _a_clause_of_the_topic(language, clause.typed, before, start)):
        return None
    following = clause.typed[end] if end < len(clause.typed) else None
    joined = following is None or clause.glue[end] or clause.topic[end] or end in spans
    if not joined and following not in COUNTED:
        return None  # "for the schools team": the narrowing is said of "team"
    lead = 0
    introducing = language.narrowing | LEADING
    for back in range(1, start - before):
        word = clause.typed[start - back]
        if word in introducing:
            lead = back
        elif word not in ARTICLES:
            break
    return lead


def _a_clause_of_the_topic(language: Language, typed: list[str], topic: int, start: int) -> bool:
    """Words between the topic and a narrowing that make a clause of the topic: a relative
    word after the topic ("violence *where the victim was* under 16", "calls *that went to*
    999") or a preposition before the narrowing ("ASB calls *went to* 999", "burglaries
    *committed on* estates")."""
    return typed[topic + 1] in RELATIVE or typed[start - 1] in language.placing | PREPOSITIONS


def _bridges(kind: Narrowing) -> frozenset[str]:
    """The prepositions that may join a narrowing of this kind said first to the topic."""
    if kind in BRIDGED_KINDS:
        return BRIDGES
    return GROUP_BRIDGES if kind is Narrowing.GROUP else frozenset()


def _said_before(clause: _Clause, spans: set[int], end: int, bridges: frozenset[str] = frozenset()) -> bool:
    """The narrowing stands right before a word of the topic, or before other narrowings that
    do ("night-time ASB", "residential burglary", "weekend night-time ASB"). Money and
    breakdowns may be joined to it by a preposition and small words ("the cost *of* knife
    crime", "money spent *on* ASB calls"); a place may not: "schools" in "the schools team
    asked for knife crime" is the setting, and the reader has taken "team asked" out."""
    after = _over_a_bridge(clause, spans, end, bridges) if bridges else end
    while after < len(clause.typed) and after in spans and not clause.topic[after]:
        after += 1
    return after < len(clause.typed) and clause.topic[after]


def _over_a_bridge(clause: _Clause, spans: set[int], end: int, bridges: frozenset[str]) -> int:
    """Where the topic may start after money or a breakdown joined to it by a preposition,
    with joining words and at most a verb before it ("the cost *of*", "money *spent on*",
    "monthly trend *of*", "money *went on*"); `end` when no preposition joins them."""
    typed, after, between = clause.typed, end, 0
    while after < len(typed) and not clause.topic[after] and typed[after] not in bridges:
        if not (clause.glue[after] or after in spans):
            between += 1
        after += 1
    if after == len(typed) or typed[after] not in bridges or between > MAX_BETWEEN:
        return end
    while after < len(typed) and not clause.topic[after] and (after in spans or clause.glue[after]):
        after += 1
    return after


def as_typed(raw: str, shown: list[str]) -> str:
    """The words as the partner typed them ("for under 18s", "in Whitechapel"), else as read."""
    pattern = r"[\W_]+".join(re.escape(w) + r"s?" for w in shown)  # "18s", a plural read singular
    found = re.search(rf"(?<!\w){pattern}(?!\w)", raw, flags=re.IGNORECASE)
    return found.group(0) if found else " ".join(shown)
