"""Importing police data as batches: one transaction and one audit row each, re-imports that
change nothing, revisions kept as history, dry runs that write nothing, and undo of a batch."""

import hashlib
from datetime import UTC, datetime, timedelta

import pytest

from knowledge.answering import Knowledge
from knowledge.domain.periods import Period
from knowledge.imports.mps_csv import ImportFileError
from knowledge.render.imports import indicator_line as render_import_line
from knowledge.render.text import render_text
from knowledge.services.figures import FigureError, Figures
from knowledge.services.import_undo import BatchUndone, ImportUndoError, undo_batch
from knowledge.services.imports import Imports
from knowledge.services.roles import NotAllowed, Roles
from knowledge.services.undo import undo
from knowledge.store.imports import batches
from tests.police_files import (
    HISTORICAL_FILE,
    OLD_HEADER,
    OLD_ROWS,
    RECENT_FILE,
    ROWS,
    mps_file,
    needs_shared_files,
    with_count,
)

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
ADMIN = "UBOSS0001"
OFFICER = "UOFFICER1"


@pytest.fixture
def imports(store):
    return Imports(store)


def counts(store) -> dict:
    """How many rows each table holds, and the revision: what a write would move."""
    tables = ("figures", "audit", "import_batches", "indicators")
    held = {t: store.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}
    return {**held, "revision": store.revision()}


def current(store, key: str) -> dict[str, float]:
    return {f.period.code: f.value for f in store.catalogue().figures.get(key, [])}


def test_an_import_writes_one_batch_with_one_audit_row(imports, store):
    data = mps_file()
    before = counts(store)
    result = imports.apply(data, "june.csv", "cli:sam", NOW)
    after = counts(store)
    assert after["figures"] - before["figures"] == 4 * 3  # four of the ten indicators are in the file
    assert (after["audit"] - before["audit"], after["import_batches"], after["revision"]) == (
        1,
        1,
        before["revision"] + 1,
    )
    [batch] = batches(store.db)
    assert (batch.id, batch.file_name, batch.sha256, batch.borough, batch.imported_by) == (
        result.batch_id,
        "june.csv",
        hashlib.sha256(data).hexdigest(),
        "Tower Hamlets",
        "cli:sam",
    )
    assert (batch.first_month, batch.last_month, batch.figures_new, batch.figures_revised) == (
        "2019-05",
        "2019-07",
        12,
        0,
    )
    assert batch.indicators_made == ("possession-of-weapons", "theft")
    rows = list(store.db["figures"].rows_where("batch_id = ?", [batch.id]))
    assert {(r["source"], r["recorded_by"]) for r in rows} == {("import", "cli:sam")}
    assert current(store, "total-burglary") == {
        "2017": 2928,
        "2018": 3293,
        "2019-05": 150,
        "2019-06": 170,
        "2019-07": 190,
    }
    [audit] = list(store.db["audit"].rows_where("entity = 'import'"))
    assert (audit["action"], audit["entity_key"], audit["actor"]) == ("import", str(batch.id), "cli:sam")


def test_the_same_file_again_changes_nothing(imports, store):
    first = imports.apply(mps_file(), "june.csv", "cli:sam", NOW)
    before = counts(store)
    again = imports.apply(mps_file(), "june-again.csv", "cli:sam", NOW)
    assert again.batch_id is None and again.same_file_batch == first.batch_id
    assert (again.plan.new_count, again.plan.revised_count, again.plan.unchanged_count) == (0, 0, 12)
    assert counts(store) == before


def test_the_older_vintage_of_the_same_counts_changes_nothing_either(imports, store):
    imports.apply(mps_file(), "new.csv", "cli:sam", NOW)
    before = counts(store)
    assert imports.apply(mps_file(OLD_ROWS, header=OLD_HEADER), "old.csv", "cli:sam", NOW).batch_id is None
    assert counts(store) == before


def test_a_later_vintage_revising_a_month_records_it_as_history(imports, store):
    imports.apply(mps_file(), "first.csv", "cli:sam", NOW)
    revised = with_count(ROWS, "Burglary", "Burglary - Residential", 1, 115)
    result = imports.apply(mps_file(revised), "second.csv", "cli:sam", NOW + timedelta(days=30))
    [burglary] = [i for i in result.plan.indicators if i.key == "total-burglary"]
    assert (burglary.new, burglary.unchanged) == ((), 2)
    assert [(r.period.code, r.old, r.new) for r in burglary.revised] == [("2019-06", 170, 175)]
    assert result.plan.new_count == 0 and len(result.plan.figures) == 1
    assert current(store, "total-burglary")["2019-06"] == 175
    june = [r["value"] for r in store.figure_history("total-burglary") if r["period"] == "2019-06"]
    assert june == [170, 175]


def test_an_older_file_imported_after_a_newer_one_does_not_undo_its_revisions(imports, store):
    """A file whose months end earlier was published earlier: where it differs from a month
    held from a later file, the later figure is the Met's revision, and it stays."""
    imports.apply(mps_file(), "july.csv", "cli:sam", NOW)  # May-Jul 2019
    earlier_rows = [
        (*row[:3], 40, *row[3:5]) for row in with_count(ROWS, "Burglary", "Burglary - Residential", 1, 115)
    ]
    earlier = mps_file(earlier_rows, months=("201904", "201905", "201906"))
    before = counts(store)
    result = imports.apply(earlier, "june.csv", "cli:sam", NOW + timedelta(days=1))
    [burglary] = [i for i in result.plan.indicators if i.key == "total-burglary"]
    assert [(r.period.code, r.old, r.new) for r in burglary.kept] == [("2019-06", 170, 175)]
    assert burglary.revised == () and [p.code for p in burglary.new] == ["2019-04"]
    assert current(store, "total-burglary")["2019-06"] == 170
    assert counts(store)["figures"] - before["figures"] == 4  # April, for the four indicators fed
    assert result.plan.kept_count == 1
    assert "kept as held from a later file (Jun 2019 170 → 175)" in render_import_line(burglary)


def test_a_file_of_the_same_months_still_revises(imports, store):
    imports.apply(mps_file(), "first.csv", "cli:sam", NOW)
    revised = with_count(ROWS, "Burglary", "Burglary - Residential", 2, 125)
    result = imports.apply(mps_file(revised), "second.csv", "cli:sam", NOW + timedelta(days=1))
    assert result.plan.revised_count == 1 and result.plan.kept_count == 0


def test_a_dry_run_says_what_would_change_and_writes_nothing(imports, store):
    before = counts(store)
    plan = imports.plan(mps_file(), "june.csv")
    assert counts(store) == before
    assert [(i.key, i.made, len(i.new)) for i in plan.indicators] == [
        ("total-burglary", False, 3),
        ("personal-robbery", False, 3),
        ("possession-of-weapons", True, 3),
        ("theft", True, 3),
    ]
    assert plan.new_count == 12 and plan.revised_count == 0
    assert "vehicle-offences (Vehicle Offences)" in plan.not_fed


@needs_shared_files
def test_both_published_files_in_turn_keep_both_vintages_months(imports, store):
    recent = imports.apply(RECENT_FILE.read_bytes(), RECENT_FILE.name, "cli:sam", NOW)
    assert (recent.plan.new_count, recent.plan.revised_count) == (240, 0)
    historical = imports.apply(HISTORICAL_FILE.read_bytes(), HISTORICAL_FILE.name, "cli:sam", NOW)
    plan = historical.plan
    assert (plan.new_count, plan.revised_count, plan.unchanged_count) == (1380, 221, 19)
    burglary = current(store, "total-burglary")
    assert len(burglary) == 2 + 162 and burglary["2018-06"] == 259  # the later vintage
    june_2018 = [r["value"] for r in store.figure_history("total-burglary") if r["period"] == "2018-06"]
    assert june_2018 == [258, 259]
    assert (burglary["2017"], burglary["2018"]) == (2928, 3293)  # the seed's years, left alone


def test_a_malformed_file_writes_nothing(imports, store):
    before = counts(store)
    broken = mps_file(with_count(ROWS, "Theft", "Shoplifting", 2, "12x"))
    with pytest.raises(ImportFileError, match="line 8, column 6"):
        imports.apply(broken, "broken.csv", "cli:sam", NOW)
    assert counts(store) == before


def _answers(knowledge: Knowledge) -> dict[str, str]:
    questions = [
        "burglary",
        "possession of weapons",
        "shoplifting",
        "robbery last year",
        "violence indicators",
    ]
    return {q: render_text(knowledge.ask(q)) for q in questions}


@needs_shared_files
def test_a_new_indicator_is_answerable_after_an_import_and_undo_restores_every_answer(store):
    knowledge = Knowledge(store)
    imports = Imports(store)
    before = _answers(knowledge)
    assert knowledge.ask("possession of weapons").kind.value == "unknown"  # declined: not held
    first = imports.apply(RECENT_FILE.read_bytes(), "recent.csv", "cli:sam", NOW)
    second = imports.apply(HISTORICAL_FILE.read_bytes(), "historical.csv", "cli:sam", NOW)
    weapons = knowledge.ask("possession of weapons")
    assert (weapons.kind.value, weapons.key) == ("indicator", "possession-of-weapons")
    assert "Sep 2023" in render_text(weapons)
    shoplifting = knowledge.ask("shoplifting")  # a part of Theft: declined, offering it (issue #16)
    assert (shoplifting.matched, shoplifting.suggestions[0].key) == (False, "theft")
    assert "Shoplifting is counted within Theft: I don't hold it on its own." in render_text(shoplifting)

    with pytest.raises(ImportUndoError, match="changed since"):
        undo_batch(store, first.batch_id, "cli:sam", NOW)  # the second revised its months
    undone = undo_batch(store, second.batch_id, "cli:sam", NOW)
    assert (undone.restored, undone.withdrawn, undone.indicators_withdrawn) == (221, 1380, ())
    assert current(store, "total-burglary")["2018-06"] == 258
    undone = undo_batch(store, first.batch_id, "cli:sam", NOW)
    assert len(undone.indicators_withdrawn) == 8
    assert _answers(knowledge) == before
    assert len(store.catalogue().indicators) == 13


def test_a_batch_is_undone_once_and_history_keeps_everything(imports, store):
    result = imports.apply(mps_file(), "june.csv", "cli:sam", NOW)
    rows_before = counts(store)["figures"]
    undo_batch(store, result.batch_id, "cli:ann", NOW)
    assert counts(store)["figures"] == rows_before + 12  # appended, nothing deleted
    with pytest.raises(ImportUndoError, match="undone already, on 2026-11-30 by cli:ann"):
        undo_batch(store, result.batch_id, "cli:sam", NOW)
    with pytest.raises(ImportUndoError, match="no import batch 99"):
        undo_batch(store, 99, "cli:sam", NOW)
    again = imports.apply(mps_file(), "june.csv", "cli:sam", NOW)  # back, as a new batch
    assert again.batch_id == 2 and again.plan.new_count == 12
    assert [i.key for i in again.plan.indicators if i.made] == ["possession-of-weapons", "theft"]


@pytest.fixture
def figures(store):
    service = Figures(store, Roles(store, frozenset({ADMIN})))
    service.roles.grant(ADMIN, OFFICER, "officer", NOW)
    return service


def test_csp_undo_by_the_admin_who_imported_takes_the_batch_back_if_it_is_their_last_change(
    imports, store, figures
):
    imports.apply(mps_file(), "june.csv", ADMIN, NOW)
    figures.record(ADMIN, "knife-crime", "2019", "900", None, "command", None, NOW)
    first = undo(figures, ADMIN, NOW + timedelta(minutes=1))
    assert not isinstance(first, BatchUndone)  # the figure came last
    second = undo(figures, ADMIN, NOW + timedelta(minutes=2), request_id="req-1")
    assert isinstance(second, BatchUndone) and second.withdrawn == 12
    assert "2019-06" not in current(store, "total-burglary")
    repeated = undo(figures, ADMIN, NOW + timedelta(minutes=2), request_id="req-1")
    assert isinstance(repeated, BatchUndone) and repeated.repeated
    with pytest.raises(FigureError, match="nothing to undo"):
        undo(figures, ADMIN, NOW + timedelta(minutes=3))


def test_csp_undo_of_an_import_needs_an_admin_still(imports, store, figures):
    figures.roles.grant(ADMIN, "UFORMER01", "admin", NOW)
    imports.apply(mps_file(), "june.csv", "UFORMER01", NOW)
    figures.roles.grant(ADMIN, "UFORMER01", "officer", NOW)
    with pytest.raises(NotAllowed, match="Only admins can undo an import"):
        undo(figures, "UFORMER01", NOW + timedelta(minutes=1))
    assert current(store, "total-burglary")["2019-06"] == 170
    with pytest.raises(FigureError, match="nothing to undo"):
        undo(figures, OFFICER, NOW)  # another's import is not theirs to undo


def test_another_borough(imports, store):
    result = imports.apply(mps_file(), "june.csv", "cli:sam", NOW, borough="hackney")
    assert result.plan.borough == "Hackney"
    assert current(store, "total-burglary")[Period.month(2019, 5).code] == 1


def test_an_import_that_fails_half_way_writes_nothing(imports, store, monkeypatch):
    """The batch row, its figures, its indicators and its audit row are one transaction."""
    import knowledge.services.imports as service

    def audit_fails(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(service, "add_audit", audit_fails)
    before = counts(store)
    with pytest.raises(RuntimeError, match="disk full"):
        imports.apply(mps_file(), "june.csv", "cli:sam", NOW)
    assert counts(store) == before
