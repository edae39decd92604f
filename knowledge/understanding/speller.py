"""Correcting a misspelt word to the nearest word the bot knows, when it is near enough; and
reading a slip or texting shorthand in an everyday word as the English word it stands for."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from knowledge.understanding.text import COMMON_ZIPF, ENGLISH_ZIPF, EnglishWords, english_zipf, stem

CHAT = ""
"""What a word that is only chat reads as: nothing."""
SLIP_LENGTH = 4
MAX_ABBREVIATION = 5
"""The longest English word read as the start of a longer one ("robb", "stats"); a longer
English word is a word of its own."""
"""A shorter word that is not English is too near too many words to say which it stands for."""
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


class Speller:
    """Corrects a misspelt word to the nearest word the bot knows, when it is near enough;
    else reads it as the English word it stands for, from wordfreq's list.

    Stopwords are known but never a correction: "thanks" is not a slip for "than".
    """

    def __init__(
        self,
        known: Iterable[str],
        stopwords: Iterable[str],
        entry_words: Iterable[str] = (),
        english: EnglishWords | None = None,
        rare: Iterable[str] = (),
    ) -> None:
        self._english = english
        self._rare = frozenset(rare)
        """Known words only a word that is no English word may be corrected to: the field's
        slang is near too many words ("shank" to "shaking", "jacked" to "jacket")."""
        stop = set(stopwords)
        self._targets = sorted({w for w in known if len(w) >= 3 and w.isalpha() and w not in stop})
        self._known_set = set(known) | stop
        self._target_set = set(self._targets)
        # Abbreviations complete to words the entries use, not to the vocabulary's variants.
        self._completions = sorted({w for w in entry_words if len(w) >= 4 and w.isalpha() and w not in stop})

    def correct(self, word: str) -> str:
        """The word the bot knows that a misspelt one stands for, else the English word a
        slip or shorthand stands for, `CHAT` for a lone letter, else the word itself."""
        shorthand = self._english.shorthand.get(word) if self._english is not None else None
        if shorthand is not None and word not in self._known_set:
            return shorthand  # "tho" is "though", not a slip for "theo"
        fixed = self.correct_known(word)
        if fixed != word or word in self._known_set or not word.isalpha():
            return fixed
        english = self.read_english(word)
        return word if english is None else english

    def read_english(self, word: str) -> str | None:
        """The English word an everyday word typed short or with a slip stands for: texting
        shorthand wordfreq knows ("ppl", "thru"), or a word it does not know one slip from
        one it does or the bot does: a letter dropped ("bettr", "numbr"), doubled
        ("hamletts") or two swapped ("hwo"), to a word it knows or a common English one. A
        lone letter ("u", "r", "w/") is only chat.
        None for anything else."""
        english = self._english
        if english is None:
            return None
        if len(word) == 1:
            return CHAT
        shorthand = english.shorthand.get(word)
        if shorthand is not None or len(word) < SLIP_LENGTH or word in english:
            return shorthand
        return self._slip_of(word, english)

    def _slip_of(self, word: str, english: EnglishWords) -> str | None:
        """The commonest word one slip away that the bot knows or that is common in English
        (a rare one says no more than the slip: "IOPC" is not "IOC"), a doubled letter or
        two swapped ("the way it is typed") before a letter dropped or added anywhere."""
        for candidates in (_doubling_and_swaps(word), _insertions_and_deletions(word)):
            found = [c for c in candidates if c in self._known_set or english.zipf(c) >= COMMON_ZIPF]
            if found:
                return max(found, key=lambda c: (english.zipf(c), c in self._known_set, c))
        return None

    def correct_known(self, word: str) -> str:
        """The word the bot knows that a misspelt one stands for, or the word itself."""
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
        # An abbreviation ("dom", "robb") may be a rare word too, but not a common one ("ten"),
        # nor a longer English word in its own right ("neighbour" is not "neighbourhood").
        zipf = self._zipf(word)
        abbreviation = zipf < COMMON_ZIPF and (len(word) <= MAX_ABBREVIATION or zipf < ENGLISH_ZIPF)
        completed = self._complete(word) if abbreviation else None
        return completed or word

    def _zipf(self, word: str) -> float:
        """How common a word is in English, from the list kept with the index if there is one."""
        return self._english.zipf(word) if self._english is not None else english_zipf(word)

    def _plausible_slip(self, word: str, known: str) -> bool:
        """Whether a word may be corrected to a known one: another form of itself ("deliver",
        "delivered") always; a common English word never; a rarer one only one letter out;
        anything else as far as the cutoff allows. A "form of itself" has the same stem and
        begins with it, or it with that: "commander" is not "commands"."""
        if stem(word) == stem(known) and (known.startswith(word) or word.startswith(known)):
            return True
        zipf = self._zipf(word)
        if zipf >= COMMON_ZIPF or (known in self._rare and zipf >= ENGLISH_ZIPF):
            return False
        return zipf < ENGLISH_ZIPF or Levenshtein.distance(word, known) == 1

    def _transposed(self, word: str) -> str | None:
        """The known word this one is with two neighbouring letters swapped ("kinfe"): the
        commonest slip, which `fuzz.ratio` scores as two edits."""
        for i in range(len(word) - 1):
            candidate = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            if candidate == word or candidate not in self._target_set:
                continue
            if candidate not in self._rare or self._zipf(word) < ENGLISH_ZIPF:
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


def _doubling_and_swaps(word: str) -> set[str]:
    """The word with a doubled letter single or a single one doubled, or two neighbours swapped."""
    found: set[str] = set()
    for i in range(len(word)):
        if i + 1 < len(word) and word[i] == word[i + 1]:
            found.add(word[:i] + word[i + 1 :])
        found.add(word[: i + 1] + word[i] + word[i + 1 :])
        if i + 1 < len(word):
            found.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    return found - {word}


def _insertions_and_deletions(word: str) -> set[str]:
    """The word with any one letter dropped, or any one added."""
    found = {word[:i] + word[i + 1 :] for i in range(len(word))}
    found |= {word[:i] + letter + word[i:] for i in range(len(word) + 1) for letter in _LETTERS}
    return found - {word}
