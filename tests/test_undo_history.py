"""Undo takes back the actor's own last figure within a day; history tells every change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from knowledge.services.figures import FigureError, Figures
from knowledge.services.history import history
from knowledge.services.roles import NotAllowed, Roles
from knowledge.services.undo import undo

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
ADMIN = "UBOSS0001"
OFFICER = "UOFFICER1"


@pytest.fixture
def figures(store):
    service = Figures(store, Roles(store, frozenset({ADMIN})))
    service.roles.grant(ADMIN, OFFICER, "officer", NOW)
    return service


def record(figures, value, period="2019", actor=ADMIN, at=NOW):
    return figures.record(actor, "knife-crime", period, value, None, "command", None, at)


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
