"""Saying "no" well: declines with their reason and what the bot does hold instead."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from knowledge.answering.context import Context
from knowledge.answering.types import Declined, IndicatorView, Suggestion
from knowledge.domain.models import Kind
from knowledge.domain.periods import MONTHS, Period, PeriodKind
from knowledge.understanding import decide
from knowledge.understanding.excluding import split_excluded
from knowledge.understanding.index import Candidate, Entry
from knowledge.understanding.narrowed import NarrowedPart, as_typed
from knowledge.understanding.narrowing import Narrowing
from knowledge.understanding.query import Query
from knowledge.understanding.text import words

ALL_INDICATORS = Suggestion("list:all", "All indicators", "all indicators")
"""Offered when a question names something not held: here is what is."""

CANNOT_CHANGE = (
    "I can't change figures or statuses from a question. Officers record a figure with "
    "/csp update <indicator> <value> for <period>, e.g. /csp update knife crime 412 for 2019."
)


NOT_BROKEN_DOWN = {
    Narrowing.PLACE: "for places within it",
    Narrowing.TIME: "by time of day, week or season",
    Narrowing.GROUP: "for groups of people",
    Narrowing.OUTCOME: "by outcome",
    Narrowing.SUBTYPE: "by type",
    Narrowing.MEANS: "by how it was done or reported",
    Narrowing.BREAKDOWN: "split within a period",
    Narrowing.MONEY: "in money",
}
"""What the bot has no figures broken down by, for each kind of narrowing."""
WHOLE = {Narrowing.BREAKDOWN: "as a total for each period", Narrowing.MONEY: "as a count"}
"""How an indicator is held, where it is not "for the whole borough" that the kind asks apart."""

SHORT_NAME = 30
"""A name longer than this is too long for a phone's button: a shorter one of the entry's is used."""


def suggestion_for(entry: Entry) -> Suggestion:
    return Suggestion(entry.key, entry.title, entry.title, _short_name(entry))


def _short_name(entry: Entry) -> str:
    """The entry's first other name that fits a button ("RRT expansion"), when its title does
    not; empty when the title fits or no other name does."""
    if len(entry.title) <= SHORT_NAME:
        return ""
    for text, item in entry.phrases:
        if item is None and text != entry.title and len(text) <= SHORT_NAME and not text.endswith("?"):
            return text[:1].upper() + text[1:]
    return ""


def not_held(query: Query, title: str, reason: str, offered: list[Suggestion]) -> Declined:
    """A decline the bot can give its reason for, offering what it does hold and all indicators."""
    return Declined(
        question=query.raw, key=None, title=title, suggestions=(*offered, ALL_INDICATORS), reason=reason
    )


def unknown(query: Query, near: list[Entry]) -> Declined:
    """Nothing held matches closely enough: the closest topics, and the words not understood."""
    return Declined(
        question=query.raw,
        key=None,
        title="I don't know that one",
        suggestions=tuple(suggestion_for(e) for e in near),
        unknown_words=tuple(query.unknown),
    )


def declined_with_reason(ctx: Context, query: Query, title: str, reason: str) -> Declined:
    """A plain "not held" with its reason, offering what the question otherwise names (when
    the bot is sure of it) and all indicators."""
    ranked = ctx.index.rank(query)
    near = []
    if decide.confident(ranked) and ranked[0].entry.kind not in (Kind.CRIME_TYPE, Kind.LIST):
        near.append(suggestion_for(ranked[0].entry))
    return not_held(query, title, reason, near)


def elsewhere(ctx: Context, query: Query) -> Declined:
    """A place outside the home area, offering the home figure."""
    home = ctx.language.vocabulary.home
    places = " or ".join(query.elsewhere)
    reason = f"I hold figures for {home} only: I have nothing for {places}."
    return declined_with_reason(ctx, query, f"I hold figures for {home} only", reason)


def unheld_measure(ctx: Context, query: Query) -> Declined:
    """A measure no indicator is ("burglary clear-up rate"), offering the indicator named."""
    measures = " or ".join(query.unheld_measures)
    reason = (
        f"I hold no {measures}: I hold the partnership's indicators (counts of offences, calls, "
        "reports, arrests and charges, and one conviction rate) and its plans."
    )
    return declined_with_reason(ctx, query, f"I hold no {measures}", reason)


def change_request(ctx: Context, query: Query) -> Declined:
    return declined_with_reason(ctx, query, "I can't change what I hold", CANNOT_CHANGE)


def count_not_dated(query: Query, entry: Entry, dated: str) -> Declined:
    """A count asked for a time that a fact or action holding a count is not dated by: its
    count is for the time its source gives, so it is offered, not given as the figure."""
    reason = f"“{entry.title}” is not dated {dated}: what it counts is for the time its source gives."
    return not_held(query, f"I hold no count for {dated}", reason, [suggestion_for(entry)])


def no_measure(query: Query, entry: Entry, measure: str) -> Declined:
    """A rate or a count asked of a topic that states none ("the reoffending rate", "how many
    CCTV cameras"), offering the topic itself, and for a priority its indicators."""
    offered = [suggestion_for(entry)]
    if entry.kind is Kind.PRIORITY:
        name = f"{entry.title} indicators"
        offered.append(Suggestion(f"list:all:{entry.key}", name, name))
    return not_held(
        query, f"I hold no {measure} for that", f"I hold no {measure} for “{entry.title}”.", offered
    )


def narrowed(query: Query, entry: Entry, part: NarrowedPart, monthly: bool = False) -> Declined:
    """A part of an indicator it does not hold ("ASB calls at night"), offering the whole. An
    indicator with monthly figures asked for month by month is told how to ask for a month."""
    name = entry.title
    if entry.kind is not Kind.INDICATOR:
        # "what does extending the RRT cost": an action says what was done, not what it cost.
        name = _short_name(entry) or entry.title
        reason = (
            f"I hold what “{name}” says, not “{part.said}”: "
            f"I have no figures {NOT_BROKEN_DOWN[part.kind]} for it."
        )
    elif part.kind is Narrowing.BREAKDOWN and monthly:
        reason = (
            f"I can't list {entry.title} “{part.said}” yet: ask me for one month "
            f"(“{entry.title} in March 2023”), a quarter or a year."
        )
    else:
        whole = WHOLE.get(part.kind, "for the whole borough")
        reason = (
            f"I hold {entry.title} {whole} only, not “{part.said}”: "
            f"I have no figures {NOT_BROKEN_DOWN[part.kind]}."
        )
    return not_held(query, f"I don't hold that part of {name}", reason, [suggestion_for(entry)])


def taken_out(query: Query, entry: Entry, stopwords: frozenset[str]) -> Declined:
    """A question that takes out of an indicator something it counts ("criminal damage
    without arson"), offering the whole."""
    _, typed = split_excluded(words(query.text), stopwords)
    said = as_typed(query.raw, typed) if typed else " ".join(query.excluded)
    reason = f"I hold {entry.title} as one figure only: I can't take “{said}” out of it."
    return not_held(query, f"I don't hold that part of {entry.title}", reason, [suggestion_for(entry)])


def counted_within(query: Query, name: str, entry: Entry, named: bool = True) -> Declined:
    """A police category counted within an indicator with others ("homicide"), offering it:
    named by the category's name, or else by the words asked ("firearms offences")."""
    if named:
        title = f"I don't hold {name} on its own"
        reason = f"{name} is counted within {entry.title}: I don't hold it on its own."
    else:
        title = f"I don't hold that part of {entry.title}"
        reason = f"Police figures for “{name}” are counted within {entry.title}: I don't hold them apart."
    return replace(not_held(query, title, reason, [suggestion_for(entry)]), topic_of_its_own=named)


def crime_type_not_held(ctx: Context, query: Query, crime_key: str, ranked: list[Candidate]) -> Declined:
    """A police category no indicator counts: figures near it, not facts sharing a word."""
    crime = ctx.crime_types[crime_key]
    held = [c for c in ranked if c.entry.kind in (Kind.INDICATOR, Kind.PRIORITY)]
    near = [suggestion_for(e) for e in ctx.index.suggest(query, held, limit=2)]
    return Declined(
        question=query.raw,
        key=None,
        title=f"I don't hold figures for {crime.name}",
        suggestions=(*near, ALL_INDICATORS),
        not_held=crime,
        topic_of_its_own=True,
    )


def measure_not_held(entry: Entry | None, query: Query) -> str | None:
    """The measure the question asks of the entry when the entry states none: a rate of a
    topic without a percentage, a count of one without a number that counts."""
    if entry is None:
        return None
    if "rate_word" in query.intents and not _holds_a_rate(entry):
        return "rate or percentage"
    if "count_word" in query.intents and not _holds_a_count(entry):
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


_KIND_WORDS = {
    PeriodKind.MONTH: "monthly",
    PeriodKind.QUARTER: "quarterly",
    PeriodKind.FINANCIAL_YEAR: "financial-year",
}


def period_not_held(query: Query, view: IndicatorView) -> Declined:
    """A period asked for that the indicator does not hold ("knife crime in 2020"): no figure,
    not the latest in its place, but the periods held, and the latest of them as choices."""
    name = in_a_sentence(view.indicator.short_name)
    asked = " or ".join(p.short_label for p in (view.missing_period, view.missing_baseline) if p)
    if view.missing_period is None:
        asked += " to compare with"
    held = held_words(view.held_periods)
    kind = _kind_not_held(view)
    if not held:
        reason = f"I hold no figures for {name} yet."
    elif kind:
        reason = f"I hold no {kind} figures for {name}, only {held}."
    else:
        reason = f"I hold {held}."
    return Declined(
        question=query.raw,
        key=None,
        title=f"I hold no figure for {name} in {asked}",
        suggestions=_latest_held(view),
        reason=reason,
        period_not_held=view.missing_period,
    )


def periods_not_held(query: Query, views: list[IndicatorView]) -> Declined:
    """Two or three indicators asked for a period none of them holds ("robbery and burglary
    in 2009"): no figures, the periods each holds, and the latest of each as choices."""
    if len(views) == 1:
        return period_not_held(query, views[0])
    names = [in_a_sentence(v.indicator.short_name) for v in views]
    first = views[0]
    asked = (first.missing_period or first.missing_baseline).short_label  # type: ignore[union-attr]
    if first.missing_period is None:
        asked += " to compare with"
    held = [held_words(v.held_periods) or "no figures yet" for v in views]
    if len(set(held)) == 1:
        reason = f"I hold {held[0]} for each."
    else:
        reason = " ".join(f"For {name} I hold {said}." for name, said in zip(names, held, strict=True))
    return Declined(
        question=query.raw,
        key=None,
        title=f"I hold no figures for {', '.join(names[:-1])} or {names[-1]} in {asked}",
        suggestions=tuple(s for v in views for s in _latest_held(v)[:1]),
        reason=reason,
        period_not_held=views[0].missing_period,
    )


def in_a_sentence(name: str) -> str:
    """A name as it reads inside a sentence: "knife crime", but "ASB calls to 101"."""
    first = name.split(" ", 1)[0]
    return name if first[1:2].isupper() else name[:1].lower() + name[1:]


def held_words(periods: tuple[Period, ...]) -> str:
    """The periods held, as said: "Jan-Dec 2017 and Jan-Dec 2018", "Apr 2010 to Sep 2023"
    (a run of months, with the periods recorded within it left unsaid)."""
    runs = [p for p in periods if p.kind is PeriodKind.MONTHS]
    said = [
        p.label for p in periods if p.kind is not PeriodKind.MONTHS and not any(r.contains(p) for r in runs)
    ]
    said += [f"{_month(r.start)} to {_month(r.end)}" if r.months > 1 else _month(r.start) for r in runs]
    return said[0] if len(said) == 1 else ", ".join(said[:-1]) + f" and {said[-1]}" if said else ""


def _month(day: date) -> str:
    return f"{MONTHS[day.month - 1].title()} {day.year}"


def _kind_not_held(view: IndicatorView) -> str | None:
    """ "quarterly" when a quarter is asked of an indicator holding no quarter and no months
    ("knife crime last quarter" of the seed's yearly figures); likewise months and financial
    years."""
    asked = view.missing_period
    word = _KIND_WORDS.get(asked.kind) if asked else None
    held = {p.kind for p in view.held_periods}
    return None if word is None or held & {asked.kind, PeriodKind.MONTHS} else word


def _latest_held(view: IndicatorView) -> tuple[Suggestion, ...]:
    """The indicator's headline figure, and its latest month (monthly figures) or the period
    before (yearly ones): what a partner asking for a period not held is likely to want."""
    indicator, current = view.indicator, view.current
    if current is None:
        return (ALL_INDICATORS,)
    choices = [_held_choice(view, current.period, indicator.short_name)]
    runs = [p for p in view.held_periods if p.kind is PeriodKind.MONTHS]
    earlier = [p for p in view.held_periods if p not in runs and p.end < current.period.start]
    other = Period.month(runs[-1].end.year, runs[-1].end.month) if runs else next(reversed(earlier), None)
    if other is not None and other != current.period:
        choices.append(_held_choice(view, other, f"{indicator.short_name} {other.short_label}"))
    return tuple(choices)


def _held_choice(view: IndicatorView, period: Period, question: str) -> Suggestion:
    """A period held, offered as the question that asks for it; on a button, the period alone
    when the indicator's name and the period do not fit."""
    title = f"{view.indicator.short_name} in {period.short_label}"
    label = period.short_label if len(title) > SHORT_NAME else ""
    return Suggestion(view.indicator.key, title, question, label)
