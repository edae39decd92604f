"""The SQLite store. `from knowledge.store import Store, Catalogue` is all most code needs."""

from knowledge.store.catalogue import Catalogue
from knowledge.store.db import DB_ENV, default_db_path, now_iso
from knowledge.store.facade import Store
from knowledge.store.figures import figure_row
from knowledge.store.seed_sync import SEED_SOURCE

__all__ = [
    "DB_ENV",
    "SEED_SOURCE",
    "Catalogue",
    "Store",
    "default_db_path",
    "figure_row",
    "now_iso",
]
