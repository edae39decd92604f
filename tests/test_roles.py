"""Roles: admins from the settings grant and revoke; everyone else reads; each change is audited."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.settings import Settings
from knowledge.services.roles import NotAllowed, Role, RoleError, Roles

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


@pytest.fixture
def roles(store):
    return Roles(store, frozenset({"UBOSS0001"}))


def audit_rows(store) -> list[dict]:
    return list(store.db["audit"].rows_where("entity = 'role'", order_by="id"))


def test_unknown_users_only_read(roles):
    assert roles.role_of("USOMEONE1") is Role.READER
    assert roles.role_of(None) is Role.READER
    assert not roles.can_write("USOMEONE1")


def test_admins_named_in_the_settings_are_admins(roles):
    assert roles.role_of("UBOSS0001") is Role.ADMIN
    assert roles.can_write("UBOSS0001")


def test_an_admin_grants_and_revokes_with_an_audit_row_each(roles, store):
    assert roles.grant("UBOSS0001", "UOFFICER1", "officer", NOW, "req-1") is Role.READER
    assert roles.role_of("UOFFICER1") is Role.OFFICER
    assert roles.revoke("UBOSS0001", "UOFFICER1", NOW) is Role.OFFICER
    assert roles.role_of("UOFFICER1") is Role.READER
    rows = audit_rows(store)
    assert [(r["actor"], r["action"], r["entity_key"], r["old"], r["new"]) for r in rows] == [
        ("UBOSS0001", "grant", "UOFFICER1", '{"role": null}', '{"role": "officer"}'),
        ("UBOSS0001", "revoke", "UOFFICER1", '{"role": "officer"}', '{"role": null}'),
    ]
    assert rows[0]["at"] == "2026-11-30T12:00:00+00:00" and rows[0]["request_id"] == "req-1"


def test_a_granted_admin_may_grant_in_turn(roles):
    roles.grant("UBOSS0001", "UDEPUTY01", "admin", NOW)
    roles.grant("UDEPUTY01", "UOFFICER1", "Officer", NOW)
    assert roles.role_of("UOFFICER1") is Role.OFFICER
    assert [(h.user_id, h.role) for h in roles.list_roles()] == [
        ("UBOSS0001", Role.ADMIN),
        ("UDEPUTY01", Role.ADMIN),
        ("UOFFICER1", Role.OFFICER),
    ]


@pytest.mark.parametrize("actor", ["UOFFICER1", "USOMEONE1"])
def test_only_admins_grant_or_revoke_and_nothing_changes(roles, store, actor):
    roles.grant("UBOSS0001", "UOFFICER1", "officer", NOW)
    with pytest.raises(NotAllowed, match="<@UBOSS0001> can grant access"):
        roles.grant(actor, "USOMEONE1", "admin", NOW)
    with pytest.raises(NotAllowed):
        roles.revoke(actor, "UOFFICER1", NOW)
    assert roles.role_of("USOMEONE1") is Role.READER
    assert roles.role_of("UOFFICER1") is Role.OFFICER
    assert len(audit_rows(store)) == 1


def test_an_unknown_role_is_refused_with_an_example(roles):
    with pytest.raises(RoleError, match="grant @sam officer"):
        roles.grant("UBOSS0001", "UOFFICER1", "superuser", NOW)
    assert roles.role_of("UOFFICER1") is Role.READER


def test_an_admin_from_the_settings_cannot_be_revoked_in_the_store(roles):
    with pytest.raises(RoleError, match="CSP_BOT_ADMINS"):
        roles.revoke("UBOSS0001", "UBOSS0001", NOW)


def test_a_failed_write_leaves_no_role_and_no_audit_row(roles, store, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("knowledge.services.roles.add_audit", broken)
    with pytest.raises(RuntimeError):
        roles.grant("UBOSS0001", "UOFFICER1", "officer", NOW)
    assert roles.role_of("UOFFICER1") is Role.READER
    assert audit_rows(store) == []


def test_admins_setting_reads_a_comma_separated_list():
    settings = Settings(_env_file=None, csp_bot_admins="UBOSS0001, UDEPUTY01")
    assert settings.csp_bot_admins == frozenset({"UBOSS0001", "UDEPUTY01"})


def test_a_group_member_is_an_officer_and_the_group_is_asked_only_about_the_unnamed(store):
    asked: list[str] = []

    def in_group(user_id: str) -> bool:
        asked.append(user_id)
        return user_id in {"UGROUP001", "UBOSS0001"}

    roles = Roles(store, frozenset({"UBOSS0001"}), is_group_member=in_group)
    roles.grant("UBOSS0001", "UDEPUTY01", "admin", NOW)
    assert roles.role_of("UGROUP001") is Role.OFFICER and roles.can_write("UGROUP001")
    assert roles.role_of("USOMEONE1") is Role.READER
    assert roles.role_of(None) is Role.READER
    assert roles.role_of("UBOSS0001") is Role.ADMIN and roles.role_of("UDEPUTY01") is Role.ADMIN
    assert not roles.is_admin("UGROUP001")
    assert asked == ["UGROUP001", "UGROUP001", "USOMEONE1"]  # Roles keeps nothing; the group may
    with pytest.raises(NotAllowed):
        roles.grant("UGROUP001", "USOMEONE1", "officer", NOW)
