"""Answering a question from the store: the domain's one front door.

`Knowledge.ask(question)` returns an `Answer`: plain data that the text renderer and the
Block Kit builders turn into words. Nothing here knows about Slack.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field, replace
from itertools import islice, pairwise
from pathlib import Path

from knowledge.domain.crime_types import CrimeType, load_crime_types
from knowledge.domain.judgement import Change, Judgement, compare
from knowledge.domain.models import (
    Action,
    ActionStatus,
    Confidence,
    Deliverable,
    Document,
    Figure,
    Indicator,
    Kind,
    Priority,
    Topic,
)
from knowledge.domain.periods import Period
from knowledge.language import Language, clean, load_vocabulary, words
from knowledge.matching import WHOLE_COVERAGE, Candidate, Entry, Matcher, Question, clauses
from knowledge.store import Catalogue, Store

MAX_RELATED = 5
_ASKING_WORDS = frozenset({"how", "what", "which", "who", "when", "where", "why", "whats", "hows"})
"""Words that make a part of a message a question of its own ("…, also how many murders")."""
MAX_PARTS = 3
"""The most things one message may ask for and be answered part by part."""
LIST_INTENTS = ("all_indicators", "worse", "better", "up", "down")
PRIORITY_LIST_INTENTS = ("indicators_word", *LIST_INTENTS)


@dataclass(frozen=True)
class IndicatorView:
    indicator: Indicator
    priority: Priority
    current: Figure | None
    previous: Figure | None
    change: Change | None
    held_periods: tuple[Period, ...]
    missing_period: Period | None = None
    """A period the question asked for that the store holds no figure for."""


@dataclass(frozen=True)
class Suggestion:
    key: str
    title: str
    question: str
    """What to ask to get this entry: the text a "did you mean" button sends."""


@dataclass(frozen=True)
class Answer:
    question: str
    matched: bool
    kind: Kind
    key: str | None
    title: str
    indicator: IndicatorView | None = None
    rows: tuple[IndicatorView, ...] = ()
    list_filter: str | None = None
    priority: Priority | None = None
    deliverables: tuple[Deliverable, ...] = ()
    deliverable: Deliverable | None = None
    action: Action | None = None
    status: ActionStatus | None = None
    actions: tuple[tuple[Action, ActionStatus | None], ...] = ()
    topic: Topic | None = None
    topics: tuple[Topic, ...] = ()
    priorities: tuple[Priority, ...] = ()
    focus: int | None = None
    document: Document | None = None
    suggestions: tuple[Suggestion, ...] = ()
    unknown_words: tuple[str, ...] = ()
    not_held: CrimeType | None = None
    """The police crime category the question named, which the store holds no figures for."""
    reason: str | None = None
    """Why the bot knows it holds nothing else for the question: a place outside the home
    area ("I hold figures for Tower Hamlets only: nothing for Hackney."), or a rate asked of
    a topic that has none, a count of one that counts nothing, a measure no indicator is."""
    notes: tuple[str, ...] = field(default=())
    related: tuple[Suggestion, ...] = ()
    parts: tuple[Answer, ...] = ()
    """The answers to each thing a message asked for, when it asked for several."""

    @property
    def suggestions_heading(self) -> str:
        """What the offered topics are: near what the bot knows it does not hold, or guesses."""
        return "What I do hold" if self.declined_because else "Did you mean"

    @property
    def declined_because(self) -> str | None:
        """Why the bot knows it holds nothing for this question, when it knows."""
        if self.not_held:
            return self.not_held.not_held_text()
        return self.reason


@dataclass(frozen=True)
class Home:
    """What the App Home shows: every indicator by priority, and the actions' status."""

    priorities: tuple[Priority, ...]
    rows: tuple[IndicatorView, ...]
    actions: tuple[tuple[Action, ActionStatus | None], ...]


def _same_months_a_year_before(figures: list[Figure], figure: Figure) -> Figure | None:
    wanted = figure.period.year_before()
    return next((f for f in figures if f.period == wanted), None)


def indicator_view(
    catalogue: Catalogue,
    indicator: Indicator,
    time: str | None = None,
    period: Period | None = None,
) -> IndicatorView:
    """The figure asked for (latest unless a period or "last year" is named) and the one before."""
    figures = catalogue.figures.get(indicator.key, [])
    priority = catalogue.priority[indicator.priority_key]
    held = tuple(f.period for f in figures)
    missing = None
    current = figures[-1] if figures else None
    if period is not None:
        chosen = next((f for f in figures if f.period == period), None)
        if chosen is None:
            missing = period
        else:
            current = chosen
    elif time == "previous" and current is not None:
        before = _same_months_a_year_before(figures, current)
        if before is None:
            missing = current.period.year_before()
        else:
            current = before
    previous = _same_months_a_year_before(figures, current) if current else None
    change = compare(indicator, current, previous) if current and previous else None
    return IndicatorView(indicator, priority, current, previous, change, held, missing)


def _entries(catalogue: Catalogue, crime_types: list[CrimeType]) -> list[Entry]:
    entries: list[Entry] = []
    for indicator in catalogue.indicators:
        phrases = [indicator.name, indicator.short_name, *indicator.aliases]
        # Partners quote the figures they have seen ("830 knife crimes", "is 69% good").
        phrases += _figures_quoted(catalogue.figures.get(indicator.key, []))
        entries.append(
            Entry(indicator.key, Kind.INDICATOR, indicator.short_name, tuple((p, None) for p in phrases))
        )
    # Each entry is also named with the words for its kind ("Violence key deliverables",
    # "manifesto action: …"): partners ask for a thing by what it is as well as by its name.
    for priority in catalogue.priorities:
        named = [(p, None) for p in (priority.name, *priority.aliases)]
        named += [(f"{priority.name} priority key deliverables", None)]
        items = [(text, i) for i, text in enumerate(priority.key_deliverables)]
        entries.append(Entry(priority.key, Kind.PRIORITY, priority.name, tuple(named + items)))
    for deliverable in catalogue.deliverables:
        named = [(p, None) for p in (deliverable.text, *deliverable.aliases)]
        named += [(f"Strategic Plan deliverable and its example outputs: {deliverable.text}", None)]
        items = [(text, i) for i, text in enumerate(deliverable.example_outputs)]
        entries.append(Entry(deliverable.key, Kind.DELIVERABLE, deliverable.text, tuple(named + items)))
    for action in catalogue.actions:
        status = catalogue.statuses.get(action.key)
        named = [(p, None) for p in (action.commitment, *action.aliases)]
        named += [(f"manifesto action: {action.commitment}", None)]
        if status:
            named.append((status.status, None))
        entries.append(Entry(action.key, Kind.ACTION, action.commitment, tuple(named)))
    for topic in catalogue.topics:
        named = [(p, None) for p in (topic.title, *topic.aliases)]
        if topic.group_title != topic.title:
            named += [(f"{topic.group_title}: {topic.title}", None)]
        items = [(text, i) for i, text in enumerate(topic.facts)]
        entries.append(Entry(topic.key, Kind.FACT, topic.title, tuple(named + items)))
    groups: dict[str, list[Topic]] = {}
    for topic in catalogue.topics:
        groups.setdefault(topic.group_key, []).append(topic)
    for key, topics in groups.items():
        if len(topics) > 1:  # a one-topic group is answered by its topic
            title = topics[0].group_title
            entries.append(Entry(f"group:{key}", Kind.LIST, title, ((title, None),)))
    for key, document in catalogue.documents.items():
        entries.append(
            Entry(
                f"document:{key}",
                Kind.LIST,
                document.title,
                (
                    *((p, None) for p in (document.title, *document.aliases)),
                    # "agreed at Full Council", "Tackling drugs & alcohol …": what it says of itself
                    *(((document.subtitle, 0),) if document.subtitle else ()),
                ),
            )
        )
    for crime in crime_types:
        names = ((p, None) for p in (crime.name, *crime.aliases))
        entries.append(Entry(crime.key, Kind.CRIME_TYPE, crime.name, tuple(names)))
    return entries


def _figures_quoted(figures: list[Figure]) -> list[str]:
    """An indicator's figures and the changes between them (in number and per cent, whole),
    as a partner would type them."""
    values = [f.value for f in figures]
    changes = [abs(after - before) for before, after in pairwise(values)]
    percents = [round(abs(after - before) / before * 100) for before, after in pairwise(values) if before]
    shown = (str(int(v)) if float(v).is_integer() else str(v) for v in values + changes + percents if v >= 10)
    return list(dict.fromkeys(shown))


def _not_held(question: Question, title: str, reason: str, offered: list[Suggestion]) -> Answer:
    """A decline the bot can give its reason for, offering what it does hold and all indicators."""
    return Answer(
        question.raw, False, Kind.UNKNOWN, None, title, suggestions=(*offered, ALL_INDICATORS), reason=reason
    )


def _undated_notes(entry: Entry | None, question: Question) -> tuple[str, ...]:
    """A note when the question names a period and the answer, a fact or an action, does not
    ("the ASB budget for 2020"): these carry no period of their own, so what is held is
    answered, saying so. None when its own words name the period ("November 2018")."""
    if entry is None or entry.kind in (Kind.INDICATOR, Kind.LIST) or question.period_text is None:
        return ()
    asked = set(words(question.period_text))
    if any(asked <= set(words(clean(text))) for text, _ in entry.phrases):
        return ()
    return (f"I hold nothing dated {question.period_text}: this is what I hold, as dated by its source.",)


def _finer_period_notes(answer: Answer, question: Question) -> tuple[str, ...]:
    """Figures asked for a month or quarter with no year ("knife crime Q4") are held for
    whole years only: say so, rather than let the year pass for the quarter."""
    shows_figures = answer.kind is Kind.INDICATOR or (answer.kind is Kind.LIST and bool(answer.rows))
    if question.finer is None or question.period is not None or not shows_figures:
        return ()
    return (f"I hold no {question.finer} figures: these are for whole years.",)


def _reliability_notes(view: IndicatorView) -> tuple[str, ...]:
    """How sure a figure is, when asked ("how reliable is the knife crime figure"): a figure
    of high confidence otherwise goes without a word about it."""
    if view.indicator.confidence is not Confidence.HIGH:
        return ()  # the answer already says how sure, and why
    return ("Confidence in this figure: high.",)


def _measure_not_held(entry: Entry | None, question: Question) -> str | None:
    """The measure the question asks of the entry when the entry states none: a rate of a
    topic without a percentage, a count of one without a number that counts."""
    if entry is None:
        return None
    if "rate_word" in question.intents and not _holds_a_rate(entry):
        return "rate or percentage"
    if "count_word" in question.intents and not _holds_a_count(entry):
        return "count"
    return None


def _holds_a_rate(entry: Entry) -> bool:
    """Whether a rate asked of the entry may be answered: an indicator's figure (partners say
    "burglary rate" for the count), or a topic whose own words give a percentage."""
    if entry.kind in (Kind.INDICATOR, Kind.CRIME_TYPE, Kind.LIST):
        return True
    return any("%" in text for text, _ in entry.phrases)


_COUNT = re.compile(r"(?<![£$€\d.,/])\b\d[\d,]*(?:\.\d+)?\b(?![\d/]|\s*(?:%|m\b|k\b|million|per cent))")
"""A number that counts something: not money (£3m, £138k), a percentage or a period (18/19)."""
_YEAR_NAMED = re.compile(r"\b(?:19|20)[0-3]\d\b")


def _holds_a_count(entry: Entry) -> bool:
    """Whether "how many" may be answered by the entry: an indicator, or a topic whose own
    words count something ("190 arrests"), not only money, rates or years."""
    if entry.kind in (Kind.INDICATOR, Kind.CRIME_TYPE, Kind.LIST):
        return True
    return any(_COUNT.search(_YEAR_NAMED.sub(" ", text)) for text, _ in entry.phrases)


def suggestion_for(entry: Entry) -> Suggestion:
    return Suggestion(entry.key, entry.title, entry.title)


ALL_INDICATORS = Suggestion("list:all", "All indicators", "all indicators")
"""Offered when a question names a crime type not held: here is what is."""

HELP_EXAMPLES = (
    "knife crime this year",
    "DA offences vs last year",
    "status of RRT expansion",
    "op continuum results",
    "which indicators are getting worse",
    "violence indicators",
    "the scorecard",
    "key investments",
)


class Knowledge:
    """Answers questions from a store; rebuilds its index when the store changes."""

    def __init__(self, store: Store, data_dir: Path | None = None) -> None:
        self.store = store
        self.language = Language(load_vocabulary(data_dir or store.data_dir))
        self.crime_types = {c.key: c for c in load_crime_types(data_dir or store.data_dir)}
        self._lock = threading.Lock()
        self._catalogue: Catalogue | None = None
        self._matcher: Matcher | None = None
        self._views: tuple[int, list[IndicatorView]] | None = None

    def latest_views(self, catalogue: Catalogue) -> list[IndicatorView]:
        """Every indicator's latest figure and change, made once per store revision."""
        cached = self._views
        if cached is not None and cached[0] == catalogue.revision:
            return cached[1]
        views = [indicator_view(catalogue, i) for i in catalogue.indicators]
        self._views = (catalogue.revision, views)
        return views

    def current(self) -> tuple[Catalogue, Matcher]:
        """The catalogue and matcher for the store's latest revision."""
        revision = self.store.revision()
        catalogue, matcher = self._catalogue, self._matcher
        if catalogue is not None and matcher is not None and catalogue.revision == revision:
            return catalogue, matcher
        with self._lock:
            if self._catalogue is None or self._catalogue.revision != revision:
                catalogue = self.store.catalogue()
                self._matcher = Matcher(self.language, _entries(catalogue, list(self.crime_types.values())))
                self._catalogue = catalogue
            return self._catalogue, self._matcher

    # ---- the front doors -----------------------------------------------------------

    def home(self) -> Home:
        catalogue, _ = self.current()
        return Home(
            priorities=tuple(catalogue.priorities),
            rows=tuple(self.latest_views(catalogue)),
            actions=tuple((a, catalogue.statuses.get(a.key)) for a in catalogue.actions),
        )

    def ask(self, raw: str) -> Answer:
        catalogue, matcher = self.current()
        question = matcher.read(raw)
        answer = self._answer(catalogue, matcher, question)
        if answer.kind is Kind.UNKNOWN and not answer.declined_because:
            answer = (
                self._answer_one_part(catalogue, matcher, question)
                or self._several_things(catalogue, matcher, question)
                or answer
            )
        elif answer.matched and self._leaves_a_part_out(matcher, question, answer):
            answer = self._several_things(catalogue, matcher, question, answer) or answer
        return self._finished(matcher, question, answer)

    def _finished(self, matcher: Matcher, question: Question, answer: Answer) -> Answer:
        """The answer with what the question asked that it cannot give said plainly: a
        measure the topic does not hold declines it; periods and reasons not held are noted."""
        entry = matcher.entries.get(answer.key or "")
        missing = _measure_not_held(entry, question)
        if entry is not None and missing:
            return self.no_measure_answer(question, entry, missing)
        notes = (
            *_finer_period_notes(answer, question),
            *_undated_notes(entry, question),
            *_reading_notes(question),
        )
        if "reliability" in question.intents and answer.indicator is not None:
            notes = (*notes, *_reliability_notes(answer.indicator))
        if "why" in question.intents and answer.kind is Kind.INDICATOR:
            notes = (
                *notes,
                "I hold the figures, not the reasons behind them: the partners who own them can say why.",
            )
        return replace(answer, notes=answer.notes + notes) if notes else answer

    @staticmethod
    def _leaves_a_part_out(matcher: Matcher, question: Question, answer: Answer) -> bool:
        """The answer holds too little of the question to be all it asks: "knife crime and
        the VAWG charter" finds the charter, whose four words outweigh knife crime's two."""
        if (
            answer.key not in matcher.entries
            or matcher.entry_coverage(question, answer.key) >= WHOLE_COVERAGE
        ):
            return False
        # Splitting the message costs more than the sum above: only when the answer falls short.
        return len(matcher.joined_parts(question.text)) >= 2

    def _several_things(
        self, catalogue: Catalogue, matcher: Matcher, question: Question, whole: Answer | None = None
    ) -> Answer | None:
        """One answer for each thing a message asks for ("robbery. also what's the PTF?"),
        when every part is answered on its own, about different things, and the parts that
        are not answered are only the way the message is put. `whole`, the answer to the
        whole message, must be one of them: otherwise it read the message another way."""
        asked: dict[str, Answer] = {}
        for part in matcher.joined_parts(question.text):
            read = matcher.read(part)
            answer = self._finished(matcher, read, self._answer(catalogue, matcher, read))
            if not answer.matched:
                # A part the bot knows it does not hold ("shoplifting"), or narrowed to what it
                # does not know ("youth violence in schools"), is no part of an answer.
                if answer.declined_because or self._narrowed_to_the_unknown(read):
                    return replace(answer, question=question.raw)
                if read.unknown:
                    return None
                continue
            if answer.kind is Kind.HELP or read.only_everyday_words:
                continue
            asked.setdefault(answer.key or "", replace(answer, question=question.raw))
        if not 2 <= len(asked) <= MAX_PARTS or (whole is not None and whole.key not in asked):
            return None
        answers = list(asked.values())
        if all(a.kind is Kind.INDICATOR for a in answers):
            return self.indicators_side_by_side(catalogue, question, list(asked))
        titles = " · ".join(a.title for a in answers)
        return Answer(
            question.raw, True, Kind.SEVERAL, "several:" + "+".join(asked), titles, parts=tuple(answers)
        )

    def _answer_one_part(self, catalogue: Catalogue, matcher: Matcher, question: Question) -> Answer | None:
        """The answer to the one part of a long message that asks about something, when the
        other parts are only its setting ("Hi, I'm preparing for Thursday's board. Can you
        give me the knife crime figure? Thanks"); None when no part does, when two parts ask
        about different things, or when a part the bot cannot answer may narrow the question
        (a word it does not know after "in", "by"…: "broken down by ward"; or with "only")
        or names something it knows it does not hold."""
        parts = clauses(question.text)
        if len(parts) < 2:
            return None
        asking: list[tuple[Question, Answer]] = []
        setting: list[Question] = []
        for part in parts:
            read = matcher.read(part)
            answer = self._answer(catalogue, matcher, read)
            typed = words(part)
            # A bare phrase the bot does not know ("knife crime, schools") may be what is asked.
            bare = not (set(typed) & self.language.stopwords or read.intents or read.time)
            narrows = read.unknown and (
                bare or bool(set(typed) & _ASKING_WORDS) or self._narrowed_to_the_unknown(read)
            )
            if not answer.matched and (answer.declined_because or narrows):
                return None
            # A part of everyday words alone ("right?") is how the message is put.
            if answer.matched and answer.kind is not Kind.HELP and not read.only_everyday_words:
                asking.append((read, answer))
            else:
                setting.append(read)
        if not asking or len({answer.key for _, answer in asking}) > 1:
            return None
        read = asking[0][0]
        if read.time is None and read.period is None:
            # "…the SYV numbers, both years if possible": the time is said in another part.
            timed = next((s for s in setting if s.time or s.period), None)
            if timed is not None:
                read = replace(read, time=timed.time, period=timed.period, period_text=timed.period_text)
                return self._answer(catalogue, matcher, replace(read, raw=question.raw))
        return replace(asking[0][1], question=question.raw)

    def _answer(self, catalogue: Catalogue, matcher: Matcher, question: Question) -> Answer:
        raw = question.raw
        if question.elsewhere:
            return self.elsewhere_answer(matcher, question)
        if question.unheld_measures:
            return self.unheld_measure_answer(matcher, question)
        if "change_request" in question.intents:
            reason = "I can't change figures or statuses: I only answer from what I hold."
            return self._declined(matcher, question, "I can't change what I hold", reason)
        if question.empty or question.only_everyday_words:
            list_intents = [i for i in LIST_INTENTS if i in question.intents]
            if question.unknown:
                # "the whole scorecard" asks for the list, but in "council tax increase" the
                # direction word is about a topic the bot does not hold.
                list_intents = [i for i in list_intents if i == "all_indicators"]
            if list_intents:
                return self.indicator_list(catalogue, raw, list_intents[-1], None, question)
            if "indicators_word" in question.intents and not question.unknown:
                return self.indicator_list(catalogue, raw, "all_indicators", None, question)
            if "help" in question.intents or not question.has_words:
                return self.help(raw)
            if question.empty:
                return self.unknown(raw, question, [])
        ranked = matcher.rank(question)
        named = matcher.named_indicators(question, ranked)
        if named:
            return self.indicators_side_by_side(catalogue, question, [c.entry.key for c in named])
        whole = matcher.across_items(question, ranked)
        if whole is not None:
            rivals = [c for c in ranked if c.entry is not whole.entry]
            return self._answer_with(catalogue, matcher, question, [whole, *rivals])
        if not matcher.confident(ranked):
            if matcher.told_twice(ranked):
                answer = self.entry_answer(catalogue, matcher, question, ranked[0], ranked)
                return replace(answer, notes=(*answer.notes, f"This is also in “{ranked[1].entry.title}”."))
            chatter = matcher.chatter(question, ranked)
            if not chatter:
                return self.unknown(raw, question, matcher.suggest(question, ranked))
            answer = self._answer_with(catalogue, matcher, question, ranked)
            if not answer.matched:
                return answer
            unused = " or ".join(f"“{w}”" for w in chatter)
            note = f"I read this as “{ranked[0].entry.title}”: I hold nothing about {unused}."
            return replace(answer, notes=(note, *answer.notes))
        return self._answer_with(catalogue, matcher, question, ranked)

    def _narrowed_to_the_unknown(self, question: Question) -> bool:
        """A word the bot does not know places or narrows the question ("… in schools", "by
        ward", "girls only"): whatever it holds about the rest, it holds nothing for that."""
        if not question.unknown:
            return False
        typed = words(question.text)
        if set(typed) & self.language.limiting:
            return True
        introducers = self.language.placing | self.language.narrowing
        return any(self.language.placed(typed, word, introducers) for word in question.unknown)

    def _answer_with(
        self, catalogue: Catalogue, matcher: Matcher, question: Question, ranked: list[Candidate]
    ) -> Answer:
        """The answer from the first candidate, by its kind."""
        raw = question.raw
        top = ranked[0]
        if top.entry.kind is Kind.CRIME_TYPE:
            return self.crime_type_answer(catalogue, matcher, question, top, ranked)
        if top.entry.kind is Kind.PRIORITY and top.item is None:
            wanted = [i for i in PRIORITY_LIST_INTENTS if i in question.intents]
            if wanted or question.time or question.period:
                intent = next((i for i in wanted if i in LIST_INTENTS), "all_indicators")
                return self.indicator_list(catalogue, raw, intent, top.entry.key, question)
        return self.entry_answer(catalogue, matcher, question, top, ranked)

    # ---- kinds of answer ---------------------------------------------------------------

    def help(self, raw: str) -> Answer:
        examples = tuple(Suggestion(e, e, e) for e in HELP_EXAMPLES)
        return Answer(raw, True, Kind.HELP, "help", "What I can tell you", suggestions=examples)

    def unknown(self, raw: str, question: Question, near: list[Entry]) -> Answer:
        return Answer(
            raw,
            False,
            Kind.UNKNOWN,
            None,
            "I don't know that one",
            suggestions=tuple(suggestion_for(e) for e in near),
            unknown_words=tuple(question.unknown),
        )

    def elsewhere_answer(self, matcher: Matcher, question: Question) -> Answer:
        """A plain "not held" for a place outside the home area, offering the home figure."""
        home = self.language.vocabulary.home
        places = " or ".join(question.elsewhere)
        reason = f"I hold figures for {home} only: I have nothing for {places}."
        return self._declined(matcher, question, f"I hold figures for {home} only", reason)

    def unheld_measure_answer(self, matcher: Matcher, question: Question) -> Answer:
        """A plain "not held" for a measure no indicator is ("burglary clear-up rate"),
        offering the indicator the question names."""
        measures = " or ".join(question.unheld_measures)
        reason = (
            f"I hold no {measures}: the indicators count offences, calls, reports, arrests and "
            "charges, with one conviction rate."
        )
        return self._declined(matcher, question, f"I hold no {measures}", reason)

    @staticmethod
    def _declined(matcher: Matcher, question: Question, title: str, reason: str) -> Answer:
        """A plain "not held" with its reason, offering what the question otherwise names
        (when the bot is sure of it) and all indicators."""
        ranked = matcher.rank(question)
        near = []
        if matcher.confident(ranked) and ranked[0].entry.kind not in (Kind.CRIME_TYPE, Kind.LIST):
            near.append(suggestion_for(ranked[0].entry))
        return _not_held(question, title, reason, near)

    def no_measure_answer(self, question: Question, entry: Entry, measure: str) -> Answer:
        """A plain "not held" for a rate or a count asked of a topic that states none ("the
        reoffending rate", "how many CCTV cameras"), offering the topic itself, and for a
        priority its indicators."""
        offered = [suggestion_for(entry)]
        if entry.kind is Kind.PRIORITY:
            name = f"{entry.title} indicators"
            offered.append(Suggestion(f"list:all:{entry.key}", name, name))
        return _not_held(
            question, f"I hold no {measure} for that", f"I hold no {measure} for “{entry.title}”.", offered
        )

    def crime_type_answer(
        self,
        catalogue: Catalogue,
        matcher: Matcher,
        question: Question,
        top: Candidate,
        ranked: list[Candidate],
    ) -> Answer:
        """The indicator that counts the crime type, saying how; or a plain "not held"."""
        crime = self.crime_types[top.entry.key]
        indicator = catalogue.indicator.get(crime.held_as) if crime.held_as else None
        if indicator is None:
            # Figures near the category, not facts that happen to share a word with it.
            held = [c for c in ranked if c.entry.kind in (Kind.INDICATOR, Kind.PRIORITY)]
            near = [suggestion_for(e) for e in matcher.suggest(question, held, limit=2)]
            return Answer(
                question.raw,
                False,
                Kind.UNKNOWN,
                None,
                f"I don't hold figures for {crime.name}",
                suggestions=(*near, ALL_INDICATORS),
                not_held=crime,
            )
        answer = self.entry_answer(
            catalogue,
            matcher,
            question,
            replace(top, entry=matcher.entries[indicator.key], item=None),
            ranked,
        )
        note = crime.note(indicator.name)
        return replace(answer, notes=(*answer.notes, note)) if note else answer

    def indicator_list(
        self,
        catalogue: Catalogue,
        raw: str,
        intent: str,
        priority_key: str | None,
        question: Question,
    ) -> Answer:
        if question.time or question.period:
            views = [
                indicator_view(catalogue, i, question.time, question.period) for i in catalogue.indicators
            ]
        else:
            views = self.latest_views(catalogue)
        rows = [v for v in views if priority_key is None or v.indicator.priority_key == priority_key]
        keep = {
            "worse": lambda r: r.change is not None and r.change.judgement is Judgement.WORSE,
            "better": lambda r: r.change is not None and r.change.judgement is Judgement.BETTER,
            "up": lambda r: r.change is not None and r.change.direction == "up",
            "down": lambda r: r.change is not None and r.change.direction == "down",
        }.get(intent)
        if keep is not None:
            rows = [r for r in rows if keep(r)]
        priority = catalogue.priority.get(priority_key) if priority_key else None
        titles = {
            "all_indicators": "Performance indicators",
            "worse": "Indicators getting worse",
            "better": "Indicators improving",
            "up": "Indicators going up",
            "down": "Indicators going down",
        }
        title = titles[intent] + (f": {priority.name}" if priority else "")
        key = "list:" + ("all" if intent == "all_indicators" else intent)
        if priority:
            key += f":{priority.key}"
        return Answer(
            raw,
            True,
            Kind.LIST,
            key,
            title,
            rows=tuple(rows),
            list_filter=None if intent == "all_indicators" else intent,
            priority=priority,
            priorities=tuple(catalogue.priorities),
        )

    def indicators_side_by_side(self, catalogue: Catalogue, question: Question, keys: list[str]) -> Answer:
        """The indicators a question names together ("knife crime vs robbery"), in the
        scorecard's order, for the period asked."""
        chosen = [i for i in catalogue.indicators if i.key in keys]
        views = [indicator_view(catalogue, i, question.time, question.period) for i in chosen]
        names = [i.short_name for i in chosen]
        title = ", ".join(names[:-1]) + f" and {names[-1]}"
        return Answer(
            question.raw,
            True,
            Kind.LIST,
            "list:indicators:" + "+".join(i.key for i in chosen),
            title,
            rows=tuple(views),
            priorities=tuple(catalogue.priorities),
        )

    def entry_answer(
        self,
        catalogue: Catalogue,
        matcher: Matcher,
        question: Question,
        top: Candidate,
        ranked: list[Candidate],
    ) -> Answer:
        entry, raw = top.entry, question.raw
        related = tuple(
            suggestion_for(c.entry)
            for c in ranked[1:4]
            if c.coverage >= 0.5 and c.entry.kind is not Kind.LIST
        )
        if entry.kind is Kind.INDICATOR:
            indicator = catalogue.indicator[entry.key]
            view = indicator_view(catalogue, indicator, question.time, question.period)
            siblings = tuple(
                islice(
                    (
                        Suggestion(i.key, i.short_name, i.short_name)
                        for i in catalogue.indicators
                        if i.priority_key == indicator.priority_key and i.key != indicator.key
                    ),
                    MAX_RELATED,
                )
            )
            return Answer(
                raw, True, Kind.INDICATOR, entry.key, indicator.name, indicator=view, related=siblings
            )
        if entry.kind is Kind.PRIORITY:
            priority = catalogue.priority[entry.key]
            rows = tuple(v for v in self.latest_views(catalogue) if v.indicator.priority_key == priority.key)
            return Answer(
                raw,
                True,
                Kind.PRIORITY,
                entry.key,
                priority.name,
                priority=priority,
                rows=rows,
                focus=top.item,
                document=catalogue.documents.get("csp-priorities"),
                related=related,
            )
        if entry.kind is Kind.DELIVERABLE:
            deliverable = catalogue.deliverable[entry.key]
            return Answer(
                raw,
                True,
                Kind.DELIVERABLE,
                entry.key,
                deliverable.text,
                deliverable=deliverable,
                focus=top.item,
                document=catalogue.documents.get("strategic-plan"),
                related=related,
            )
        if entry.kind is Kind.ACTION:
            action = catalogue.action[entry.key]
            return Answer(
                raw,
                True,
                Kind.ACTION,
                entry.key,
                action.commitment,
                action=action,
                status=catalogue.statuses.get(action.key),
                document=catalogue.documents.get("manifesto"),
                related=related,
            )
        if entry.kind is Kind.FACT:
            topic = catalogue.topic[entry.key]
            return Answer(
                raw, True, Kind.FACT, entry.key, topic.title, topic=topic, focus=top.item, related=related
            )
        if entry.key.startswith("group:"):
            key = entry.key.removeprefix("group:")
            topics = tuple(t for t in catalogue.topics if t.group_key == key)
            return Answer(raw, True, Kind.LIST, f"list:group:{key}", topics[0].group_title, topics=topics)
        return self.document_answer(catalogue, raw, entry.key.removeprefix("document:"))

    def document_answer(self, catalogue: Catalogue, raw: str, key: str) -> Answer:
        document = catalogue.documents[key]
        common = dict(document=document, key=f"list:document:{key}", title=document.title)
        if key == "csp-priorities":
            return Answer(raw, True, Kind.LIST, priorities=tuple(catalogue.priorities), **common)
        if key == "strategic-plan":
            return Answer(raw, True, Kind.LIST, deliverables=tuple(catalogue.deliverables), **common)
        return Answer(
            raw,
            True,
            Kind.LIST,
            actions=tuple((a, catalogue.statuses.get(a.key)) for a in catalogue.actions),
            **common,
        )


def _reading_notes(question: Question) -> tuple[str, ...]:
    notes = []
    if question.truncated:
        notes.append("That was a long message: I read only its first 500 characters.")
    return tuple(notes)


def open_knowledge(db_path: Path, data_dir: Path | None = None) -> Knowledge:
    return Knowledge(Store(db_path, data_dir), data_dir)
