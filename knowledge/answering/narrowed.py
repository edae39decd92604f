"""A question for a part of what is held is declined, offering the whole (issue #16: the
whole figure given as if it answered is the worst outcome a police-data bot can give).

Two ways to ask for a part: a word of a narrowing kind the indicator does not hold ("ASB
calls at night", "knife crime in Whitechapel"), and a police crime category counted within
an indicator with others ("homicide" within Violence against the person, "residential
burglary" within Total burglary). Both are hard rules, applied after the decision model:
the model weighs how sure the bot is of the topic; these say the topic is not all that was
asked.
"""

from __future__ import annotations

import re

from knowledge.answering import declines
from knowledge.answering.context import Context
from knowledge.answering.types import Declined
from knowledge.domain.crime_types import CrimeType, Relation
from knowledge.domain.models import Kind
from knowledge.domain.series import Series
from knowledge.understanding import decide
from knowledge.understanding.index import Candidate, Entry
from knowledge.understanding.narrowed import NarrowedPart, as_typed, narrowed_part, without
from knowledge.understanding.narrowing import Narrowing, NarrowingTable
from knowledge.understanding.query import Query
from knowledge.understanding.text import stem, words


def part_not_held(
    ctx: Context, query: Query, ranked: list[Candidate], *, read_as: bool = False
) -> Declined | None:
    """A decline offering the indicator first, when the question narrows it to a part it
    does not hold and, that part left out, the bot is sure of the indicator; otherwise None.
    Where the model would answer only "I read this as …" (`read_as`), a part said of the
    indicator is declined if, left out, the indicator still comes first: the reading would
    give the whole figure for the part asked ("SDVC conviction rate for rape cases")."""
    top = ranked[0]
    indicator = _indicator_of(ctx, top)
    if indicator is None:
        return money_not_held(ctx, query, ranked) or _named_beside_a_text(ctx, query, ranked, read_as)
    index = ctx.index
    held = index.held_by[index.entry_number[indicator.key]] | index.held_by[index.entry_number[top.entry.key]]
    names = [text for text, item in indicator.phrases if item is None and not text.isdigit()]
    if query.excluded and set(query.excluded) <= held:
        return declines.taken_out(query, indicator, ctx.language.stopwords)
    # The topic is every word of the question the entry holds, not only those of the place
    # found: "the 190 continuum arrests were women" finds the indicator by its figure.
    topic = top.words | (held & frozenset(query.tokens))
    part = narrowed_part(ctx.language, query, held, topic, names) or _crime_type_part(
        ctx, query, ranked, indicator, held, topic
    )
    if part is None:
        return None
    # Sure of the indicator once the part is left out, by the structural rule (not the model,
    # so that the model can be fitted apart from this rule): otherwise the model decides.
    ranked_rest = index.rank(without(query, part))
    sure = read_as or decide.confident(ranked_rest)
    if not sure or not ranked_rest or _indicator_of(ctx, ranked_rest[0]) != indicator:
        return None
    monthly = Series(tuple(ctx.catalogue.figures.get(indicator.key, ()))).monthly
    return declines.narrowed(query, indicator, part, monthly)


CONJUNCTIONS = frozenset({"and", "or", "plus", "vs", "versus", "v"})
"""Words that set a crime category apart from the topic: "domestic abuse and rape" asks two
things, "domestic abuse rapes" one."""


def _crime_type_part(
    ctx: Context,
    query: Query,
    ranked: list[Candidate],
    indicator: Entry,
    held: frozenset[str],
    topic: frozenset[str],
) -> NarrowedPart | None:
    """A police crime category said of an indicator that does not count it as one of its
    own, as the narrowing words are ("the SDVC conviction rate for rape cases", "domestic
    abuse offences that were rapes"): the indicator's figure is not one for that category.
    A category another indicator counts whole is that indicator, asked beside it."""
    asked = frozenset(query.tokens)
    named = [
        c.entry
        for c in ranked[1:]
        if c.entry.kind is Kind.CRIME_TYPE and c.words and c.words <= asked and not c.words & held
    ]
    named = [entry for entry in named if _a_part_of_another(ctx.crime_types[entry.key], indicator.key)]
    if not named:
        return None
    table = NarrowingTable({Narrowing.SUBTYPE: [text for e in named for text, _ in e.phrases]}, frozenset())
    return narrowed_part(ctx.language, query, held, topic, scan=table.scan, apart=CONJUNCTIONS)


def _a_part_of_another(crime: CrimeType, indicator_key: str) -> bool:
    """Not held by any indicator, or counted within one other than this one."""
    return crime.held_as is None or (crime.relation is Relation.WITHIN and crime.held_as != indicator_key)


def _named_beside_a_text(
    ctx: Context, query: Query, ranked: list[Candidate], read_as: bool
) -> Declined | None:
    """ "Serious youth violence involving girls", "knife crime by under 25s": an indicator named
    whole and narrowed to a part it does not hold, where a plan or fact leads only because it
    holds the narrowing word ("women and girls"). The question asks the indicator's figure
    for that part, so it is declined offering the indicator; one that asks what is done
    ("what are we doing about knife crime among girls") asks the text."""
    if ranked[0].entry.kind not in WITHOUT_MONEY or query.intents & ASKS_WHAT_IS_DONE:
        return None
    named = next(
        (c for c in ranked[1:4] if c.entry.kind is Kind.INDICATOR and c.item is None and whole_name(c)),
        None,
    )
    if named is None or not named.words <= frozenset(query.tokens):
        return None
    rivals = [c for c in ranked if c is not named]
    return part_not_held(ctx, query, [named, *rivals], read_as=read_as)


def whole_name(candidate: Candidate) -> bool:
    return candidate.precision >= decide.NAME_PRECISION


ASKS_WHAT_IS_DONE = frozenset({"status_word", "why"})
"""Intents that ask what a plan or fact says, not a figure."""

WITHOUT_MONEY = (Kind.ACTION, Kind.DELIVERABLE, Kind.FACT)
"""Kinds of entry that may say what was done and hold no money for it: "what does extending
the RRT cost" asks what the action does not say (the investments, which name sums, do)."""


_SUM = re.compile(r"£\s?\d")
"""A sum of money in an entry's words: "£1.5m ASB to further enhance our ASB service"."""


def money_held_elsewhere(ctx: Context, query: Query, ranked: list[Candidate]) -> list[Candidate] | None:
    """The ranking led by the entry that holds the money, when the question asks what a plan,
    action or fact topic cost ("what did the ASB service cost", "how much extra did the ASB
    service get"), the first candidate names no sum, and another holding a sum is about all
    the same words: the investments say what the ASB service got. None otherwise."""
    top = ranked[0]
    if top.entry.kind not in WITHOUT_MONEY or _names_a_sum(top.entry):
        return None
    held = ctx.index.held_by[ctx.index.entry_number[top.entry.key]]
    topic = top.words | (held & frozenset(query.tokens))
    asks_money = _HOW_MUCH.search(query.text) or narrowed_part(
        ctx.language, query, held, topic, kinds=frozenset({Narrowing.MONEY})
    )
    if not asks_money:
        return None
    for candidate in ranked[1:4]:
        if candidate.item is not None and top.words <= candidate.words and _names_a_sum(candidate.entry):
            return [candidate, *(c for c in ranked if c is not candidate)]
    return None


_HOW_MUCH = re.compile(
    r"\bhow much\b(?! (?:has|have|had|did|does|is|was|are|were)\b"
    r".*\b(?:up|down|rise|fall|fell|rose|change)\w*)"
)
"""How much a topic got or cost, not how much a figure changed ("how much has it gone up")."""


def _names_a_sum(entry: Entry) -> bool:
    return any(_SUM.search(text) for text, _ in entry.phrases)


def money_not_held(ctx: Context, query: Query, ranked: list[Candidate]) -> Declined | None:
    """A decline offering the entry first, when the question asks what an action, deliverable
    or fact topic cost and the entry holds no word of money; otherwise None."""
    top = ranked[0]
    if top.entry.kind not in WITHOUT_MONEY:
        return None
    held = ctx.index.held_by[ctx.index.entry_number[top.entry.key]]
    topic = top.words | (held & frozenset(query.tokens))
    part = narrowed_part(ctx.language, query, held, topic, kinds=frozenset({Narrowing.MONEY}))
    if part is None:
        return None
    ranked_rest = ctx.index.rank(without(query, part))
    if not decide.confident(ranked_rest) or ranked_rest[0].entry is not top.entry:
        return None
    return declines.narrowed(query, top.entry, part)


def declined_whatever_the_model(ctx: Context, query: Query, ranked: list[Candidate]) -> bool:
    """Whether these rules decline the question whatever the model makes of its first
    candidate: a part of an indicator not held, or a police category counted within one.
    The model is not fitted on such questions (`tools/fit_decision.py`)."""
    if not ranked:
        return False
    if part_not_held(ctx, query, ranked) is not None:
        return True
    top = ranked[0]
    return top.entry.kind is Kind.CRIME_TYPE and counted_within(ctx, query, top) is not None


def counted_within(ctx: Context, query: Query, top: Candidate) -> Declined | None:
    """A police category counted within an indicator with others ("homicide"), declined
    offering the indicator; None when the category is not so held, or when the question
    names every category the indicator counts ("residential and business burglary")."""
    crime = ctx.crime_types[top.entry.key]
    if crime.relation is not Relation.WITHIN or crime.held_as not in ctx.catalogue.indicator:
        return None
    if names_every_part(ctx, query, crime):
        return None
    entry = ctx.index.entries[crime.held_as or ""]
    if top.precision >= decide.NAME_PRECISION:
        return declines.counted_within(query, crime.name, entry)
    # "firearms offences" is in several categories: say the words asked, not one category.
    typed = words(query.text)
    asked = [i for i, word in enumerate(typed) if stem(query.corrections.get(word) or word) in top.words]
    said = as_typed(query.raw, typed[asked[0] : asked[-1] + 1]) if asked else crime.name
    return declines.counted_within(query, said, entry, named=False)


def parent_first(ctx: Context, ranked: list[Candidate], near: list[Entry]) -> list[Entry]:
    """The topics offered when the bot declines: the indicator a police category read from
    the question is counted within ("firearms" within Possession of weapons) first."""
    if not ranked or ranked[0].entry.kind is not Kind.CRIME_TYPE:
        return near
    crime = ctx.crime_types[ranked[0].entry.key]
    parent = ctx.index.entries.get(crime.held_as or "")
    if parent is None or crime.held_as not in ctx.catalogue.indicator:
        return near
    return [parent, *(entry for entry in near if entry is not parent)][: max(len(near), 1)]


def _indicator_of(ctx: Context, candidate: Candidate) -> Entry | None:
    """The indicator a candidate's figure is: itself, or the one a police category is held as
    whole (not one it is counted within, declined on its own)."""
    entry = candidate.entry
    if entry.kind is Kind.INDICATOR:
        return entry
    if entry.kind is not Kind.CRIME_TYPE:
        return None
    crime = ctx.crime_types[entry.key]
    if crime.relation is Relation.WITHIN or crime.held_as not in ctx.catalogue.indicator:
        return None
    return ctx.index.entries.get(crime.held_as or "")


def names_every_part(ctx: Context, query: Query, crime: CrimeType) -> bool:
    """The question names each category counted within the indicator, by a word of its own
    (not one of the indicator's or the group's): together they are the whole."""
    index = ctx.index
    shared = index.held_by[index.entry_number[crime.held_as or ""]]
    group = next((c for c in ctx.crime_types.values() if c.group is None and c.name == crime.group), None)
    if group is not None and group.key in index.entry_number:
        shared = shared | index.held_by[index.entry_number[group.key]]
    asked = set(query.tokens)
    parts = [
        c for c in ctx.crime_types.values() if c.held_as == crime.held_as and c.relation is Relation.WITHIN
    ]
    own = [index.held_by[index.entry_number[c.key]] - shared for c in parts if c.key in index.entry_number]
    return len(own) >= 2 and all(held & asked for held in own)
