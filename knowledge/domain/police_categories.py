"""The shape of `data/police_categories.yaml`: which of the Met's crime categories feed which
indicator, and the indicators an import makes. Imports read it to sum a file's rows; the crime
categories read it to know which indicator, once imported, counts a category."""

from __future__ import annotations

from pydantic import Field, model_validator

from knowledge.domain.models import BetterWhen, Confidence, Unit
from knowledge.domain.validated import Key, Strict, Text

POLICE_CATEGORIES_FILE = "police_categories.yaml"


def normal(text: str) -> str:
    """A category or borough name as compared: case and runs of spaces ignored."""
    return " ".join(text.split()).casefold()


class Category(Strict):
    """A major category, and one of its minors or (when `minor` is left out) every one."""

    major: Text
    major_aliases: list[Text] = Field(default_factory=list)
    minor: Text | None = None
    minor_aliases: list[Text] = Field(default_factory=list)

    @model_validator(mode="after")
    def _aliases_of_a_minor_named(self) -> Category:
        if self.minor_aliases and self.minor is None:
            raise ValueError("minor_aliases are other spellings of a minor: name the minor too")
        return self

    def matches(self, major: str, minor: str) -> bool:
        if normal(major) not in {normal(n) for n in (self.major, *self.major_aliases)}:
            return False
        return self.minor is None or normal(minor) in {normal(n) for n in (self.minor, *self.minor_aliases)}

    def label(self) -> str:
        return self.major if self.minor is None else f"{self.major} / {self.minor}"


class NewIndicator(Strict):
    """An indicator the import makes, described as in indicators.yaml."""

    name: Text
    short_name: Text
    priority: Key
    unit: Unit
    better_when: BetterWhen
    confidence: Confidence
    confidence_note: Text | None = None
    note: Text | None = None
    source: Text
    aliases: list[Text] = Field(default_factory=list)


class MappedIndicator(Strict):
    key: Key
    categories: list[Category] = Field(min_length=1)
    indicator: NewIndicator | None = None
    """Left out for an indicator of indicators.yaml."""

    def counts(self, major: str, minor: str) -> bool:
        return any(category.matches(major, minor) for category in self.categories)


class PoliceCategoriesFile(Strict):
    source: Text
    borough: Text
    """The borough imported unless the command names another."""
    indicators: list[MappedIndicator] = Field(min_length=1)
