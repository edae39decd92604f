"""Partnership Task Force (PTF) taskings: what the weekly meeting asks of police and council
teams, checked at the edge, with the statuses a tasking moves through and its outcomes."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

TASKINGS_FILE = "taskings.yaml"
USER_ID = r"^[UW][A-Z0-9]{2,}$"

Short = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
Long = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


class Source(StrEnum):
    """Where the intelligence came from."""

    RESIDENTS = "residents"
    POLICE = "police"
    COUNCIL = "council services"
    CCTV = "CCTV"


class Theme(StrEnum):
    DRUG_DEALING = "drug dealing"
    ASB = "ASB"
    VIOLENCE = "violence"
    VEHICLES = "vehicles"
    EXPLOITATION = "exploitation"
    HATE_CRIME = "hate crime"
    OTHER = "other"


class Status(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in progress"
    COMPLETED = "completed"
    CLOSED_NFA = "closed, no further action"

    @property
    def finished(self) -> bool:
        return self in (Status.COMPLETED, Status.CLOSED_NFA)


OPEN_STATUSES = (Status.OPEN, Status.IN_PROGRESS)


class TaskingError(ValueError):
    """A tasking typed wrongly, or a change it cannot take; the message says what to do."""


def check_transition(before: Status, after: Status) -> None:
    if before.finished:
        raise TaskingError(f"it is already {before.value}: raise a new tasking instead")
    if after is Status.OPEN and before is not Status.OPEN:
        raise TaskingError("a tasking in progress cannot go back to open")


class Outcomes(BaseModel):
    """What a tasking achieved; an update adds to these, so they are running totals."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    arrests: int = Field(default=0, ge=0, le=10_000)
    warnings: int = Field(default=0, ge=0, le=10_000)
    seizures: int = Field(default=0, ge=0, le=10_000)
    vehicles_stopped: int = Field(default=0, ge=0, le=10_000)
    referrals: int = Field(default=0, ge=0, le=10_000)
    """Referrals to treatment."""

    def plus(self, other: Outcomes) -> Outcomes:
        return Outcomes(**{k: getattr(self, k) + getattr(other, k) for k in Outcomes.model_fields})

    @property
    def any(self) -> bool:
        return any(getattr(self, k) for k in Outcomes.model_fields)

    def words(self) -> str:
        """ "2 arrests, 1 seizure", or "none recorded"."""
        parts = [
            f"{getattr(self, key)} {OUTCOME_WORDS[key][getattr(self, key) == 1]}"
            for key in Outcomes.model_fields
            if getattr(self, key)
        ]
        return ", ".join(parts) or "none recorded"


OUTCOME_WORDS = {
    "arrests": ("arrests", "arrest"),
    "warnings": ("warnings", "warning"),
    "seizures": ("seizures", "seizure"),
    "vehicles_stopped": ("vehicles stopped", "vehicle stopped"),
    "referrals": ("referrals to treatment", "referral to treatment"),
}
OUTCOME_NAMES = {
    "arrest": "arrests",
    "arrests": "arrests",
    "warning": "warnings",
    "warnings": "warnings",
    "seizure": "seizures",
    "seizures": "seizures",
    "vehicle": "vehicles_stopped",
    "vehicles": "vehicles_stopped",
    "stop": "vehicles_stopped",
    "stops": "vehicles_stopped",
    "referral": "referrals",
    "referrals": "referrals",
}
"""The words a /csp command may use for each outcome."""


class NewTasking(BaseModel):
    """A tasking as raised at the meeting: what the form and `demo-taskings` give."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    raised_on: date
    source: Source
    ward: Short
    location: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    theme: Theme
    ask: Long
    lead_agency: Short
    owner: Annotated[str, StringConstraints(pattern=USER_ID)]
    review_on: date

    @model_validator(mode="after")
    def _review_after_raising(self) -> NewTasking:
        if self.review_on < self.raised_on:
            raise ValueError("the review date is before the date it was raised")
        return self


class Tasking(NewTasking):
    ref: str
    status: Status = Status.OPEN
    outcomes: Outcomes = Outcomes()
    created_by: str
    created_at: str
    closed_at: str | None = None
    demo: bool = False
    """One of the clearly marked examples `csp-bot demo-taskings` loads."""


class Commitments(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    cctv_arrests_per_week: int = Field(ge=0)
    cctv_arrests_text: str
    top_vehicles: int = Field(ge=0)
    top_vehicles_text: str


class TaskingsFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    commitments: Commitments


def load_commitments(data_dir: Path) -> Commitments:
    """From the data folder's taskings.yaml, else the one shipped with the bot."""
    from knowledge.datafiles import default_data_dir, load_file

    path = data_dir / TASKINGS_FILE
    if not path.exists():
        path = default_data_dir() / TASKINGS_FILE
    return load_file(path, TaskingsFile).commitments
