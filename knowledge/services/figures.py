"""Recording a figure from Slack: checked at the edge, written with its audit row in one
transaction, applied once per request, and answered with the change on a year before.

A value far from the figure before it (over ten times it, or under a tenth) is recorded only
when the officer confirms it: a slipped digit is the commonest mistake, and the costliest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from pydantic import BaseModel, ValidationError, field_validator

from knowledge.domain.judgement import Change, compare
from knowledge.domain.models import Figure, Indicator, Unit
from knowledge.domain.periods import Period, PeriodError, parse_period
from knowledge.render.phrasing import number
from knowledge.services.roles import Roles
from knowledge.store import Store, figure_row
from knowledge.store.audit import AuditEntry, add_audit, audit_for_request
from knowledge.store.catalogue import read_indicator
from knowledge.store.figures import add_figure, latest_figure, latest_held

COMMAND_SOURCE = "command"
FORM_SOURCE = "form"

OUTLIER_FACTOR = 10
"""A value over this many times the figure before it, or under its reciprocal, is checked."""
OUTLIER_FLOOR = 1.0
"""Values are compared as at least this much (one offence, one percentage point), so a ratio
of small numbers (0 → 3, 3 → 0) is not taken for a slipped digit, and zero has a ratio."""


class FigureError(ValueError):
    """What was wrong with a figure as typed, and an example of one that is right."""


class CountValue(BaseModel):
    value: int

    @field_validator("value", mode="before")
    @classmethod
    def _whole_number(cls, text: str) -> int:
        cleaned = str(text).strip().replace(",", "")
        if not re.fullmatch(r"\d+", cleaned):
            raise ValueError(f"“{text}” is not a whole number of 0 or more; write it like 1,234")
        return int(cleaned)


class RateValue(BaseModel):
    value: float

    @field_validator("value", mode="before")
    @classmethod
    def _percentage(cls, text: str) -> float:
        cleaned = str(text).strip().removesuffix("%").strip()
        if not re.fullmatch(r"\d+(\.\d+)?", cleaned) or float(cleaned) > 100:
            raise ValueError(f"“{text}” is not a percentage from 0 to 100; write it like 69% or 69.5")
        return float(cleaned)


def read_value(unit: Unit, text: str) -> float:
    model = RateValue if unit is Unit.PERCENT else CountValue
    try:
        return float(model(value=text).value)
    except ValidationError as error:
        raise FigureError(error.errors()[0]["msg"].removeprefix("Value error, ")) from None


def read_period(text: str) -> Period:
    try:
        return parse_period(text)
    except PeriodError as error:
        raise FigureError(str(error)) from None


@dataclass(frozen=True)
class Outlier:
    """A value over ten times the figure before it, or under a tenth of it."""

    indicator: Indicator
    period: Period
    value: float
    previous: Figure
    """The latest figure held for the indicator (for another period, when there is one)."""
    expected: float
    """The previous figure over as many months as the new one: a count over six months is
    compared with half a year's count. A rate is compared as it is."""

    @property
    def over(self) -> bool:
        return max(self.value, OUTLIER_FLOOR) > max(self.expected, OUTLIER_FLOOR)

    @property
    def reason(self) -> str:
        """ "412 is over 10× the last figure, 41 for 2018" """
        unit = self.indicator.unit
        how = f"over {OUTLIER_FACTOR}×" if self.over else "under a tenth of"
        text = (
            f"{number(self.value, unit)} is {how} the last figure, "
            f"{number(self.previous.value, unit)} for {self.previous.period.short_label}"
        )
        if self.expected != self.previous.value:
            months = self.period.months
            text += f", about {number(round(self.expected), unit)} over {months} month{'s' * (months > 1)}"
        return text


class NeedsConfirmation(Exception):
    """The value looks like a slip; record it only when the officer confirms it."""

    def __init__(self, outlier: Outlier) -> None:
        super().__init__(outlier.reason)
        self.outlier = outlier


def find_outlier(
    indicator: Indicator, period: Period, value: float, previous: Figure | None
) -> Outlier | None:
    """The outlier a value is against the figure before it, or None when it looks ordinary."""
    if previous is None:
        return None
    expected = previous.value
    if indicator.unit is Unit.COUNT and previous.period.months != period.months:
        expected = previous.value * period.months / previous.period.months
    new, old = max(value, OUTLIER_FLOOR), max(expected, OUTLIER_FLOOR)
    if new > OUTLIER_FACTOR * old or new * OUTLIER_FACTOR < old:
        return Outlier(indicator, period, value, previous, expected)
    return None


@dataclass(frozen=True)
class Recorded:
    """A figure as recorded: what it was and is, and how it compares with a year before."""

    indicator: Indicator
    period: Period
    old: float | None
    new: float | None
    year_before: Figure | None
    change: Change | None
    repeated: bool = False
    """The request had been applied already (Slack delivered it twice): nothing changed now."""


class Figures:
    def __init__(self, store: Store, roles: Roles) -> None:
        self.store = store
        self.roles = roles

    def indicator(self, key: str) -> Indicator:
        found = read_indicator(self.store.db, key)
        if found is None:
            raise FigureError(f"there is no indicator “{key}”; try `update knife crime 830 for 2019`")
        return found

    def check(
        self, indicator_key: str | None, period_text: str | None, value_text: str | None
    ) -> dict[str, str]:
        """What is wrong with each part of a figure as typed, by the name of the part
        ("indicator", "period", "value"), read as `record` reads them: {} when nothing is."""
        errors = {}
        indicator = read_indicator(self.store.db, indicator_key) if indicator_key else None
        if indicator is None:
            errors["indicator"] = "choose an indicator from the list"
        try:
            read_period(period_text or "")
        except FigureError as error:
            errors["period"] = str(error)
        if indicator is not None:
            try:
                read_value(indicator.unit, value_text or "")
            except FigureError as error:
                errors["value"] = str(error)
        return errors

    def record(
        self,
        actor: str,
        indicator_key: str,
        period_text: str,
        value_text: str,
        note: str | None,
        source: str,
        request_id: str | None,
        now: datetime,
        confirmed: bool = False,
    ) -> Recorded:
        """Record a figure, once per request; raise NeedsConfirmation for an outlier that is
        not `confirmed`, and nothing changes."""
        if not self.roles.can_write(actor):
            raise self.roles.refusal("officers can change the figures")
        indicator = self.indicator(indicator_key)
        period = read_period(period_text)
        value = read_value(indicator.unit, value_text)
        at = now.astimezone(UTC).isoformat(timespec="seconds")
        with self.store.write_content() as db:
            done = audit_for_request(db, request_id) if request_id else None
            if done is not None:
                return self.result(indicator, period, *audit_values(done), repeated=True)
            if not confirmed:
                previous = latest_held(db, indicator.key, besides=period.code)
                outlier = find_outlier(indicator, period, value, previous and _figure(previous))
                if outlier is not None:
                    raise NeedsConfirmation(outlier)
            before = latest_figure(db, indicator.key, period.code)
            old = before["value"] if before else None
            add_figure(db, figure_row(indicator.key, period, value, at, actor, source))
            add_audit(
                db,
                at=at,
                actor=actor,
                action="record",
                entity="figure",
                entity_key=indicator.key,
                period=period.code,
                old=None if old is None else {"value": old},
                new={"value": value, "note": note, **({"confirmed": True} if confirmed else {})},
                source=source,
                request_id=request_id,
            )
        return self.result(indicator, period, old, value)

    def result(
        self,
        indicator: Indicator,
        period: Period,
        old: float | None,
        new: float | None,
        repeated: bool = False,
    ) -> Recorded:
        earlier = latest_figure(self.store.db, indicator.key, period.year_before().code)
        year_before = None
        change = None
        if earlier is not None:
            year_before = _figure(earlier)
            if new is not None:
                current = replace(year_before, period=period, value=new)
                change = compare(indicator, current, year_before)
        return Recorded(indicator, period, old, new, year_before, change, repeated)


def _figure(row: dict) -> Figure:
    return Figure(
        indicator_key=row["indicator_key"],
        period=parse_period(row["period"]),
        value=row["value"],
        recorded_at=row["recorded_at"],
        recorded_by=row["recorded_by"] or "",
        source=row["source"] or "",
    )


def audit_values(entry: AuditEntry) -> tuple[float | None, float | None]:
    return (entry.old or {}).get("value"), (entry.new or {}).get("value")
