"""The police's crime categories: which of them the CSP indicators count, and which not.

Partners ask about crime types the scorecard does not track ("shoplifting this year"). The
bot knows every category the Met publishes (`data/crime_types.yaml`), so that it can say
"I don't hold figures for Shoplifting" instead of answering with the nearest crime it does
hold, and can answer "residential burglary" with Total burglary, saying how the two relate.

A category the file does not give to an indicator may be fed to one by an import
(`data/police_categories.yaml`): it is held as that indicator too, which answers for it once an
import has made it, and until then the category is declined as before.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge.datafiles import CRIME_TYPES_FILE, load_file

if TYPE_CHECKING:
    from knowledge.domain.crime_type_file import Named, SeedCrimeGroup
    from knowledge.domain.police_categories import PoliceCategoriesFile


class Relation(StrEnum):
    SAME = "same"
    WITHIN = "within"
    """The indicator counts this crime type together with others."""
    CONTAINS = "contains"
    """This category counts the indicator's crimes and others."""


@dataclass(frozen=True, slots=True, kw_only=True)
class CrimeType:
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
    # Imported here: a question answered from a cached index reads no data file.
    from knowledge.domain.crime_type_file import CrimeTypesFile
    from knowledge.domain.police_categories import POLICE_CATEGORIES_FILE, PoliceCategoriesFile

    data = load_file(path, CrimeTypesFile)
    found: list[CrimeType] = []
    for group in data.groups:
        found.append(_record(group, None, data.source))
        found.extend(_record(kind, group.name, data.source) for kind in group.types)
    mapping_path = data_dir / POLICE_CATEGORIES_FILE
    if mapping_path.exists():
        mapping = load_file(mapping_path, PoliceCategoriesFile)
        found = [_fed(crime, mapping, data.groups) for crime in found]
    return found


def _names(named: Named) -> set[str]:
    from knowledge.domain.police_categories import normal

    return {normal(n) for n in (named.name, *named.aliases)}


def _fed(crime: CrimeType, mapping: PoliceCategoriesFile, groups: list[SeedCrimeGroup]) -> CrimeType:
    """The crime type held as the indicator an import feeds from it, where the file names none."""
    from knowledge.domain.police_categories import normal

    if crime.held_as is not None:
        return crime
    group = next(g for g in groups if g.name == (crime.group or crime.name))
    own = (
        _names(group) if crime.group is None else _names(next(t for t in group.types if t.name == crime.name))
    )
    for entry in mapping.indicators:
        for category in entry.categories:
            if not _names(group) & {normal(n) for n in (category.major, *category.major_aliases)}:
                continue
            if crime.group is None:
                relation = Relation.SAME if category.minor is None else Relation.CONTAINS
            elif category.minor is None:
                relation = Relation.WITHIN
            elif own & {normal(n) for n in (category.minor, *category.minor_aliases)}:
                relation = Relation.SAME
            else:
                continue
            return replace(crime, held_as=entry.key, relation=relation)
    return crime


def _record(named: Named, group: str | None, source: str) -> CrimeType:
    return CrimeType(
        key=_key(named.name),
        name=named.name,
        aliases=tuple(named.aliases),
        group=group,
        held_as=named.held_as,
        relation=named.relation,
        source=source,
    )
