"""Reading a message into a Query: its topic words, spelling, intents, time, places
elsewhere, measures not held, and its clauses and parts."""

import pytest

from knowledge.understanding.reader import Reader, asks_for_things, clauses
from knowledge.understanding.text import MAX_QUESTION_CHARS


@pytest.fixture(scope="module")
def reader(knowledge) -> Reader:
    _, reader = knowledge.current()
    return reader


def test_a_plain_question(reader):
    query = reader.read("Knife crime this year")
    assert query.raw == "Knife crime this year"
    assert query.text == "knife crime this year"
    assert query.tokens == ["knife", "crime"]
    assert query.unknown == []
    assert query.telling == {"knife", "crime"}
    assert set(query.weights) == {"knife", "crime"}
    assert all(weight > 0 for weight in query.weights.values())
    assert not query.empty and query.has_words and not query.only_everyday_words


def test_a_word_never_seen_is_unknown(reader):
    query = reader.read("zorblax knife crime")
    assert query.tokens == ["zorblax", "knife", "crime"]
    assert query.unknown == ["zorblax"]
    # a word never seen weighs at least as much as any known one
    assert query.weights["zorblax"] >= max(query.weights["knife"], query.weights["crime"])


def test_misspellings_are_corrected(reader):
    query = reader.read("knif crme")
    assert query.corrections == {"knif": "knife", "crme": "crime"}
    assert query.tokens == ["knife", "crime"]
    assert query.unknown == []


def test_abbreviations_become_their_words(reader):
    query = reader.read("status of RRT expansion")
    assert query.tokens == ["rapid", "respons", "team", "expand"]
    assert query.intents == {"status_word"}


def test_a_list_question_has_intents_and_no_topic(reader):
    query = reader.read("which indicators are getting worse")
    assert query.intents == {"indicators_word", "worse"}
    assert query.tokens == [] and query.empty


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("knife crime this year", "latest"),
        ("latest knife crime", "latest"),
        ("knife crime previous year", "previous"),
        ("knife crime compared to last year", "compare"),
        ("knife crime 2017 vs 2018", "compare"),  # two periods named
        ("knife crime", None),
    ],
)
def test_time_asked(reader, text, time):
    query = reader.read(text)
    assert query.time == time
    assert query.tokens == ["knife", "crime"]


def test_two_periods_named_take_the_later(reader):
    query = reader.read("knife crime 2018 vs 2017")
    assert (query.period.code, query.period_text, query.time) == ("2018", "2018", "compare")


@pytest.mark.parametrize(
    ("text", "code", "said"),
    [
        ("knife crime 18/19", "FY2018-19", "18/19"),
        ("knife crime in 2017", "2017", "2017"),
        ("knife crime '17", "2017", "2017"),
        ("knife crime the year to March 2019", "FY2018-19", "2018/19"),
    ],
)
def test_period_named(reader, text, code, said):
    query = reader.read(text)
    assert (query.period.code, query.period_text) == (code, said)
    assert query.tokens == ["knife", "crime"]


def test_a_quarter_with_no_year_is_finer(reader):
    query = reader.read("knife crime Q4")
    assert (query.finer, query.period) == ("quarterly", None)
    assert query.tokens == ["knife", "crime"]


def test_a_place_elsewhere_is_taken_out(reader):
    query = reader.read("knife crime in Hackney")
    assert query.elsewhere == ["Hackney"]
    assert query.tokens == ["knife", "crime"]
    assert reader.read("knife crime").elsewhere == []


def test_a_measure_not_held_is_taken_out(reader):
    query = reader.read("clear-up rates for burglary")
    assert query.unheld_measures == ["clear-up rates"]
    assert query.tokens == ["burglari"]
    assert reader.read("burglary").unheld_measures == []


def test_a_long_message_is_truncated(reader):
    raw = "knife crime " + "word " * 800
    assert len(raw) >= 4000
    query = reader.read(raw)
    assert query.truncated
    assert query.raw == raw
    assert len(query.text) <= MAX_QUESTION_CHARS
    assert query.text.split()[-1] == "word"  # never half a word
    assert query.tokens[:2] == ["knife", "crime"]
    assert not reader.read("knife crime").truncated


def test_one_part_has_no_clauses_or_parts(reader):
    query = reader.read("knife crime this year")
    assert (query.clauses, query.parts) == ((), ())


def test_two_things_joined_by_and_are_parts(reader):
    query = reader.read("knife crime and the VAWG charter")
    assert [part.text for part in query.parts] == ["knife crime", "the vawg charter"]
    assert query.parts[0].tokens == ["knife", "crime"]
    assert "charter" in query.parts[1].tokens
    assert query.clauses == ()  # no punctuation between them


def test_sentences_are_clauses_and_parts(reader):
    query = reader.read("Hi. Knife crime figure please. Thanks")
    expected = ["hi", "knife crime figure please", "thanks"]
    assert [clause.text for clause in query.clauses] == expected
    assert [part.text for part in query.parts] == expected
    assert query.clauses[1].tokens == ["knife", "crime"]
    # a part is read on its own: it has no parts of its own
    assert all(part.parts == () and part.clauses == () for part in query.parts)


@pytest.mark.parametrize("text", ["stop and search", "stop and search this year"])
def test_a_name_holding_and_is_not_split(reader, text):
    query = reader.read(text)
    assert query.parts == ()
    assert query.tokens == ["stop", "search"]


def test_joined_parts_splits_around_a_name_holding_and(reader):
    assert reader.joined_parts("stop and search plus knife crime") == ["stop and search", "knife crime"]


@pytest.mark.parametrize(
    "text",
    [
        "street robbery of people - has it risen",
        "hate crime - better or worse than 2017?",
        "burglary, and was it more than in 2017?",
        "is the rise in robbery a worry? what's the % increase",
        "asb calls to 101, did they drop?",
    ],
)
def test_a_part_asking_only_which_way_is_read_with_the_topic_before_it(reader, text):
    query = reader.read(text)
    assert (query.clauses, query.parts) == ((), ())


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("which indicators improved, which got worse?", 2),
        ("knife crime. also what got worse?", 2),
        ("robbery - any figures going up?", 2),
    ],
)
def test_a_part_asking_which_indicators_went_one_way_is_a_part_of_its_own(reader, text, parts):
    assert len(reader.read(text).parts) == parts


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("which got worse", True),
        ("anything improved", True),
        ("what got worse", True),
        ("whats improved on 2017", True),
        ("whats the increase", False),
        ("what is the rise", False),
        ("has it risen", False),
    ],
)
def test_what_before_a_verb_asks_for_things(text, asks):
    assert asks_for_things(text.split()) is asks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hi. knife crime, please", ["hi", "knife crime", "please"]),
        ("knife crime was 3,293 or £1.5m", ["knife crime was 3,293 or £1.5m"]),  # numbers are not broken
        ("the board paper: robbery", ["the board paper", "robbery"]),
        ("knife crime - robbery", ["knife crime", "robbery"]),
        ("?!", []),
    ],
)
def test_clauses(text, expected):
    assert clauses(text) == expected


def test_who_is_asking_is_taken_out_of_the_words(knowledge):
    ctx, _ = knowledge.current()
    language = ctx.language
    assert language.without_speaker("probation here knife crime").split() == ["knife", "crime"]
    assert language.without_speaker("from a health perspective knife crime").split() == ["knife", "crime"]
    assert language.without_speaker("knife crime this year") == "knife crime this year"


@pytest.mark.parametrize(
    "text",
    [
        "the ward panel keep going on about knife crime",
        "our ward cllr wants knife crime",
        "my sergeant needs knife crime",
        "the safer neighbourhoods team would like knife crime",
        "knife crime asked by our officers",  # a fact naming a crime prevention officer led, before
        "knife crime requested by the ward panel",
        "question from the ward panel knife crime",
    ],
)
def test_who_wants_what_is_taken_out_of_the_words(knowledge, text):
    """The setting of a question ("the ward panel", "our sergeant wants"): a ward panel is a
    meeting, not the place "ward" narrows a figure to."""
    ctx, _ = knowledge.current()
    assert ctx.language.without_speaker(text).split() == ["knife", "crime"]


def test_the_speaker_pattern_is_kept_as_text_so_the_cached_index_loads_without_compiling_it(knowledge):
    """Compiling it is a tenth of a one-shot question's start-up; a pickled Pattern is
    recompiled on every load."""
    ctx, _ = knowledge.current()
    assert isinstance(ctx.language._speaking, str)


@pytest.mark.parametrize(
    ("question", "tokens"),
    [
        # 320 is serious youth violence's 2018 figure: beside "burglaries" it is a value quoted
        ("we had 320 burglaries in March?", ["burglari"]),
        ("was it really 320 burglaries", ["burglari"]),
        # a figure of the topic named, or the only clue, is kept
        ("830 knife crimes", ["830", "knife", "crime"]),
        ("was it really 3,293 burglaries in 2018", ["3293", "burglari"]),
        ("is 320 right", ["320", "right"]),  # "right" is everyday: 320 is the only clue
    ],
)
def test_a_number_quoted_beside_another_topic_is_a_value(reader, question, tokens):
    assert reader.read(question).tokens == tokens


def test_the_cached_index_is_keyed_by_the_records_it_holds_as_well_as_the_reader():
    """The stored index holds the domain's records (figures, topics); a release that changes
    their shape must rebuild it, not unpickle objects of the old shape."""
    from knowledge.understanding import cache

    folders = {folder.name for folder in cache._SOURCES}
    assert folders == {"understanding", "domain"}
    assert all(any(folder.glob("*.py")) for folder in cache._SOURCES)


@pytest.mark.parametrize("text", ["@Priya knife crime", "knife crime @sam.jones", "@Mo-Ali knife crime"])
def test_a_person_mentioned_is_no_topic(reader, text):
    assert reader.read(text).tokens == ["knife", "crime"]


def test_an_email_address_is_not_a_mention():
    from knowledge.understanding.text import clean

    assert "sam@example.org" in clean("mail sam@example.org")


def test_a_join_inside_a_phrase_of_the_field_is_no_break(reader):
    """ "again and again" is one of the field's phrases (repeat callers), not two things."""
    assert reader.read("people calling the police again and again about ASB").parts == ()


@pytest.mark.parametrize(
    ("text", "intent"), [("hw many burglaries", "count_word"), ("hw often", "count_word")]
)
def test_the_asking_words_texted_short(reader, text, intent):
    assert intent in reader.read(text).intents
