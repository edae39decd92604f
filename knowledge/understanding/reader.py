"""Reading a message into a `Query`: its topic words, intents, time and period, places
elsewhere, measures not held, and the readings of its parts."""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.understanding import when
from knowledge.understanding.conjunctions import without_before_a_clause
from knowledge.understanding.dating import without_dating_words
from knowledge.understanding.excluding import split_excluded
from knowledge.understanding.index import Index
from knowledge.understanding.month_lists import months_as_a_run
from knowledge.understanding.overall import overall_asked
from knowledge.understanding.plan_years import without_plan_years
from knowledge.understanding.query import Query
from knowledge.understanding.speller import CHAT
from knowledge.understanding.text import MAX_QUESTION_CHARS, clean, stem, words
from knowledge.understanding.thresholds import threshold_asked
from knowledge.understanding.years import full_years

_CLAUSE_BREAK = re.compile(r"(?<!\d)[,.]|[,.](?!\d)|[:;!?()\[\]–—]|\s-\s")
"""Punctuation between two words, not within a number ("3,293", "£1.5m"): "the board paper:
robbery" has no compound across it."""


def clauses(text: str) -> list[str]:
    """The parts of a message between its punctuation, each with words in it."""
    return [part.strip() for part in _CLAUSE_BREAK.split(text) if words(part)]


_JOINED = re.compile(r"\s(and|plus|&|\+|also|as well as|along with|together with|vs\.?|versus)\s")
"""Words that join two things asked in one message: "knife crime and the VAWG charter"."""
_WITH = re.compile(r"(^|\s)w/(\s|$)")
"""Texting shorthand for "with", read before the time grammar: "compared w/ 2017"."""


DIRECTIONS = frozenset({"up", "down", "better", "worse"})
"""The intents that ask which way figures went: of every indicator ("what got worse"), or of
the one the message names ("burglary - has it risen?")."""
REFERRING = frozenset({"it", "its", "they", "them", "their", "that", "this", "these", "those", "both"})
"""Words that point back at what a message named before."""
_A_YEAR = re.compile(r"(?:19|20)\d\d")
_YEARS_SPANNED = re.compile(r"\b(?:19|20)\d\d\s*[/-]\s*\d\d(?:\d\d)?\b")  # "2020/21", "2018-2021"


def numbers_told(raw: str, named: frozenset[str]) -> list[str]:
    """The numbers a text says that may be figures: no year (nor one written short, "nov '20"),
    no span of years ("2020/21") and no number a name is written with (`named`: "ASB calls to
    101")."""
    typed = words(_YEARS_SPANNED.sub(" ", full_years(clean(raw))))
    return [w for w in typed if w.isdigit() and w not in named and not _A_YEAR.fullmatch(w)]


ONES = frozenset({"ones"})
"""A word standing for the thing the part before it names, with what tells this one apart."""
OF_THOSE = re.compile(r"\bof\s+(?:those|them|these|which)\b")
"""A part counting some of what the part before it names: "and how many of those were drugs"."""


_JOINING = re.compile(r"(?:and|plus|also|as well as)\b")


def _of_those(text: str) -> bool:
    """Said of what the part before names; not of a figure it told, which is read apart ("190
    arrests - how many of those were charged?" asks the charges)."""
    return OF_THOSE.search(text) is not None


WHICH = frozenset({"which", "any", "anything", "everything"})
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "this", "that"})
BEING = frozenset({"is", "was", "s", "are", "were", "has", "have", "been"})


def asks_for_things(typed: list[str]) -> bool:
    """The words ask which things: "which went up", "anything improved", "what got worse"
    ("what" before a verb), not "what's the increase" ("what" before a noun of its own)."""
    if set(typed) & WHICH:
        return True
    for at, word in enumerate(typed):
        if word in ("what", "whats"):
            rest = [w for w in typed[at + 1 :] if w not in BEING][:1]
            return not rest or rest[0] not in DETERMINERS
    return False


def direction_of_before(read: Query) -> bool:
    """A part that asks only which way something went, of what the message named before it
    ("street robbery - has it risen", "burglary - better or worse than 2017?"): it points
    back ("it", "that number"), or asks for no list of its own (no "which", no "indicators")."""
    if not read.empty or not read.intents & DIRECTIONS:
        return False
    typed = words(read.text)
    if set(typed) & REFERRING:
        return True
    return not (asks_for_things(typed) or read.intents & {"indicators_word", "all_indicators"})


def _time_asked(times: list[str], said: when.Times) -> str | None:
    """ "compare", "before_previous", "previous" or "latest": what the time words ask, a
    comparison first; but
    "last year" said apart from a comparison with the year before ("last yr vs the year
    before") asks for last year, against the year before it."""
    if "previous" in times and said.comparison is when.YEAR_BEFORE:
        return "previous"
    asked = {*times, said.time}
    return next((name for name in ("compare", *when.YEARS_BACK, "latest") if name in asked), None)


def _comparison(time: str | None, said: when.Times) -> when.Comparison | None:
    """What the figure is compared with: what the grammar read, or the year before when a
    time word asks for a comparison ("trend", "change")."""
    if said.comparison is None and time == "compare":
        return when.YEAR_BEFORE
    return said.comparison


class Reader:
    """Reads messages against one index: the words it knows decide what is a typo, a place
    name or a name that holds "and"."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.language = index.language

    def read(self, raw: str) -> Query:
        """The message read, with the readings of its clauses and of the things it joins, so
        that answering never has to read again."""
        query = self.read_part(raw)
        sentences = self._read_together(clauses(query.text))
        joined = self._read_together(self.joined_parts(query.text))
        return replace(query, clauses=tuple(sentences), parts=tuple(joined))

    def _read_together(self, texts: list[str]) -> list[Query]:
        """Each part read, a part asking only which way something went read with the part
        before it that names a topic: "street robbery of people - has it risen" is one
        question, not robbery and the list of indicators that rose (unless that part tells a
        figure); a part saying "the drug ones" read with the words of the one before. None for
        one part alone."""
        if len(texts) < 2:
            return []
        reads: list[Query] = []
        for text in texts:
            read = self.read_part(text)
            before = reads[-1] if reads and not reads[-1].empty else None
            if before is not None and direction_of_before(read) and not self._tells_a_figure(before):
                read = self.read_part(f"{reads.pop().raw} {text}")
            elif before is not None and ONES & set(words(text)):
                # "ASB portal reports and the drug ones": the drug ASB portal reports.
                read = self.read_part(f"{text} {reads[-1].raw}")
            elif before is not None and _of_those(text) and not self._tells_a_figure(before):
                # "… and how many of those were about drugs", "which of them were women": what
                # the part before names, and then what these are of it.
                read = self.read_part(f"{reads[-1].raw} {text}")
            reads.append(replace(read, joins_the_one_before=_JOINING.match(text) is not None))
        return reads if len(reads) >= 2 else []

    def _tells_a_figure(self, read: Query) -> bool:
        """A part saying a figure ("we had 309 SYV offences in 2017"): a number that is no year
        and no number of a name. A direction asked after it ("has that got worse?") asks what
        came after the figure told, so it is a part of its own."""
        return bool(numbers_told(read.raw, self.index.numbers_in_names))

    def read_part(self, raw: str) -> Query:
        """One message or part of one, read on its own."""
        truncated = len(raw) > MAX_QUESTION_CHARS
        head = raw[:MAX_QUESTION_CHARS]
        if truncated and " " in head:
            head = head.rsplit(" ", 1)[0]  # never read half a word
        framed = self.language.without_occasion(self.language.without_speaker(clean(head)))
        framed = without_before_a_clause(framed)
        text = months_as_a_run(_WITH.sub(r"\1with\2", framed))
        timed, plan_years = without_plan_years(text)
        said = when.read_times(timed)
        tokens, elsewhere = self._without_places_elsewhere(words(said.rest))
        tokens, measures = self.language.unheld_measures.remove(tokens)
        measures += overall_asked(self.language.overall_measures, tokens) + threshold_asked(text)
        corrections = self._corrections(tokens)
        read = [corrections.get(t, t) for t in tokens]
        swapped = self.language.swap_synonyms([word for word in read if word != CHAT])
        without_time, times = self.language.times.remove(swapped)
        without_intents, intents = self.language.intents.remove(without_time)
        asked, excluded = split_excluded(without_intents, self.language.stopwords)
        topic_words = self._without_values_quoted(self.language.topic_words(asked), tokens)
        topic_words = without_dating_words(topic_words, self.language, said.period, said.span)
        baseline_text = said.comparison.text if said.comparison else ""
        named_periods = words(f"{said.period_text or ''} {baseline_text} {said.finer_text}")
        period_tokens = [stem(w) for w in (*named_periods, *plan_years) if self.index.holds(stem(w))]
        time = _time_asked(times, said)
        if not topic_words and not intents and not time and period_tokens:
            # "what's new for 2019/20": the period is all the question names, so it is the topic.
            topic_words = [w for w in named_periods if self.index.holds(stem(w))]
            period_tokens = []
        stems = [stem(w) for w in topic_words]
        weights, telling = self._weights(topic_words, stems, corrections)
        return Query(
            raw=raw,
            text=text,
            tokens=list(dict.fromkeys(stems)),
            unknown=[w for w, s in zip(topic_words, stems, strict=True) if not self.index.knows(s)],
            weights=weights,
            telling=telling,
            period_tokens=period_tokens,
            intents=set(intents),
            time=time,
            comparison=_comparison(time, said),
            period=said.period,
            period_text=said.period_text,
            truncated=truncated,
            corrections=corrections,
            elsewhere=elsewhere,
            unheld_measures=list(dict.fromkeys(measures)),
            finer=said.finer,
            span=said.span,
            excluded=list(dict.fromkeys(stem(w) for w in self.language.topic_words(excluded))),
        )

    def _without_values_quoted(self, topic: list[str], typed: list[str]) -> list[str]:
        """The topic words less a number that is only a value quoted: one no entry holds ("we
        had 320?"), or one whose entries hold none of the question's telling words ("we had
        320 burglaries in March": 320 is a figure of serious youth violence). A number after
        a word that narrows the measure ("per 1000") is part of it."""
        narrowing = self.language.narrowing
        telling = [stem(w) for w in topic if not w.isdigit() and self.index.salience(w) == 1.0]
        telling = [t for t in telling if self.index.holds(t)]
        return [
            w
            for w in dict.fromkeys(topic)
            if not w.isdigit()
            or self.language.placed(typed, w, narrowing)
            or (self.index.holds(w) and self._quoted_of(w, telling))
        ]

    def _quoted_of(self, number: str, telling: list[str]) -> bool:
        """A number held is a figure of the topic the question names, or the only topic named."""
        return not telling or any(self.index.held_together(number, t) for t in telling)

    def _corrections(self, tokens: list[str]) -> dict[str, str]:
        """Each misspelt word and the known word it stands for."""
        corrections: dict[str, str] = {}
        for token in tokens:
            fixed = self.index.correct(token)
            if fixed != token:
                corrections[token] = fixed
        return corrections

    def _weights(
        self, topic_words: list[str], stems: list[str], corrections: dict[str, str]
    ) -> tuple[dict[str, float], set[str]]:
        """Each stem's weight, and the stems typed as telling words (no commoner in English
        than "crime"): a correction is judged by the word typed and the word read, the less
        telling of the two ("hat" read as "hate" is not telling, nor "ppl" read as "people")."""
        weights: dict[str, float] = {}
        typed = {fixed: word for word, fixed in corrections.items()}
        telling: set[str] = set()
        for word, token in zip(topic_words, stems, strict=True):
            weights.setdefault(token, self.index.weight(token, word))
            if min(self.index.salience(typed.get(word, word)), self.index.salience(word)) == 1.0:
                telling.add(token)
        return weights, telling

    def joined_parts(self, text: str) -> list[str]:
        """The parts of a message between its punctuation and the words that join two things
        ("and", "plus", "also", "vs"), each with words in it. A join inside a name the store
        holds ("stop and search", "drugs and alcohol") is no break."""
        parts: list[str] = []
        for clause in clauses(text):
            start = 0
            for join in _JOINED.finditer(f" {clause} "):
                before = words(clause[: join.start()])[-1:]
                after = words(clause[join.end() - 1 :])[:1]
                joining = words(join.group(1)) or ["and"]  # "+" is no word
                if before and after and (stem(before[0]), joining[0], stem(after[0])) in self.index.joins:
                    continue
                parts.append(clause[start : join.start()])
                start = join.end() - 1
            parts.append(clause[start:])
        return [part.strip() for part in parts if words(part)]

    def _without_places_elsewhere(self, tokens: list[str]) -> tuple[list[str], list[str]]:
        """The words without the places outside the home area they name ("in Hackney"), and
        those places. A place word the store itself uses beside its neighbour ("the Royal
        London Hospital") is part of that name, not a place."""
        kept: list[str] = []
        places: list[str] = []
        for start, end, place in self.language.elsewhere.scan(tokens):
            before = (tokens[start - 1], tokens[start]) if start > 0 else None
            after = (tokens[end - 1], tokens[end]) if end < len(tokens) else None
            if place is None or before in self.index.pairs or after in self.index.pairs:
                kept.extend(tokens[start:end])
            else:
                places.append(place)
        return kept, places
