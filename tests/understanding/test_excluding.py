"""Words a question takes out of what it asks."""

import pytest

from knowledge.understanding.excluding import split_excluded

SMALL = frozenset({"in", "the", "of", "than", "from", "to"})


@pytest.mark.parametrize(
    ("text", "kept", "taken"),
    [
        ("criminal damage without arson in 2022", "criminal damage without in 2022", "arson"),
        ("asb calls not repeat callers", "asb calls not", "repeat callers"),
        ("reported by phone rather than online", "reported by phone rather than", "online"),
        ("knife crime apart from the stabbings", "knife crime apart from the", "stabbings"),
        ("knife crime in 2018", "knife crime in 2018", ""),
    ],
)
def test_the_words_after_an_exclusion_are_taken_out(text, kept, taken):
    assert split_excluded(text.split(), SMALL) == (kept.split(), taken.split())


def test_a_read_question_keeps_what_it_takes_out_apart(knowledge):
    _, reader = knowledge.current()
    query = reader.read("ASB calls, not repeat callers")
    assert query.excluded == ["repeat", "caller"]
    assert "repeat" not in query.tokens
