"""The index kept on disk beside the store, so that a one-shot command (`csp-bot ask`) does
not rebuild it, nor load the word-frequency list, each time it starts.

The file is the bot's own, beside its own database: whoever can write it can write the
store. It is used only when its key matches: the store's content revision, the data files
the index is read with, and the source of this package and of the records it holds.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path

from knowledge.understanding.index import Index

log = logging.getLogger(__name__)
_SOURCES = (Path(__file__).resolve().parent, Path(__file__).resolve().parent.parent / "domain")
"""The code whose objects the stored index holds: the reader's, and the records it keeps."""


def digest(files: Iterable[Path]) -> str:
    """What the index depends on besides the store: the vocabulary, the crime categories,
    and the code that reads them."""
    sha = hashlib.sha256()
    sources = [path for folder in _SOURCES for path in sorted(folder.glob("*.py"))]
    for path in [*files, *sources]:
        sha.update(path.name.encode())
        sha.update(path.read_bytes() if path.exists() else b"")  # an optional file may be absent
    return sha.hexdigest()


def cached_index(path: Path, key: str, build: Callable[[], Index]) -> Index:
    """The index stored at `path` under `key`, or a new one, stored there for next time."""
    try:
        with path.open("rb") as handle:
            stored_key, index = pickle.load(handle)
        if stored_key == key and isinstance(index, Index):
            return index
    except FileNotFoundError:
        pass
    except Exception as error:  # a torn or foreign file is rebuilt, never trusted
        log.warning("index cache %s unusable (%s); rebuilding it", path, type(error).__name__)
    index = build()
    _store(path, key, index)
    return index


def _store(path: Path, key: str, index: Index) -> None:
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with partial.open("wb") as handle:
            pickle.dump((key, index), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)  # readers see the old file or the new one, never half
    except OSError as error:
        log.info("index cache not written to %s: %s", path, error.strerror)
        partial.unlink(missing_ok=True)
