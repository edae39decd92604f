"""A month or run of months of this year or last: "June to August this year", "jun-aug last
year", "in March this year" (a list of months, "June, July and August", is a run by now:
`month_lists`). Read by `when` with the other spans named relative to now; else the grammar
reads "this year" as the year so far, or the months as the latest such run, and loses the
year said."""

from __future__ import annotations

import re

from knowledge.understanding.spans import MONTH_PATTERN, Span, month_number

_MONTHS_OF_A_YEAR = re.compile(
    rf"\b(?:(?:from|between)\s+)?(?P<month>{MONTH_PATTERN})\.?"
    rf"(?:\s*(?:-|–|to|through|thru|till|until|and)\s*(?P<until>{MONTH_PATTERN})\.?)?"
    r"\s+(?:of\s+)?(?:(?P<this>this|the\s+current)|last|the\s+previous|the\s+past)\s+year\b"
)


def find_months_of_a_year(text: str) -> tuple[Span | None, str]:
    """The first month or run of months said to be of this year ("months_this_year") or of
    last ("months_last_year"), and the text without its words. A run over the turn of a year
    ("Nov to Feb this year") ends in the year said."""
    found = _MONTHS_OF_A_YEAR.search(text)
    if found is None:
        return None, text
    kind = "months_this_year" if found.group("this") else "months_last_year"
    first = month_number(found.group("month"))
    last = month_number(found.group("until")) if found.group("until") else first
    span = Span(kind, first, found.group(0), until=last)
    return span, text[: found.start()] + " " + text[found.end() :]
