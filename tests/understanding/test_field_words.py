"""The words of the field (`data/field_words.yaml`): a question in each group's words finds
the group's measure, every word reads as what it stands for, and the file is checked."""

import shutil

import pytest
import yaml

from knowledge.datafiles import DataFileError
from knowledge.render.text import render_text
from knowledge.understanding.text import clean, words
from knowledge.understanding.vocabulary import load_field_words, load_language, load_vocabulary
from tools.evaluation import answered_key

# One or two questions per group, in the group's words and none of the measure's own.
QUESTIONS = {
    "drug-operation-arrests": ["how many people got nicked for drugs", "drug busts this year"],
    "knife-crime": ["blade crime this year", "how many shankings", "machete attacks last year"],
    "personal-robbery": ["street muggings", "how many people were robbed"],
    "crime-type:theft-from-person": ["phone snatches this year", "pickpocketing"],
    "total-burglary": ["housebreaking figures", "how many burglars", "homes and businesses broken into"],
    "crime-type:burglary-residential": ["domestic burglaries", "how many homes were burgled"],
    "crime-type:burglary-business-and-community": ["commercial burglary"],
    "domestic-abuse-offences": [
        "intimate partner violence",
        "IPV figures",
        "abusive partners",
        "abuse by a family member",
    ],
    "hate-crime-offences": [
        "hate motivated crime this year",
        "racist incidents",
        "islamophobic attacks",
        "faith hate",
        "crimes motivated by prejudice or hostility",
    ],
    "sdvc-conviction-rate": [
        "how many found guilty at the DV court",
        "guilty pleas at the sdvc",
        "guilty outcomes at the DV court",
    ],
    "asb-portal-reports": [
        "ASB reports through the council's reporting tool",
        "ASB reported online",
        "asb through the web reporting tool",
    ],
    "asb-drugs-alcohol": ["rowdy behaviour", "yobs"],
    "asb-repeat-callers": [
        "frequent callers",
        "people who keep ringing about ASB",
        "people who rang about ASB more than once",
        "people who kept phoning about ASB",
    ],
    "asb-101-calls": ["non emergency calls about ASB"],
    "drug-supply-charges": ["drug pushers charged", "charges for selling drugs"],
    "serious-youth-violence": [
        "teen violence",
        "violence among young people",
        "serious violent offences against young people",
    ],
    "stop-and-search": ["stops and searches"],
    "asb-service-redesign": ["nos canisters removed", "laughing gas"],
    "challenges": ["what are we struggling with at the moment", "the partnership's biggest issues"],
    "crime-type:criminal-damage": ["vandalism this year"],
    "crime-type:vehicle-offences": ["car crime figures"],
    "crime-type:violence-against-the-person": ["assaults last month", "fights and assaults"],
    "crime-type:sexual-offences": ["sexual assaults reported"],
    "crime-type:possession-of-weapons": ["people caught with offensive weapons"],
}

ANSWERS = [
    ("how many people got nicked for drugs", "drug-operation-arrests"),
    ("blade crime this year", "knife-crime"),
    ("street muggings", "personal-robbery"),
    ("housebreaking figures", "total-burglary"),
    ("domestic burglaries", "none"),  # counted within Total burglary: declined, offering it
    ("intimate partner violence", "domestic-abuse-offences"),
    ("how many found guilty at the DV court", "sdvc-conviction-rate"),
    ("guilty outcomes at the DV court", "sdvc-conviction-rate"),
    ("abuse by a family member", "domestic-abuse-offences"),
    ("ASB: how many people phoned more than once", "asb-repeat-callers"),
    ("ASB reports through the council's reporting tool", "asb-portal-reports"),
    ("calls to 101 about yobs", "asb-101-calls"),
    ("frequent callers", "asb-repeat-callers"),
    ("drug pushers charged", "drug-supply-charges"),
    ("teen violence", "serious-youth-violence"),
    ("asb phonecalls to police - up or down?", "asb-101-calls"),
    ("how many ASB calls to the police in 2018", "asb-101-calls"),
    ("robberies of individuals, up or down", "personal-robbery"),
]


@pytest.fixture(scope="module")
def context(knowledge):
    return knowledge.current()


@pytest.fixture(scope="module")
def groups(data_dir):
    return load_field_words(data_dir)


def test_every_group_has_a_question(groups):
    assert set(groups) == set(QUESTIONS)


@pytest.mark.parametrize(
    ("measure", "question"), [(m, q) for m, questions in QUESTIONS.items() for q in questions]
)
def test_a_question_in_a_groups_words_finds_its_measure(context, measure, question):
    ctx, reader = context
    ranked = ctx.index.rank(reader.read(question))
    assert ranked and ranked[0].entry.key == measure


@pytest.mark.parametrize(("question", "key"), ANSWERS)
def test_a_question_in_the_fields_words_is_answered(knowledge, question, key):
    assert answered_key(knowledge.ask(question)) == key


def test_a_word_for_a_part_not_held_is_not_answered_with_the_whole(knowledge):
    """ "Racist incidents" finds hate crime, but is not answered with all hate crime."""
    answer = knowledge.ask("racist incidents")
    assert not answer.matched
    assert "racist" in answer.unknown_words


def test_a_crime_type_the_indicators_dont_count_is_declined_by_name(knowledge):
    answer = knowledge.ask("phone snatches this year")
    assert not answer.matched
    assert "Theft from Person" in render_text(answer)


def test_every_word_reads_as_what_it_stands_for(context, groups):
    """No field word is lost to a longer phrase, a stopword or a time or intent phrase."""
    _, reader = context
    for stands in groups.values():
        for target, phrases in stands.items():
            wanted = set(reader.read(target).tokens)
            for phrase in phrases:
                query = reader.read(phrase)
                assert wanted <= set(query.tokens), (phrase, target, query.tokens)


def _copy(data_dir, tmp_path):
    target = tmp_path / "data"
    shutil.copytree(data_dir, target, ignore=shutil.ignore_patterns("questions"))
    return target


def _write(folder, groups):
    (folder / "field_words.yaml").write_text(yaml.safe_dump(groups))


def test_an_unknown_measure_is_an_error_naming_the_file_and_entry(data_dir, tmp_path):
    folder = _copy(data_dir, tmp_path)
    _write(folder, {"knife-crimes": {"knife crime": ["shank"]}})
    with pytest.raises(DataFileError, match=r"field_words\.yaml: entry 'knife-crimes'.*closest: knife-crime"):
        load_field_words(folder)


def test_a_word_given_twice_is_an_error_naming_both(data_dir, tmp_path):
    folder = _copy(data_dir, tmp_path)
    _write(folder, {"knife-crime": {"knife crime": ["shank"]}, "personal-robbery": {"robbery": ["Shank"]}})
    also = r"entry 'personal-robbery', 'robbery': 'Shank' is also given under 'knife-crime'"
    with pytest.raises(DataFileError, match=also):
        load_field_words(folder)


def test_a_word_that_is_also_a_synonym_is_an_error(data_dir, tmp_path):
    folder = _copy(data_dir, tmp_path)
    _write(folder, {"domestic-abuse-offences": {"domestic abuse": ["DV"]}})
    with pytest.raises(DataFileError, match=r"'DV' is also a synonym in vocabulary\.yaml"):
        load_field_words(folder, load_vocabulary(folder))


def test_a_malformed_group_names_the_field(data_dir, tmp_path):
    folder = _copy(data_dir, tmp_path)
    _write(folder, {"knife-crime": {"knife crime": "shank"}})
    with pytest.raises(DataFileError, match=r"(?s)field_words\.yaml: .*knife-crime\.knife crime"):
        load_field_words(folder)


def test_without_the_file_there_are_no_field_words(data_dir, tmp_path):
    folder = _copy(data_dir, tmp_path)
    (folder / "field_words.yaml").unlink()
    assert load_field_words(folder) == {}
    language = load_language(folder)
    assert language.swap_synonyms(words(clean("shank"))) == ["shank"]


def test_a_field_word_is_a_synonym_kept_by_measure(data_dir):
    language = load_language(data_dir)
    assert language.swap_synonyms(["shank"]) == ["knife", "crime"]
    assert language.swap_synonyms(["shanked"]) == ["knife", "crime"]  # a rarer form of it
    assert language.swap_synonyms(words("got lifted")) == ["arrests"]
    assert language.swap_synonyms(["lift"]) == ["lift"]  # a common word is given in phrases
    assert "shank" in language.field_known


@pytest.mark.parametrize(
    ("typed", "read"), [("shankng", "shanking"), ("muging", "mugging"), ("stabings", "stabbings")]
)
def test_a_field_word_mistyped_is_corrected(context, typed, read):
    assert context[0].index.correct(typed) == read


@pytest.mark.parametrize(
    "word", ["shaking", "jacket", "blamed", "rubber", "detailed", "rid", "snitch", "rapist"]
)
def test_an_english_word_is_no_slip_for_the_fields_slang(context, word):
    """The field's rarer words are near many English ones: "who is blamed" is not "bladed"."""
    assert context[0].index.correct(word) == word


def test_an_edited_file_is_read_by_the_next_start_not_the_cached_index(data_dir, tmp_path):
    from knowledge.answering import open_knowledge

    folder = _copy(data_dir, tmp_path)
    db = tmp_path / "s.db"
    first = open_knowledge(db, folder)
    assert not first.ask("shivs this year").matched
    first.store.close()
    _write(folder, {"knife-crime": {"knife crime": ["shivs"]}})
    assert answered_key(open_knowledge(db, folder).ask("shivs this year")) == "knife-crime"
