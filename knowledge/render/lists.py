"""How a list of indicators is said, for the text and the Block Kit answers alike: one short
row each, the figure first, the period said once above the rows when they share it, and
the list that answers the other way offered after it."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.answering.types import IndicatorListAnswer, IndicatorView, Suggestion
from knowledge.render.phrasing import movement, number

_OTHER_WAY = {
    "worse": (Suggestion("list:better", "What improved", "which indicators are improving"),),
    "better": (Suggestion("list:worse", "What got worse", "which indicators are getting worse"),),
    "up": (Suggestion("list:down", "What went down", "which indicators are going down"),),
    "down": (Suggestion("list:up", "What went up", "which indicators are going up"),),
}
_BOTH_WAYS = (*_OTHER_WAY["better"], *_OTHER_WAY["worse"])


@dataclass(frozen=True)
class Row:
    figure: str | None
    """The figure ("830", "69%"), or None when none is held."""
    name: str
    """The indicator's short name, with the period when the list's rows differ in it."""
    rest: str
    """How it moved ("down 6.6%"), or why there is nothing to say."""


def row_parts(view: IndicatorView, with_period: bool) -> Row:
    indicator, current = view.indicator, view.current
    if current is None:
        return Row(None, indicator.short_name, "no figure held")
    name = indicator.short_name + (f" in {current.period.short_label}" if with_period else "")
    moved = movement(view, against=with_period)
    if moved is None:
        moved = f"no {current.period.year_before().short_label} figure to compare"
    return Row(number(current.value, indicator.unit), name, moved)


def list_period(rows: tuple[IndicatorView, ...] | list[IndicatorView]) -> tuple[str | None, bool]:
    """The period the rows share, said once ("Jan-Dec 2018, each against 2017"), and whether
    each row must say its own instead."""
    periods = {r.current.period for r in rows if r.current is not None}
    before = {r.previous.period for r in rows if r.previous is not None}
    if len(periods) != 1 or len(before) > 1:
        return None, True
    (period,) = periods
    if before:
        (earlier,) = before
        return f"{period.label}, each against {earlier.short_label}", False
    return period.label, False


def list_follow_ups(answer: IndicatorListAnswer) -> tuple[Suggestion, ...]:
    """ "What improved" under the list of what got worse, and the other way round; both under
    the whole scorecard."""
    if answer.list_filter in _OTHER_WAY:
        return _OTHER_WAY[answer.list_filter]
    if (answer.key or "").startswith("list:all"):
        return _BOTH_WAYS
    return ()
