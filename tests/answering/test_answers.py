"""What partners are told: the right figures, periods, directions, and a plain "I don't know"."""

from datetime import date

import pytest

from knowledge.answering.types import SeveralAnswer
from knowledge.domain.judgement import Judgement
from knowledge.domain.models import Kind
from knowledge.render.text import render_text
from tools.evaluation import answered_key


def test_knife_crime_this_year(knowledge):
    answer = knowledge.ask("knife crime this year")
    view = answer.indicator
    assert (answer.matched, answer.kind, answer.key) == (True, Kind.INDICATOR, "knife-crime")
    assert (view.current.value, view.current.period.label) == (830, "Jan-Dec 2018")
    assert (view.previous.value, view.previous.period.label) == (889, "Jan-Dec 2017")
    assert view.change.difference == -59
    assert round(view.change.percent, 1) == -6.6
    assert view.change.judgement is Judgement.BETTER
    lines = render_text(answer).splitlines()
    assert lines[:3] == [
        "Knife crime",
        "830 knife crimes in Jan-Dec 2018 · 🟢 down 6.6% on 2017",
        "Better, as lower is better. 2017 was 889 (−59).",
    ]
    assert "rebuilt from a scrambled slide table: check before quoting" in lines[-1]


def test_status_of_rrt_expansion(knowledge):
    answer = knowledge.ask("status of RRT expansion")
    assert (answer.kind, answer.key) == (Kind.ACTION, "rrt-expansion")
    lines = render_text(answer, date(2019, 6, 1)).splitlines()
    assert lines[:2] == ["Rapid Response Team expansion", "✅ Done · as of early 2019"]
    assert "reconfigured to expand its reach" in lines[2]
    assert "Expand the reach of our Rapid Response Service" in lines[3]
    assert lines[-1] == "2018 Manifesto 'Making Tower Hamlets Safer' · Council presentation, early 2019"


def test_a_neutral_indicator_gets_no_judgement(knowledge):
    answer = knowledge.ask("DA offences vs last year")
    assert answer.key == "domestic-abuse-offences"
    assert answer.indicator.change.judgement is Judgement.NO_JUDGEMENT
    text = render_text(answer)
    assert "3,393 domestic abuse offences in Jan-Dec 2018 · ⚪ up 12.6% on 2017" in text
    assert "No judgement: A rise may reflect more confidence to report. 2017 was 3,013 (+380)." in text


def test_a_rate_changes_in_points(knowledge):
    text = render_text(knowledge.ask("sdvc conviction rate"))
    assert "69% SDVC conviction rate in Jan-Dec 2018 · 🔴 down 3 points on 2017" in text
    assert "Worse, as higher is better. 2017 was 72% (−4.2% relative)." in text


def test_an_indicator_without_a_previous_year_says_why(knowledge):
    answer = knowledge.ask("drug operation arrests")
    assert answer.indicator.previous is None
    text = render_text(answer)
    assert "190 arrests on drug specific operations (e.g. Op Continuum) in Jan-Dec 2018\n" in text
    assert "Operation Continuum began in November 2017" in text


@pytest.mark.parametrize(
    ("question", "value", "period"),
    [
        ("knife crime last year", 889, "2017"),
        ("burglary 2017", 2928, "2017"),
        ("burglary in 2018", 3293, "2018"),
        ("hate crime so far", 741, "2018"),
        ("ytd robbery", 1472, "2018"),
    ],
)
def test_time_words_choose_the_period(knowledge, question, value, period):
    view = knowledge.ask(question).indicator
    assert (view.current.value, view.current.period.code) == (value, period)


def test_a_period_not_held_gets_no_figure_but_the_periods_held(knowledge):
    """Issue #13: "knife crime 2016" gives no figure (not the latest in its place), says which
    periods are held, and offers the latest of them."""
    answer = knowledge.ask("knife crime 2016")
    assert not answer.matched and answer.period_not_held.code == "2016"
    text = render_text(answer)
    assert text.startswith("I hold no figure for knife crime in 2016\nI hold Jan-Dec 2017 and Jan-Dec 2018.")
    assert "830" not in text and "889" not in text
    assert [(s.key, s.title, s.question) for s in answer.suggestions] == [
        ("knife-crime", "Knife crime in 2018", "Knife crime"),
        ("knife-crime", "Knife crime in 2017", "Knife crime 2017"),
    ]
    for choice in answer.suggestions:  # each choice asks for the period it names
        chosen = knowledge.ask(choice.question).indicator.current.period
        assert choice.title.endswith(chosen.short_label)


def test_a_question_naming_no_period_keeps_its_headline_figure(knowledge):
    answer = knowledge.ask("knife crime")
    assert answer.matched and answer.indicator.current.period.code == "2018"


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("<@U024BE7LH> knife crime", "knife-crime"),
        ("knif crime", "knife-crime"),
        ("burgalry", "total-burglary"),
        ("domestik abuse", "domestic-abuse-offences"),
        ("crime knife", "knife-crime"),
        ("KNIFE CRIMES!!!", "knife-crime"),
        ("SYV", "serious-youth-violence"),
        ("muggings", "personal-robbery"),
        ("stabbings", "knife-crime"),
        ("op continuum results", "operation-continuum"),
        ("PTF", "partnership-task-force"),
        ("theos", "developments-2019-20"),
        ("MARAC", "sp-support-victims"),
    ],
)
def test_typos_acronyms_and_mentions(knowledge, question, key):
    assert knowledge.ask(question).key == key


@pytest.mark.parametrize(
    ("question", "key", "indicators"),
    [
        ("the scorecard", "list:all", 13),
        ("all indicators", "list:all", 13),
        ("which indicators are getting worse", "list:worse", 4),
        ("what has improved", "list:better", 5),
        ("violence indicators", "list:all:violence", 5),
    ],
)
def test_lists(knowledge, question, key, indicators):
    answer = knowledge.ask(question)
    assert (answer.kind, answer.key, len(answer.rows)) == (Kind.LIST, key, indicators)


def test_worse_list_holds_exactly_the_worsening_indicators(knowledge):
    keys = {row.indicator.key for row in knowledge.ask("what's getting worse").rows}
    assert keys == {"sdvc-conviction-rate", "serious-youth-violence", "personal-robbery", "total-burglary"}


@pytest.mark.parametrize(
    "question", ["fly-tipping", "weather today", "tell me a joke", "what is the capital of France"]
)
def test_out_of_scope_is_declined(knowledge, question):
    answer = knowledge.ask(question)
    assert (answer.matched, answer.kind, answer.not_held) == (False, Kind.UNKNOWN, None)
    assert "I don't know that one" in render_text(answer)


@pytest.mark.parametrize(
    "question, category",
    [
        ("shoplifting this year", "Shoplifting"),
        ("bicycle theft", "Bicycle Theft"),
        ("homicide", "Homicide"),
        ("sexual offences", "Sexual Offences"),
        ("robbery of business property 2018", "Robbery of Business Property"),
        ("possession of weapons last year", "Possession of Weapons"),
        ("how many theft from a motor vehicle offences", "Theft from a Motor Vehicle"),
    ],
)
def test_a_police_crime_category_not_held_is_declined_by_name(knowledge, question, category):
    answer = knowledge.ask(question)
    assert (answer.matched, answer.kind) == (False, Kind.UNKNOWN)
    assert answer.not_held is not None and answer.not_held.name == category
    assert render_text(answer).startswith(
        f"I don't hold figures for {category}\nIt is a police crime category"
    )
    assert "list:all" in {s.key for s in answer.suggestions}
    assert "What I do hold:" in render_text(answer)
    assert {s.key for s in answer.suggestions} <= {"list:all"} | {
        i.key for i in knowledge.current()[0].catalogue.indicators
    } | {p.key for p in knowledge.current()[0].catalogue.priorities}


def test_a_police_crime_category_an_indicator_holds_whole_is_answered_by_it(knowledge):
    answer = knowledge.ask("robbery of personal property")
    assert (answer.matched, answer.key, answer.notes) == (True, "personal-robbery", ())
    narrowed = knowledge.ask("robbery of personal property at night")  # a part of it is not
    assert not narrowed.matched and narrowed.suggestions[0].key == "personal-robbery"


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("residential burglary this year", "Burglary - Residential"),
        ("burglary in a dwelling", "Burglary - Residential"),
        ("business and community burglary", "Burglary - Business and Community"),
        ("resi burglary this year", "Burglary - Residential"),  # a shortening, read
        ("homes burgled last year", "Burglary - Residential"),  # the field's words for it
    ],
)
def test_a_police_crime_category_counted_within_an_indicator_is_declined(knowledge, question, name):
    """Issue #16: the whole of Total burglary is no answer to residential burglary."""
    answer = knowledge.ask(question)
    assert (answer.matched, answer.title) == (False, f"I don't hold {name} on its own")
    assert answer.declined_because == f"{name} is counted within Total burglary: I don't hold it on its own."
    assert [s.key for s in answer.suggestions] == ["total-burglary", "list:all"]


def test_every_category_counted_within_an_indicator_asked_together_is_the_whole(knowledge):
    answer = knowledge.ask("residential and business burglary total")
    assert (answer.matched, answer.key) == (True, "total-burglary")
    assert not any("counted within" in note for note in answer.notes)
    assert not knowledge.ask("residential burglary total").matched  # one of the two is a part


def test_unknown_words_are_named_as_typed(knowledge):
    answer = knowledge.ask("how many parking fines this year")
    assert answer.unknown_words == ("parking", "fines")


def test_an_ambiguous_word_offers_choices_instead_of_guessing(knowledge):
    answer = knowledge.ask("crime")
    assert not answer.matched
    assert {"knife-crime", "hate-crime-offences"} <= {s.key for s in answer.suggestions}
    assert len(answer.suggestions) <= 3


@pytest.mark.parametrize("question", ["", "   ", "👍🎉", "hello", "help"])
def test_empty_emoji_and_greetings_get_help(knowledge, question):
    assert knowledge.ask(question).kind is Kind.HELP


@pytest.mark.parametrize(
    "question",
    [
        "x" * 4000,
        "knife crime " * 400,
        "\x00\x07\x1b[31m",
        "'; DROP TABLE figures; --",
        "<!channel> <!here> <@U123> knife crime",
        "<http://evil.example|council.gov.uk>",
        "&lt;script&gt;",
    ],
)
def test_bad_input_gets_a_clear_reply(knowledge, question):
    answer = knowledge.ask(question)
    assert render_text(answer)
    assert answer.kind in set(Kind)


def test_a_long_message_is_read_in_part_and_says_so(knowledge):
    answer = knowledge.ask("knife crime " * 400)
    assert answer.key == "knife-crime"
    assert any("first 500 characters" in note for note in answer.notes)


def test_sql_text_changes_nothing(knowledge):
    before = knowledge.store.db["figures"].count
    knowledge.ask("'; DROP TABLE figures; --")
    assert knowledge.store.db["figures"].count == before


def test_a_new_figure_is_answered_without_a_restart(store, data_dir):
    from knowledge.answering import Knowledge
    from knowledge.domain.periods import Period

    knowledge = Knowledge(store, data_dir)
    assert knowledge.ask("knife crime").indicator.current.value == 830
    store.record_figure("knife-crime", Period.year(2019), 801, "U1", "test")
    view = knowledge.ask("knife crime").indicator
    assert (view.current.value, view.previous.value) == (801, 830)


def test_an_abbreviation_stands_for_the_one_word_it_begins(knowledge):
    assert knowledge.ask("burg stats").key == "total-burglary"
    assert knowledge.ask("robb figures").key == "personal-robbery"


def test_chat_filler_does_not_count_against_a_question(knowledge):
    assert knowledge.ask("burglary pls").key == "total-burglary"
    assert (knowledge.ask("cheers").kind, knowledge.ask("cheers").matched) == (Kind.THANKS, False)


def test_a_group_of_facts_is_listed_whole(knowledge):
    answer = knowledge.ask("key successes")
    assert (answer.kind, answer.key, len(answer.topics)) == (Kind.LIST, "list:group:key-successes", 6)
    text = render_text(answer)
    assert "Launched Operation Continuum" in text and "399 ASB warnings issued" in text


def test_a_named_period_favours_the_entry_that_mentions_it(knowledge):
    assert not knowledge.ask("what is planned").matched  # plans of what? several entries say so
    assert knowledge.ask("what is planned for 2019/20").key == "developments-2019-20"


def test_a_named_period_alone_does_not_make_an_out_of_scope_question_answerable(knowledge):
    assert not knowledge.ask("murder rate 2018").matched
    assert not knowledge.ask("car thefts 2018").matched


def test_a_spelling_correction_keeps_the_first_letter(knowledge):
    _, reader = knowledge.current()
    assert reader.read("how many police stations").corrections == {}
    assert reader.read("knif crime").corrections == {"knif": "knife"}


def test_everyday_words_weigh_little(knowledge):
    _, reader = knowledge.current()
    question = reader.read("quick one - burglary this year?")
    assert question.weights["one"] < 0.35 * question.weights["burglari"]
    assert knowledge.ask("quick one - burglary this year?").key == "total-burglary"
    # A rare word the bot doesn't hold still weighs in full: the message is not burglary alone.
    assert knowledge.ask("burglary and shoplifting").key != "total-burglary"


def test_a_list_asked_with_everyday_words_is_still_the_list(knowledge):
    assert knowledge.ask("give me the full scorecard").key == "list:all"
    assert knowledge.ask("what can this bot do").kind is Kind.HELP
    assert not knowledge.ask("tram scorecard").matched  # "tram" is a topic, not a filler


def test_an_item_is_read_with_its_entry_names(knowledge):
    answer = knowledge.ask("how many people charged after op continuum")
    assert (answer.key, answer.focus) == ("operation-continuum", 2)
    assert knowledge.ask("biggest challenges for the partnership").key == "challenges"


@pytest.mark.parametrize(
    "question", ["hate crime reports this year vs last", "hate crime this year compared to last"]
)
def test_this_year_against_last_compares(knowledge, question):
    _, reader = knowledge.current()
    assert reader.read(question).time == "compare"
    assert knowledge.ask(question).key == "hate-crime-offences"


def test_an_everyday_word_that_merely_occurs_in_a_fact_is_no_answer(knowledge):
    # "staff" occurs only in "Train more frontline staff in the Prevent Duty…"
    assert not knowledge.ask("how many staff does the council have").matched
    # A telling word in the same kind of place is an answer.
    assert knowledge.ask("theos").key == "developments-2019-20"
    assert knowledge.ask("days of action").key == "developments-2019-20"  # two words of the fact


def test_the_partnerships_own_name_weighs_little(knowledge):
    assert knowledge.ask("what are the partnership's challenges").key == "challenges"
    assert knowledge.ask("what is the CSP").key == "csp-operating-context"


def test_numbers_in_the_plural_are_numbers(knowledge):
    _, reader = knowledge.current()
    assert "18" in reader.read("is the RRT now working with over 18s").tokens


def test_a_fact_the_slides_tell_twice_is_answered_with_a_pointer_to_the_other(knowledge):
    answer = knowledge.ask("reset service")
    assert answer.matched and answer.kind is Kind.FACT
    other = {
        "developments-2019-20": "Investment in Drugs and Alcohol Treatment",
        "drugs-alcohol-treatment": "2019/20 developments",
    }
    assert f"This is also in “{other[answer.key]}”." in answer.notes
    assert "  ▸ " in render_text(answer)  # the matched fact is marked
    assert not knowledge.ask("crime").matched  # names sharing a word are still a choice


def test_two_swapped_letters_are_corrected(knowledge):
    _, reader = knowledge.current()
    assert reader.read("kinfe crime").corrections == {"kinfe": "knife"}
    assert reader.read("rape").corrections == {}  # one letter off "rate" is another word


@pytest.mark.parametrize(
    "question", ["knife crime 2018 v 2017", "knife crime 2017 vs 2018", "stabbings 2017 compared with 2018"]
)
def test_two_years_named_compare_the_later_with_the_earlier(knowledge, question):
    view = knowledge.ask(question).indicator
    assert (view.current.value, view.previous.value) == (830, 889)


@pytest.mark.parametrize(
    "question, key",
    [
        ("has knife crime come down", "knife-crime"),
        ("how much went into cctv", "key-investments"),
        ("whats coming up next year", "developments-2019-20"),
    ],
)
def test_everyday_phrases(knowledge, question, key):
    assert knowledge.ask(question).key == key


@pytest.mark.parametrize(
    "question",
    [
        "what can you tell me",
        "what can i ask you",
        "what sort of questions can I ask",
        "what topics do you cover",
        "what kind of things do you know",
    ],
)
def test_asking_what_the_bot_does_gets_help(knowledge, question):
    assert knowledge.ask(question).kind is Kind.HELP


def test_a_question_naming_a_topic_is_no_help_request(knowledge):
    assert knowledge.ask("what questions were asked about knife crime").key == "knife-crime"


@pytest.mark.parametrize(
    "question, place, offered",
    [
        ("knife crime in Hackney", "Hackney", "knife-crime"),
        ("how many burglaries in camden this year", "Camden", "total-burglary"),
        ("domestic abuse across London", "London", "domestic-abuse-offences"),
        ("stop and search in Kensington and Chelsea", "Kensington and Chelsea", "stop-and-search"),
        ("how does tower hamlets compare with newham", "Newham", None),
        ("hate crime nationally", "nationally", "hate-crime-offences"),
    ],
)
def test_a_place_outside_the_borough_is_declined_with_the_reason(knowledge, question, place, offered):
    answer = knowledge.ask(question)
    assert (answer.matched, answer.kind, answer.key) == (False, Kind.UNKNOWN, None)
    assert answer.declined_because == f"I hold figures for Tower Hamlets only: I have nothing for {place}."
    assert render_text(answer).startswith(
        f"I hold figures for Tower Hamlets only\nI have nothing for {place}."
    )
    keys = [s.key for s in answer.suggestions]
    assert keys == ([offered] if offered else []) + ["list:all"]


def test_a_place_name_the_slides_use_is_not_a_place_elsewhere(knowledge):
    answer = knowledge.ask("crime prevention officer at the royal london")
    assert (answer.matched, answer.key) == (True, "young-people-support")
    assert "Royal London Hospital" in render_text(answer)


@pytest.mark.parametrize("question", ["what's new for 2019/20", "2019/20", "anything for 2019/20?"])
def test_a_question_naming_only_a_period_is_about_that_period(knowledge, question):
    answer = knowledge.ask(question)
    assert (answer.matched, answer.key) == (True, "developments-2019-20")


def test_a_bare_year_is_not_answered_with_whatever_mentions_it(knowledge):
    answer = knowledge.ask("2018")
    assert not answer.matched


def test_a_real_word_is_not_corrected_into_a_different_one(knowledge):
    _, reader = knowledge.current()
    assert reader.read("what's the SYV position").corrections == {}  # not "prostitution"
    assert reader.read("hat crime").corrections == {"hat": "hate"}  # one letter out
    assert reader.read("burgalry").corrections == {"burgalry": "burglary"}  # not a word at all
    assert reader.read("ASB team size").corrections == {}  # a common word: not "seize"
    assert reader.read("top ten vehicles").corrections == {}  # not the start of "tensions"
    assert reader.read("dom abuse").corrections == {"dom": "domestic"}  # a rare word may abbreviate
    assert reader.read("continuum - what did it deliver").corrections == {"deliver": "delivered"}
    answer = knowledge.ask("what's the SYV position")
    assert (answer.matched, answer.key) == (True, "serious-youth-violence")


def test_a_word_of_an_indicator_name_is_not_read_as_asking_for_figures(knowledge):
    answer = knowledge.ask("knife crime figures")  # "crime figures" once swallowed "crime"
    assert (answer.matched, answer.key) == (True, "knife-crime")


@pytest.mark.parametrize(
    "question", ["DA stats for the last two years", "domestic abuse over the past 2 years"]
)
def test_the_last_two_years_compare_them(knowledge, question):
    _, reader = knowledge.current()
    assert reader.read(question).time == "compare"
    answer = knowledge.ask(question)
    view = answer.indicator
    assert answer.key == "domestic-abuse-offences"
    assert (view.current.value, view.previous.value) == (3393, 3013)


@pytest.mark.parametrize(
    "question, key, word",
    [
        ("what's the domestic violence picture", "domestic-abuse-offences", "picture"),
        ("knife crime figures board please", "knife-crime", "board"),
        ("how bad is robbery at the moment", "personal-robbery", "bad"),
    ],
)
def test_everyday_words_around_an_exact_name_are_chatter(knowledge, question, key, word):
    answer = knowledge.ask(question)
    assert (answer.matched, answer.key) == (True, key)
    assert word in answer.read_as.unused
    assert f"(I didn't use: “{word}”" in render_text(answer).splitlines()[-2]


@pytest.mark.parametrize(
    "question",
    [
        "anti social behaviour in schools",  # placed: it narrows what is asked
        "domestic abuse in the workplace",
        "hate crime on the tube",
        "robbery olympics",  # rarer in English than "crime": may be a topic
        "knife crime picture board meeting notes",  # more chatter than question
    ],
)
def test_words_that_may_narrow_the_question_still_decline_it(knowledge, question):
    assert not knowledge.ask(question).matched


@pytest.mark.parametrize(
    "question, key",
    [
        ("knife-enabled crime", "knife-crime"),  # the Met's own term
        ("which figures fell", "list:down"),
        ("what went up", "list:up"),
    ],
)
def test_police_terms_and_plain_verbs_are_understood(knowledge, question, key):
    answer = knowledge.ask(question)
    assert answer.matched and answer.key == key


def test_a_stem_weighs_as_the_word_typed(knowledge):
    _, reader = knowledge.current()
    # "good" shares its stem with "Handling Stolen Goods", but is an everyday word.
    assert reader.read("good").weights["good"] < reader.read("goods").weights["good"] / 2


def test_a_fact_is_found_by_one_word_with_its_entry_named(knowledge):
    answer = knowledge.ask("continuum charges")
    assert (answer.matched, answer.key) == (True, "operation-continuum")
    assert "91 people charged" in render_text(answer)
    assert not knowledge.ask("when is the next meeting").matched  # two everyday words are not enough


@pytest.mark.parametrize(
    "question, key",
    [
        ("830 knife crimes", "knife-crime"),
        ("3293 burglaries", "total-burglary"),
        ("3,293 burglaries", "total-burglary"),
        ("is 69% conviction rate good", "sdvc-conviction-rate"),
        ("did robbery go up by 24", "personal-robbery"),  # the change, 1,448 to 1,472
        ("portal reports up 508%?", "asb-portal-reports"),  # the change in per cent, 257 to 1,563
    ],
)
def test_a_figure_quoted_from_the_scorecard_finds_its_indicator(knowledge, question, key):
    answer = knowledge.ask(question)
    assert (answer.matched, answer.key) == (True, key)


def test_a_number_no_indicator_holds_is_still_unknown(knowledge):
    answer = knowledge.ask("how many 999 calls")
    assert not answer.matched
    assert all(any(c.isalpha() for c in s.title) for s in answer.suggestions)


@pytest.mark.parametrize(
    "question, key",
    [
        ("worst performing indicators", "list:worse"),
        ("what's not going well", "list:worse"),
        ("indicators going the wrong way", "list:worse"),
        ("best performing indicators", "list:better"),
    ],
)
def test_how_partners_ask_for_the_worst_and_best(knowledge, question, key):
    assert knowledge.ask(question).key == key


@pytest.mark.parametrize(
    "question", ["council tax increase 2019", "tax figures", "who is the borough commander"]
)
def test_an_unknown_word_is_not_dropped_to_answer_with_a_list_or_help(knowledge, question):
    answer = knowledge.ask(question)
    assert (answer.matched, answer.kind) == (False, Kind.UNKNOWN)


def test_an_unknown_everyday_word_does_not_stop_a_request_for_the_scorecard(knowledge):
    assert knowledge.ask("show me the whole scorecard").key == "list:all"


def test_abbreviations_and_the_non_emergency_number(knowledge):
    answer = knowledge.ask("stabbings last yr")
    assert (answer.key, answer.indicator.current.value) == ("knife-crime", 889)
    assert knowledge.ask("asb calls to the police non emergency number").key == "asb-101-calls"


def test_an_everyday_word_right_before_the_topic_narrows_it(knowledge):
    assert not knowledge.ask("car break-ins").matched  # not burglary: a theft from a car
    assert knowledge.ask("the domestic violence picture").key == "domestic-abuse-offences"


@pytest.mark.parametrize(
    "question, key", [("show me everything that's got worse", "list:worse"), ("how can I use this", "help")]
)
def test_contractions_and_plain_requests_for_help(knowledge, question, key):
    assert knowledge.ask(question).key == key


@pytest.mark.parametrize(
    "question, key",
    [
        ("Could you provide the latest figures on knife-related offences?", "knife-crime"),
        ("I need the burglary figure for the 2018 calendar year", "total-burglary"),
        ("Hate crime - direction of travel?", "hate-crime-offences"),
        ("How many arrests resulted from drugs operations in 2018?", "drug-operation-arrests"),
        ("What are the key challenges facing the partnership?", "challenges"),
        ("For the board paper: personal robbery 2018 vs 2017", "personal-robbery"),  # no compound across ':'
    ],
)
def test_questions_in_the_register_of_a_council_paper(knowledge, question, key):
    answer = knowledge.ask(question)
    assert (answer.matched, answer.key) == (True, key)


@pytest.mark.parametrize(
    "question, key",
    [
        (
            "Hi, I'm preparing for Thursday's board. Can you give me the knife crime figure and how it "
            "compares to last year? Thanks",
            "knife-crime",
        ),
        (
            "Sorry to bother you, do you have the latest domestic abuse offences number?",
            "domestic-abuse-offences",
        ),
        (
            "Following up from yesterday's meeting - can I get the hate crime numbers for 2018?",
            "hate-crime-offences",
        ),
        ("Quick sanity check: drug supply charges in 2018 were 148, right?", "drug-supply-charges"),
    ],
)
def test_the_one_part_of_a_long_message_that_asks_is_answered(knowledge, question, key):
    answer = knowledge.ask(question)
    assert (answer.matched, answer.key, answer.question) == (True, key, question)


def test_a_time_said_in_another_part_of_the_message_is_used(knowledge):
    answer = knowledge.ask("Hi there, I'm writing the board report. Burglary please - the 2017 figure.")
    assert answer.key == "total-burglary"
    assert (answer.indicator.current.value, answer.indicator.current.period.label) == (2928, "Jan-Dec 2017")


@pytest.mark.parametrize(
    "question",
    [
        "Knife crime please. In schools only.",
        "Burglary - broken down by ward",
        "knife crime, girls only",
        "Hi, can you tell me the weather for Thursday?",
    ],
)
def test_a_long_message_is_declined_when_another_part_may_change_the_question(knowledge, question):
    assert not knowledge.ask(question).matched


@pytest.mark.parametrize("question", ["hate crime by type", "knife crime, girls only", "burglary per ward"])
def test_an_everyday_word_that_narrows_the_figure_is_not_chatter(knowledge, question):
    assert not knowledge.ask(question).matched


@pytest.mark.parametrize(
    "question, key",
    [
        ("the three challenges", "challenges"),
        ("Which indicators are heading in the wrong direction?", "list:worse"),
        ("how many hate crimes were recorded in 2017?", "hate-crime-offences"),
    ],
)
def test_number_words_and_verbs_of_motion_are_how_a_question_is_put(knowledge, question, key):
    assert knowledge.ask(question).key == key


@pytest.mark.parametrize(
    ("question", "period"),
    [
        ("knife crime in '18", "2018"),
        ("knife crime in ’17", "2017"),
        ("knife crime 2018-19", "FY2018-19"),  # a financial year, as "2018/19"
        ("knife crime FY18/19", "FY2018-19"),
    ],
)
def test_years_written_short_are_read_in_full(knowledge, question, period):
    assert knowledge.current()[1].read(question).period.code == period
    answer = knowledge.ask(question)  # knife crime, for the year asked: held, or said not to be
    assert answer.key == "knife-crime" or answer.period_not_held.code == period


def test_two_short_years_compared_are_two_years(knowledge):
    view = knowledge.ask("burglary 17 vs 18").indicator
    assert (view.current.value, view.previous.value) == (3293, 2928)


@pytest.mark.parametrize("question", ["Strategic Plan 2018-21", "the 2018-21 plan"])
def test_a_span_of_years_written_short_reads_as_the_title_gives_it(knowledge, question):
    assert knowledge.ask(question).key == "list:document:strategic-plan"


def test_an_age_range_is_not_a_year(knowledge):
    assert knowledge.current()[1].read("RRT for 18-24s").period is None
    assert knowledge.ask("RRT for 18-24s").key == "rrt-expansion"


@pytest.mark.parametrize(
    "question",
    [
        "Op Continuum arrests and charges",
        "op continuum arrests and warnings",
        "continuum: arrests + treatment referrals",
    ],
)
def test_a_question_naming_two_facts_of_one_topic_gets_the_topic(knowledge, question):
    answer = knowledge.ask(question)
    assert (answer.matched, answer.key) == (True, "operation-continuum")


def test_a_whole_name_asked_is_not_overridden_by_a_topic_holding_its_words(knowledge):
    # Continuum's facts hold "people charged" and "drug supply", but the indicator is named whole.
    answer = knowledge.ask("How many people were charged with drug supply offences?")
    assert answer.key == "drug-supply-charges"


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("probation here - what's the reoffending priority about", "reducing-reoffending"),
        ("from a health perspective what are we doing on substance misuse", "drugs-alcohol-treatment"),
        ("the met want to know about knife crime", "knife-crime"),
        ("our housing colleagues are asking about burglary", "total-burglary"),
    ],
)
def test_who_is_asking_frames_the_question(knowledge, question, key):
    answer = knowledge.ask(question)
    assert (answer.matched, answer.key) == (True, key)


def test_a_speaker_word_is_a_topic_when_nothing_frames_it(knowledge):
    assert knowledge.ask("public health approach").key == "developments-2019-20"


@pytest.mark.parametrize(
    ("question", "title"),
    [("what's the reoffending rate", "Reducing re-offending"), ("violence rates", "Violence")],
)
def test_a_rate_asked_of_a_topic_with_none_is_declined_with_the_topic_offered(knowledge, question, title):
    answer = knowledge.ask(question)
    assert not answer.matched
    assert answer.declined_because == f"I hold no rate or percentage for “{title}”."
    assert answer.suggestions[0].title == title


@pytest.mark.parametrize(
    ("question", "key"),
    [("victim satisfaction rate", "vawg-hate-crime-focus"), ("SDVC conviction rate", "sdvc-conviction-rate")],
)
def test_a_rate_that_is_held_is_answered(knowledge, question, key):
    assert knowledge.ask(question).key == key


@pytest.mark.parametrize("question", ["burglary clear-up rate", "how many knife crimes were solved"])
def test_a_measure_no_indicator_is_gets_a_plain_no(knowledge, question):
    answer = knowledge.ask(question)
    assert not answer.matched
    assert answer.declined_because.startswith("I hold no ")


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("what's the ASB team's phone number", "I hold no contact details"),  # was 101 calls, sure
        ("email address for the community safety team?", "I hold no contact details"),
        ("how do I report ASB", "I hold no guidance on how to report"),  # was the portal figure
        ("where can I report drug dealing", "I hold no guidance on how to report"),
    ],
)
def test_contact_details_and_how_to_report_are_not_figures(knowledge, question, said):
    answer = knowledge.ask(question)
    assert not answer.matched and answer.title == said


def test_a_fact_asked_for_a_year_says_it_is_not_dated_so(knowledge):
    answer = knowledge.ask("ASB budget for 2020")
    assert answer.key == "key-investments"
    assert "I hold nothing dated 2020" in " ".join(answer.notes)
    assert not any("dated" in n for n in knowledge.ask("reset service october 2019").notes)


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("knife crime compared with robbery", "list:indicators:personal-robbery+knife-crime"),
        ("domestic abuse v hate crime", "list:indicators:domestic-abuse-offences+hate-crime-offences"),
        ("Knife crime. Also robbery.", "list:indicators:personal-robbery+knife-crime"),
    ],
)
def test_indicators_named_together_are_shown_side_by_side(knowledge, question, key):
    answer = knowledge.ask(question)
    assert (answer.matched, answer.kind, answer.key) == (True, Kind.LIST, key)
    assert len(answer.rows) == 2


def test_indicators_side_by_side_are_for_the_period_asked(knowledge):
    rows = knowledge.ask("burglary and robbery 2017").rows
    assert {(r.indicator.key, r.current.value) for r in rows} == {
        ("total-burglary", 2928),
        ("personal-robbery", 1448),
    }


@pytest.mark.parametrize("question", ["drug ASB reports", "hate crime", "knife crime figures"])
def test_one_indicator_named_is_not_a_side_by_side(knowledge, question):
    assert knowledge.ask(question).kind is Kind.INDICATOR


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("how many CCTV cameras are there", "Key investments"),  # the slides hold £3m, not a count
        ("how many stop and searches were there", "Work with the police and engage with the community"),
    ],
)
def test_a_count_asked_of_a_topic_with_none_is_declined_with_the_topic_offered(knowledge, question, title):
    answer = knowledge.ask(question)
    assert not answer.matched
    assert answer.declined_because.startswith("I hold no count for “")
    assert answer.suggestions[0].title.startswith(title)


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("how many ASB warnings were issued", "operation-continuum"),
        ("how many people are engaged in treatment", "drugs-alcohol-treatment"),
        ("how many class A seizures did continuum get", "operation-continuum"),  # counts elsewhere
        ("how many knife crimes in 2018", "knife-crime"),
    ],
)
def test_a_count_the_topic_holds_is_answered(knowledge, question, key):
    assert knowledge.ask(question).key == key


@pytest.mark.parametrize(
    ("question", "key"),
    [
        (":wave: hi what's the latest on ASB calls", "asb-101-calls"),
        ("knife crime :knife: :+1::skin-tone-2:", "knife-crime"),
        ("the performance table from the slides", "list:all"),
        ("what does the presentation say about challenges", "challenges"),
    ],
)
def test_emoji_codes_and_the_slides_named_are_how_a_question_is_put(knowledge, question, key):
    assert knowledge.ask(question).key == key


def test_a_why_question_gets_the_figures_and_says_it_holds_no_reasons(knowledge):
    answer = knowledge.ask("what's driving the rise in domestic abuse")
    assert answer.key == "domestic-abuse-offences"
    assert any("not the reasons" in note for note in answer.notes)
    assert not any("not the reasons" in note for note in knowledge.ask("domestic abuse").notes)


def test_drug_driving_is_not_a_why_question(knowledge):
    assert "why" not in knowledge.current()[1].read("drug driving").intents


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("are fewer people getting stabbed", "knife-crime"),  # "stabbed" is a form of "stabbing"
        ("are people getting robbed more", "personal-robbery"),
        ("is the new online form for reporting ASB being used", "asb-portal-reports"),
    ],
)
def test_a_rarer_form_of_a_synonym_stands_for_the_same(knowledge, question, key):
    assert knowledge.ask(question).key == key


def test_an_everyday_form_of_a_synonym_is_not_swapped(knowledge):
    language = knowledge.language
    assert language.swap_synonyms(["dealers"]) == ["supply"]
    assert language.swap_synonyms(["deal", "with", "asb"]) == ["deal", "with", "anti", "social", "behaviour"]
    assert language.swap_synonyms(["knife", "enabled", "crime"]) == ["knife", "crime"]


@pytest.mark.parametrize(
    ("question", "key"),
    [("knife enabled offences", "knife-crime"), ("what challenges does the CSP face", "challenges")],
)
def test_heldout_j_misses_fixed_after_its_one_score(knowledge, question, key):
    assert knowledge.ask(question).key == key


@pytest.mark.parametrize(
    ("question", "name", "asked"),
    [
        ("robbery in December", "personal robbery", "Dec 2025"),
        ("burglary in December", "total burglary", "Dec 2025"),
        ("knife crime jan to march", "knife crime", "Jan-Mar 2026"),
        ("knife crime Q4", "knife crime", "Oct-Dec 2025"),  # the year with a note, before, as a month was
    ],
)
def test_a_month_with_no_year_of_a_yearly_indicator_is_declined_offering_the_years(
    tmp_path, data_dir, question, name, asked
):
    """The month (or run of months) just gone, which figures held by the year do not hold: the
    year is offered, not given in its place."""
    from knowledge.answering import open_knowledge

    knowledge = open_knowledge(tmp_path / "csp.db", data_dir, today=lambda: date(2026, 12, 1))
    answer = knowledge.ask(question)
    assert answer.title == f"I hold no figure for {name} in {asked}", render_text(answer)
    said = render_text(answer)
    assert f"figures for {name}, only Jan-Dec 2017 and Jan-Dec 2018." in said
    assert answer.suggestions[0].title.endswith("in 2018")


def test_a_month_named_still_finds_the_fact_that_names_it(knowledge):
    answer = knowledge.ask("victim satisfaction Q4")
    assert (answer.key, answer.focus) == ("vawg-hate-crime-focus", 1)
    assert not any("quarterly" in note for note in answer.notes)


@pytest.mark.parametrize(
    ("question", "key", "period"),
    [("syv 17", "serious-youth-violence", "2017"), ("hate crime 18", "hate-crime-offences", "2018")],
)
def test_a_two_digit_year_ending_the_question_is_a_year(knowledge, question, key, period):
    answer = knowledge.ask(question)
    assert (answer.key, answer.indicator.current.period.code) == (key, period)


@pytest.mark.parametrize(
    "question", ["RRT for 18 to 24", "RRT support up to 25", "knife crime victims under 18"]
)
def test_an_age_ending_the_question_is_not_a_year(knowledge, question):
    _, reader = knowledge.current()
    assert reader.read(question).period is None


@pytest.mark.parametrize(
    "question",
    [
        "knife crime and the VAWG charter",
        "Knife crime. Also the VAWG charter.",
        "knife crime plus VAWG charter status",
    ],
)
def test_two_things_asked_in_one_message_are_both_answered(knowledge, question):
    answer = knowledge.ask(question)
    assert (answer.matched, answer.kind) == (True, Kind.SEVERAL)
    assert [part.key for part in answer.parts] == ["knife-crime", "vawg-charter"]
    text = render_text(answer)
    assert "830 knife crimes in Jan-Dec 2018" in text and "VAWG Charter published November 2018" in text


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("robbery. also what's the PTF?", "several:personal-robbery+partnership-task-force"),
        ("Knife crime. Also the task force.", "several:knife-crime+partnership-task-force"),
    ],
)
def test_a_message_whose_parts_ask_about_different_things_gets_each(knowledge, question, key):
    assert knowledge.ask(question).key == key


def test_two_indicators_asked_in_parts_are_shown_side_by_side(knowledge):
    answer = knowledge.ask("DA offences plus SDVC conviction rate")
    assert answer.key == "list:indicators:domestic-abuse-offences+sdvc-conviction-rate"


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("stop and search status", "stop-and-search"),
        ("drug and alcohol treatment", "drugs-alcohol-treatment"),
        ("violence against women and girls charter", "vawg-charter"),
        ("op continuum arrests and warnings", "operation-continuum"),
        ("ASB, drugs and alcohol", "asb-drugs-alcohol"),
    ],
)
def test_and_inside_a_name_or_one_topic_is_not_two_things(knowledge, question, key):
    assert knowledge.ask(question).key == key


@pytest.mark.parametrize(
    "question",
    [
        "knife crime, also how many murders",  # a word not known: it may be what is asked
        "knife crime in Hackney and the VAWG charter",
        "knife crime and youth violence in schools",
    ],
)
def test_a_part_the_bot_cannot_answer_declines_the_message(knowledge, question):
    assert not knowledge.ask(question).matched


@pytest.mark.parametrize(
    ("question", "answered", "declined"),
    [
        ("knife crime and shoplifting", "knife-crime", "Shoplifting"),
        ("Shoplifting figures? And burglary?", "total-burglary", "Shoplifting"),
    ],
)
def test_a_part_naming_a_category_not_held_is_declined_by_name_beside_the_other(
    knowledge, question, answered, declined
):
    """A police category is a topic of its own: declining it says nothing of the other part,
    which is answered."""
    answer = knowledge.ask(question)
    assert isinstance(answer, SeveralAnswer), render_text(answer)
    assert {p.key for p in answer.parts} == {answered, None}
    said = next(p for p in answer.parts if p.key is None)
    assert declined in said.declined_because


def test_accountable_to_is_responsible_to(knowledge):
    assert knowledge.ask("what's the partnership accountable to").key == "csp-operating-context"


def test_asking_how_sure_a_figure_is_gets_its_confidence(knowledge):
    answer = knowledge.ask("how reliable is the DA figure")
    assert answer.key == "domestic-abuse-offences"
    assert any(n.startswith("High confidence: the figure is fixed by published data") for n in answer.notes)
    medium = knowledge.ask("how confident are we in the knife crime figure")
    assert medium.key == "knife-crime"
    assert "rebuilt from a scrambled slide table: check before quoting" in render_text(medium)


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("people who keep ringing about antisocial behaviour", "asb-repeat-callers"),
        ("what's the VVE strategy", "developments-2019-20"),
        ("robbery delta", "personal-robbery"),
    ],
)
def test_everyday_words_for_calls_burglary_and_change(knowledge, question, key):
    assert knowledge.ask(question).key == key


@pytest.mark.parametrize(
    ("question", "key", "period"),
    [
        ("how many people were mugged in twenty eighteen", "personal-robbery", "2018"),
        ("knife crime for the year ending december 2017", "knife-crime", "2017"),
        ("burglary in the 12 months to Dec 2018", "total-burglary", "2018"),
    ],
)
def test_years_in_words_and_years_ending_december(knowledge, question, key, period):
    answer = knowledge.ask(question)
    assert (answer.key, answer.indicator.current.period.code) == (key, period)


def test_the_year_to_march_is_a_financial_year(knowledge):
    _, reader = knowledge.current()
    assert reader.read("robbery for the year to March 2019").period.code == "FY2018-19"


@pytest.mark.parametrize(
    ("question", "key"),
    [("which indicators haven't improved", "list:worse"), ("is anything not getting worse", "list:better")],
)
def test_a_negated_direction_is_the_other_way(knowledge, question, key):
    assert knowledge.ask(question).key == key


def test_asking_the_bot_to_change_a_figure_is_declined_with_the_reason(knowledge):
    answer = knowledge.ask("can you update the knife crime figure")
    assert not answer.matched
    assert answer.declined_because.startswith("I can't change figures or statuses")
    assert answer.suggestions[0].key == "knife-crime"


def test_a_request_to_change_a_figure_points_officers_to_the_command(knowledge):
    answer = knowledge.ask("can you update the knife crime figure to 900")
    assert not answer.matched
    assert "/csp update <indicator> <value> for <period>" in render_text(answer)


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("street robbery of people - has it risen", "personal-robbery"),
        ("stabbings and other knife offences - better or worse than 2017?", "knife-crime"),
        ("how many serious youth violence offences - was it more than in 2017?", "serious-youth-violence"),
    ],
)
def test_which_way_the_one_indicator_went_is_its_figure_not_a_list(knowledge, question, key):
    answer = knowledge.ask(question)
    assert (answer.kind, answer.key) == (Kind.INDICATOR, key)


@pytest.mark.parametrize(
    "question",
    ["what indicators do you track", "which figures does the CSP monitor", "what measures are tracked"],
)
def test_a_verb_of_keeping_figures_is_no_topic(knowledge, question):
    assert knowledge.ask(question).key == "list:all"


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("which priority is burglary under", "reducing-reoffending"),
        ("what priority does knife crime come under", "violence"),
        ("which CSP priority do hate crimes sit under?", "hate-crime-cohesion-extremism"),
    ],
)
def test_which_priority_a_thing_is_under_is_that_priority(knowledge, question, key):
    answer = knowledge.ask(question)
    assert (answer.kind, answer.key) == (Kind.PRIORITY, key)


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("how much are we putting into CCTV", "key-investments"),
        ("what did the council change when it revamped the ASB service", "asb-service-redesign"),
        ("when did Op Continuum kick off", "operation-continuum"),
    ],
)
def test_everyday_verbs_for_investing_redesigning_and_starting(knowledge, question, key):
    assert answered_key(knowledge.ask(question)) == key


@pytest.mark.parametrize(
    "question",
    [
        "just back from annual leave - knife crime figure?",
        "sorry to be a pain, knife crime this year",
        "knife crime - I think it went down?",
    ],
)
def test_chat_about_the_asker_is_no_topic(knowledge, question):
    _, reader = knowledge.current()
    assert reader.read(question).tokens == ["knife", "crime"]


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("which figures went the wrong way", "list:worse"),
        ("what are we doing badly on", "list:worse"),
        ("where have we made progress", "list:better"),
        ("what went the right way in 2018", "list:better"),
        ("which indicators are doing well", "list:better"),
    ],
)
def test_everyday_ways_of_asking_what_improved_or_got_worse(knowledge, question, key):
    assert knowledge.ask(question).key == key
