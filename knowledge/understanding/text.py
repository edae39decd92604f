"""Turning what partners type into words: clean the text, split it, stem, and weigh how much
each word can say what a text is about.

The same steps run on questions and on the entries' names, so a plural or a form on either
side finds the other.
"""

from __future__ import annotations

import html
import re
import unicodedata
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
_PLURAL_NUMBER = re.compile(r"\b(\d+)s\b")  # "over 18s", "the 1990s"
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
