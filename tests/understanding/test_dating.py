"""Words that only date a period named beside them (`dating.py`)."""

import pytest

from knowledge.domain.periods import Period
from knowledge.understanding.dating import without_dating_words

MARCH = Period.month(2020, 3)
YEAR = Period.year(2020)


@pytest.fixture(scope="module")
def language(knowledge):
    return knowledge.current()[0].language


@pytest.mark.parametrize(
    ("topic", "period", "kept"),
    [
        (["theft", "lockdown"], MARCH, ["theft"]),
        (["theft", "first", "lockdown"], MARCH, ["theft"]),  # "the first lockdown" is its name
        (["theft", "covid"], YEAR, ["theft"]),  # an event dates any period
        (["theft", "christmas"], MARCH, ["theft"]),
        (["theft", "christmas"], YEAR, ["theft", "christmas"]),  # a season of a year is a part of it
        (["theft", "lockdown"], None, ["theft", "lockdown"]),  # no period named: asked about
        (["theft", "first"], MARCH, ["theft", "first"]),
        (["burglary", "over", "last", "winter"], Period.quarter(2023, 1), ["burglary"]),
        (["theft", "lockdown", "hit"], MARCH, ["theft"]),  # said of the event to name it
        (["robbery", "olympics", "year"], YEAR, ["robbery"]),
        (["theft", "hit", "lockdown"], MARCH, ["theft", "hit"]),  # only what comes after it
        (["theft", "lockdown", "hit"], None, ["theft", "lockdown", "hit"]),
    ],
)
def test_a_word_that_dates_the_period_named_is_no_topic(language, topic, period, kept):
    assert without_dating_words(topic, language, period, None) == kept
