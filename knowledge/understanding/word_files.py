"""The shapes of two word files in `data/` (`field_words.yaml`, `narrowing.yaml`), checked
with pydantic when they are read. Imported only then: a question
answered from a cached index reads no word file."""

from __future__ import annotations

from pydantic import RootModel

from knowledge.domain.validated import Text
from knowledge.understanding.narrowing import Narrowing


class FieldWords(RootModel[dict[str, dict[str, list[Text]]]]):
    """`data/field_words.yaml`: for each measure (the key of an entry the data holds), the
    words it is known by, each with the everyday words of the field that stand for them."""


class NarrowingWords(RootModel[dict[Narrowing, list[Text]]]):
    """`data/narrowing.yaml`: for each kind of narrowing, the words and phrases of that kind."""
