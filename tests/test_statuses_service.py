"""Recording a status: checked at the edge, one transaction with its audit row, once per request,
for a manifesto action or a Strategic Plan deliverable alike."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from knowledge.services.roles import NotAllowed, Roles
from knowledge.services.statuses import MAX_STATUS_CHARS, StatusError, Statuses
from knowledge.store.statuses import StatusOf

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
ADMIN = "UBOSS0001"
SEED_RRT = "The service has been reconfigured to expand its reach"


@pytest.fixture
def statuses(store):
    return Statuses(store, Roles(store, frozenset({ADMIN})))


def record(statuses, text="Now reaches 18-24s", key="rrt-expansion", of=StatusOf.ACTION, **kwargs):
    options = {"actor": ADMIN, "source": "command", "request_id": None, "now": NOW, **kwargs}
    return statuses.record(options["actor"], of, key, text, options["source"], options["request_id"],
                           options["now"])  # fmt: skip


def test_a_status_is_recorded_with_its_date_and_what_it_replaced(statuses, store):
    result = record(statuses)
    assert result.old.startswith(SEED_RRT) and result.old_as_of == "early 2019"
    assert (result.new, result.as_of, result.repeated) == ("Now reaches 18-24s", "2026-11-30", False)
    assert (result.subject.name, result.subject.kind_name) == ("RRT expansion", "manifesto action")
    status = store.catalogue().statuses["rrt-expansion"]
    assert (status.status, status.as_of, status.recorded_by, status.source) == (
        "Now reaches 18-24s",
        "2026-11-30",
        ADMIN,
        "command",
    )
    [row] = store.db["audit"].rows
    assert (row["actor"], row["action"], row["entity"], row["entity_key"], row["period"]) == (
        ADMIN,
        "record",
        "action_status",
        "rrt-expansion",
        None,
    )
    assert json.loads(row["new"]) == {"status": "Now reaches 18-24s", "as_of": "2026-11-30"}
    assert json.loads(row["old"])["as_of"] == "early 2019"


def test_a_deliverables_first_status_replaces_none(statuses, store):
    result = record(statuses, "Charter refreshed", key="sp-vawg-charter", of=StatusOf.DELIVERABLE)
    assert (result.old, result.new, result.subject.kind_name) == (
        None,
        "Charter refreshed",
        "Strategic Plan deliverable",
    )
    assert store.catalogue().deliverable_statuses["sp-vawg-charter"].status == "Charter refreshed"
    assert json.loads(next(iter(store.db["audit"].rows))["old"] or "null") is None


def test_a_recorded_status_moves_the_content_revision_on(statuses, store):
    before = store.revision()
    record(statuses)
    assert store.revision() == before + 1


def test_markup_is_stored_as_typed(statuses, store):
    record(statuses, "<!channel> done & <b>dusted</b>")
    assert store.catalogue().statuses["rrt-expansion"].status == "<!channel> done & <b>dusted</b>"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "say what the status is now"),
        ("   \n ", "say what the status is now"),
        ("x" * (MAX_STATUS_CHARS + 1), "at most 500 characters and this one is 501"),
        ("x" * 4000, "this one is 4,000"),
    ],
)
def test_a_status_that_is_empty_or_too_long_is_refused_with_an_example(statuses, store, text, says):
    revision = store.revision()
    with pytest.raises(StatusError, match=says) as refused:
        record(statuses, text)
    assert "/csp status RRT expansion:" in str(refused.value)
    assert store.revision() == revision
    assert store.db["audit"].count == 0


def test_a_status_of_500_characters_is_taken_whole(statuses, store):
    record(statuses, "y" * MAX_STATUS_CHARS)
    assert store.catalogue().statuses["rrt-expansion"].status == "y" * MAX_STATUS_CHARS


@pytest.mark.parametrize(
    ("key", "of"), [("no-such-action", StatusOf.ACTION), ("rrt-expansion", StatusOf.DELIVERABLE)]
)
def test_an_unknown_action_or_deliverable_is_refused(statuses, store, key, of):
    with pytest.raises(StatusError, match="there is no"):
        record(statuses, key=key, of=of)
    assert store.db["audit"].count == 0


def test_a_reader_is_refused_naming_who_can_grant_and_nothing_changes(statuses, store):
    revision = store.revision()
    with pytest.raises(NotAllowed, match=f"Only officers can record statuses; <@{ADMIN}> can grant"):
        record(statuses, actor="UREADER01")
    assert store.revision() == revision
    assert store.db["audit"].count == 0


def test_a_request_delivered_twice_is_applied_once(statuses, store):
    first = record(statuses, request_id="trigger-1")
    again = record(statuses, request_id="trigger-1")
    assert (again.old, again.new, again.repeated) == (first.old, first.new, True)
    assert len(store.statuses.history("rrt-expansion")) == 2  # the seed's and this one
    assert store.db["audit"].count == 1
