"""Reading the data files in `data/`: the seed a fresh install knows, and the vocabulary.

A mistake in a file stops loading with a message that names the file, the entry and the field,
so whoever edited it can mend it without reading code.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from pydantic import ValidationError

    from knowledge.domain.seed_files import Seed

SEED_FILES = {"indicators": "indicators.yaml", "plans": "plans.yaml", "facts": "facts.yaml"}
VOCABULARY_FILE = "vocabulary.yaml"
FIELD_WORDS_FILE = "field_words.yaml"
NARROWING_FILE = "narrowing.yaml"
CRIME_TYPES_FILE = "crime_types.yaml"
HEADLINES_FILE = "headline_periods.yaml"
WORDS_FILES = (VOCABULARY_FILE, FIELD_WORDS_FILE, NARROWING_FILE, CRIME_TYPES_FILE)
"""The files the index is read with besides the store: a change to one rebuilds it."""

Model = TypeVar("Model")

@cache
def _strict_loader() -> type:
    """The safe loader, refusing a key given twice in one mapping: YAML itself keeps the
    last one silently, so an edited synonym or indicator would vanish without a word.

    Made on first use: answering from an existing store reads no YAML, so need not import it.
    """
    import yaml

    # libyaml's loader is about twenty times faster; both are the safe loader.
    safe_loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class StrictLoader(safe_loader):
        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
            seen: set[Any] = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"the key {key!r} is given twice", key_node.start_mark
                    )
                seen.add(key)
            return super().construct_mapping(node, deep)

    return StrictLoader


class DataFileError(ValueError):
    """A data file that is missing, not YAML, or not of the expected shape."""


def default_data_dir() -> Path:
    """`data/` beside the packages in a checkout; the copy inside the wheel otherwise."""
    checkout = Path(__file__).resolve().parent.parent / "data"
    if (checkout / SEED_FILES["indicators"]).exists():
        return checkout
    return Path(__file__).resolve().parent / "seed_data"


def _read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataFileError(f"{path}: cannot be read ({error.strerror})") from None
    import yaml

    try:
        return yaml.load(text, Loader=_strict_loader())
    except yaml.YAMLError as error:
        raise DataFileError(f"{path}: is not valid YAML: {error}") from None


def _entry_name(document: Any, location: tuple[Any, ...]) -> str:
    """Name the entry an error is in by its `key`, where it has one: readers know keys."""
    node, names = document, []
    for step in location:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and "key" in node:
            names.append(f"entry '{node['key']}'")
    return ", ".join(names)


_UNKNOWN = {"extra_forbidden", "unexpected_keyword_argument"}
_UNKNOWN_FIELD = "not a field this file has (a typing mistake, or indented under the wrong entry?)"
"""Said the same for a file read into a model or into a dataclass, whose checks word it apart."""


def _describe(path: Path, document: Any, error: ValidationError) -> str:
    lines = [f"{path}: {error.error_count()} problem(s)"]
    for problem in error.errors():
        location = problem["loc"]
        entry = _entry_name(document, location)
        field = ".".join(str(part) for part in location)
        where = f"{entry}, field '{field}'" if entry else f"field '{field}'"
        lines.append(f"  - {where}: {_UNKNOWN_FIELD if problem['type'] in _UNKNOWN else problem['msg']}")
    return "\n".join(lines)


def load_file(path: Path, model: type[Model]) -> Model:
    # Imported here, with the models that need it: answering from a store reads no file.
    from pydantic import TypeAdapter, ValidationError

    document = _read_yaml(path)
    try:
        return TypeAdapter(model).validate_python(document)
    except ValidationError as error:
        raise DataFileError(_describe(path, document, error)) from None


def _check_references(seed: Seed, data_dir: Path) -> None:
    priorities = {p.key for p in seed.plans.csp_priorities.priorities}
    for indicator in seed.indicators.indicators:
        if indicator.priority not in priorities:
            raise DataFileError(
                f"{data_dir / SEED_FILES['indicators']}: entry '{indicator.key}', field "
                f"'priority': '{indicator.priority}' is not a CSP priority in "
                f"{SEED_FILES['plans']} (known: {', '.join(sorted(priorities))})"
            )
    keys: dict[str, str] = {}
    for kind, key in entry_keys(seed):
        if key in keys:
            raise DataFileError(f"{data_dir}: key '{key}' is used by a {keys[key]} and a {kind}")
        keys[key] = kind


def entry_keys(seed: Seed) -> list[tuple[str, str]]:
    """(kind, key) of every entry the seed holds: indicators, priorities, deliverables,
    manifesto actions and fact topics."""
    return (
        [("indicator", i.key) for i in seed.indicators.indicators]
        + [("priority", p.key) for p in seed.plans.csp_priorities.priorities]
        + [("deliverable", d.key) for d in seed.plans.strategic_plan.deliverables]
        + [("action", a.key) for a in seed.plans.manifesto.actions]
        + [("topic", t.key) for g in seed.facts.groups for t in g.topics]
    )


def load_seed(data_dir: Path) -> Seed:
    from knowledge.domain.seed_files import FactsFile, IndicatorsFile, PlansFile, Seed

    seed = Seed(
        indicators=load_file(data_dir / SEED_FILES["indicators"], IndicatorsFile),
        plans=load_file(data_dir / SEED_FILES["plans"], PlansFile),
        facts=load_file(data_dir / SEED_FILES["facts"], FactsFile),
    )
    _check_references(seed, data_dir)
    return seed


def seed_digest(data_dir: Path) -> str:
    """A fingerprint of the seed files, so the store re-reads them only when they change."""
    digest = hashlib.sha256()
    for name in sorted(SEED_FILES.values()):
        path = data_dir / name
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()
