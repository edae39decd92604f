"""Correcting a misspelt word to the nearest word the bot knows, when it is near enough."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from knowledge.understanding.text import COMMON_ZIPF, ENGLISH_ZIPF, english_zipf, stem


class Speller:
    """Corrects a misspelt word to the nearest word the bot knows, when it is near enough.

    Stopwords are known but never a correction: "thanks" is not a slip for "than".
    """

    def __init__(
        self, known: Iterable[str], stopwords: Iterable[str], entry_words: Iterable[str] = ()
    ) -> None:
        stop = set(stopwords)
        self._targets = sorted({w for w in known if len(w) >= 3 and w.isalpha() and w not in stop})
        self._known_set = set(known) | stop
        self._target_set = set(self._targets)
        # Abbreviations complete to words the entries use, not to the vocabulary's variants.
        self._completions = sorted({w for w in entry_words if len(w) >= 4 and w.isalpha() and w not in stop})

    def correct(self, word: str) -> str:
        if word in self._known_set or len(word) < 3 or not word.isalpha():
            return word
        # Short words need a closer match: one slip in "hat" or "knif" scores 86-89,
        # "rape" against "rate" 75.
        swapped = self._transposed(word)
        if swapped:
            return swapped
        cutoff = 85 if len(word) <= 5 else 80
        # A slip rarely hits the first letter, and a correction that changes it is usually
        # another word ("stations" is not "actions"): keep to words with the same first letter.
        start = bisect.bisect_left(self._targets, word[0])
        end = bisect.bisect_left(self._targets, chr(ord(word[0]) + 1))
        found = process.extractOne(word, self._targets[start:end], scorer=fuzz.ratio, score_cutoff=cutoff)
        if found and self._plausible_slip(word, found[0]):
            return found[0]
        # An abbreviation ("dom", "robb") may be a rare word too, but not a common one ("ten").
        completed = self._complete(word) if english_zipf(word) < COMMON_ZIPF else None
        return completed or word

    @staticmethod
    def _plausible_slip(word: str, known: str) -> bool:
        """Whether a word may be corrected to a known one: another form of itself ("deliver",
        "delivered") always; a common English word never; a rarer one only one letter out;
        anything else as far as the cutoff allows. A "form of itself" has the same stem and
        begins with it, or it with that: "commander" is not "commands"."""
        if stem(word) == stem(known) and (known.startswith(word) or word.startswith(known)):
            return True
        zipf = english_zipf(word)
        if zipf >= COMMON_ZIPF:
            return False
        return zipf < ENGLISH_ZIPF or Levenshtein.distance(word, known) == 1

    def _transposed(self, word: str) -> str | None:
        """The known word this one is with two neighbouring letters swapped ("kinfe"): the
        commonest slip, which `fuzz.ratio` scores as two edits."""
        for i in range(len(word) - 1):
            candidate = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            if candidate != word and candidate in self._target_set:
                return candidate
        return None

    def _complete(self, word: str) -> str | None:
        """An abbreviation ("dom", "burg") stands for the one known word it begins, if only one."""
        start = bisect.bisect_left(self._completions, word)
        found = []
        for target in self._completions[start:]:
            if not target.startswith(word):
                break
            found.append(target)
            if len({stem(f) for f in found}) > 1:
                return None
        return found[0] if found else None
