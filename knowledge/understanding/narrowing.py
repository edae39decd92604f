"""Words that narrow a topic to a part of it, by kind (`data/narrowing.yaml`): a place ("on
buses", "in Shadwell"), a time of day or week ("at night"), a group of people ("under 18s",
"medium-risk victims"), an outcome ("solved", "charged"), a sub-type ("residential",
"moped") or a means ("online").

"Knife crime on buses" asks for the part of knife crime that is on buses: when the bot does
not hold that part, the figure for all knife crime is no answer. Telling such a word from
chat around the question is the decision's job; this says which words narrow, and how.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from knowledge.datafiles import NARROWING_FILE, DataFileError, load_file
from knowledge.understanding.text import clean, english_zipf, stem, words

PART_ZIPF = 4.0
"""A word of a narrowing phrase counts alone when it is rarer in English than this: a name
("Bethnal", "Wharf", "Chrisp") or a telling word ("coercive", "noxious"), not "green"."""


class Narrowing(StrEnum):
    PLACE = "place"
    TIME = "time"
    GROUP = "group"
    OUTCOME = "outcome"
    SUBTYPE = "subtype"
    MEANS = "means"
    BREAKDOWN = "breakdown"
    MONEY = "money"


def _key(text: str) -> tuple[str, ...]:
    return tuple(stem(word) for word in words(clean(text)))


def load_narrowing(data_dir: Path) -> dict[Narrowing, list[str]]:
    """The words that narrow a topic, by kind; none if there is no file. A word (in any of
    its forms) may be of one kind only."""
    path = data_dir / NARROWING_FILE
    if not path.exists():
        return {}
    from knowledge.understanding.word_files import NarrowingWords  # pydantic only when read

    kinds = load_file(path, NarrowingWords).root
    seen: dict[tuple[str, ...], Narrowing] = {}
    for kind, phrases in kinds.items():
        for phrase in phrases:
            key = _key(phrase)
            if not key:
                raise DataFileError(f"{path}: entry '{kind}': '{phrase}' has no words")
            if seen.setdefault(key, kind) != kind:
                raise DataFileError(f"{path}: entry '{kind}': '{phrase}' is also under '{seen[key]}'")
    return kinds


class NarrowingTable:
    """Finds the words that narrow a topic, and their kind, in what partners type: a word in
    any of its forms ("bus", "buses"; "weekend", "weekends"), a phrase ("high risk", "under
    18s", "Bethnal Green"), and the telling word of a phrase on its own ("Bethnal")."""

    def __init__(self, kinds: dict[Narrowing, list[str]], stopwords: frozenset[str]) -> None:
        self._phrases: dict[tuple[str, ...], Narrowing] = {}
        self._as_written: dict[str, Narrowing] = {}
        """Breakdown words matched only as written: "monthly" stems to "month", a period's word."""
        self.surface: set[str] = set()
        """Every word the narrowings are written with, as written."""
        for kind, phrases in kinds.items():
            for phrase in phrases:
                typed = words(clean(phrase))
                if kind is Narrowing.BREAKDOWN and len(typed) == 1:
                    self._as_written[typed[0]] = kind
                else:
                    self._phrases[_key(phrase)] = kind
                self.surface.update(typed)
        self._longest = max((len(key) for key in self._phrases), default=0)
        # "Bethnal" and "Wharf" name a place alone; "green", "risk" and "vulnerable" do not.
        # A breakdown is its whole phrase: "months" alone is a period ("the 12 months to June").
        self._parts: dict[str, Narrowing] = {}
        for kind, phrases in kinds.items():
            for phrase in phrases if kind is not Narrowing.BREAKDOWN else ():
                typed = words(clean(phrase))
                for word in typed if len(typed) > 1 else ():
                    telling = word.isalpha() and word not in stopwords and english_zipf(word) < PART_ZIPF
                    if telling and (stem(word),) not in self._phrases:
                        self._parts.setdefault(word, kind)

    def kind(self, text: str) -> Narrowing | None:
        """The kind of narrowing a word or phrase is, in any of its forms, or None."""
        typed = words(clean(text))
        found = self._phrases.get(tuple(stem(word) for word in typed))
        if found is None and len(typed) == 1:
            found = self._as_written.get(typed[0]) or self._parts.get(typed[0])
        return found

    def scan(self, typed: list[str]) -> list[tuple[int, int, Narrowing]]:
        """(start, end, kind) of each narrowing in the typed words, the longest phrase first."""
        keys = [stem(word) for word in typed]
        found: list[tuple[int, int, Narrowing]] = []
        i = 0
        while i < len(keys):
            for size in range(min(self._longest, len(keys) - i), 0, -1):
                kind = self._phrases.get(tuple(keys[i : i + size]))
                if kind is None and size == 1:
                    kind = self._as_written.get(typed[i]) or self._parts.get(typed[i])
                if kind is not None:
                    found.append((i, i + size, kind))
                    i += size
                    break
            else:
                i += 1
        return found
