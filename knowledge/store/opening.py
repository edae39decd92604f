"""Checks made before a file is opened as the store, so that a wrong `--db` gets one clear
sentence rather than a traceback, and another application's SQLite database is never given
the bot's tables by mistake.

Read only: nothing here creates or changes a file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from knowledge.store.schema import MIGRATION_SET

SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(Exception):
    """A path that cannot be the store; the message says why, in one sentence."""


def check_store_file(path: Path, *, adopt: bool = False) -> None:
    """Raise StoreError when `path` cannot be the store: under a file, a folder, not SQLite,
    or (unless `adopt`) another application's database. A missing or empty file is fine:
    opening it makes a new store."""
    _check_folders(path)
    if path.is_dir():
        raise StoreError(f"{path} is a folder: the store is a file, such as {path / 'csp-bot.db'}")
    if not path.exists():
        return
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror or error}") from None
    if not header:
        return
    if header != SQLITE_HEADER:
        raise StoreError(f"{path} is not an SQLite database: give --db the bot's store, or a new file")
    foreign = _other_applications_tables(path)
    if foreign and not adopt:
        shown = ", ".join(foreign[:5]) + (", …" if len(foreign) > 5 else "")
        raise StoreError(
            f"{path} is another application's SQLite database (tables: {shown}); csp-bot will not "
            "add its tables to it: give --db a new file, or add --init to add them anyway"
        )


def _check_folders(path: Path) -> None:
    for folder in path.parents:
        if folder.exists():
            if not folder.is_dir():
                raise StoreError(f"cannot put the store at {path}: {folder} is a file, not a folder")
            return


def _other_applications_tables(path: Path) -> list[str]:
    """The tables of a database that is not a csp-bot store; [] for a store or an empty one."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise StoreError(f"cannot open {path}: {error}") from None
    try:
        listed = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
        tables = [name for (name,) in listed]
        if "_sqlite_migrations" in tables:
            ours = connection.execute(
                "SELECT 1 FROM _sqlite_migrations WHERE migration_set = ? LIMIT 1", [MIGRATION_SET]
            ).fetchone()
            if ours:
                return []
    except sqlite3.Error as error:
        raise StoreError(f"cannot read {path} as SQLite: {error}") from None
    finally:
        connection.close()
    return tables
