"""The sums a place's score is made of, on a small hand-made index."""

from knowledge.understanding.query import Query
from knowledge.understanding.scoring import collect_hits, in_context

# Places 0-1 are entry 0's name and item, place 2 is entry 1's name, place 3 entry 2's name.
POSTINGS = {"knife": (0, 2), "crime": (0, 1, 2), "night": (3,), "2018": (1,)}
IDF = {"knife": 2.0, "crime": 0.5, "night": 3.0, "2018": 1.5}
NAMED = {"knife": (0, 1), "crime": (0, 1)}
SHARED = {"knife": (0, 2), "crime": (0, 2)}
PLACE_ENTRY = (0, 0, 1, 2)


def question(weights: dict[str, float], telling=(), period_tokens=()) -> Query:
    return Query(
        raw="",
        text="",
        tokens=list(weights),
        unknown=[],
        weights=weights,
        telling=set(telling),
        period_tokens=list(period_tokens),
        intents=set(),
        time=None,
        period=None,
        period_text=None,
        truncated=False,
    )


def test_each_place_sums_the_weights_of_the_question_words_it_holds():
    asked = question({"knife": 1.0, "crime": 0.25}, telling=["knife"])
    hits = collect_hits(asked, ["knife", "crime"], POSTINGS, IDF, size=4)
    assert hits.places == [0, 1, 2]  # in order of place; place 3 holds none of them
    assert hits.matched[:3] == [1.25, 0.25, 1.25]
    assert hits.matched_here[:3] == [2.5, 0.5, 2.5]
    assert hits.count == [2, 1, 2, 0]
    assert hits.telling == [True, False, True, False]
    assert hits.bonus == {}


def test_a_period_word_counts_only_for_a_place_already_hit():
    asked = question({"crime": 1.0}, period_tokens=["2018", "night"])
    hits = collect_hits(asked, ["crime"], POSTINGS, IDF, size=4)
    assert hits.bonus == {1: 1.5}  # "night" is at place 3, which "crime" does not reach


def test_words_in_an_entrys_names_count_for_its_items_but_not_twice_in_a_name():
    weights = {"knife": 1.0, "crime": 0.25}
    hits = collect_hits(question(weights), ["knife", "crime"], POSTINGS, IDF, size=4)
    around = in_context(["knife", "crime"], weights, hits, NAMED, SHARED, PLACE_ENTRY)
    # Place 1 (entry 0's item) holds only "crime": "knife" in its entry's name is around it.
    assert around[1] == 1.25
    # Places 0 and 2 are names holding both words themselves: nothing around them.
    assert around[0] == 0.0 and around[2] == 0.0
