"""The police's crime categories: which of them the CSP indicators count, and which not.

Partners ask about crime types the scorecard does not track ("shoplifting this year"). The
bot knows every category the Met publishes (`data/crime_types.yaml`), so that it can say
"I don't hold figures for Shoplifting" instead of answering with the nearest crime it does
hold, and can answer "residential burglary" with Total burglary, saying how the two relate.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from knowledge.datafiles import CRIME_TYPES_FILE, load_file
from knowledge.domain.models import Key, Strict, Text


class Relation(StrEnum):
    SAME = "same"
    WITHIN = "within"
    """The indicator counts this crime type together with others."""
    CONTAINS = "contains"
    """This category counts the indicator's crimes and others."""


class _Named(Strict):
    name: Text
    aliases: tuple[Text, ...] = ()
    held_as: Key | None = None
    relation: Relation = Relation.SAME


class SeedCrimeType(_Named):
    pass


class SeedCrimeGroup(_Named):
    types: list[SeedCrimeType]


class CrimeTypesFile(Strict):
    source: Text
    groups: list[SeedCrimeGroup]


class CrimeType(Strict):
    """A major or minor crime category, with the group it belongs to (None for a group)."""

    key: str
    name: str
    aliases: tuple[str, ...]
    group: str | None
    held_as: str | None
    relation: Relation
    source: str

    def not_held_text(self) -> str:
        """Why the bot declines a question about this crime type."""
        where = f" (one of the {self.group} types)" if self.group else ""
        return (
            f"I don't hold figures for {self.name}: it is a police crime category{where} "
            "that the CSP indicators don't count."
        )

    def note(self, indicator_name: str) -> str | None:
        """How the indicator that answers for this crime type relates to it."""
        if self.held_as is None or self.relation is Relation.SAME:
            return None
        if self.relation is Relation.WITHIN:
            return f"{self.name} is counted within {indicator_name}: I don't hold it on its own."
        return f"Police figures for {self.name} count more than this: I hold {indicator_name} only."


KEY_PREFIX = "crime-type:"


def _key(name: str) -> str:
    return KEY_PREFIX + "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split())


def load_crime_types(data_dir: Path) -> list[CrimeType]:
    """Every group and type in the file, groups first; an empty list if there is no file."""
    path = data_dir / CRIME_TYPES_FILE
    if not path.exists():
        return []
    data = load_file(path, CrimeTypesFile)
    found: list[CrimeType] = []
    for group in data.groups:
        found.append(_record(group, None, data.source))
        found.extend(_record(kind, group.name, data.source) for kind in group.types)
    return found


def _record(named: _Named, group: str | None, source: str) -> CrimeType:
    return CrimeType(
        key=_key(named.name),
        name=named.name,
        aliases=tuple(named.aliases),
        group=group,
        held_as=named.held_as,
        relation=named.relation,
        source=source,
    )
