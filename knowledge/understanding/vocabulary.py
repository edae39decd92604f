"""The vocabulary in `data/vocabulary.yaml`, compiled once: synonyms, stopwords, intent and
time phrases, places, and who is asking; with the words of the field for each measure
(`data/field_words.yaml`) and the words that narrow a topic (`data/narrowing.yaml`)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from knowledge.datafiles import (
    CRIME_TYPES_FILE,
    FIELD_WORDS_FILE,
    VOCABULARY_FILE,
    DataFileError,
    entry_keys,
    load_file,
    load_seed,
)
from knowledge.domain.crime_types import KEY_PREFIX, load_crime_types
from knowledge.understanding.narrowing import Narrowing, NarrowingTable, load_narrowing
from knowledge.understanding.occasions import occasion_pattern, occasion_words, without_occasion
from knowledge.understanding.overall import OverallMeasure, OverallMeasureWords, overall_measures
from knowledge.understanding.text import (
    COMMON_ZIPF,
    EVERYDAY_SALIENCE,
    EnglishWords,
    clean,
    english_zipf,
    salience_of_zipf,
    stem,
    words,
)

_LIST_MARKER = re.compile(r"^\d$")
_WHOSE = frozenset({"the", "our", "my"})


@dataclass(frozen=True)
class Vocabulary:
    """`data/vocabulary.yaml`: synonyms, stopwords, intent and time phrases.

    A plain dataclass, checked by pydantic when the file is read: the compiled language keeps
    it, and a cached index must load without importing pydantic."""

    __pydantic_config__: ClassVar[dict[str, str]] = {"extra": "forbid"}

    synonyms: dict[str, str]
    stopwords: str
    intents: dict[str, list[str]]
    time: dict[str, list[str]]
    background: str = ""
    home: str = "the borough"
    placing: str = ""
    narrowing: str = ""
    limiting: str = ""
    events: str = ""
    event_tails: str = ""
    seasons: str = ""
    elsewhere: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    unheld_measures: dict[str, str] = field(default_factory=dict)
    overall_measures: dict[str, OverallMeasureWords] = field(default_factory=dict)
    speaking: list[str] = field(default_factory=list)
    occasions: list[str] = field(default_factory=list)
    occasion_leads: list[str] = field(default_factory=list)


def load_vocabulary(data_dir: Path) -> Vocabulary:
    return load_file(data_dir / VOCABULARY_FILE, Vocabulary)


FieldWordGroups = dict[str, dict[str, list[str]]]


def load_field_words(data_dir: Path, vocabulary: Vocabulary | None = None) -> FieldWordGroups:
    """The field's words by measure, checked: each measure is an entry the data holds, and
    no word is given twice (here, or as a synonym in `vocabulary.yaml`). No file: none; no
    crime categories file: no groups for them."""
    path = data_dir / FIELD_WORDS_FILE
    if not path.exists():
        return {}
    from knowledge.understanding.word_files import FieldWords

    groups = load_file(path, FieldWords).root
    known = _measure_keys(data_dir)
    if not (data_dir / CRIME_TYPES_FILE).exists():
        groups = {key: stands for key, stands in groups.items() if not key.startswith(KEY_PREFIX)}
    seen: dict[tuple[str, ...], str] = {}
    if vocabulary is not None:
        seen = {_phrase_key(k): f"a synonym in {VOCABULARY_FILE}" for k in vocabulary.synonyms}
    for measure, stands in groups.items():
        if measure not in known:
            close = ", ".join(difflib.get_close_matches(measure, known, n=3)) or "none close"
            raise DataFileError(
                f"{path}: entry '{measure}': not the key of an indicator, priority, deliverable, "
                f"action, fact topic or crime-type:<name> the data holds (closest: {close})"
            )
        for target, phrases in stands.items():
            where = f"{path}: entry '{measure}', '{target}'"
            if not _phrase_key(target):
                raise DataFileError(f"{where}: has no words")
            for phrase in phrases:
                key = _phrase_key(phrase)
                if not key:
                    raise DataFileError(f"{where}: '{phrase}' has no words")
                if key in seen:
                    raise DataFileError(f"{where}: '{phrase}' is also {seen[key]}")
                seen[key] = f"given under '{measure}', '{target}'"
    return groups


def _measure_keys(data_dir: Path) -> list[str]:
    """The keys field words may be grouped under: every entry of the seed, and the police
    crime categories."""
    keys = [key for _, key in entry_keys(load_seed(data_dir))]
    return keys + [crime.key for crime in load_crime_types(data_dir)]


def load_language(data_dir: Path) -> Language:
    """The vocabulary, the field's words and the narrowing words of a data folder, compiled."""
    vocabulary = load_vocabulary(data_dir)
    return Language(vocabulary, load_field_words(data_dir, vocabulary), load_narrowing(data_dir))


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
    field_words: FieldWordGroups = field(default_factory=dict)
    """The field's words for each measure: synonyms, kept apart by measure."""
    narrowing_words: dict[Narrowing, list[str]] = field(default_factory=dict)
    synonyms: PhraseTable = field(init=False)
    intents: PhraseTable = field(init=False)
    times: PhraseTable = field(init=False)
    elsewhere: PhraseTable = field(init=False)
    unheld_measures: PhraseTable = field(init=False)
    overall_measures: tuple[OverallMeasure, ...] = field(init=False)
    stopwords: frozenset[str] = field(init=False)
    background: frozenset[str] = field(init=False)
    placing: frozenset[str] = field(init=False)
    narrowing: frozenset[str] = field(init=False)
    limiting: frozenset[str] = field(init=False)
    events: frozenset[str] = field(init=False)
    event_tails: frozenset[str] = field(init=False)
    seasons: frozenset[str] = field(init=False)
    known_words: set[str] = field(init=False)
    field_known: set[str] = field(init=False)
    """The words the field's words are written with, besides the vocabulary's: the rarer
    ones ("shank", "jacked") are corrections for a word that is no word ("shankng"), never
    for an English one ("shaking", "jacket")."""
    _speaking: str | None = field(init=False)
    """The pattern's text: compiling it costs a tenth of start-up, so it is compiled (and kept
    by `re`'s own cache) only for a message that names a speaker at all."""
    _speaker_words: frozenset[str] = field(init=False)
    _occasion: str | None = field(init=False)
    _occasion_words: frozenset[str] = field(init=False)
    _synonym_forms: dict[str, str] = field(init=False)
    _zipf: dict[str, float] = field(init=False, default_factory=dict)
    english: EnglishWords | None = field(init=False, default=None)
    """wordfreq's English list, kept with the index (see `remember_frequencies`)."""
    _narrowing: NarrowingTable = field(init=False)

    def __post_init__(self) -> None:
        v = self.vocabulary
        self._speaking = _speaking_pattern(v.speakers, v.speaking, v.titles)
        # A speaker's first word past "the", "our", "my": a message without one names nobody.
        named = (words(clean(s)) for s in (*v.speakers, *v.titles))
        self._speaker_words = frozenset(next((w for w in n if w not in _WHOSE), "") for n in named) - {""}
        self._occasion = occasion_pattern(v.occasions, v.occasion_leads)
        self._occasion_words = occasion_words(v.occasions)
        synonyms = {**v.synonyms, **self.field_synonyms()}
        self.synonyms = PhraseTable({_phrase_key(k): " ".join(words(val)) for k, val in synonyms.items()})
        # "stabbed" is a form of "stabbing", so it stands for what "stabbing" stands for.
        single = [key[0] for key in map(_phrase_key, synonyms) if len(key) == 1]
        self._synonym_forms = {stem(word): word for word in sorted(single, key=len, reverse=True)}
        self.intents = PhraseTable(
            {_phrase_key(p): name for name, phrases in v.intents.items() for p in phrases}
        )
        self.times = PhraseTable({_phrase_key(p): name for name, phrases in v.time.items() for p in phrases})
        self.elsewhere = PhraseTable({_phrase_key(place): place for place in v.elsewhere})
        self.unheld_measures = PhraseTable({_phrase_key(p): name for p, name in v.unheld_measures.items()})
        self.overall_measures = overall_measures(v.overall_measures)
        self.stopwords = frozenset(words(v.stopwords))
        self.background = frozenset(stem(w) for w in words(v.background))
        self.placing = frozenset(words(v.placing))
        self.narrowing = self.placing | frozenset(words(v.narrowing))
        self.limiting = frozenset(words(v.limiting))
        self.events = frozenset(words(v.events))
        self.event_tails = frozenset(words(v.event_tails))
        self.seasons = frozenset(words(v.seasons))
        self._narrowing = NarrowingTable(self.narrowing_words, self.stopwords)
        self.known_words = set(self.stopwords)
        for key, value in v.synonyms.items():
            self.known_words.update(words(clean(key)))
            self.known_words.update(words(value))
        for phrase in v.unheld_measures:
            self.known_words.update(words(clean(phrase)))
        for phrases in list(v.intents.values()) + list(v.time.values()):
            for phrase in phrases:
                self.known_words.update(words(clean(phrase)))
        self.field_known = {w for k, val in self.field_synonyms().items() for w in words(clean(f"{k} {val}"))}
        self.field_known -= self.known_words

    def field_synonyms(self) -> dict[str, str]:
        """The field's words, each with the words it stands for."""
        return {
            phrase: target
            for stands in self.field_words.values()
            for target, phrases in stands.items()
            for phrase in phrases
            if _phrase_key(phrase) != _phrase_key(target)
        }

    @property
    def unchanged_words(self) -> set[str]:
        """Words the bot knows but never reads as a slip for another, nor another as a slip for
        them: the words that narrow a topic ("Wapping" is not "wrapping", "bark" not "bar")
        and who is asking ("YOS" is not "yobs")."""
        said = {word for speaker in self.vocabulary.speakers for word in words(clean(speaker))}
        return self._narrowing.surface | said

    def narrowing_kind(self, word: str) -> Narrowing | None:
        """The kind of narrowing a word or phrase as typed is ("buses": place, "medium risk":
        group, "solved": outcome), in any of its forms; None for a word that narrows nothing."""
        return self._narrowing.kind(word)

    def narrowings(self, typed: list[str]) -> list[tuple[int, int, Narrowing]]:
        """(start, end, kind) of each narrowing word or phrase in the typed words."""
        return self._narrowing.scan(typed)

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
        if not self._speaking or self._speaker_words.isdisjoint(words(text)):
            return text
        return re.compile(self._speaking).sub(" ", text)

    def without_occasion(self, text: str) -> str:
        """Cleaned text without what the question is for ("for the ward panel tonight")."""
        return without_occasion(text, self._occasion, self._occasion_words)

    def salience(self, word: str) -> float:
        """How much a word can say what a text is about (see `salience`); the words every
        question is implicitly about (the partnership's own name) say as little as "one"."""
        if stem(word) in self.background:
            return EVERYDAY_SALIENCE
        return salience_of_zipf(self.zipf(word)) if word.isalpha() else 1.0

    def zipf(self, word: str) -> float:
        """How common a word is in English: from the words remembered, else wordfreq's list
        (as kept with the index, or loaded)."""
        known = self._zipf.get(word)
        if known is not None:
            return known
        if self.english is not None and word.isalpha() and word.isascii():
            return self.english.zipf(word)
        return english_zipf(word)

    def remember_frequencies(self, known: set[str]) -> None:
        """Keep how common each of these words is, and wordfreq's English list, so that
        reading any word needs no word list loaded once this vocabulary is stored with the
        index."""
        if self.english is None:
            self.english = EnglishWords.from_wordfreq()
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


def _speaking_pattern(speakers: list[str], speaking: list[str], titles: list[str] = ()) -> str | None:
    """One pattern for every way of saying who is asking, each `{speaker}` in `speaking`
    standing for any of `speakers`, or of `titles` with or without a name ("Cllr Ahmed")."""
    if not speakers or not speaking:
        return None

    def spaced(phrase: str) -> str:
        return r"\s+".join(re.escape(w) for w in clean(phrase).split())

    named = [spaced(t) + r"(?:\s+[a-z][a-z'-]*)?" for t in sorted(titles, key=len, reverse=True)]
    names = "|".join([*named, *(spaced(s) for s in sorted(speakers, key=len, reverse=True))])
    whose = r"(?:(?:our|my|the|a)\s+)?"
    frames = (spaced(f).replace(re.escape("{speaker}"), f"{whose}(?:{names})") for f in speaking)
    # "our sergeant wants", "my team need": a speaker may be said with whose it is.
    return r"\b(?:(?:our|my|the)\s+)?(?:" + "|".join(frames) + r")\b"
