"""Months named one by one: "June, July and August this year", "july & august 2012". Read as
the run of months they are ("june to august"), before the time grammar, which otherwise takes
the first or the last month alone and gives its figure as if it answered."""

from __future__ import annotations

import re
from itertools import pairwise

from knowledge.understanding.spans import MONTH_PATTERN, month_number

_LIST = re.compile(
    rf"\b(?:{MONTH_PATTERN})\b(?:(?:\s*,\s*|\s+)(?:{MONTH_PATTERN})\b)*"
    rf"\s*,?\s*(?:and|&)\s+(?:{MONTH_PATTERN})\b"
)
"""Two or more months' names, the last after "and" or "&", commas or spaces between the rest."""
_NAME = re.compile(rf"\b(?:{MONTH_PATTERN})\b")


def months_as_a_run(text: str) -> str:
    """Cleaned text with each list of months that follow one another written as a run ("june
    to august"); a list with a gap ("june and september") is left as it is."""
    return _LIST.sub(_as_run, text)


def _as_run(found: re.Match[str]) -> str:
    names = _NAME.findall(found.group(0))
    numbers = [month_number(name) for name in names]
    following = all((b - a) % 12 == 1 for a, b in pairwise(numbers))
    if not following:
        return found.group(0)
    return f"{names[0]} to {names[-1]}"
