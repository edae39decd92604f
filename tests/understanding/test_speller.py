"""Misspelt and shortened everyday words read as the words they stand for, from wordfreq's
English list kept with the index: a slip in a word of chat, texting shorthand, a lone letter."""

import pickle
import subprocess
import sys

import pytest

from knowledge.understanding.speller import CHAT, Speller
from knowledge.understanding.text import EnglishWords, english_zipf
from tools.evaluation import answered_key


@pytest.fixture(scope="module")
def english(knowledge) -> EnglishWords:
    ctx, _ = knowledge.current()
    assert ctx.language.english is not None  # built with the index
    return ctx.language.english


@pytest.fixture(scope="module")
def reader(knowledge):
    return knowledge.current()[1]


@pytest.mark.parametrize("word", ["people", "burglary", "crime", "the", "graffiti", "ppl", "zorblax", "a"])
def test_the_list_kept_with_the_index_says_what_wordfreq_says(english, word):
    assert english.zipf(word) == english_zipf(word)


def test_a_word_with_an_apostrophe_is_held_as_words_reads_it(english):
    assert english.zipf("whens") == english_zipf("when's") > 0  # "when's the next PTF" asks when
    assert english.zipf("well") == english_zipf("well")  # a word, not "we'll"


def test_the_list_survives_pickling_unpacked_or_not(english):
    english.zipf("people")  # unpacked
    loaded = pickle.loads(pickle.dumps(english))
    assert loaded.zipf("people") == english.zipf("people")
    assert loaded.shorthand == english.shorthand


@pytest.mark.parametrize(
    ("short", "word"),
    [("ppl", "people"), ("pls", "please"), ("thru", "through"), ("tho", "though"), ("hrs", "hours")],
)
def test_texting_shorthand_stands_for_an_everyday_word(english, short, word):
    assert english.shorthand[short] == word


@pytest.mark.parametrize("word", ["bus", "gbh", "arms", "acid", "cops", "hr", "people", "nhs"])
def test_a_word_or_an_acronym_is_not_shorthand(english, word):
    assert word not in english.shorthand


@pytest.fixture(scope="module")
def speller(english) -> Speller:
    return Speller(["knife", "crime", "burglary", "hamlets", "theo"], ["tower", "hamlets"], [], english)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("bettr", "better"),  # a letter dropped
        ("numbr", "number"),
        ("figres", "figures"),
        ("hamletts", "hamlets"),  # a letter doubled, to a word the bot knows
        ("sory", "sorry"),  # a doubled letter typed once, before any other letter added
        ("thnks", "thanks"),  # shorthand: the word without its vowels
        ("ppl", "people"),
        ("tho", "though"),  # shorthand, not a slip for the bot's "theo"
        ("knif", "knife"),  # the bot's own words first
        ("u", CHAT),  # a lone letter is only chat
        ("w", CHAT),
    ],
)
def test_an_everyday_word_typed_short_or_with_a_slip_is_read_as_its_word(speller, typed, read):
    assert speller.correct(typed) == read


@pytest.mark.parametrize("word", ["zorblax", "graffiti", "shoplifting", "cuckooing", "qwe", "xyzzy"])
def test_a_word_or_a_word_unlike_any_is_left_as_typed(speller, word):
    assert speller.correct(word) == word


@pytest.mark.parametrize(
    ("typed", "read"), [("neighbour", "neighbour"), ("robb", "robbery"), ("dom", "domestic")]
)
def test_a_longer_english_word_is_no_abbreviation_of_a_word_it_begins(english, typed, read):
    # "neighbour nuisance" was read as a place ("neighbourhood") and declined.
    entry_words = ["neighbourhood", "robbery", "domestic"]
    speller = Speller(entry_words, [], entry_words, english)
    assert speller.correct(typed) == read


def test_without_the_english_list_only_the_bots_own_words_correct():
    speller = Speller(["knife"], [], [])
    assert speller.correct("knif") == "knife"
    assert speller.correct("bettr") == "bettr"
    assert speller.correct("u") == "u"


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("knife crime in tower hamletts", {"hamletts": "hamlets"}),
        ("no. of ppl stabbed pls", {"ppl": "people"}),
        ("numbr of burglaries thru 2018", {"numbr": "number", "thru": "through"}),
        ("how r u, robbery figures?", {"r": CHAT, "u": CHAT}),
        ("knife crime w/ the year before", {}),  # "w/" is read as "with" before the time grammar
    ],
)
def test_a_question_reads_its_everyday_words_and_keeps_no_unknown(reader, question, read):
    query = reader.read(question)
    assert query.corrections == read
    assert query.unknown == []
    assert CHAT not in query.tokens


def test_a_slip_read_as_an_everyday_word_is_not_telling(reader):
    """ "ppl" typed is rare in English; "people" read is everyday: the less telling counts."""
    assert "peopl" not in reader.read("ppl in treatment").telling


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("has knife crime got bettr", "knife-crime"),
        ("what has got bettr", "list:better"),
        ("knife crime in tower hamletts", "knife-crime"),
        ("no. of ppl stabbed pls", "knife-crime"),
        ("numbr of burglaries", "total-burglary"),
        ("figres for robbery tho", "personal-robbery"),
        ("how r u, knife crime figures?", "knife-crime"),
    ],
)
def test_one_everyday_word_typed_short_no_longer_sinks_the_question(knowledge, question, key):
    assert answered_key(knowledge.ask(question)) == key


def test_a_never_seen_word_on_a_cached_index_loads_no_word_list(tmp_path):
    """Start-up: the English list comes with the cached index, so a question with a word the
    bot has never seen ("zorblax", "bettr") imports no wordfreq (a quarter of a second)."""
    db = str(tmp_path / "cli.db")
    ask = [sys.executable, "-m", "bot.cli", "--db", db, "ask", "knife crime this year"]
    subprocess.run(ask, check=True, capture_output=True)  # makes the store and its index cache
    argv = ["csp-bot", "--db", db, "ask", "zorblax knife crime in tower hamletts, has it got bettr"]
    probe = (
        f"import runpy, sys; sys.argv = {argv!r}\n"
        "try:\n    runpy.run_module('bot.cli', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "print('wordfreq' in sys.modules)"
    )
    output = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    assert output.stdout.strip().splitlines()[-1] == "False"


@pytest.mark.parametrize(
    "word", ["iopc", "hmrc", "idva", "pspo", "yos", "nps", "bark", "wapping", "commissioner"]
)
def test_an_acronym_a_role_or_a_word_near_a_narrowing_is_left_as_typed(knowledge, word):
    """A slip reads only as a word the bot knows or a common English one ("IOPC" is not
    "IOC"); who is asking ("YOS") and the words that narrow a topic ("Wapping") are known
    and no correction for another ("bark" is not "bar")."""
    assert knowledge.current()[0].index.correct(word) == word


def test_a_word_not_used_is_named_as_typed(knowledge):
    """ "ppl" is read as "people", which knife crime does not hold: the note names "ppl"."""
    answer = knowledge.ask("no. of ppl stabbed pls")
    assert answered_key(answer) == "knife-crime"
    assert answer.read_as is not None and answer.read_as.unused == ("ppl",)
