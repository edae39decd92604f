"""A priority's name asked as a figure, where the police name a category the same way.

"violence last month" names the Violence priority by its name alone, but asks for a period (or
which way one figure went): what partners mean is the police's figure for violence, the
category "Violence Against the Person". Once an import has made the indicator that counts a
category named with the priority's words, under that priority, the question is answered with
it, saying how it was read and offering the priority's list. Asked of the priority itself
("violence indicators", "the violence priority", "violence strand", "which violence figures
went up"), or on a store where no such indicator is held, the priority's list answers as before.
"""

from __future__ import annotations

from dataclasses import replace

from knowledge.answering import compose
from knowledge.answering.context import Context
from knowledge.answering.declines import suggestion_for
from knowledge.answering.types import Answer, ReadAs
from knowledge.domain.models import Kind
from knowledge.understanding.index import Candidate
from knowledge.understanding.query import Query
from knowledge.understanding.reader import DIRECTIONS, asks_for_things
from knowledge.understanding.text import clean, stem, words

LIST_ASKED = frozenset({"indicators_word", "all_indicators"})
"""Intents that ask for the priority's indicators, not one figure."""


def priority_read_as_police_category(ctx: Context, query: Query, top: Candidate) -> Answer | None:
    """The indicator counting the police category named with the priority's name, when the
    question names the priority by that name alone and asks one figure of it; else None."""
    priority = ctx.catalogue.priority.get(top.entry.key)
    if priority is None or top.item is not None or not _one_figure_asked(query):
        return None
    name = _stems(priority.name)
    if not name or not set(query.tokens) <= name:
        return None
    named = [
        ctx.crime_types[entry.key]
        for entry in ctx.index.entries.values()
        if entry.kind is Kind.CRIME_TYPE and name <= _stems(entry.title)
    ]
    held = {
        crime.held_as: crime
        for crime in sorted(
            named, key=lambda c: c.group is not None, reverse=True
        )  # a group last: it is said
        if crime.held_as in ctx.catalogue.indicator
        and ctx.catalogue.indicator[crime.held_as].priority_key == priority.key
    }
    if len(held) != 1:
        return None
    [(key, crime)] = held.items()
    indicator = ctx.catalogue.indicator[key]
    counted = replace(top, entry=ctx.index.entries[key], item=None)
    answer = compose.entry_answer(ctx, query, counted, [counted])
    note = (
        f"“{priority.name}” read as the police's category {crime.name}; for the "
        f"{priority.name} priority's indicators, ask “{priority.name.lower()} indicators”."
    )
    return replace(
        answer,
        notes=(*answer.notes, note),
        read_as=ReadAs(title=indicator.name, unused=(), next_reading=suggestion_for(top.entry)),
    )


def _stems(name: str) -> set[str]:
    return {stem(word) for word in words(clean(name))}


def _one_figure_asked(query: Query) -> bool:
    """A period, a time or which way it went, asked of one figure: not the list of indicators
    ("violence kpis 2022"), nor which of them went a way ("which violence figures went up")."""
    if query.intents & LIST_ASKED:
        return False
    direction = bool(query.intents & DIRECTIONS)
    if direction and asks_for_things(words(query.text)):
        return False
    return bool(direction or query.period or query.time or query.span or query.comparison)
