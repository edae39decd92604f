"""The rules that decide from a ranking: answer, offer choices, or decline."""

import pytest

from knowledge.domain.models import Kind
from knowledge.understanding import decide
from knowledge.understanding.index import Candidate, Entry


@pytest.fixture(scope="module")
def context(knowledge):
    return knowledge.current()


def read_and_rank(context, text):
    ctx, reader = context
    query = reader.read(text)
    return query, ctx.index.rank(query)


def candidate(key="a", *, score=0.9, coverage=1.0, precision=1.0, anchored=True, item=None, kind=Kind.FACT):
    return Candidate(Entry(key, kind, key, ((key, None),)), item, score, coverage, precision, anchored)


def test_an_empty_ranking_is_not_confident():
    assert decide.confident([]) is False


@pytest.mark.parametrize(
    ("ranked", "expected"),
    [
        ([candidate(coverage=1.0, precision=1.0)], True),
        ([candidate(coverage=decide.MIN_COVERAGE - 0.01, precision=1.0)], False),
        ([candidate(coverage=1.0, precision=decide.MIN_PRECISION)], True),
        # low precision: a clear lead won with a telling word is enough ...
        ([candidate(score=0.9, precision=0.1), candidate("b", score=0.7)], True),
        ([candidate(score=0.9, precision=0.1)], True),
        # ... a narrow lead or an unanchored place is not
        ([candidate(score=0.9, precision=0.1), candidate("b", score=0.85)], False),
        ([candidate(score=0.9, precision=0.1, anchored=False), candidate("b", score=0.5)], False),
    ],
)
def test_confident(ranked, expected):
    assert decide.confident(ranked) is expected


@pytest.mark.parametrize("question", ["knife crime", "status of RRT expansion", "violence priority"])
def test_confident_of_plain_questions(context, question):
    assert decide.confident(read_and_rank(context, question)[1])


@pytest.mark.parametrize("question", ["zzzz", "knife crime compared with robbery"])
def test_not_confident_of(context, question):
    assert not decide.confident(read_and_rank(context, question)[1])


@pytest.mark.parametrize(
    ("question", "keys"),
    [
        ("knife crime compared with robbery", ["knife-crime", "personal-robbery"]),
        ("knife crime and robbery", ["knife-crime", "personal-robbery"]),
        ("robbery vs burglary", ["personal-robbery", "total-burglary"]),
    ],
)
def test_named_indicators_finds_two_named_together(context, question, keys):
    query, ranked = read_and_rank(context, question)
    named = decide.named_indicators(query, ranked)
    assert sorted(c.entry.key for c in named) == sorted(keys)
    assert all(c.entry.kind is Kind.INDICATOR for c in named)


@pytest.mark.parametrize(
    "question", ["knife crime", "status of RRT expansion", "zzzz", "knife crime and the VAWG charter"]
)
def test_named_indicators_needs_two_indicators(context, question):
    query, ranked = read_and_rank(context, question)
    assert decide.named_indicators(query, ranked) == []


def test_told_twice_needs_two_candidates():
    assert not decide.told_twice([])
    assert not decide.told_twice([candidate(item=0)])


def test_told_twice_of_two_whole_facts():
    assert decide.told_twice([candidate("a", item=0), candidate("b", item=2)])
    # names, not items, that share words are not the same thing told twice
    assert not decide.told_twice([candidate("a"), candidate("b")])
    assert not decide.told_twice([candidate("a", item=0), candidate("b", item=1, coverage=0.5)])


def test_across_items_has_nothing_for_an_empty_ranking(context):
    query, _ = read_and_rank(context, "zzzz")
    assert decide.across_items(context[0].index, query, []) is None


def test_across_items_finds_one_topic_of_two_facts(context):
    query, ranked = read_and_rank(context, "Op Continuum arrests and charges")
    found = decide.across_items(context[0].index, query, ranked)
    assert found is not None
    assert (found.entry.key, found.item) == ("operation-continuum", None)


def test_chatter_needs_unknown_words(context):
    ctx, _ = context
    query, ranked = read_and_rank(context, "knife crime")
    assert decide.chatter(ctx.language, query, ranked) == []


def test_chatter_around_an_exact_name(context):
    """Everyday words around a name are how the question is put; a rarer one is not."""
    ctx, _ = context
    query, ranked = read_and_rank(context, "what's the domestic abuse offences picture")
    assert decide.chatter(ctx.language, query, ranked) == ["picture"]
    query, ranked = read_and_rank(context, "domestic abuse offences graffiti")
    assert query.unknown == ["graffiti"]
    assert decide.chatter(ctx.language, query, ranked) == []
