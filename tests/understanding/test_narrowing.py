"""Words that narrow a topic to a part of it (`data/narrowing.yaml`), by kind: the language
says which words of a message narrow it, and how, so that the decision can tell them from
chat around the question."""

import pickle
import shutil

import pytest
import yaml

from knowledge.datafiles import DataFileError
from knowledge.understanding.narrowing import Narrowing, load_narrowing
from knowledge.understanding.text import clean, words
from knowledge.understanding.vocabulary import load_language

PLACE, TIME, GROUP = Narrowing.PLACE, Narrowing.TIME, Narrowing.GROUP
OUTCOME, SUBTYPE, MEANS = Narrowing.OUTCOME, Narrowing.SUBTYPE, Narrowing.MEANS


@pytest.fixture(scope="module")
def language(knowledge):
    return knowledge.current()[0].language


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("bus", PLACE),
        ("buses", PLACE),
        ("Shadwell", PLACE),
        ("Bethnal Green", PLACE),
        ("bethnal", PLACE),  # the rare word of a place's name, alone
        ("St Katharine's", PLACE),
        ("wharf", PLACE),
        ("estates", PLACE),
        ("stations", PLACE),
        ("night", TIME),
        ("weekends", TIME),
        ("evenings", TIME),
        ("under 18s", GROUP),
        ("medium-risk", GROUP),
        ("High Risk", GROUP),
        ("women", GROUP),
        ("elderly", GROUP),
        ("NHS staff", GROUP),  # who a crime was against, by occupation
        ("shop workers", GROUP),
        ("ethnicity", GROUP),
        ("solved", OUTCOME),
        ("charged", OUTCOME),
        ("convictions", OUTCOME),
        ("sanction detections", OUTCOME),
        ("residential", SUBTYPE),
        ("commercial", SUBTYPE),
        ("moped", SUBTYPE),
        ("acid", SUBTYPE),
        ("racist", SUBTYPE),
        ("coercive", SUBTYPE),
        ("online", MEANS),
        ("phone", MEANS),
        ("app", MEANS),
        ("per month", Narrowing.BREAKDOWN),
        ("quarterly figures", Narrowing.BREAKDOWN),
        ("monthly", Narrowing.BREAKDOWN),
        ("budget", Narrowing.MONEY),
        ("costs", Narrowing.MONEY),
        ("month by month", Narrowing.BREAKDOWN),
    ],
)
def test_a_narrowing_word_has_its_kind(language, word, kind):
    assert language.narrowing_kind(word) == kind
    assert language.narrowing_kind(word) == kind.value  # a plain string to the caller


@pytest.mark.parametrize(
    "word",
    ["knife", "crime", "burglary", "green", "risk", "serious", "the", "please", "morning", "figures", ""],
)
def test_a_word_that_narrows_nothing_has_no_kind(language, word):
    assert language.narrowing_kind(word) is None


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("ASB calls at night", [("night", TIME)]),
        ("knife crime on buses", [("buses", PLACE)]),
        ("how many burglaries were solved", [("solved", OUTCOME)]),
        ("the satisfaction rate for medium-risk victims", [("medium risk", GROUP)]),
        ("treatment spending for young people", [("spending", Narrowing.MONEY), ("young people", GROUP)]),
        ("residential burglary in Bethnal Green", [("residential", SUBTYPE), ("bethnal green", PLACE)]),
        ("hate crime online", [("online", MEANS)]),
        ("robbery by under 18s at weekends", [("under 18", GROUP), ("weekends", TIME)]),
    ],
)
def test_the_narrowings_of_a_message_are_found_with_their_kind(language, question, found):
    typed = words(clean(question))
    assert [(" ".join(typed[start:end]), kind) for start, end, kind in language.narrowings(typed)] == found


@pytest.mark.parametrize(
    "question",
    [
        "sorry to be a pain, burglary this year?",
        "back from annual leave - what's the knife crime figure",
        "@colleague could you check the DV numbers",
        "the licensing team are asking about robbery",
        "quick one - hate crime vs last year, thanks",
        "morning all, how many drug arrests",
    ],
)
def test_chat_around_a_question_narrows_nothing(language, question):
    typed = words(clean(question))
    assert [typed[start] for start, _, kind in language.narrowings(typed) if kind is not OUTCOME] == []


def test_a_narrowing_word_is_known_so_never_corrected(knowledge):
    _, reader = knowledge.current()
    assert reader.read("knife crime in wapping").corrections == {}  # not "wrapping"
    assert reader.read("asb in stairwels").corrections == {"stairwels": "stairwells"}


def test_the_narrowing_words_survive_the_index_cache(language):
    loaded = pickle.loads(pickle.dumps(language))
    assert loaded.narrowing_kind("buses") == PLACE
    assert loaded.narrowings(["at", "night"]) == [(1, 2, TIME)]


def _copy(data_dir, tmp_path):
    target = tmp_path / "data"
    shutil.copytree(data_dir, target, ignore=shutil.ignore_patterns("questions"))
    return target


def test_an_unknown_kind_is_an_error_naming_the_file_and_field(data_dir, tmp_path):
    folder = _copy(data_dir, tmp_path)
    (folder / "narrowing.yaml").write_text(yaml.safe_dump({"places": ["bus"]}))
    with pytest.raises(DataFileError, match=r"(?s)narrowing\.yaml: .*field 'places.*should be 'place'"):
        load_narrowing(folder)


def test_a_word_of_two_kinds_is_an_error_naming_both(data_dir, tmp_path):
    folder = _copy(data_dir, tmp_path)
    (folder / "narrowing.yaml").write_text(yaml.safe_dump({"place": ["school"], "time": ["schools"]}))
    also = r"narrowing\.yaml: entry 'time': 'schools' is also under 'place'"
    with pytest.raises(DataFileError, match=also):
        load_narrowing(folder)


def test_without_the_file_nothing_narrows(data_dir, tmp_path):
    folder = _copy(data_dir, tmp_path)
    (folder / "narrowing.yaml").unlink()
    assert load_narrowing(folder) == {}
    language = load_language(folder)
    assert language.narrowing_kind("buses") is None
    assert language.narrowings(["on", "buses"]) == []


def test_a_breakdown_word_is_matched_as_written_not_by_its_stem(language):
    """"monthly" stems to "month": the months of a period ("the 12 months to June") are no
    breakdown."""
    assert language.narrowing_kind("monthly") is Narrowing.BREAKDOWN
    assert language.narrowing_kind("months") is None and language.narrowing_kind("month") is None
