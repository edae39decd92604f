"""How figures, changes, sources and ages are said, in one place, for the text and the Block
Kit answers alike. Nothing here knows about Slack's markup: the renderers bold and escape."""

from __future__ import annotations

import re
from datetime import date, timedelta

from knowledge.answering.types import IndicatorView
from knowledge.domain.judgement import Change, Judgement
from knowledge.domain.models import BetterWhen, Confidence, Figure, Indicator, Unit
from knowledge.domain.periods import Period

SEED = "seed"
"""Who recorded a figure or status that came from the seed data."""
STALE_AFTER = timedelta(days=365)
"""A figure whose period ended longer ago than this is said to be old."""


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
"""Slack's names for the emoji; `JUDGEMENT_SYMBOLS` are the same, for plain text."""
JUDGEMENT_SYMBOLS = {
    Judgement.BETTER: "🟢",
    Judgement.WORSE: "🔴",
    Judgement.NO_JUDGEMENT: "⚪",
    Judgement.NO_CHANGE: "⚪",
}
NO_COMPARISON = Judgement.NO_JUDGEMENT
"""The emoji of a figure with nothing to compare it with."""
LEGEND = (
    (Judgement.BETTER, "better"),
    (Judgement.WORSE, "worse"),
    (Judgement.NO_JUDGEMENT, "no judgement or no comparison"),
)
"""What the emoji of a list mean."""


def judgement_of(view: IndicatorView) -> Judgement:
    return view.change.judgement if view.change is not None else NO_COMPARISON


# ---- what a figure counts ------------------------------------------------------------------

_NUMBER_OF = re.compile(r"^(?:(?P<topic>[^:]+):\s*)?number of\s+(?P<what>.+)$", re.IGNORECASE)


def _lowered(text: str) -> str:
    """Ordinary capitalised words in lower case; acronyms ("ASB") and proper names that run on
    in capitals ("Specialist Domestic Violence court") kept."""
    words = text.split()
    if all(w[:1].isupper() for w in words if w[:1].isalpha()):  # Title Case throughout
        return " ".join(w if _acronym(w) else w.lower() for w in words)
    first, rest = words[0], words[1:]
    if not _acronym(first) and (not rest or not rest[0][:1].isupper()):
        first = first.lower()
    return " ".join([first, *rest])


def _acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def counted(indicator: Indicator) -> str:
    """What the figure counts, to follow the number: "knife crimes", "hate crime offences
    reported to police", "SDVC conviction rate"."""
    if indicator.unit is Unit.PERCENT:
        return indicator.short_name
    found = _NUMBER_OF.match(indicator.name)
    if found is None:
        return _lowered(indicator.name)
    what = _lowered(found["what"])
    topic = found["topic"]
    return f"{_lowered(topic)} {what}" if topic else what


# ---- one figure ---------------------------------------------------------------------------


def movement(view: IndicatorView, against: bool = True) -> str | None:
    """ "down 6.6% on 2017", "down 3 points on 2017", "the same as 2017" ("down 6.6%", "no
    change" when the list says what its figures are compared with); None with nothing to
    compare with."""
    change, previous = view.change, view.previous
    if change is None or previous is None:
        return None
    year = previous.period.short_label
    if change.direction == "flat":
        return f"the same as {year}" if against else "no change"
    moved = f"{change.direction} {_size(change, view.indicator.unit)}"
    return f"{moved} on {year}" if against else moved


def _size(change: Change, unit: Unit) -> str:
    if unit is Unit.PERCENT:
        return f"{abs(change.difference):,.0f} points"
    if change.percent is None:
        return f"by {abs(change.difference):,.0f}"
    return f"{abs(change.percent):.1f}%"


def headline_rest(view: IndicatorView) -> str:
    """What follows the figure: "knife crimes in Jan-Dec 2018"."""
    current = view.current
    period = f" in {current.period.label}" if current is not None else ""
    return f"{counted(view.indicator)}{period}"


def comparison(view: IndicatorView) -> str | None:
    """The line under the figure: the judgement in words, why, and the figure compared with.
    "Better, as lower is better. 2017 was 889 (−59)." """
    indicator, change, previous = view.indicator, view.change, view.previous
    if view.current is None:
        if view.held_periods and view.missing_period is None and view.missing_baseline is None:
            return f"Periods held: {', '.join(p.label for p in view.held_periods)}."
        return None  # the headline says none is held; a note says what was asked and is not
    if change is None or previous is None:
        if indicator.note:
            return None  # the indicator's own note says why
        return f"I hold no figure for {view.current.period.year_before().short_label} to compare with."
    was = f"{previous.period.short_label} was {number(previous.value, indicator.unit)}"
    if change.direction == "flat":
        return f"No change: {was} too."
    if indicator.unit is Unit.PERCENT and change.percent is not None:
        detail = f"{was} ({percent(change.percent)} relative)."
    else:
        detail = f"{was} ({signed(change.difference, indicator.unit)})."
    if change.judgement is Judgement.NO_JUDGEMENT:
        reason = indicator.neutral_note or "This indicator has no better or worse direction."
        return f"No judgement: {_sentence(reason)} {detail}"
    return (
        f"{JUDGEMENT_WORDS[change.judgement].capitalize()}, as {better_rule(indicator.better_when)}. {detail}"
    )


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def reported_note(view: IndicatorView) -> str | None:
    """Where the figure compared with is the sum of its months and the figure reported for the
    same period differs: say which is which, so neither looks like a mistake."""
    reported, previous = view.previous_reported, view.previous
    if reported is None or previous is None:
        return None
    said = f"{reported.source} reported" if reported.source else "The figure reported was"
    return (
        f"{previous.period.short_label} here is the sum of its monthly figures, to compare like with "
        f"like. {said} {number(reported.value, view.indicator.unit)} for {reported.period.short_label}."
    )


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


# ---- how old, and where from ---------------------------------------------------------------


def last_day(period: Period) -> date:
    end = period.end
    return date(end.year + end.month // 12, end.month % 12 + 1, 1) - timedelta(days=1)


def age_note(latest: Period | None, today: date) -> str | None:
    """ "The latest I hold is for 2018.", when the latest figure held is over a year old."""
    if latest is None or today - last_day(latest) <= STALE_AFTER:
        return None
    return f"The latest I hold is for {latest.short_label}."


def latest_period(views: tuple[IndicatorView, ...] | list[IndicatorView]) -> Period | None:
    """The latest period any of the views holds a figure for."""
    held = [p for v in views for p in v.held_periods]
    return max(held, key=lambda p: p.end) if held else None


_WHEN = re.compile(r"^(?P<what>.*?)\s*\((?P<when>[^()]+)\)\s*$")


def source_said(source: str) -> str:
    """Where a figure comes from, as a reader says it: "Community Safety in Tower Hamlets,
    council presentation (early 2019)" is "Council presentation, early 2019"."""
    found = _WHEN.match(source.strip())
    if found is None:
        return source.strip()
    what = found["what"].rsplit(",", 1)[-1].strip() or found["what"].strip()
    return f"{what[:1].upper()}{what[1:]}, {found['when'].strip()}"


def day(iso: str) -> str:
    """ "2019-03-12T10:00:00+00:00" as "12 Mar 2019"; text that is not a date, as it is."""
    try:
        when = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{when.day} {when:%b %Y}"


IMPORTED = "import"
"""The source of a figure imported from the Met's borough data (`csp-bot import mps`)."""


def recorded(person: str, at: str, source: str = "") -> str:
    """Who recorded an officer's figure or status (or imported a police file), and when.
    `person` is how the renderer names them (a Slack mention, or the id)."""
    if source == IMPORTED:
        return f"Met Police borough data, imported by {person} on {day(at)}"
    return f"Recorded by {person} on {day(at)}"


def confidence_words(indicator: Indicator, figure: Figure | None) -> str | None:
    """How sure a seed figure is, in plain words; None for a sure one or an officer's."""
    if figure is None or figure.recorded_by != SEED or indicator.confidence is Confidence.HIGH:
        return None
    if indicator.confidence is Confidence.LOW:
        return "rebuilt from a scrambled slide table, perhaps swapped with the next row: check before quoting"
    return "rebuilt from a scrambled slide table: check before quoting"


def recorder(recorded_by: str) -> str:
    """Who recorded a figure or status, as a reader would say it."""
    return "the seed data" if recorded_by == SEED else recorded_by
