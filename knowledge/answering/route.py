"""Which answer a query gets: a decline the bot can give its reason for, a list, the help,
the first candidate's entry, or "I don't know" with the closest topics."""

from __future__ import annotations

from dataclasses import replace

from knowledge.answering import compose, declines
from knowledge.answering.context import Context
from knowledge.answering.types import Answer
from knowledge.domain.models import Kind
from knowledge.understanding import decide
from knowledge.understanding.index import Candidate
from knowledge.understanding.query import Query

LIST_INTENTS = ("all_indicators", "worse", "better", "up", "down")
PRIORITY_LIST_INTENTS = ("indicators_word", *LIST_INTENTS)


def answer_query(ctx: Context, query: Query) -> Answer:
    """The answer to one reading of a message (the whole of it, or one part)."""
    declined = _declined_with_reason(ctx, query)
    if declined is not None:
        return declined
    if query.empty or query.only_everyday_words:
        general = _general(ctx, query)
        if general is not None:
            return general
    ranked = ctx.index.rank(query)
    named = decide.named_indicators(query, ranked)
    if named:
        return compose.indicators_side_by_side(ctx, query, [c.entry.key for c in named])
    whole = decide.across_items(ctx.index, query, ranked)
    if whole is not None:
        rivals = [c for c in ranked if c.entry is not whole.entry]
        return answer_with(ctx, query, [whole, *rivals])
    if decide.confident(ranked):
        return answer_with(ctx, query, ranked)
    return _unsure(ctx, query, ranked)


def _declined_with_reason(ctx: Context, query: Query) -> Answer | None:
    if query.elsewhere:
        return declines.elsewhere(ctx, query)
    if query.unheld_measures:
        return declines.unheld_measure(ctx, query)
    if "change_request" in query.intents:
        return declines.change_request(ctx, query)
    return None


def _general(ctx: Context, query: Query) -> Answer | None:
    """A question naming no topic: a list of indicators, the help, or "I don't know"."""
    list_intents = [i for i in LIST_INTENTS if i in query.intents]
    if query.unknown:
        # "the whole scorecard" asks for the list, but in "council tax increase" the
        # direction word is about a topic the bot does not hold.
        list_intents = [i for i in list_intents if i == "all_indicators"]
    if list_intents:
        return compose.indicator_list(ctx, query, list_intents[-1], None)
    if "indicators_word" in query.intents and not query.unknown:
        return compose.indicator_list(ctx, query, "all_indicators", None)
    if "help" in query.intents or not query.has_words:
        return compose.help_answer(query.raw)
    if query.empty:
        return declines.unknown(query, [])
    return None


def _unsure(ctx: Context, query: Query, ranked: list[Candidate]) -> Answer:
    """Not sure enough of the first candidate: the same thing told twice, or a name with
    chatter around it, is still answered; otherwise the closest topics are offered."""
    if decide.told_twice(ranked):
        answer = compose.entry_answer(ctx, query, ranked[0], ranked)
        return replace(answer, notes=(*answer.notes, f"This is also in “{ranked[1].entry.title}”."))
    chatter = decide.chatter(ctx.language, query, ranked)
    if not chatter:
        return declines.unknown(query, ctx.index.suggest(query, ranked))
    answer = answer_with(ctx, query, ranked)
    if not answer.matched:
        return answer
    unused = " or ".join(f"“{w}”" for w in chatter)
    note = f"I read this as “{ranked[0].entry.title}”: I hold nothing about {unused}."
    return replace(answer, notes=(note, *answer.notes))


def answer_with(ctx: Context, query: Query, ranked: list[Candidate]) -> Answer:
    """The answer from the first candidate, by its kind."""
    top = ranked[0]
    if top.entry.kind is Kind.CRIME_TYPE:
        return compose.crime_type_answer(ctx, query, top, ranked)
    if top.entry.kind is Kind.PRIORITY and top.item is None:
        wanted = [i for i in PRIORITY_LIST_INTENTS if i in query.intents]
        if wanted or query.time or query.period:
            intent = next((i for i in wanted if i in LIST_INTENTS), "all_indicators")
            return compose.indicator_list(ctx, query, intent, top.entry.key)
    return compose.entry_answer(ctx, query, top, ranked)
