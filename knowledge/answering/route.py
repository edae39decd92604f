"""Which answer a query gets: a decline the bot can give its reason for, a list, the help,
the first candidate's entry, or "I don't know" with the closest topics."""

from __future__ import annotations

from dataclasses import replace

from knowledge.answering import compose, declines, narrowed, notes
from knowledge.answering.context import Context
from knowledge.answering.declines import suggestion_for
from knowledge.answering.police_named import priority_read_as_police_category
from knowledge.answering.types import Answer, ReadAs
from knowledge.domain.models import Kind
from knowledge.understanding import decide
from knowledge.understanding.evidence import evidence
from knowledge.understanding.index import Candidate
from knowledge.understanding.model import Outcome
from knowledge.understanding.query import Query
from knowledge.understanding.reader import DETERMINERS, DIRECTIONS
from knowledge.understanding.text import stem, words

LIST_INTENTS = ("all_indicators", "worse", "better", "up", "down")
PRIORITY_LIST_INTENTS = ("indicators_word", *LIST_INTENTS)
NOT_OFFERED = (Kind.LIST, Kind.CRIME_TYPE)  # a list is not a topic; a crime type is not held


def answer_query(ctx: Context, query: Query) -> Answer:
    """The answer to one reading of a message (the whole of it, or one part)."""
    settled, ranked = settled_or_ranked(ctx, query)
    if settled is not None:
        return settled
    return _weighed(ctx, query, ranked)


def settled_or_ranked(ctx: Context, query: Query) -> tuple[Answer | None, list[Candidate]]:
    """An answer the structure of the question settles (a reason to decline, a list, two
    indicators named, one entry across its items), or the ranking the model must weigh."""
    declined = _declined_with_reason(ctx, query)
    if declined is not None:
        return declined, []
    if query.empty or query.only_everyday_words or _only_words_around_a_direction(ctx, query):
        general = _general(ctx, query)
        if general is not None:
            return general, []
    ranked = ctx.index.rank(query)
    named = decide.named_indicators(query, ranked)
    if named and not parts_timed_apart(query):
        return compose.indicators_side_by_side(ctx, query, [c.entry.key for c in named]), ranked
    whole = decide.across_items(ctx.index, query, ranked)
    if whole is not None:
        rivals = [c for c in ranked if c.entry is not whole.entry]
        part_not_held = narrowed.part_not_held(ctx, query, [whole, *rivals])
        return part_not_held or answer_with(ctx, query, [whole, *rivals]), ranked
    return None, ranked


def parts_timed_apart(query: Query) -> bool:
    """Each part of the message names its own time, and not the same one ("burglary in 2019
    and robbery last month"): no one period is asked of every part, so each is answered for
    its own."""
    if len(query.parts) < 2 or not all(_timed(part) for part in query.parts):
        return False
    return len({(part.period, part.time) for part in query.parts}) > 1


def _timed(part: Query) -> bool:
    return part.period is not None or part.time is not None


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
    if query.unknown and not _said_around_a_direction(ctx, query):
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


def _only_words_around_a_direction(ctx: Context, query: Query) -> bool:
    """A direction asked with no topic the bot knows, only words said around it ("anything
    deteriorating we should flag to the CSP board?"): a list, not a topic to look up."""
    if not query.intents & DIRECTIONS:
        return False
    unknown = {stem(word) for word in query.unknown}
    background = ctx.language.background
    if not all(token in unknown or token in background for token in query.tokens):
        return False
    return _said_around_a_direction(ctx, query)


def _said_around_a_direction(ctx: Context, query: Query) -> bool:
    """The words not known are said around the direction asked, not of it: "anything
    deteriorating we should flag to the board" asks which indicators got worse, where in
    "council tax increase" or "are the parks getting worse" the word right before the
    direction is what went up or worse, and "worse in schools" places it."""
    language = ctx.language
    typed = words(query.text)
    starts = [start for start, _, value in language.intents.scan(typed) if value in DIRECTIONS]
    if not starts:
        return False
    unknown = set(query.unknown)
    # A word before "the positives" is a verb ("pull the positives"): what a direction is said
    # of stands right before it ("tax increase"), after any article.
    subjects = {typed[start - 1] for start in starts if start > 0 and typed[start] not in DETERMINERS}
    return not any(
        word in subjects or language.placed(typed, word) or language.narrowing_kind(word) is not None
        for word in unknown
    )


def _weighed(ctx: Context, query: Query, ranked: list[Candidate]) -> Answer:
    """The model's outcome for the first candidate: answer; answer saying how the question
    was read and what it did not use; or decline with the closest topics. The same thing
    told in two places is answered whatever the weighing; a question for a part of an
    indicator it does not hold is declined whatever the weighing (`narrowed`)."""
    if not ranked:
        return declines.unknown(query, ctx.index.suggest(query, ranked))
    ranked = narrowed.money_held_elsewhere(ctx, query, ranked) or ranked
    found = evidence(ctx.language, query, ranked)
    outcome, _ = ctx.decision.outcome(found)
    part_not_held = narrowed.part_not_held(ctx, query, ranked, read_as=outcome is Outcome.READ_AS)
    if part_not_held is not None:
        return part_not_held
    if decide.told_twice(ranked) and outcome is not Outcome.ANSWER:
        answer = compose.entry_answer(ctx, query, ranked[0], ranked)
        return replace(answer, notes=(*answer.notes, f"This is also in “{ranked[1].entry.title}”."))
    if outcome is Outcome.DECLINE:
        near = narrowed.parent_first(ctx, ranked, ctx.index.suggest(query, ranked))
        return declines.unknown(query, near)
    answer = answer_with(ctx, query, ranked)
    unused = _not_held_by_entry(ctx, ranked[0], found.unused)
    sure = outcome is Outcome.ANSWER and not notes.count_asked_of_a_rate(answer, query)
    if not answer.matched or (sure and not unused):
        return answer
    if answer.read_as is not None:  # read already as something other than the first entry
        return replace(answer, read_as=replace(answer.read_as, unused=unused))
    return replace(answer, read_as=_read_as(ranked, unused, offer_next=not sure))


def _not_held_by_entry(ctx: Context, top: Candidate, unused: tuple[str, ...]) -> tuple[str, ...]:
    """The words the answer did not use, of those its best phrase did not hold: a word another
    of the entry's names holds was used ("SDVC" is the Specialist Domestic Violence court)."""
    held = ctx.index.held_by[ctx.index.entry_number[top.entry.key]]
    return tuple(word for word in unused if stem(word) not in held)


def _read_as(ranked: list[Candidate], unused: tuple[str, ...], offer_next: bool) -> ReadAs:
    """Said with an answer that left words out, or that the model was less than sure of:
    then the next reading is offered too."""
    top = ranked[0]
    others = (c.entry for c in ranked[1:] if c.entry.kind not in NOT_OFFERED)
    following = next(others, None) if offer_next else None
    return ReadAs(
        title=top.entry.title,
        unused=unused,
        next_reading=suggestion_for(following) if following is not None else None,
    )


def answer_with(ctx: Context, query: Query, ranked: list[Candidate]) -> Answer:
    """The answer from the first candidate, by its kind; the priority it is under, when that
    is what is asked ("which priority is burglary under")."""
    top = _parent_asked(ctx, query, ranked[0])
    if top.entry.kind is Kind.CRIME_TYPE:
        return compose.crime_type_answer(ctx, query, top, ranked)
    if top.entry.kind is Kind.PRIORITY and top.item is None:
        police = priority_read_as_police_category(ctx, query, top)
        if police is not None:
            return police
        wanted = [i for i in PRIORITY_LIST_INTENTS if i in query.intents]
        if wanted or query.time or query.period:
            intent = next((i for i in wanted if i in LIST_INTENTS), "all_indicators")
            return compose.indicator_list(ctx, query, intent, top.entry.key)
    return compose.entry_answer(ctx, query, top, ranked)


def _parent_asked(ctx: Context, query: Query, top: Candidate) -> Candidate:
    """The priority an indicator is under, in the indicator's place, when the question asks
    which priority it is under; else the candidate itself."""
    indicator = ctx.catalogue.indicator.get(top.entry.key) if "parent" in query.intents else None
    priority = ctx.index.entries.get(indicator.priority_key) if indicator is not None else None
    return replace(top, entry=priority, item=None) if priority is not None else top
