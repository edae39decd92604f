"""PTF taskings without Slack: checks at the edge, status changes, once per request, the owner's
reminder the day before review; and the digest's tasking counts, details only where allowed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.scheduler import make_jobs
from handlers.blocks.digest import build_digest_message
from knowledge.answering import open_knowledge
from knowledge.domain.periods import parse_period
from knowledge.domain.taskings import Outcomes, Status, TaskingError
from knowledge.services.digest import build_digest
from knowledge.services.figures import Figures
from knowledge.services.roles import NotAllowed, Roles
from knowledge.services.taskings import Change, TaskingFieldErrors, Taskings
from knowledge.store import figure_row
from tests.block_limits import limit_problems
from tests.slack_harness import settings_for

OFFICER = "UOFFICER1"
NOW = datetime(2024, 4, 2, 10, 0, tzinfo=UTC)


def values(**overrides) -> dict:
    return {
        "raised_on": "2024-04-01",
        "source": "CCTV",
        "ward": "Whitechapel",
        "theme": "drug dealing",
        "ask": "Review the market cameras",
        "lead_agency": "Council CCTV",
        "owner": "UOWNER001",
        "review_on": "2024-04-09",
        **overrides,
    }


@pytest.fixture
def taskings(store) -> Taskings:
    return Taskings(store, Roles(store, frozenset({OFFICER})))


def test_a_form_with_mistakes_names_each_field(taskings):
    with pytest.raises(TaskingFieldErrors) as raised:
        taskings.check(values(source="gossip", owner="sam", ward=" "), NOW)
    assert set(raised.value.errors) == {"source", "owner", "ward"}
    with pytest.raises(TaskingFieldErrors) as raised:
        taskings.check(values(raised_on="2024-04-05"), NOW)
    assert raised.value.errors == {"raised_on": "the date raised is in the future"}


def test_raise_update_close_with_audit_once_per_request(taskings, store):
    saved = taskings.add(OFFICER, taskings.check(values(), NOW), NOW, "req-1")
    assert (saved.tasking.ref, saved.assigned_to) == ("PTF-2024-001", "UOWNER001")
    again = taskings.add(OFFICER, taskings.check(values(), NOW), NOW, "req-1")
    assert again.repeated and again.tasking.ref == "PTF-2024-001"
    assert taskings.add(OFFICER, taskings.check(values(), NOW), NOW, "req-2").tasking.ref == "PTF-2024-002"
    change = Change(status=Status.IN_PROGRESS, added=Outcomes(arrests=2), owner="UOTHER001")
    updated = taskings.update(OFFICER, "ptf-2024-001", change, NOW, "req-3")
    assert updated.tasking.outcomes.arrests == 2 and updated.assigned_to == "UOTHER001"
    taskings.update(OFFICER, "PTF-2024-001", change, NOW, "req-3")  # delivered twice
    assert taskings.get("PTF-2024-001").outcomes.arrests == 2
    closed = taskings.close(
        OFFICER, "PTF-2024-001", Change(status=Status.COMPLETED, added=Outcomes(seizures=1)), NOW
    )
    assert closed.tasking.status is Status.COMPLETED and closed.tasking.closed_at
    with pytest.raises(TaskingError, match="already completed"):
        taskings.update(OFFICER, "PTF-2024-001", Change(note="more"), NOW)
    rows = list(store.db["audit"].rows_where("entity = 'tasking'", order_by="id"))
    assert [(r["action"], r["entity_key"]) for r in rows] == [
        ("raise", "PTF-2024-001"),
        ("raise", "PTF-2024-002"),
        ("update", "PTF-2024-001"),
        ("close", "PTF-2024-001"),
    ]


def test_readers_cannot_raise_and_nothing_is_written(taskings, store):
    with pytest.raises(NotAllowed):
        taskings.add("UREADER01", taskings.check(values(), NOW), NOW)
    assert store.db["taskings"].count == 0 and store.db["audit"].count == 0


def test_an_in_progress_tasking_cannot_go_back_to_open(taskings):
    taskings.add(OFFICER, taskings.check(values(), NOW), NOW)
    taskings.update(OFFICER, "PTF-2024-001", Change(status=Status.IN_PROGRESS), NOW)
    with pytest.raises(TaskingError, match="cannot go back to open"):
        taskings.update(OFFICER, "PTF-2024-001", Change(status=Status.OPEN), NOW)


def test_the_owner_is_reminded_once_the_day_before_review(fake, tmp_path, data_dir):
    clock_now = [datetime(2024, 4, 8, 7, 59, tzinfo=UTC)]  # 08:59 BST on the day before
    knowledge = open_knowledge(tmp_path / "r.db", data_dir)
    jobs = make_jobs(settings_for(fake), knowledge, Roles(knowledge.store, frozenset({OFFICER})),
                     clock=lambda: clock_now[0])  # fmt: skip
    jobs.taskings.add(OFFICER, jobs.taskings.check(values(), NOW), NOW)
    assert jobs.reminders_due() == []  # before 09:00 London time
    clock_now[0] = datetime(2024, 4, 8, 8, 0, tzinfo=UTC)
    jobs.reminders_due()
    clock_now[0] += timedelta(hours=3)
    jobs.catch_up()
    [dm] = fake.posted("chat.postMessage")
    assert dm.params["channel"] == "UOWNER001" and "due for review tomorrow" in dm.params["text"]
    clock_now[0] = datetime(2024, 4, 9, 8, 0, tzinfo=UTC)  # the review day itself: no reminder
    jobs.reminders_due()
    assert len(fake.posted("chat.postMessage")) == 1


def test_the_digest_counts_taskings_and_shows_them_only_where_allowed(tmp_path, data_dir):
    knowledge = open_knowledge(tmp_path / "d.db", data_dir)
    taskings = Taskings(knowledge.store, Roles(knowledge.store, frozenset({OFFICER})))
    taskings.add(OFFICER, taskings.check(values(ask="Watch <!channel> the corner"), NOW), NOW)
    since, until = NOW - timedelta(days=7), NOW + timedelta(minutes=1)
    counted = build_digest(knowledge, since, until)
    assert (counted.taskings.new, counted.taskings.closed, counted.taskings.details) == (1, 0, None)
    message = build_digest_message(counted)
    assert "PTF-2024-001" not in str(message) and "1 tasking raised" in message["text"]
    detailed = build_digest_message(build_digest(knowledge, since, until, tasking_details=True))
    assert "PTF-2024-001" in str(detailed)
    assert limit_problems(detailed) == []


def test_the_digest_lists_status_changes_and_stays_within_limits(tmp_path, data_dir):
    knowledge = open_knowledge(tmp_path / "s.db", data_dir)
    at = NOW.isoformat(timespec="seconds")
    with knowledge.store.write_content() as db:
        db["action_statuses"].insert(
            {"action_key": "vawg-charter", "status": "Charter refreshed <!here>", "as_of": "2024",
             "recorded_at": at, "recorded_by": OFFICER, "source": "command"}
        )  # fmt: skip
        for value in range(60):  # more figure changes than a message shows
            period = parse_period(str(1950 + value))
            db["figures"].insert(figure_row("knife-crime", period, value, at, OFFICER, "command"))
    digest = build_digest(knowledge, NOW - timedelta(days=1), NOW + timedelta(minutes=1))
    assert len(digest.statuses) == 1 and digest.statuses[0].new == "Charter refreshed <!here>"
    message = build_digest_message(digest)
    assert "<!here>" not in str(message) and "and 45 more" in str(message)
    assert limit_problems(message) == []


def test_the_digest_lists_only_changes_since_the_last_one(tmp_path, data_dir):
    knowledge = open_knowledge(tmp_path / "w.db", data_dir)
    figures = Figures(knowledge.store, Roles(knowledge.store, frozenset({OFFICER})))
    figures.record(OFFICER, "knife-crime", "2019", "900", None, "command", None, NOW - timedelta(days=8))
    figures.record(OFFICER, "knife-crime", "2019", "910", None, "command", None, NOW - timedelta(days=1))
    [change] = build_digest(knowledge, NOW - timedelta(days=7), NOW).figures
    assert (change.old, change.new, change.by) == (900, 910, (OFFICER,))
    assert build_digest(knowledge, NOW - timedelta(hours=1), NOW).figures == ()
