"""Composing each kind of answer from a query, the candidate chosen and the store."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from itertools import islice

from knowledge.answering import declines, narrowed
from knowledge.answering.context import Asked, Context
from knowledge.answering.types import (
    ActionAnswer,
    ActionsDocumentAnswer,
    Answer,
    Declined,
    DeliverableAnswer,
    DeliverablesDocumentAnswer,
    FactAnswer,
    HelpAnswer,
    IndicatorAnswer,
    IndicatorListAnswer,
    IndicatorView,
    PrioritiesDocumentAnswer,
    PriorityAnswer,
    Suggestion,
    TopicGroupAnswer,
)
from knowledge.domain.crime_types import Relation
from knowledge.domain.judgement import Judgement
from knowledge.domain.models import Indicator, Kind
from knowledge.domain.periods import Period
from knowledge.understanding.index import Candidate
from knowledge.understanding.query import Query
from knowledge.understanding.when import YEARS_BACK

MAX_RELATED = 5
HELP_EXAMPLES = (
    "knife crime this year",
    "DA offences vs last year",
    "status of RRT expansion",
    "which indicators are getting worse",
    "op continuum results",
    "violence indicators",
    "the scorecard",
    "key investments",
)
HELP_LABELS = {"which indicators are getting worse": "What is getting worse"}
"""Button labels for the examples too long for a phone's button."""
SMALL_WORDS = frozenset({"a", "and", "at", "for", "in", "of", "on", "or", "the", "to"})
LIST_TITLES = {
    "all_indicators": "Performance indicators",
    "worse": "Indicators getting worse",
    "better": "Indicators improving",
    "up": "Indicators going up",
    "down": "Indicators going down",
}
_KEEP = {
    "worse": lambda r: r.change is not None and r.change.judgement is Judgement.WORSE,
    "better": lambda r: r.change is not None and r.change.judgement is Judgement.BETTER,
    "up": lambda r: r.change is not None and r.change.direction == "up",
    "down": lambda r: r.change is not None and r.change.direction == "down",
}


def help_answer(raw: str) -> HelpAnswer:
    examples = tuple(Suggestion(e, e, e, HELP_LABELS.get(e, e[:1].upper() + e[1:])) for e in HELP_EXAMPLES)
    return HelpAnswer(question=raw, key="help", title="What I can tell you", suggestions=examples)


def _view(ctx: Context, query: Query, indicator: Indicator) -> IndicatorView:
    """One indicator's figure for the period asked, against what the question compares it with."""
    asked = Asked(query.time, query.period, query.comparison, query.span, ctx.today())
    return ctx.view(indicator, asked)


def _views(ctx: Context, query: Query) -> list[IndicatorView]:
    baseline = query.comparison.baseline if query.comparison else None
    if query.period or query.time in YEARS_BACK or baseline or query.span:
        return [_view(ctx, query, i) for i in ctx.catalogue.indicators]
    return ctx.latest_views  # the latest against the year before: made once per revision


def indicator_list(ctx: Context, query: Query, intent: str, priority_key: str | None) -> IndicatorListAnswer:
    """All indicators, or those moving one way, of one priority or of all."""
    views = [v for v in _views(ctx, query) if priority_key in (None, v.indicator.priority_key)]
    held, left_out = _held_for_the_period(views)
    keep = _KEEP.get(intent)
    rows = held if keep is None else [v for v in held if keep(v)]
    priority = ctx.catalogue.priority.get(priority_key) if priority_key else None
    title = LIST_TITLES[intent] + (f": {priority.name}" if priority else "")
    baseline = query.comparison.baseline if query.comparison else None
    judged_against = {v.previous.period for v in views if v.previous}
    if keep is not None and baseline is not None and baseline in judged_against:
        # "what got better compared with 2017": the rows are judged against it, not the year before.
        title += f", compared with {baseline.short_label}"
    key = "list:" + ("all" if intent == "all_indicators" else intent)
    if priority:
        key += f":{priority.key}"
    return IndicatorListAnswer(
        question=query.raw,
        key=key,
        title=title,
        rows=tuple(rows),
        list_filter=None if intent == "all_indicators" else intent,
        priority=priority,
        priorities=tuple(ctx.catalogue.priorities),
        notes=(*_periods_not_held(views), *left_out),
    )


def _held_for_the_period(views: list[IndicatorView]) -> tuple[list[IndicatorView], tuple[str, ...]]:
    """The rows for the period asked: an indicator holding no figure for it is left out and
    said to be ("which crimes went up in March 2020" of yearly and monthly indicators), never
    shown for another period. When none holds it, `_periods_not_held` says so instead."""
    missing = [v for v in views if v.missing_period is not None]
    if not missing or len(missing) == len(views):
        return views, ()
    names = [declines.in_a_sentence(v.indicator.short_name) for v in missing]
    if len(names) > 4:
        said = f"{len(names)} indicators"
    else:
        said = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]
    asked = missing[0].missing_period.short_label  # type: ignore[union-attr]
    return [v for v in views if v.missing_period is None], (f"Left out: {said}, with no figure for {asked}.",)


def _periods_not_held(views: list[IndicatorView]) -> tuple[str, ...]:
    """A list asked for a period, or against one, that no indicator holds ("what got better
    compared with 2015") says so, and which periods are held, rather than list nothing."""
    asked = _missing_from_all(v.missing_period for v in views)
    against = _missing_from_all(v.missing_baseline for v in views)
    if asked is None and against is None:
        return ()
    held = ", ".join(p.label for p in sorted({p for v in views for p in v.held_periods}))
    if asked is None and against is not None:
        return (f"I hold no figures for {against.label} to compare with. Periods held: {held}.",)
    missing = " or ".join(p.label for p in (asked, against) if p is not None)
    return (f"I hold no figures for {missing}. Periods held: {held}.",)


def _not_as_asked(view: IndicatorView) -> bool:
    """No figure for the period asked, or one compared with another period than the one
    named: either would answer a question that was not asked."""
    compared_otherwise = view.missing_baseline is not None and view.previous is not None
    return view.missing_period is not None or compared_otherwise


def _missing_from_all(missing: Iterable[Period | None]) -> Period | None:
    """The period every indicator lacks, or None when one holds it."""
    found = set(missing)
    return found.pop() if len(found) == 1 else None


def indicators_side_by_side(ctx: Context, query: Query, keys: list[str]) -> Answer:
    """The indicators a question names together ("knife crime vs robbery"), in the
    scorecard's order, for the period asked; declined when none holds it."""
    chosen = [i for i in ctx.catalogue.indicators if i.key in keys]
    views = [_view(ctx, query, i) for i in chosen]
    if all(_not_as_asked(v) for v in views):
        return declines.periods_not_held(query, views)
    held, left_out = _held_for_the_period(views)
    names = [i.short_name for i in chosen]
    return IndicatorListAnswer(
        question=query.raw,
        key="list:indicators:" + "+".join(i.key for i in chosen),
        title=", ".join(names[:-1]) + f" and {names[-1]}",
        rows=tuple(held),
        priorities=tuple(ctx.catalogue.priorities),
        notes=left_out,
    )


def crime_type_answer(ctx: Context, query: Query, top: Candidate, ranked: list[Candidate]) -> Answer:
    """The indicator that counts the crime type, saying how; or a plain "not held"; or, for
    a type the indicator counts with others, a decline offering it."""
    crime = ctx.crime_types[top.entry.key]
    indicator = ctx.catalogue.indicator.get(crime.held_as) if crime.held_as else None
    if indicator is None:
        return declines.crime_type_not_held(ctx, query, top.entry.key, ranked)
    within = narrowed.counted_within(ctx, query, top)
    if within is not None:
        return within
    counted = replace(top, entry=ctx.index.entries[indicator.key], item=None)
    answer = entry_answer(ctx, query, counted, ranked)
    # A type counted within the indicator is answered only when every such type is asked.
    note = None if crime.relation is Relation.WITHIN else crime.note(indicator.name)
    return replace(answer, notes=(*answer.notes, note)) if note else answer


def entry_answer(ctx: Context, query: Query, top: Candidate, ranked: list[Candidate]) -> Answer:
    """The answer about one entry, by its kind."""
    entry = top.entry
    if entry.kind is Kind.INDICATOR:
        return _indicator(ctx, query, entry.key)
    related = tuple(
        declines.suggestion_for(c.entry)
        for c in ranked[1:4]
        if c.coverage >= 0.5 and c.entry.kind is not Kind.LIST
    )
    common = {"question": query.raw, "key": entry.key, "related": related}
    catalogue = ctx.catalogue
    if entry.kind is Kind.PRIORITY:
        priority = catalogue.priority[entry.key]
        rows = tuple(v for v in ctx.latest_views if v.indicator.priority_key == priority.key)
        document = catalogue.documents.get("csp-priorities")
        return PriorityAnswer(
            **common, title=priority.name, priority=priority, rows=rows, focus=top.item, document=document
        )
    if entry.kind is Kind.DELIVERABLE:
        deliverable = catalogue.deliverable[entry.key]
        document = catalogue.documents.get("strategic-plan")
        title = thing_name(ctx, deliverable.aliases, deliverable.text)
        return DeliverableAnswer(
            **common,
            title=title,
            deliverable=deliverable,
            focus=top.item,
            document=document,
            status=catalogue.deliverable_statuses.get(deliverable.key),
        )
    if entry.kind is Kind.ACTION:
        action = catalogue.action[entry.key]
        status = catalogue.statuses.get(action.key)
        document = catalogue.documents.get("manifesto")
        title = thing_name(ctx, action.aliases, action.commitment)
        return ActionAnswer(**common, title=title, action=action, status=status, document=document)
    if entry.kind is Kind.FACT:
        topic = catalogue.topic[entry.key]
        return FactAnswer(**common, title=topic.title, topic=topic, focus=top.item)
    if entry.key.startswith("group:"):
        return _topic_group(ctx, query, entry.key.removeprefix("group:"))
    return document_answer(ctx, query.raw, entry.key.removeprefix("document:"))


def thing_name(ctx: Context, aliases: list[str], full: str) -> str:
    """What a commitment is called, for a header: the first name partners use for it, its
    acronyms spelled out ("RRT expansion" is "Rapid Response Team expansion"); the full text
    when it has no other name."""
    if not aliases:
        return full
    synonyms = ctx.language.vocabulary.synonyms
    named = []
    for word in aliases[0].split():
        spelled = synonyms.get(word.lower()) if word.isupper() and len(word) > 1 else None
        named.append(_title_case(spelled) if spelled else word)
    text = " ".join(named)
    return text[:1].upper() + text[1:]


def _title_case(text: str) -> str:
    return " ".join(w if w in SMALL_WORDS else w.capitalize() for w in text.split())


def _indicator(ctx: Context, query: Query, key: str) -> IndicatorAnswer | Declined:
    """The indicator's figure for the period asked; a period it does not hold is declined,
    saying which it does. So is one to compare with, where another would be compared in its
    place: "robbery 2014 vs 2018" answered as 2018 against 2017 puts a change beside the
    question that it does not answer. With nothing to compare ("drug arrests 2018 vs 2017"
    of an operation begun late in 2017) the figure is given, saying what is not held."""
    indicator = ctx.catalogue.indicator[key]
    view = _view(ctx, query, indicator)
    if _not_as_asked(view):
        return declines.period_not_held(query, view)
    siblings = (
        Suggestion(i.key, i.short_name, i.short_name)
        for i in ctx.catalogue.indicators
        if i.priority_key == indicator.priority_key and i.key != indicator.key
    )
    return IndicatorAnswer(
        question=query.raw,
        key=key,
        title=indicator.name,
        indicator=view,
        related=tuple(islice(siblings, MAX_RELATED)),
    )


def _topic_group(ctx: Context, query: Query, group_key: str) -> TopicGroupAnswer:
    topics = tuple(t for t in ctx.catalogue.topics if t.group_key == group_key)
    return TopicGroupAnswer(
        question=query.raw, key=f"list:group:{group_key}", title=topics[0].group_title, topics=topics
    )


def document_answer(ctx: Context, raw: str, key: str) -> Answer:
    """A whole document: the CSP priorities, the Strategic Plan, or the manifesto."""
    catalogue = ctx.catalogue
    document = catalogue.documents[key]
    common = {"question": raw, "key": f"list:document:{key}", "title": document.title, "document": document}
    if key == "csp-priorities":
        return PrioritiesDocumentAnswer(**common, priorities=tuple(catalogue.priorities))
    if key == "strategic-plan":
        return DeliverablesDocumentAnswer(**common, deliverables=tuple(catalogue.deliverables))
    actions = tuple((a, catalogue.statuses.get(a.key)) for a in catalogue.actions)
    return ActionsDocumentAnswer(**common, actions=actions)
