"""Undo takes back the actor's own last change (a figure or a status) within a day; history
tells every change, with its note."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from knowledge.services.figures import FigureError, Figures, Recorded
from knowledge.services.history import history, statuses_history
from knowledge.services.roles import NotAllowed, Roles
from knowledge.services.statuses import StatusError, Statuses, StatusRecorded
from knowledge.services.undo import undo
from knowledge.store.statuses import StatusOf

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
ADMIN = "UBOSS0001"
OFFICER = "UOFFICER1"


@pytest.fixture
def figures(store):
    service = Figures(store, Roles(store, frozenset({ADMIN})))
    service.roles.grant(ADMIN, OFFICER, "officer", NOW)
    return service


def record(figures, value, period="2019", actor=ADMIN, at=NOW, note=None):
    return figures.record(actor, "knife-crime", period, value, note, "command", None, at)


def record_status(figures, text, key="rrt-expansion", of=StatusOf.ACTION, actor=ADMIN, at=NOW):
    return Statuses(figures.store, figures.roles).record(actor, of, key, text, "command", None, at)


def status_now(store, key="rrt-expansion", of=StatusOf.ACTION):
    held = store.catalogue().statuses if of is StatusOf.ACTION else store.catalogue().deliverable_statuses
    return held[key].status if key in held else None


def latest(store) -> tuple[str, float]:
    figure = store.catalogue().figures["knife-crime"][-1]
    return figure.period.code, figure.value


def test_undoing_a_first_figure_for_a_period_brings_back_the_latest_before(figures, store):
    record(figures, "900")
    assert latest(store) == ("2019", 900)
    result = undo(figures, ADMIN, NOW + timedelta(hours=1))
    assert (result.old, result.new, result.period.code) == (900, None, "2019")
    assert latest(store) == ("2018", 830)
    assert len(store.figure_history("knife-crime")) == 4  # nothing deleted


def test_undoing_a_correction_restores_the_value_before(figures, store):
    record(figures, "800", "2018")
    result = undo(figures, ADMIN, NOW)
    assert (result.old, result.new) == (800, 830)
    assert latest(store) == ("2018", 830)
    [_, undone] = list(store.db["audit"].rows_where("entity = 'figure'", order_by="id"))
    assert (undone["action"], undone["old"], undone["source"]) == ("undo", '{"value": 800.0}', "undo")


def test_undo_goes_back_one_change_at_a_time(figures, store):
    record(figures, "800", "2018")
    record(figures, "810", "2018")
    undo(figures, ADMIN, NOW)
    assert latest(store) == ("2018", 800)
    undo(figures, ADMIN, NOW)
    assert latest(store) == ("2018", 830)
    with pytest.raises(FigureError, match="nothing to undo"):
        undo(figures, ADMIN, NOW)


def test_undo_reaches_back_24_hours_only(figures, store):
    record(figures, "900", at=NOW)
    with pytest.raises(FigureError, match="nothing to undo"):
        undo(figures, ADMIN, NOW + timedelta(hours=24, seconds=1))
    assert latest(store) == ("2019", 900)
    assert undo(figures, ADMIN, NOW + timedelta(hours=23, minutes=59)).new is None


def test_undo_takes_back_only_the_actors_own_change(figures, store):
    record(figures, "900", actor=ADMIN)
    with pytest.raises(FigureError, match="nothing to undo"):
        undo(figures, OFFICER, NOW)
    assert latest(store) == ("2019", 900)


def test_undo_will_not_overwrite_someone_elses_later_change(figures, store):
    record(figures, "900", actor=OFFICER)
    record(figures, "950", actor=ADMIN)
    with pytest.raises(FigureError, match="changed since by someone else"):
        undo(figures, OFFICER, NOW)
    assert latest(store) == ("2019", 950)


def test_a_reader_cannot_undo(figures):
    with pytest.raises(NotAllowed):
        undo(figures, "UREADER01", NOW)


def test_history_says_who_changed_what_when_and_from_what(figures, store):
    record(figures, "900")
    record(figures, "800", "2018", actor=OFFICER)
    undo(figures, ADMIN, NOW)
    lines = [(h.actor, h.period.code, h.old, h.new, h.source) for h in history(store, "knife-crime")]
    assert lines == [
        ("seed", "2017", None, 889, "seed"),
        ("seed", "2018", None, 830, "seed"),
        (ADMIN, "2019", None, 900, "command"),
        (OFFICER, "2018", 830, 800, "command"),
        (ADMIN, "2019", 900, None, "undo"),
    ]
    assert history(store, "knife-crime")[2].at == "2026-11-30T12:00:00+00:00"


def test_history_shows_the_note_given_with_each_figure(figures, store):
    record(figures, "900", note="police data, <!channel> revised")
    record(figures, "910")
    record(figures, "920", note="second revision", at=NOW + timedelta(minutes=1))
    undo(figures, ADMIN, NOW + timedelta(minutes=2))
    notes = [(h.new, h.note) for h in history(store, "knife-crime")]
    assert notes == [
        (889, None),
        (830, None),
        (900, "police data, <!channel> revised"),
        (910, None),
        (920, "second revision"),
        (910, None),
    ]


def test_undo_takes_back_a_status_by_recording_the_one_before(figures, store):
    seeded = status_now(store)
    record_status(figures, "Now reaches 18-24s")
    result = undo(figures, ADMIN, NOW + timedelta(hours=1))
    assert isinstance(result, StatusRecorded)
    assert (result.old, result.new, result.as_of) == ("Now reaches 18-24s", seeded, "early 2019")
    assert status_now(store) == seeded
    assert store.catalogue().statuses["rrt-expansion"].as_of == "early 2019"
    assert len(store.statuses.history("rrt-expansion")) == 3  # nothing deleted


def test_undoing_a_first_status_leaves_none(figures, store):
    record_status(figures, "Charter refreshed", key="sp-vawg-charter", of=StatusOf.DELIVERABLE)
    result = undo(figures, ADMIN, NOW)
    assert (result.old, result.new) == ("Charter refreshed", None)
    assert status_now(store, "sp-vawg-charter", StatusOf.DELIVERABLE) is None


def test_undo_takes_back_the_last_change_of_either_kind(figures, store):
    seeded = status_now(store)
    record(figures, "900", at=NOW)
    record_status(figures, "Now reaches 18-24s", at=NOW + timedelta(minutes=1))
    record(figures, "800", "2018", at=NOW + timedelta(minutes=2))
    later = NOW + timedelta(minutes=3)
    assert isinstance(undo(figures, ADMIN, later), Recorded)
    assert latest(store) == ("2019", 900) and status_now(store) == "Now reaches 18-24s"
    assert isinstance(undo(figures, ADMIN, later), StatusRecorded)
    assert status_now(store) == seeded and latest(store) == ("2019", 900)
    assert isinstance(undo(figures, ADMIN, later), Recorded)
    assert latest(store) == ("2018", 830)
    with pytest.raises(FigureError, match="no figure or status in the last 24 hours"):
        undo(figures, ADMIN, later)


def test_undo_reaches_back_24_hours_only_for_statuses_too(figures, store):
    record_status(figures, "Now reaches 18-24s", at=NOW)
    with pytest.raises(FigureError, match="nothing to undo"):
        undo(figures, ADMIN, NOW + timedelta(hours=24, seconds=1))
    assert status_now(store) == "Now reaches 18-24s"


def test_undo_will_not_overwrite_someone_elses_later_status(figures, store):
    record_status(figures, "Officer's status", actor=OFFICER)
    record_status(figures, "Admin's status", actor=ADMIN)
    with pytest.raises(StatusError, match="changed since by someone else"):
        undo(figures, OFFICER, NOW)
    assert status_now(store) == "Admin's status"


def test_an_undo_delivered_twice_is_applied_once(figures, store):
    record_status(figures, "First")
    record_status(figures, "Second")
    once = undo(figures, ADMIN, NOW, request_id="trigger-undo")
    again = undo(figures, ADMIN, NOW, request_id="trigger-undo")
    assert (again.old, again.new, again.repeated) == (once.old, once.new, True)
    assert status_now(store) == "First"


def test_status_history_says_who_changed_what_when_and_from_what(figures, store):
    seeded = status_now(store)
    record_status(figures, "Now reaches 18-24s")
    record_status(figures, "<!channel> paused", actor=OFFICER, at=NOW + timedelta(hours=1))
    undo(figures, OFFICER, NOW + timedelta(hours=2))
    lines = [
        (h.actor, h.old, h.new, h.as_of, h.source)
        for h in statuses_history(store, StatusOf.ACTION, "rrt-expansion")
    ]
    assert lines == [
        ("seed", None, seeded, "early 2019", "seed"),
        (ADMIN, seeded, "Now reaches 18-24s", "2026-11-30", "command"),
        (OFFICER, "Now reaches 18-24s", "<!channel> paused", "2026-11-30", "command"),
        (OFFICER, "<!channel> paused", "Now reaches 18-24s", "2026-11-30", "undo"),
    ]
