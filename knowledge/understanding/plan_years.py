"""A span of years that names a plan: "the 2018-21 plan", "Strategic Plan 2018-2021", "the
2017-2021 priorities". The years are the plan's name, not a period asked, so the time grammar
does not read them ("2018-21" would be 2021 against 2018); they are kept as words a name that
mentions them is a closer match for. A span of one year ("the 2019-20 plan", "2017-18") is a
financial year, and left to the time grammar."""

from __future__ import annotations

import re

_PLAN = r"(?:strategic\s+|action\s+|delivery\s+)?(?:plans?|priorities|strateg(?:y|ies))"
"""The words for a plan that partners name by its years."""
_YEARS = r"(?P<{0}>(?:20)?[0-3]\d)\s*(?:-|–|to)\s*(?P<{1}>(?:20)?[0-3]\d)"
_PLAN_YEARS = re.compile(
    rf"(?<![\w/£.-]){_YEARS.format('first', 'last')}\s+(?:the\s+)?{_PLAN}\b"
    rf"|\b{_PLAN}\s+(?:for\s+|of\s+)?{_YEARS.format('first2', 'last2')}(?![\w/%.-])"
)


def _year(written: str) -> int:
    return int(written) if len(written) == 4 else 2000 + int(written)


def without_plan_years(text: str) -> tuple[str, list[str]]:
    """The text without the years that name a plan, and those years, in full."""
    years: list[str] = []

    def taken(found: re.Match[str]) -> str:
        before = found.group("first") is not None
        first, last = ("first", "last") if before else ("first2", "last2")
        if _year(found.group(last)) - _year(found.group(first)) < 2:
            return found.group(0)
        years.extend(str(_year(found.group(name))) for name in (first, last))
        whole = found.string
        return whole[found.start() : found.start(first)] + whole[found.end(last) : found.end()]

    return _PLAN_YEARS.sub(taken, text), years
