"""Roles held in the store: one row per user who may do more than read."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def role_of(db: Database, user_id: str) -> str | None:
    row = db.execute("SELECT role FROM roles WHERE user_id = ?", [user_id]).fetchone()
    return row[0] if row else None


def set_role(db: Database, user_id: str, role: str, granted_by: str, granted_at: str) -> None:
    db["roles"].upsert(
        {"user_id": user_id, "role": role, "granted_by": granted_by, "granted_at": granted_at},
        pk="user_id",
    )


def remove_role(db: Database, user_id: str) -> None:
    db.execute("DELETE FROM roles WHERE user_id = ?", [user_id])


def all_roles(db: Database) -> list[dict]:
    return list(db["roles"].rows_where(order_by="role, user_id"))
