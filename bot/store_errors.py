"""A store found damaged, or gone while the bot ran, said in one line naming what to do."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click


def damaged(path: Path, why: str) -> str:
    return (
        f"the store at {path} cannot be used ({why}): see `csp-bot doctor`, and bring back a backup "
        "with `csp-bot restore BACKUP`"
    )


@contextmanager
def store_errors(path: Path) -> Iterator[None]:
    """Within: a damaged store (not a database, malformed) or one deleted while in use becomes
    a one-line ClickException; a store that cannot be opened or is locked is left to the caller."""
    from knowledge.store.health import StoreUnavailable

    try:
        yield
    except StoreUnavailable as error:
        raise click.ClickException(str(error)) from None
    except sqlite3.OperationalError:
        raise
    except sqlite3.DatabaseError as error:
        raise click.ClickException(damaged(path, str(error))) from None
