"""A count split by how often each thing happened: "callers who rang more than 10 times",
"victims targeted 3 or more times". The indicators count people or offences over a period;
none is split by how many times, so such a question asks a measure no entry holds. "More
than once" is what makes a caller a repeat caller, so it splits nothing."""

from __future__ import annotations

import re

THRESHOLD_MEASURE = "counts split by how many times something happened"
_HOW_OFTEN = r"(?:\d+|twice|two|three|four|five|six|seven|eight|nine|ten|a few|several)"
_THRESHOLD = re.compile(
    r"\b(?:more than|over|at least|above|upwards of|in excess of|fewer than|less than|under)\s+"
    rf"{_HOW_OFTEN}\s+times\b"
    rf"|\b{_HOW_OFTEN}\s*(?:\+|or more)\s+times\b"
    rf"|\b{_HOW_OFTEN}\s+times\s+or\s+more\b"
)


def threshold_asked(text: str) -> list[str]:
    """The measure a count split by how often is, when the text asks one; else nothing."""
    return [THRESHOLD_MEASURE] if _THRESHOLD.search(text) else []
