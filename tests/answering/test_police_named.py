"""A priority's name asked as one figure ("violence last month") is the police's category of
that name, once an import holds it: the Met's Violence Against the Person, not the Violence
priority's list. Asked of the priority, or on the seed store alone, the list answers as before."""

from datetime import UTC, date, datetime

import pytest

from knowledge.answering import open_knowledge
from knowledge.render.text import render_text
from knowledge.services.imports import Imports
from knowledge.store import Store
from tests.police_files import mps_file

TODAY = date(2023, 10, 15)
MONTHS = [(y, m) for y in (2021, 2022, 2023) for m in range(1, 13) if (y, m) <= (2023, 9)]


@pytest.fixture(scope="module")
def imported(tmp_path_factory, data_dir):
    path = tmp_path_factory.mktemp("police-named") / "csp.db"
    codes = tuple(f"{y}{m:02d}" for y, m in MONTHS)
    rows = (
        (
            "Violence Against the Person",
            "Violence with Injury",
            "Tower Hamlets",
            *(300 + i for i in range(len(codes))),
        ),
        ("Violence Against the Person", "Homicide", "Tower Hamlets", *(1 for _ in codes)),
        ("Robbery", "Robbery of Personal Property", "Tower Hamlets", *(90 for _ in codes)),
    )
    store = Store(path, data_dir)
    Imports(store).apply(mps_file(rows, codes), "small.csv", "test", datetime(2023, 10, 1, tzinfo=UTC))
    store.close()
    return open_knowledge(path, data_dir, today=lambda: TODAY)


@pytest.mark.parametrize(
    ("question", "period"),
    [
        ("violence last month", "2023-09"),
        ("violence in the first half of 2023", "YTD2023-06"),
        ("violence 2022", "2022"),
        ("what was violence like in 2022?", "2022"),
        ("has violence gone up over the past year", "R12-2023-09"),
        ("violence so far this year", "YTD2023-09"),
    ],
)
def test_the_priority_named_with_a_period_is_the_police_category_of_its_name(imported, question, period):
    answer = imported.ask(question)
    text = render_text(answer, TODAY)
    assert answer.key == "violence-against-the-person", text
    assert answer.indicator.current.period.code == period
    assert answer.read_as is not None and answer.read_as.next_reading.key == "violence"
    assert "read as the police's category Violence Against the Person" in text
    assert "violence indicators" in text


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("violence indicators", "list:all:violence"),
        ("violence kpis 2022", "list:all:violence"),
        ("the violence priority this year", "list:all:violence"),
        ("which violence figures went up", "list:up:violence"),
        ("violence", "violence"),
    ],
)
def test_the_priority_asked_as_such_is_still_the_priority(imported, question, key):
    assert imported.ask(question).key == key


@pytest.mark.parametrize("question", ["violence in 2018", "has violence gone up this year"])
def test_on_the_seed_store_alone_the_priority_answers_as_before(knowledge, question):
    answer = knowledge.ask(question)
    assert answer.key.startswith("list:") and answer.key.endswith(":violence"), render_text(answer)
    assert answer.read_as is None
