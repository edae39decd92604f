"""The checked types of what comes in from outside: the data files in `data/`, read with
pydantic. Kept apart from the records in `models`, which the store hands back already checked,
so that answering a question never imports pydantic."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from knowledge.domain.series import Headline

Key = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class HeadlinePeriodsFile(BaseModel):
    """`data/headline_periods.yaml`, as written."""

    model_config = ConfigDict(extra="forbid")

    default: Headline = Headline.ROLLING_YEAR
    indicators: dict[str, Headline] = {}
