"""The words replies are made of: what a figure counts, where it comes from, how old it is,
how far an action has got, and labels that fit a phone's button."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from handlers.blocks.kit import short_label
from knowledge.domain.models import ActionStatus
from knowledge.domain.periods import Period
from knowledge.render.phrasing import age_note, counted, day, source_said
from knowledge.render.progress import Progress, as_of_words, progress


@pytest.mark.parametrize(
    ("key", "said"),
    [
        ("knife-crime", "knife crimes"),
        ("domestic-abuse-offences", "domestic abuse offences"),
        ("hate-crime-offences", "hate crime offences reported to police"),
        ("asb-101-calls", "ASB calls to 101 to report ASB"),
        ("drug-asb-portal-reports", "drug related ASB reports via new online reporting portal"),
        ("sdvc-conviction-rate", "SDVC conviction rate"),
        ("total-burglary", "total burglary"),
    ],
)
def test_what_a_figure_counts_follows_the_number(knowledge, key, said):
    indicator = knowledge.current()[0].catalogue.indicator[key]
    assert counted(indicator) == said


def test_a_source_is_said_as_where_it_comes_from():
    seed = "Community Safety in Tower Hamlets, council presentation (early 2019)"
    assert source_said(seed) == "Council presentation, early 2019"
    assert source_said("Met Police borough data (March 2020)") == "Met Police borough data, March 2020"
    assert source_said("police data") == "police data"


def test_a_figure_over_a_year_old_says_so():
    year = Period.year(2018)
    assert age_note(year, date(2019, 12, 31)) is None
    assert age_note(year, date(2020, 1, 1)) == "The latest I hold is for 2018."
    assert age_note(Period.financial_year(2018), date(2020, 4, 1)) == "The latest I hold is for 2018/19."
    assert age_note(None, date(2030, 1, 1)) is None


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("VAWG Charter published November 2018", Progress.DONE),
        ("The service has been reconfigured to expand its reach", Progress.DONE),
        ("Work is under way with the police", Progress.IN_PROGRESS),
        ("Consultation ongoing; report due in May", Progress.IN_PROGRESS),
        ("Not yet started: waiting for funding", Progress.NOT_STARTED),
        ("Charter not yet published", Progress.NOT_STARTED),
        ("Discussed at the board", Progress.UNKNOWN),
    ],
)
def test_a_status_badge_is_read_from_the_status_words(text, state):
    status = ActionStatus(
        status=text, as_of="2026-02-01", recorded_at="2026-02-01", recorded_by="U1", source="x"
    )
    assert progress(status) is state
    assert progress(None) is Progress.UNKNOWN


def test_a_status_says_how_old_it_is():
    seed = ActionStatus(
        status="done", as_of="early 2019", recorded_at="2026-11-30", recorded_by="seed", source="x"
    )
    assert as_of_words(seed, date(2019, 6, 1)) == "as of early 2019"
    assert as_of_words(seed, date(2026, 3, 1)) == "the latest I hold is from early 2019"
    dated = replace(seed, as_of="2026-02-01", recorded_by="U1")
    assert as_of_words(dated, date(2026, 3, 1)) == "as of 1 Feb 2026"
    assert day("2019-03-12T10:00:00+00:00") == "12 Mar 2019"


def test_a_long_label_is_cut_at_a_word():
    label = short_label("Work with the police and engage with the community")
    assert label == "Work with the police and…" and len(label) <= 30
    assert short_label("Knife crime") == "Knife crime"
