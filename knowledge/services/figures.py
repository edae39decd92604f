"""Recording a figure from Slack: checked at the edge, written with its audit row in one
transaction, applied once per request, and answered with the change on a year before."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from pydantic import BaseModel, ValidationError, field_validator

from knowledge.domain.judgement import Change, compare
from knowledge.domain.models import Figure, Indicator, Unit
from knowledge.domain.periods import Period, PeriodError, parse_period
from knowledge.services.roles import Roles
from knowledge.store import Store, figure_row
from knowledge.store.audit import AuditEntry, add_audit, audit_for_request
from knowledge.store.catalogue import read_indicator
from knowledge.store.figures import add_figure, latest_figure

COMMAND_SOURCE = "command"


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
    ) -> Recorded:
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
                new={"value": value, "note": note},
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
                current = year_before.model_copy(update={"period": period, "value": new})
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
