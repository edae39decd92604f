"""Turning what partners type into words the matcher can compare.

The same steps run on questions and on the entries' names, so an acronym, a plural or a
synonym on either side finds the other: clean the text, split it into words, correct typos
(questions only), swap synonyms, drop stopwords, stem.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import snowballstemmer
from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein
from wordfreq import zipf_frequency

from knowledge.datafiles import VOCABULARY_FILE, load_file

_SLACK_LINK = re.compile(r"<(?:https?|mailto):[^|>]*\|([^>]*)>")
_SLACK_BARE_LINK = re.compile(r"<(?:https?|mailto):[^>]*>")
_SLACK_SPECIAL = re.compile(r"<[!#@][^>]*>")
_SLACK_EMOJI = re.compile(r":(?=[a-z0-9_+'-]*[a-z])[a-z0-9_+'-]+:")  # ":wave:", ":+1:", ":skin-tone-2:"
_LEADING_MENTION = re.compile(r"^\s*(?:<@[A-Z0-9]+(?:\|[^>]*)?>[\s,:]*)+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_WORD = re.compile(r"[a-z0-9]+")
_MILLIONS = re.compile(r"(\d)\s*(?:million|mn)\b")
_PLURAL_NUMBER = re.compile(r"\b(\d+)s\b")  # "over 18s", "the 1990s"
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")  # "3,293" is 3293
_LIST_MARKER = re.compile(r"^\d$")

MAX_QUESTION_CHARS = 500
"""Longer text is not a question: the matcher reads only this much (and says so)."""


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


def strip_slack_markup(text: str) -> str:
    """Drop a leading @mention and other Slack markup; keep a link's label."""
    text = _LEADING_MENTION.sub("", text)
    text = _SLACK_LINK.sub(r"\1", text)
    text = _SLACK_BARE_LINK.sub(" ", text)
    text = _SLACK_SPECIAL.sub(" ", text)
    text = _SLACK_EMOJI.sub(" ", text)
    return text


def clean(text: str) -> str:
    """Lower-case plain text: no Slack markup, no control characters, entities decoded."""
    text = unicodedata.normalize("NFKC", text)
    text = strip_slack_markup(text)
    text = html.unescape(text)  # Slack sends &amp; &lt; &gt;
    text = _CONTROL.sub(" ", text)
    return text.lower().strip()


def words(text: str) -> list[str]:
    """Split cleaned text into words; '&' reads as "and", apostrophes join ("what's")."""
    text = text.replace("&", " and ").replace("’", "").replace("'", "").replace("‘", "")
    text = _THOUSANDS.sub("", text)
    text = _MILLIONS.sub(r"\1m", text)
    text = _PLURAL_NUMBER.sub(r"\1", text)
    return _WORD.findall(text)


_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


# Zipf frequencies (log10 of uses per billion words): topic words partners use sit at 3.4-5.5
# ("burglary" 3.4, "violence" 4.8, "police" 5.3); everyday words above ("year" 6.0, "make"
# 6.1, "one" 6.5).
TELLING_ZIPF = 5.0
EVERYDAY_ZIPF = 6.5
EVERYDAY_SALIENCE = 0.2


@lru_cache(maxsize=65536)
def salience(word: str) -> float:
    """How much a word can say what a text is about: 1 for a word no commoner in English than
    "crime", falling to 0.2 for the commonest ("one", "make").

    Without it, "quick one - burglary this year?" weighs "one" like the rarest topic word and
    is declined. Numbers ("101", "2099", "18-24") always count in full.
    """
    if not word.isalpha():
        return 1.0
    zipf = zipf_frequency(word, "en", wordlist="small")
    if zipf <= TELLING_ZIPF:
        return 1.0
    share = min((zipf - TELLING_ZIPF) / (EVERYDAY_ZIPF - TELLING_ZIPF), 1.0)
    return 1.0 - share * (1.0 - EVERYDAY_SALIENCE)


ENGLISH_ZIPF = 3.0
"""A word at least this common in English is a word, not a slip: "position" is not a typo of
"prostitution", though "hat" (one letter out) may be one of "hate"."""
COMMON_ZIPF = 4.6
"""A word this common is what it says: "size" is not "seize", "policy" not "police", "ten"
not the start of "tensions"."""


def _english_zipf(word: str) -> float:
    return zipf_frequency(word, "en", wordlist="small")


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
    _speaking: re.Pattern[str] | None = field(init=False)
    _synonym_forms: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        v = self.vocabulary
        self._speaking = _speaking_pattern(v.speakers, v.speaking)
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
            if form is None or _english_zipf(word) >= COMMON_ZIPF:
                swapped.append(word)
                continue
            stands_for = self.synonyms.replace([form])
            swapped.extend(stands_for if stands_for != [word] else [word])
        return swapped

    def without_speaker(self, text: str) -> str:
        """Cleaned text without who is asking ("probation here", "from a health perspective",
        "housing colleagues are asking about"): the partner's role frames the question."""
        return self._speaking.sub(" ", text) if self._speaking else text

    def salience(self, word: str) -> float:
        """How much a word can say what a text is about (see `salience`); the words every
        question is implicitly about (the partnership's own name) say as little as "one"."""
        return EVERYDAY_SALIENCE if stem(word) in self.background else salience(word)

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


def _speaking_pattern(speakers: list[str], speaking: list[str]) -> re.Pattern[str] | None:
    """One pattern for every way of saying who is asking, each `{speaker}` in `speaking`
    standing for any of `speakers`."""
    if not speakers or not speaking:
        return None

    def spaced(phrase: str) -> str:
        return r"\s+".join(re.escape(w) for w in clean(phrase).split())

    names = "|".join(spaced(s) for s in sorted(speakers, key=len, reverse=True))
    frames = (spaced(f).replace(re.escape("{speaker}"), f"(?:{names})") for f in speaking)
    return re.compile(r"\b(?:" + "|".join(frames) + r")\b")


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
        completed = self._complete(word) if _english_zipf(word) < COMMON_ZIPF else None
        return completed or word

    @staticmethod
    def _plausible_slip(word: str, known: str) -> bool:
        """Whether a word may be corrected to a known one: another form of itself ("deliver",
        "delivered") always; a common English word never; a rarer one only one letter out;
        anything else as far as the cutoff allows. A "form of itself" has the same stem and
        begins with it, or it with that: "commander" is not "commands"."""
        if stem(word) == stem(known) and (known.startswith(word) or word.startswith(known)):
            return True
        zipf = _english_zipf(word)
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
