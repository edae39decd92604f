"""The vocabulary in `data/vocabulary.yaml`, compiled once: synonyms, stopwords, intent and
time phrases, places, and who is asking."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from knowledge.datafiles import VOCABULARY_FILE, load_file
from knowledge.understanding.text import (
    COMMON_ZIPF,
    EVERYDAY_SALIENCE,
    clean,
    english_zipf,
    salience_of_zipf,
    stem,
    words,
)

_LIST_MARKER = re.compile(r"^\d$")


class Vocabulary(BaseModel):
    """`data/vocabulary.yaml`: synonyms, stopwords, intent and time phrases."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    synonyms: dict[str, str]
    stopwords: str
    background: str = ""
    home: str = "the borough"
    placing: str = ""
    narrowing: str = ""
    limiting: str = ""
    elsewhere: list[str] = []
    intents: dict[str, list[str]]
    time: dict[str, list[str]]
    speakers: list[str] = []
    unheld_measures: dict[str, str] = {}
    speaking: list[str] = []


def load_vocabulary(data_dir: Path) -> Vocabulary:
    return load_file(data_dir / VOCABULARY_FILE, Vocabulary)


class PhraseTable:
    """Finds whole-word phrases in a word list, longest first."""

    def __init__(self, phrases: dict[tuple[str, ...], str]) -> None:
        self._phrases = phrases
        self._longest = max((len(p) for p in phrases), default=0)

    def scan(self, tokens: list[str]) -> Iterable[tuple[int, int, str | None]]:
        """Yield (start, end, value) for each phrase found, and (i, i+1, None) for other words."""
        i = 0
        while i < len(tokens):
            for size in range(min(self._longest, len(tokens) - i), 0, -1):
                value = self._phrases.get(tuple(tokens[i : i + size]))
                if value is not None:
                    yield i, i + size, value
                    i += size
                    break
            else:
                yield i, i + 1, None
                i += 1

    def replace(self, tokens: list[str]) -> list[str]:
        out: list[str] = []
        for start, end, value in self.scan(tokens):
            out.extend(value.split() if value is not None else tokens[start:end])
        return out

    def remove(self, tokens: list[str]) -> tuple[list[str], list[str]]:
        """The tokens with every phrase taken out, and the values of the phrases found."""
        kept: list[str] = []
        found: list[str] = []
        for start, end, value in self.scan(tokens):
            if value is None:
                kept.extend(tokens[start:end])
            else:
                found.append(value)
        return kept, found


def _phrase_key(text: str) -> tuple[str, ...]:
    return tuple(words(clean(text)))


@dataclass
class Language:
    """The vocabulary, compiled once: used for every question and every entry."""

    vocabulary: Vocabulary
    synonyms: PhraseTable = field(init=False)
    intents: PhraseTable = field(init=False)
    times: PhraseTable = field(init=False)
    elsewhere: PhraseTable = field(init=False)
    unheld_measures: PhraseTable = field(init=False)
    stopwords: frozenset[str] = field(init=False)
    background: frozenset[str] = field(init=False)
    placing: frozenset[str] = field(init=False)
    narrowing: frozenset[str] = field(init=False)
    limiting: frozenset[str] = field(init=False)
    known_words: set[str] = field(init=False)
    _speaking: str | None = field(init=False)
    """The pattern's text: compiling it costs a tenth of start-up, so it is compiled (and kept
    by `re`'s own cache) only for a message that names a speaker at all."""
    _speaker_words: frozenset[str] = field(init=False)
    _synonym_forms: dict[str, str] = field(init=False)
    _zipf: dict[str, float] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        v = self.vocabulary
        self._speaking = _speaking_pattern(v.speakers, v.speaking)
        self._speaker_words = frozenset(clean(s).split()[0] for s in v.speakers if clean(s).split())
        self.synonyms = PhraseTable({_phrase_key(k): " ".join(words(val)) for k, val in v.synonyms.items()})
        # "stabbed" is a form of "stabbing", so it stands for what "stabbing" stands for.
        single = [key[0] for key in map(_phrase_key, v.synonyms) if len(key) == 1]
        self._synonym_forms = {stem(word): word for word in sorted(single, key=len, reverse=True)}
        self.intents = PhraseTable(
            {_phrase_key(p): name for name, phrases in v.intents.items() for p in phrases}
        )
        self.times = PhraseTable({_phrase_key(p): name for name, phrases in v.time.items() for p in phrases})
        self.elsewhere = PhraseTable({_phrase_key(place): place for place in v.elsewhere})
        self.unheld_measures = PhraseTable({_phrase_key(p): name for p, name in v.unheld_measures.items()})
        self.stopwords = frozenset(words(v.stopwords))
        self.background = frozenset(stem(w) for w in words(v.background))
        self.placing = frozenset(words(v.placing))
        self.narrowing = self.placing | frozenset(words(v.narrowing))
        self.limiting = frozenset(words(v.limiting))
        self.known_words = set(self.stopwords)
        for key, value in v.synonyms.items():
            self.known_words.update(words(clean(key)))
            self.known_words.update(words(value))
        for phrase in v.unheld_measures:
            self.known_words.update(words(clean(phrase)))
        for phrases in list(v.intents.values()) + list(v.time.values()):
            for phrase in phrases:
                self.known_words.update(words(clean(phrase)))

    def swap_synonyms(self, typed: list[str]) -> list[str]:
        """The words with each synonym swapped for what it stands for, a rarer form of a
        one-word synonym counting as that word ("stabbed" as "stabbing"; but "deal", an
        everyday word, is not "dealing")."""
        swapped: list[str] = []
        for start, _end, value in self.synonyms.scan(typed):
            if value is not None:
                swapped.extend(value.split())
                continue
            word = typed[start]
            form = self._synonym_forms.get(stem(word))
            if form is None or self.zipf(word) >= COMMON_ZIPF:
                swapped.append(word)
                continue
            stands_for = self.synonyms.replace([form])
            swapped.extend(stands_for if stands_for != [word] else [word])
        return swapped

    def without_speaker(self, text: str) -> str:
        """Cleaned text without who is asking ("probation here", "from a health perspective",
        "housing colleagues are asking about"): the partner's role frames the question."""
        if not self._speaking or not any(word in text for word in self._speaker_words):
            return text
        return re.compile(self._speaking).sub(" ", text)

    def salience(self, word: str) -> float:
        """How much a word can say what a text is about (see `salience`); the words every
        question is implicitly about (the partnership's own name) say as little as "one"."""
        if stem(word) in self.background:
            return EVERYDAY_SALIENCE
        return salience_of_zipf(self.zipf(word)) if word.isalpha() else 1.0

    def zipf(self, word: str) -> float:
        """How common a word is in English: from the words remembered, else wordfreq's list."""
        known = self._zipf.get(word)
        return known if known is not None else english_zipf(word)

    def remember_frequencies(self, known: set[str]) -> None:
        """Keep how common each of these words is, so that reading them needs no word list
        loaded once this vocabulary is stored with the index."""
        self._zipf.update((w, english_zipf(w)) for w in known if w.isalpha() and w not in self._zipf)

    def placed(self, typed: list[str], word: str, by: frozenset[str] | None = None) -> bool:
        """The word follows one that places the question somewhere ("in (the) schools"), or
        one of `by`, with only stopwords between."""
        introducers = self.placing if by is None else by
        for index, seen in enumerate(typed):
            if seen != word:
                continue
            before = index - 1
            while before >= 0 and typed[before] in self.stopwords and typed[before] not in introducers:
                before -= 1
            if before >= 0 and typed[before] in introducers:
                return True
        return False

    def topic_words(self, swapped: list[str]) -> list[str]:
        """The words that say what a text is about, once synonyms are swapped in."""
        # A lone digit is a list marker or arithmetic ("1. Critical incident", "2+2"), not a topic.
        return [w for w in swapped if w not in self.stopwords and not _LIST_MARKER.match(w)]

    def entry_terms(self, text: str) -> list[tuple[str, str]]:
        """(word, stem) for what an entry's phrase is about: synonyms swapped, stopwords dropped."""
        return [(w, stem(w)) for w in self.topic_words(self.swap_synonyms(words(clean(text))))]

    def entry_tokens(self, text: str) -> list[str]:
        """Synonyms swapped, stopwords dropped, stemmed: what an entry's phrase is about."""
        return [token for _, token in self.entry_terms(text)]


def _speaking_pattern(speakers: list[str], speaking: list[str]) -> str | None:
    """One pattern for every way of saying who is asking, each `{speaker}` in `speaking`
    standing for any of `speakers`."""
    if not speakers or not speaking:
        return None

    def spaced(phrase: str) -> str:
        return r"\s+".join(re.escape(w) for w in clean(phrase).split())

    names = "|".join(spaced(s) for s in sorted(speakers, key=len, reverse=True))
    frames = (spaced(f).replace(re.escape("{speaker}"), f"(?:{names})") for f in speaking)
    return r"\b(?:" + "|".join(frames) + r")\b"
