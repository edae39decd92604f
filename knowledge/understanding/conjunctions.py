""""Before" said as a conjunction, of something the partner does ("just checking before I send
the briefing", "before going on leave"): when they ask, not the year before. Left in, the time
words read it as the previous year and give that year's figure, sure of it."""

from __future__ import annotations

import re

_BEFORE_A_CLAUSE = re.compile(
    r"\bbefore\s+(?=(?:i|i'm|im|i've|ive|we|we're|you|they|he|she|someone|anyone|everyone|[a-z]{2,}ing)\b)"
)


def without_before_a_clause(text: str) -> str:
    """The cleaned text without "before" where a clause follows it."""
    return _BEFORE_A_CLAUSE.sub(" ", text) if "before" in text else text
