"""Who may change what the bot knows: officers record figures, admins also grant roles.

Admins named in the settings (`CSP_BOT_ADMINS`) are admins whatever the store says, so a
new install has someone who can grant, and no grant in the store can lock them out.
Anyone else is a reader unless the store holds a role for them, or they belong to the
officers' group (a Slack user group, asked through `is_group_member`): the check fails closed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from knowledge.store import Store
from knowledge.store.audit import add_audit
from knowledge.store.roles import all_roles, remove_role, role_of, set_role


class Role(StrEnum):
    READER = "reader"
    OFFICER = "officer"
    ADMIN = "admin"


GRANTABLE = (Role.OFFICER, Role.ADMIN)


class NotAllowed(PermissionError):
    """The actor may not do this; the message says who can help."""


class RoleError(ValueError):
    """A grant that makes no sense (an unknown role, a settings admin revoked)."""


@dataclass(frozen=True)
class Holder:
    user_id: str
    role: Role
    granted_by: str
    granted_at: str


GroupMembership = Callable[[str], bool]
"""Whether a user belongs to the officers' group. It answers False when it cannot tell."""


class Roles:
    def __init__(
        self,
        store: Store,
        bootstrap_admins: frozenset[str] = frozenset(),
        is_group_member: GroupMembership | None = None,
    ) -> None:
        self.store = store
        self.bootstrap_admins = bootstrap_admins
        self.is_group_member = is_group_member
        """Members are officers unless they hold more; None when there is no officers' group."""

    def role_of(self, user_id: str | None) -> Role:
        """The settings and the store first; the group is asked only about someone they do not name."""
        held = self._held(user_id)
        if held is Role.READER and user_id and self.is_group_member and self.is_group_member(user_id):
            return Role.OFFICER
        return held

    def _held(self, user_id: str | None) -> Role:
        """The role the settings or the store give, without asking the group."""
        if not user_id:
            return Role.READER
        if user_id in self.bootstrap_admins:
            return Role.ADMIN
        held = role_of(self.store.db, user_id)
        return Role(held) if held in {r.value for r in GRANTABLE} else Role.READER

    def is_admin(self, user_id: str | None) -> bool:
        """The group makes officers only, so this never asks it."""
        return self._held(user_id) is Role.ADMIN

    def can_write(self, user_id: str | None) -> bool:
        return self.role_of(user_id) in GRANTABLE

    def admins(self) -> list[str]:
        held = [h.user_id for h in self.list_roles() if h.role is Role.ADMIN]
        return sorted(set(held) | self.bootstrap_admins)

    def list_roles(self) -> list[Holder]:
        """Every role held, the settings' admins first."""
        listed = [Holder(u, Role.ADMIN, "settings", "") for u in sorted(self.bootstrap_admins)]
        for row in all_roles(self.store.db):
            if row["user_id"] not in self.bootstrap_admins:
                listed.append(Holder(row["user_id"], Role(row["role"]), row["granted_by"], row["granted_at"]))
        return listed

    def refusal(self, doing: str) -> NotAllowed:
        admins = self.admins()
        who = ", ".join(f"<@{a}>" for a in admins) if admins else "the bot's administrator"
        return NotAllowed(f"Only {doing}; {who} can grant access.")

    def grant(
        self, actor: str, user_id: str, role: str, now: datetime, request_id: str | None = None
    ) -> Role:
        """Give a user a role; returns the role they held before."""
        if not self.is_admin(actor):
            raise self.refusal("admins can grant roles")
        try:
            wanted = Role(role.strip().lower())
        except ValueError:
            wanted = None
        if wanted not in GRANTABLE:
            raise RoleError(f"“{role}” is not a role: grant officer or admin, e.g. `grant @sam officer`")
        at = now.isoformat(timespec="seconds")
        with self.store.write_bookkeeping() as db:
            before = role_of(db, user_id)
            set_role(db, user_id, wanted.value, actor, at)
            add_audit(
                db,
                at=at,
                actor=actor,
                action="grant",
                entity="role",
                entity_key=user_id,
                old={"role": before},
                new={"role": wanted.value},
                source="command",
                request_id=request_id,
            )
        return Role(before) if before else Role.READER

    def revoke(self, actor: str, user_id: str, now: datetime, request_id: str | None = None) -> Role:
        """Take a user's role away, so they only read; returns the role they held."""
        if not self.is_admin(actor):
            raise self.refusal("admins can revoke roles")
        if user_id in self.bootstrap_admins:
            raise RoleError("that admin is named in the bot's settings (CSP_BOT_ADMINS): change it there")
        at = now.isoformat(timespec="seconds")
        with self.store.write_bookkeeping() as db:
            before = role_of(db, user_id)
            if before is None:
                return Role.READER
            remove_role(db, user_id)
            add_audit(
                db,
                at=at,
                actor=actor,
                action="revoke",
                entity="role",
                entity_key=user_id,
                old={"role": before},
                new={"role": None},
                source="command",
                request_id=request_id,
            )
        return Role(before)
