"""Ranking the index's entries against a question, and the index kept on disk."""

import pickle

import pytest

from knowledge.domain.models import Kind
from knowledge.understanding.index import Index
from knowledge.understanding.reader import Reader


@pytest.fixture(scope="module")
def context(knowledge):
    return knowledge.current()


@pytest.fixture(scope="module")
def index(context) -> Index:
    return context[0].index


@pytest.fixture(scope="module")
def reader(context):
    return context[1]


def ranked(index, reader, text):
    return index.rank(reader.read(text))


@pytest.mark.parametrize(
    ("question", "key", "kind"),
    [
        ("knife crime", "knife-crime", Kind.INDICATOR),
        ("robbery", "personal-robbery", Kind.INDICATOR),
        ("burglary", "total-burglary", Kind.INDICATOR),
        ("domestic abuse offences", "domestic-abuse-offences", Kind.INDICATOR),
        ("status of RRT expansion", "rrt-expansion", Kind.ACTION),
        ("violence priority", "violence", Kind.PRIORITY),
        ("op continuum results", "operation-continuum", Kind.FACT),
        ("the VAWG charter", "vawg-charter", Kind.ACTION),
        ("stop and search", "stop-and-search", Kind.ACTION),
        ("shoplifting", "crime-type:shoplifting", Kind.CRIME_TYPE),
    ],
)
def test_the_right_entry_comes_first(index, reader, question, key, kind):
    top = ranked(index, reader, question)[0]
    assert (top.entry.key, top.entry.kind) == (key, kind)
    assert top.anchored


@pytest.mark.parametrize(
    "question", ["knife crime", "robbery", "violence priority", "knife crime compared with robbery", "vawg"]
)
def test_candidates_are_best_first_and_bounded(index, reader, question):
    candidates = ranked(index, reader, question)
    assert len(candidates) >= 2
    assert len(candidates) <= Index.TOP
    scores = [c.score for c in candidates]
    assert scores == sorted(scores, reverse=True)
    assert len({c.entry.key for c in candidates}) == len(candidates)  # one place per entry
    for c in candidates:
        assert 0.0 <= c.coverage <= 1.0 + 1e-9
        assert 0.0 <= c.precision <= 1.0


def test_a_candidate_holds_the_words_it_shares(index, reader):
    query = reader.read("knife crime compared with robbery")
    by_key = {c.entry.key: c for c in index.rank(query)}
    assert by_key["knife-crime"].words == {"knife", "crime"}
    assert by_key["personal-robbery"].words == {"robberi"}


def test_an_exact_name_has_full_coverage_and_precision(index, reader):
    top = ranked(index, reader, "knife crime")[0]
    assert (round(top.coverage, 6), round(top.precision, 6)) == (1.0, 1.0)


def test_words_never_seen_rank_nothing(index, reader):
    assert ranked(index, reader, "zzzz qqqq") == []
    assert ranked(index, reader, "") == []


def test_holds_and_knows(index):
    assert index.holds("knife") and index.knows("knife")
    assert not index.holds("zzzz") and not index.knows("zzzz")


def test_a_status_question_prefers_the_action(index, reader):
    """The status bonus: the action outranks the deliverable that names the same thing."""
    candidates = ranked(index, reader, "status of RRT expansion")
    keys = [c.entry.key for c in candidates]
    assert keys.index("rrt-expansion") < keys.index("sp-rapid-response-reach")


QUESTIONS = [
    "knife crime",
    "knif crme this year",
    "status of RRT expansion",
    "op continuum results",
    "knife crime compared with robbery",
    "violence priority 2018/19",
    "shoplifting",
]


def test_the_index_survives_pickling_and_ranks_the_same(index, reader):
    """The bot keeps the index on disk: loaded again, it must rank and correct as built."""
    loaded = pickle.loads(pickle.dumps(index))
    assert loaded is not index
    for question in QUESTIONS:
        query = reader.read(question)
        assert loaded.rank(query) == index.rank(query), question
    assert loaded.correct("knif") == "knife"
    assert loaded.correct.cache_info().currsize <= 1  # the spelling cache is made again, empty


def test_a_reader_over_the_loaded_index_reads_the_same(index, reader):
    loaded = Reader(pickle.loads(pickle.dumps(index)))
    for question in [*QUESTIONS, "knife crime and the VAWG charter", "stop and search"]:
        assert loaded.read(question) == reader.read(question), question


def test_a_data_folder_without_crime_categories_still_answers(tmp_path, data_dir):
    """The crime categories file is optional; the index cache's key must not need it."""
    import shutil

    from knowledge.answering import open_knowledge

    folder = tmp_path / "data"
    shutil.copytree(data_dir, folder, ignore=shutil.ignore_patterns("questions"))
    (folder / "crime_types.yaml").unlink()
    knowledge = open_knowledge(tmp_path / "s.db", folder)
    assert knowledge.ask("knife crime this year").key == "knife-crime"


_TOP_PLACE = """
import sys, tempfile
from pathlib import Path
from knowledge.answering import open_knowledge
with tempfile.TemporaryDirectory() as folder:
    context, reader = open_knowledge(Path(folder) / "s.db").current()
    top = context.index.rank(reader.read("SYV victims"))[0]
    print(top.entry.key, sorted(top.words))
"""


def test_a_tie_between_two_places_goes_the_same_way_in_every_run():
    """ "SYV victims" ties two places of Serious youth violence; which one is first must not
    depend on the string hashing of the run (it changed the evidence, and so every refit)."""
    import os
    import subprocess
    import sys

    tops = {
        subprocess.run(
            [sys.executable, "-c", _TOP_PLACE],
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        for seed in ("1", "4")
    }
    assert len(tops) == 1, tops
