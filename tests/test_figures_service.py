"""Recording a figure: checked at the edge, one transaction with its audit row, once per request."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest

from knowledge.domain.judgement import Judgement
from knowledge.services.figures import FigureError, Figures
from knowledge.services.roles import NotAllowed, Roles

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
ADMIN = "UBOSS0001"


@pytest.fixture
def figures(store):
    return Figures(store, Roles(store, frozenset({ADMIN})))


def record(
    figures,
    value="900",
    period="2019",
    key="knife-crime",
    actor=ADMIN,
    request_id=None,
    note=None,
    confirmed=False,
):
    return figures.record(actor, key, period, value, note, "command", request_id, NOW, confirmed)


def test_a_figure_is_recorded_with_its_change_on_a_year_before(figures, store):
    result = record(figures, "900", "2019", note="police data, revised")
    assert (result.old, result.new, result.period.code) == (None, 900, "2019")
    assert result.year_before.value == 830
    assert result.change.direction == "up" and result.change.judgement is Judgement.WORSE
    assert store.catalogue().figures["knife-crime"][-1].value == 900
    [row] = store.db["audit"].rows
    assert (row["actor"], row["action"], row["entity_key"], row["period"]) == (
        ADMIN,
        "record",
        "knife-crime",
        "2019",
    )
    assert (row["old"], row["new"], row["source"]) == (
        None,
        '{"value": 900.0, "note": "police data, revised"}',
        "command",
    )


def test_a_correction_keeps_the_old_value_in_the_history(figures, store):
    result = record(figures, "800", "2018")
    assert (result.old, result.new) == (830, 800)
    assert result.change.judgement is Judgement.BETTER
    assert [r["value"] for r in store.figure_history("knife-crime")] == [889, 830, 800]


def test_a_recorded_figure_moves_the_content_revision_on(figures, store):
    before = store.revision()
    record(figures)
    assert store.revision() == before + 1


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [("knife-crime", "1,234", 1234), ("knife-crime", "0", 0), ("knife-crime", " 12 ", 12)],
)
def test_counts_are_whole_numbers(figures, key, value, expected):
    assert record(figures, value, key=key, confirmed=True).new == expected


@pytest.mark.parametrize("value", ["-3", "12.5", "lots", "1,2,3x", ""])
def test_a_count_that_is_not_a_whole_number_is_refused_with_an_example(figures, store, value):
    with pytest.raises(FigureError, match="1,234"):
        record(figures, value)
    assert store.db["audit"].count == 0


def rate_key(store) -> str:
    return next(i.key for i in store.catalogue().indicators if i.unit == "percent")


@pytest.mark.parametrize(("value", "expected"), [("69%", 69), ("69.5", 69.5), ("100", 100), ("0%", 0)])
def test_rates_are_percentages(figures, store, value, expected):
    assert record(figures, value, key=rate_key(store), confirmed=True).new == expected


@pytest.mark.parametrize("value", ["101", "150%", "-5%", "high"])
def test_a_rate_outside_0_to_100_is_refused(figures, store, value):
    with pytest.raises(FigureError, match="69%"):
        record(figures, value, key=rate_key(store))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2019", "2019"),
        ("2019/20", "FY2019-20"),
        ("Q1 2019", "2019-Q1"),
        ("Jan-Jun 2019", "YTD2019-06"),
        ("Nov 2019", "2019-11"),
    ],
)
def test_periods_are_read_as_questions_read_them(figures, text, code):
    assert record(figures, period=text, confirmed=True).period.code == code


def test_a_period_not_understood_is_refused_with_examples(figures):
    with pytest.raises(FigureError, match="2018/19"):
        record(figures, period="next year")


def test_an_unknown_indicator_is_refused(figures):
    with pytest.raises(FigureError, match="no indicator"):
        record(figures, key="knife-crimes")


def test_a_reader_cannot_record_and_nothing_changes(figures, store):
    before = store.revision()
    with pytest.raises(NotAllowed, match=f"<@{ADMIN}> can grant access"):
        record(figures, actor="UREADER01")
    assert store.revision() == before
    assert [r["value"] for r in store.figure_history("knife-crime")] == [889, 830]


def test_an_officer_granted_by_an_admin_can_record(figures):
    figures.roles.grant(ADMIN, "UOFFICER1", "officer", NOW)
    assert record(figures, actor="UOFFICER1").new == 900


def test_a_repeated_request_is_applied_once(figures, store):
    first = record(figures, "900", request_id="trigger-1")
    again = record(figures, "900", request_id="trigger-1")
    assert (again.old, again.new, again.repeated) == (first.old, first.new, True)
    assert [r["value"] for r in store.figure_history("knife-crime")] == [889, 830, 900]
    assert store.db["audit"].count == 1


def test_figures_recorded_from_many_threads_at_once_are_all_kept(figures, store):
    def work(worker: int) -> None:
        for i in range(10):
            record(figures, str(800 + worker * 10 + i), request_id=f"w{worker}-{i}")
        store.close()  # this thread's connection

    threads = [threading.Thread(target=work, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(store.figure_history("knife-crime")) == 2 + 80
    assert store.db["audit"].count == 80
    assert store.db.execute("SELECT COUNT(DISTINCT request_id) FROM audit").fetchone()[0] == 80


def test_check_names_each_part_that_is_wrong_as_record_reads_it(figures, store):
    assert figures.check("knife-crime", "Jan-Jun 2019", "412") == {}
    errors = figures.check("knife-crime", "someday", "-3")
    assert set(errors) == {"period", "value"}
    assert "2018/19" in errors["period"] and "1,234" in errors["value"]
    assert set(figures.check(rate_key(store), "2019", "150%")) == {"value"}
    assert set(figures.check(None, "2019", "12")) == {"indicator"}
    assert set(figures.check("no-such-thing", "2019", "12")) == {"indicator"}
