"""A value over ten times or under a tenth of the figure before it is recorded only when confirmed."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from knowledge.domain.models import Figure
from knowledge.domain.periods import parse_period
from knowledge.services.figures import Figures, NeedsConfirmation, find_outlier
from knowledge.services.roles import Roles

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
ADMIN = "UBOSS0001"


@pytest.fixture
def figures(store):
    return Figures(store, Roles(store, frozenset({ADMIN})))


def record(figures, value, period="2019", key="knife-crime", confirmed=False, request_id=None):
    return figures.record(ADMIN, key, period, value, None, "command", request_id, NOW, confirmed)


def held(store, key="knife-crime") -> list[tuple[str, float]]:
    return [(f.period.code, f.value) for f in store.catalogue().figures[key]]


def figure(value: float, period: str) -> Figure:
    return Figure(
        indicator_key="x",
        period=parse_period(period),
        value=value,
        recorded_at="2019-01-01T00:00:00+00:00",
        recorded_by="seed",
        source="seed",
    )


@pytest.mark.parametrize(
    ("previous", "value", "period", "flagged"),
    [
        ((830, "2018"), 8300, "2019", False),  # exactly ten times is not over it
        ((830, "2018"), 8301, "2019", True),
        ((830, "2018"), 83, "2019", False),  # exactly a tenth is not under it
        ((830, "2018"), 82, "2019", True),
        ((0, "2018"), 0, "2019", False),  # zero then zero
        ((0, "2018"), 10, "2019", False),  # from zero, small counts are ordinary
        ((0, "2018"), 11, "2019", True),  # ...a large one is not
        ((3, "2018"), 0, "2019", False),  # a small count falling to zero is ordinary
        ((830, "2018"), 0, "2019", True),  # a large one falling to zero is not
        ((830, "2018"), 70, "Nov 2019", False),  # a month against a year: per month, about 69
        ((830, "2018"), 900, "Nov 2019", True),
        ((830, "2018"), 412, "Jan-Jun 2019", False),
        ((70, "Nov 2019"), 830, "2019", False),  # a year against a month
        ((None, None), 123456, "2019", False),  # nothing to compare with
    ],
)
def test_a_count_is_checked_against_the_figure_before_it(store, previous, value, period, flagged):
    knife = store.catalogue().indicator["knife-crime"]
    before = figure(*previous) if previous[0] is not None else None
    assert (find_outlier(knife, parse_period(period), value, before) is not None) == flagged


@pytest.mark.parametrize(
    ("previous", "value", "flagged"),
    [(69, 7, False), (69, 6, True), (5, 51, True), (5, 50, False), (0, 0.5, False), (0.5, 9, False)],
)
def test_a_rate_is_checked_as_it_is_whatever_the_period(store, previous, value, flagged):
    rate = store.catalogue().indicator["sdvc-conviction-rate"]
    outlier = find_outlier(rate, parse_period("Nov 2019"), value, figure(previous, "2018"))
    assert (outlier is not None) == flagged


def test_an_outlier_is_not_recorded_and_says_why(figures, store):
    record(figures, "41", "2018", confirmed=True)
    revision, audits = store.revision(), store.db["audit"].count
    with pytest.raises(NeedsConfirmation, match=r"^412 is over 10× the last figure, 41 for 2018$") as raised:
        record(figures, "412")
    assert raised.value.outlier.value == 412 and raised.value.outlier.over
    assert held(store) == [("2017", 889), ("2018", 41)]
    assert (store.revision(), store.db["audit"].count) == (revision, audits)


def test_under_a_tenth_and_a_month_against_a_year_are_said_so(figures):
    with pytest.raises(NeedsConfirmation, match=r"^82 is under a tenth of the last figure, 830 for 2018$"):
        record(figures, "82")
    with pytest.raises(NeedsConfirmation, match=r"^900 is over 10× .* 830 for 2018, about 69 over 1 month$"):
        record(figures, "900", "Nov 2019")


def test_a_confirmed_outlier_is_recorded_and_its_audit_says_so(figures, store):
    result = record(figures, "8,400", confirmed=True)
    assert (result.old, result.new) == (None, 8400)
    assert held(store)[-1] == ("2019", 8400)
    [row] = store.db["audit"].rows
    assert json.loads(row["new"]) == {"value": 8400, "note": None, "confirmed": True}


def test_a_correction_is_checked_against_other_periods_not_the_figure_it_corrects(figures, store):
    record(figures, "9000", confirmed=True)  # a slipped digit, confirmed by mistake
    assert record(figures, "900").new == 900  # put right without a question: 900 is near 830 for 2018
    with pytest.raises(NeedsConfirmation, match="830 for 2018"):
        record(figures, "80")


def test_with_only_the_same_period_held_the_correction_is_checked_against_it(figures, store):
    assert held(store, "drug-operation-arrests") == [("2018", 190)]
    with pytest.raises(NeedsConfirmation, match="1,901 is over 10× the last figure, 190 for 2018"):
        record(figures, "1901", "2018", key="drug-operation-arrests")
    assert record(figures, "1900", "2018", key="drug-operation-arrests").new == 1900


def test_a_repeated_request_is_not_checked_again(figures, store):
    record(figures, "8400", confirmed=True, request_id="req-1")
    again = record(figures, "8400", request_id="req-1")  # Slack's retry of the confirmed click
    assert again.repeated and again.new == 8400
    assert store.db["audit"].count == 1
