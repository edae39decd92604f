"""Words a question takes out of what it asks: "criminal damage *without arson*", "reported
by phone *rather than online*", "ASB calls, *not repeat callers*". The words taken out say
what is not asked: they find no topic, and an entry whose figure counts them is not the
figure asked for (`answering/narrowed.py`)."""

from __future__ import annotations

EXCLUDING = (
    ("not",), ("without",), ("excluding",), ("except",), ("minus",), ("rather", "than"),
    ("other", "than"), ("apart", "from"), ("instead", "of"), ("leaving", "out"),
)  # fmt: skip
"""The words that take something out, a grammar's few, not a list of topics."""
_FIRST = frozenset(phrase[0] for phrase in EXCLUDING)
ARTICLES = frozenset({"the", "a", "an", "any"})
MAX_TAKEN = 3
"""The most words one exclusion takes out: a name ("repeat callers", "criminal damage")."""


def split_excluded(typed: list[str], stopwords: frozenset[str]) -> tuple[list[str], list[str]]:
    """The words without those an exclusion takes out, and the words taken out: the words
    after "not", "without", "rather than"… up to the next small word ("without arson, in
    2022": "arson"). The exclusion's own words are kept: they are small words, or intents
    ("not improved")."""
    if _FIRST.isdisjoint(typed):
        return list(typed), []  # most questions take nothing out
    kept: list[str] = []
    taken: list[str] = []
    at = 0
    while at < len(typed):
        excluding = next((e for e in EXCLUDING if tuple(typed[at : at + len(e)]) == e), None)
        if excluding is None:
            kept.append(typed[at])
            at += 1
            continue
        kept.extend(excluding)
        at += len(excluding)
        while at < len(typed) and typed[at] in ARTICLES:
            kept.append(typed[at])
            at += 1
        run = 0
        while at < len(typed) and run < MAX_TAKEN and typed[at] not in stopwords and not typed[at].isdigit():
            taken.append(typed[at])
            at += 1
            run += 1
    return kept, taken
