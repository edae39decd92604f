"""The shape of `data/crime_types.yaml`, checked on load: the Met's crime groups and types,
and the indicator (if any) each is held as. Imported only when the file is read."""

from __future__ import annotations

from knowledge.domain.crime_types import Relation
from knowledge.domain.validated import Key, Strict, Text


class Named(Strict):
    name: Text
    aliases: tuple[Text, ...] = ()
    held_as: Key | None = None
    relation: Relation = Relation.SAME


class SeedCrimeType(Named):
    pass


class SeedCrimeGroup(Named):
    types: list[SeedCrimeType]


class CrimeTypesFile(Strict):
    source: Text
    groups: list[SeedCrimeGroup]
