"""The domain's one front door: `Knowledge.ask(text)` returns a typed `Answer`, and
`Knowledge.home()` what the App Home shows. Nothing here knows about Slack.

A message goes one way: the reader makes a query (with its parts read), the router
chooses and composes an answer, and the notes finish it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from functools import cached_property
from pathlib import Path

from knowledge.answering import parts
from knowledge.answering.context import Context
from knowledge.answering.courtesy import thanks
from knowledge.answering.notes import finished
from knowledge.answering.route import answer_query
from knowledge.answering.types import Answer, Home, declined_because
from knowledge.datafiles import HEADLINES_FILE, WORDS_FILES, default_data_dir
from knowledge.domain.crime_types import CrimeType, load_crime_types
from knowledge.domain.models import Kind
from knowledge.domain.periods import PeriodKind
from knowledge.domain.series import HeadlinePolicies, load_headlines
from knowledge.store import Catalogue, Store
from knowledge.understanding import cache
from knowledge.understanding.entries import build_entries
from knowledge.understanding.index import Index
from knowledge.understanding.model import DecisionModel, load_model
from knowledge.understanding.reader import Reader
from knowledge.understanding.vocabulary import Language, load_language


class Knowledge:
    """Answers questions from a store; rebuilds its index when what the store knows changes."""

    def __init__(
        self, store: Store, data_dir: Path | None = None, today: Callable[[], date] = date.today
    ) -> None:
        self.store = store
        self.today = today
        """Today's date, for "last month": injected so that tests and evaluations fix it."""
        folder = data_dir or store.data_dir
        self._folder = folder
        self._data_digest = cache.digest([folder / name for name in WORDS_FILES])
        self._lock = threading.Lock()
        self._current: tuple[Context, Reader] | None = None
        self.index_builds = 0
        """How many times the index was built: once per change of what the store knows."""

    @cached_property
    def crime_types(self) -> dict[str, CrimeType]:
        """Read when first needed: an answer from a cached index rarely names a crime type."""
        return {c.key: c for c in load_crime_types(self._folder)}

    @cached_property
    def headlines(self) -> HeadlinePolicies:
        """Which period each indicator's headline figure is for, once it has monthly figures."""
        return load_headlines(self._folder / HEADLINES_FILE)

    @cached_property
    def decision(self) -> DecisionModel:
        """The fitted weights that decide between answering and declining."""
        return load_model(self._folder, default_data_dir())

    @cached_property
    def language(self) -> Language:
        """The vocabulary, compiled when an index must be built: a cached index brings its own."""
        return load_language(self._folder)

    def current(self) -> tuple[Context, Reader]:
        """The answering context and reader for the store's latest content revision."""
        revision = self.store.revision()
        held = self._current
        if held is not None and held[0].catalogue.revision == revision:
            return held
        with self._lock:
            held = self._current
            if held is None or held[0].catalogue.revision != revision:
                held = self._build()
                self._current = held
            return held

    def _build(self) -> tuple[Context, Reader]:
        catalogue = self.store.catalogue()
        key = f"{catalogue.revision}:{self.store.meta('seed_digest')}:{self._data_digest}"
        index = cache.cached_index(
            self.store.path.with_name(self.store.path.name + ".index"), key, lambda: self._index(catalogue)
        )
        # Read only when some indicator has monthly figures: a YAML file costs start-up.
        monthly = any(f.period.kind is PeriodKind.MONTH for held in catalogue.figures.values() for f in held)
        headlines = self.headlines if monthly else HeadlinePolicies()
        context = Context(
            catalogue, index, index.language, _CrimeTypes(self), self.decision, headlines, self.today
        )
        return context, Reader(index)

    def _index(self, catalogue: Catalogue) -> Index:
        self.index_builds += 1
        return Index(self.language, build_entries(catalogue, list(self.crime_types.values())))

    def home(self) -> Home:
        ctx, _ = self.current()
        catalogue = ctx.catalogue
        return Home(
            priorities=tuple(catalogue.priorities),
            rows=tuple(ctx.latest_views),
            actions=tuple((a, catalogue.statuses.get(a.key)) for a in catalogue.actions),
        )

    def ask(self, raw: str) -> Answer:
        thanked = thanks(raw)
        if thanked is not None:
            return thanked
        ctx, reader = self.current()
        query = reader.read(raw)
        told = parts.asked_beside_a_figure_told(ctx, query)
        if told is not None:
            return finished(ctx, query, told)
        answer = answer_query(ctx, query)
        if answer.kind is Kind.UNKNOWN and not declined_because(answer):
            answer = parts.answer_one_part(ctx, query) or parts.several_things(ctx, query) or answer
        elif answer.matched and parts.leaves_a_part_out(ctx, query, answer):
            answer = parts.several_things(ctx, query, answer) or answer
        elif answer.matched:
            answer = parts.indicators_asked_apart(ctx, query, answer) or answer
        return finished(ctx, query, answer)


class _CrimeTypes(Mapping[str, CrimeType]):
    """The crime categories of a Knowledge, read from their file only when an answer asks."""

    def __init__(self, knowledge: Knowledge) -> None:
        self._knowledge = knowledge

    def __getitem__(self, key: str) -> CrimeType:
        return self._knowledge.crime_types[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._knowledge.crime_types)

    def __len__(self) -> int:
        return len(self._knowledge.crime_types)


def open_knowledge(
    db_path: Path, data_dir: Path | None = None, today: Callable[[], date] = date.today
) -> Knowledge:
    return Knowledge(Store(db_path, data_dir), data_dir, today)
