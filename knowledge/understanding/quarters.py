"""A quarter named without a year: "theft in Q2", "quarter 3", "the second quarter". Read as
the run of its three months, so it is the latest such quarter held (monthly figures), or, of
figures held for whole years, the latest before today, which they do not hold; never the
headline figure with the quarter dropped. With a year ("Q2 2023", "Q3 this year") and "the
last quarter" other rules read it first."""

from __future__ import annotations

import re

from knowledge.understanding.spans import Span

_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_QUARTER_ALONE = re.compile(
    r"\b(?:q(?P<q>[1-4])|(?:qtr|quarter)\s*(?P<number>[1-4])"
    rf"|(?:the\s+)?(?P<nth>{'|'.join(_NTH)})\s+(?:qtr|quarter))\b"
    r"(?!\s*(?:of\b|this\b|last\b|[/-]?\s*(?:20)?\d\d\b|fy\b|financial\b|fiscal\b))"
)


def find_quarter(text: str) -> tuple[Span | None, str]:
    """The first quarter named without a year, as a run of months ("months", January to March
    for Q1), and the text without its words."""
    found = _QUARTER_ALONE.search(text)
    if found is None:
        return None, text
    quarter = int(found.group("q") or found.group("number") or _NTH[found.group("nth")])
    span = Span("months", 3 * quarter - 2, found.group(0), until=3 * quarter)
    return span, text[: found.start()] + " " + text[found.end() :]
