"""Turning what partners type into words: clean the text, split it, stem, and weigh how much
each word can say what a text is about.

The same steps run on questions and on the entries' names, so a plural or a form on either
side finds the other.
"""

from __future__ import annotations

import bisect
import html
import math
import re
import unicodedata
from array import array
from functools import lru_cache

import snowballstemmer

_SLACK_LINK = re.compile(r"<(?:https?|mailto):[^|>]*\|([^>]*)>")
_SLACK_BARE_LINK = re.compile(r"<(?:https?|mailto):[^>]*>")
_SLACK_SPECIAL = re.compile(r"<[!#@][^>]*>")
_SLACK_EMOJI = re.compile(r":(?=[a-z0-9_+'-]*[a-z])[a-z0-9_+'-]+:")  # ":wave:", ":+1:", ":skin-tone-2:"
_LEADING_MENTION = re.compile(r"^\s*(?:<@[A-Z0-9]+(?:\|[^>]*)?>[\s,:]*)+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_WORD = re.compile(r"[a-z0-9]+")
_MILLIONS = re.compile(r"(\d)\s*(?:million|mn)\b")
_PLURAL_NUMBER = re.compile(r"\b(\d+)(?:s|ish)\b")  # "over 18s", "the 1990s", "2,900ish"
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")  # "3,293" is 3293

MAX_QUESTION_CHARS = 500
"""Longer text is not a question: the matcher reads only this much (and says so)."""


def strip_slack_markup(text: str) -> str:
    """Drop a leading @mention and other Slack markup; keep a link's label."""
    text = _LEADING_MENTION.sub("", text)
    text = _SLACK_LINK.sub(r"\1", text)
    text = _SLACK_BARE_LINK.sub(" ", text)
    text = _SLACK_SPECIAL.sub(" ", text)
    text = _SLACK_EMOJI.sub(" ", text)
    return text


_MENTION = re.compile(r"(?<![\w@])@[A-Za-z][\w.-]*")
"""A person mentioned as typed ("@Priya can you check…"): who is asked, not what."""


def clean(text: str) -> str:
    """Lower-case plain text: no Slack markup, no control characters, entities decoded."""
    text = unicodedata.normalize("NFKC", text)
    text = strip_slack_markup(text)
    text = html.unescape(text)  # Slack sends &amp; &lt; &gt;
    text = _CONTROL.sub(" ", text)
    text = _MENTION.sub(" ", text)
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
    return salience_of_zipf(english_zipf(word))


def salience_of_zipf(zipf: float) -> float:
    """A word's salience from how common it is in English (see `salience`)."""
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


@lru_cache(maxsize=65536)
def english_zipf(word: str) -> float:
    """How common a word is in English (log10 of uses per billion words), from wordfreq's
    small English list. Imported when first needed: wordfreq and what it pulls in take a
    quarter of a second to load."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en", wordlist="small")


class EnglishWords:
    """wordfreq's small English list (every word it holds is at least as common as
    `ENGLISH_ZIPF`), kept with the index so that reading a word never seen needs no word list
    loaded: how common each word is, and the everyday words its texting shorthand stands for.

    Packed as one string and one array, so that the index loads it in a fraction of a
    millisecond; the table is unpacked (a few milliseconds) when a word never seen is first
    read.
    """

    def __init__(self, packed: str, zipfs: bytes, shorthand: dict[str, str]) -> None:
        self._packed = packed
        self._zipfs = zipfs
        self.shorthand = shorthand
        """Texting shorthand wordfreq knows ("ppl", "thru") and the everyday word it stands for."""
        self._words: list[str] | None = None
        self._zipf_array: array | None = None

    @classmethod
    def from_wordfreq(cls) -> EnglishWords:
        """The list read from wordfreq (a quarter of a second: only when an index is built)."""
        from wordfreq import get_frequency_dict

        frequencies = get_frequency_dict("en", wordlist="small")
        table: dict[str, float] = {}
        # Words first, then the forms with an apostrophe as `words` reads them ("when's" as
        # "whens"), where that is not a word already ("we'll" is not "well").
        for apostrophes in (False, True):
            for word, frequency in frequencies.items():
                joined = word.replace("'", "")
                if ("'" in word) is apostrophes and joined.isalpha() and joined.isascii():
                    table.setdefault(joined, round(math.log10(frequency) + 9, 2))
        ordered = sorted(table)
        zipfs = array("H", (round(table[word] * 100) for word in ordered))
        return cls("\n".join(ordered), zipfs.tobytes(), _shorthand(table))

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_words": None, "_zipf_array": None}

    def _unpacked(self) -> tuple[list[str], array]:
        if self._words is None or self._zipf_array is None:
            zipfs = array("H")
            zipfs.frombytes(self._zipfs)
            self._words, self._zipf_array = self._packed.split("\n"), zipfs
        return self._words, self._zipf_array

    def zipf(self, word: str) -> float:
        """As `english_zipf` for a word of letters: 0 for one the list does not hold."""
        ordered, zipfs = self._unpacked()
        at = bisect.bisect_left(ordered, word)
        return zipfs[at] / 100 if at < len(ordered) and ordered[at] == word else 0.0

    def __contains__(self, word: str) -> bool:
        return self.zipf(word) > 0.0


SHORTHAND_GAP = 0.9
"""Shorthand is at least this much rarer (in zipf: about eight times) than the word it stands
for: "ppl" (3.7) for "people" (6.3), "tho" (4.4) for "though" (5.4)."""
_VOWELS = frozenset("aeiou")


def _shorthand(table: dict[str, float]) -> dict[str, str]:
    """Texting shorthand wordfreq knows, and the everyday word (no rarer than `TELLING_ZIPF`)
    each stands for: a word written without its vowels ("ppl", "pls", "hrs", "nxt") or with
    its "-ough" cut short ("thru", "tho"), of three letters or more, when that word is far
    commoner than the shorthand. A word with a vowel in it is a word ("bus" is not "business"),
    and two letters are as often an acronym ("hr", "pd") as shorthand."""
    forms: dict[str, tuple[float, str]] = {}
    for word, zipf in table.items():
        if zipf < TELLING_ZIPF:
            continue
        for form in _cut_short(word):
            if len(form) >= 3 and form in table and forms.get(form, (0.0, ""))[0] < zipf:
                forms[form] = (zipf, word)
    return {form: word for form, (zipf, word) in forms.items() if table[form] + SHORTHAND_GAP <= zipf}


def _cut_short(word: str) -> set[str]:
    """The ways texting writes a word short: without its vowels ("people" as "ppl"), and
    "-ough" as "-u" or "-o" ("through" as "thru", "though" as "tho")."""
    forms = {word[0] + "".join(c for c in word[1:] if c not in _VOWELS)}
    if "ough" in word:
        forms |= {word.replace("ough", "u"), word.replace("ough", "o")}
    return {form for form in forms - {word} if not _VOWELS & set(form) or "ough" in word}
