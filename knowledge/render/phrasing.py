"""How figures and changes are said, in one place, for the text and the Block Kit answers."""

from __future__ import annotations

from knowledge.answering.types import IndicatorView
from knowledge.domain.judgement import Change, Judgement
from knowledge.domain.models import BetterWhen, Confidence, Indicator, Unit


def number(value: float, unit: Unit) -> str:
    shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return f"{shown}%" if unit is Unit.PERCENT else shown


def signed(value: float, unit: Unit) -> str:
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return sign + number(abs(value), Unit.COUNT) + (" points" if unit is Unit.PERCENT else "")


def percent(value: float) -> str:
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return f"{sign}{abs(value):.1f}%"


def change_summary(change: Change, unit: Unit) -> str:
    """ "−59 (−6.6%)", or for a rate "−3 points (−4.2% relative)"."""
    if change.percent is None:
        return signed(change.difference, unit)
    relative = " relative" if unit is Unit.PERCENT else ""
    return f"{signed(change.difference, unit)} ({percent(change.percent)}{relative})"


def better_rule(better_when: BetterWhen) -> str:
    return {
        BetterWhen.LOWER: "lower is better",
        BetterWhen.HIGHER: "higher is better",
        BetterWhen.NEUTRAL: "no better or worse direction",
    }[better_when]


JUDGEMENT_WORDS = {
    Judgement.BETTER: "better",
    Judgement.WORSE: "worse",
    Judgement.NO_JUDGEMENT: "no judgement",
    Judgement.NO_CHANGE: "no change",
}
JUDGEMENT_EMOJI = {
    Judgement.BETTER: ":large_green_circle:",
    Judgement.WORSE: ":red_circle:",
    Judgement.NO_JUDGEMENT: ":white_circle:",
    Judgement.NO_CHANGE: ":white_circle:",
}


def direction_of_travel(view: IndicatorView) -> str:
    """ "Better: down 6.6%, and lower is better." and the like."""
    change = view.change
    if change is None:
        return "No comparison: there is no figure for the year before."
    indicator = view.indicator
    if change.direction == "flat":
        return "No change."
    moved = f"{change.direction} {_size(change, indicator.unit)}"
    if change.judgement is Judgement.NO_JUDGEMENT:
        reason = indicator.neutral_note or "This indicator has no better or worse direction."
        return f"{moved.capitalize()}: no judgement. {reason}"
    word = JUDGEMENT_WORDS[change.judgement].capitalize()
    return f"{word}: {moved}, and {better_rule(indicator.better_when)}."


def _size(change: Change, unit: Unit) -> str:
    if unit is Unit.PERCENT:
        return f"{abs(change.difference):,.0f} points"
    if change.percent is None:
        return f"by {abs(change.difference):,.0f}"
    return f"{abs(change.percent):.1f}%"


def headline(view: IndicatorView) -> str:
    """The answer in one sentence: "830 in Jan-Dec 2018, down 6.6% from 889 in Jan-Dec 2017"."""
    indicator, current, previous = view.indicator, view.current, view.previous
    if current is None:
        return "No figure is held for this indicator yet."
    unit = indicator.unit
    sentence = f"{number(current.value, unit)} in {current.period.label}"
    if previous is not None and view.change is not None:
        change = view.change
        if change.direction == "flat":
            sentence += f", the same as in {previous.period.label}"
        else:
            sentence += (
                f", {change.direction} {_size(change, unit)} from "
                f"{number(previous.value, unit)} in {previous.period.label}"
            )
    return sentence + "."


def confidence_note(indicator: Indicator) -> str | None:
    if indicator.confidence is Confidence.HIGH:
        return None
    detail = f" {indicator.confidence_note}" if indicator.confidence_note else ""
    return f"Confidence in this figure: {indicator.confidence.value}.{detail}"


def missing_period_note(view: IndicatorView) -> str | None:
    """What was asked and is not held: the period asked for, or the one to compare with."""
    asked, against = view.missing_period, view.missing_baseline
    if asked is None and against is None:
        return None
    held = ", ".join(p.label for p in view.held_periods) or "none"
    if asked is None and against is not None:
        return f"I hold no figure for {against.label} to compare with. Periods held: {held}."
    missing = " or ".join(p.label for p in (asked, against) if p is not None)
    return f"I hold no figure for {missing}. Periods held: {held}."


def updated_note(view: IndicatorView) -> str:
    if view.current is None:
        return ""
    figure = view.current
    return f"Recorded {figure.recorded_at[:10]} from {recorder(figure.recorded_by)}. Source: {figure.source}."


def recorder(recorded_by: str) -> str:
    """Who recorded a figure or status, as a reader would say it."""
    return "the seed data" if recorded_by == "seed" else recorded_by
