"""Comparisons answered: the figure asked for against the period the question sets it
against, a list judged against that period, and a plain word when that period is not held."""

import pytest

from handlers.blocks import build_message
from knowledge.answering.types import Declined
from knowledge.domain.judgement import Judgement
from knowledge.render.text import render_text


def shown(view):
    """The figure shown and the one it is compared with: (value, period) each."""
    previous = (view.previous.value, view.previous.period.code) if view.previous else None
    return (view.current.value, view.current.period.code), previous


@pytest.mark.parametrize(
    "question",
    [
        "is robbery higher than the year before",
        "robbery compared with the year before",
        "is robbery higher than last year",
        "robbery over the last year",
        "robbery over the past 12 months",
        "robbery up on last year",
        "has robbery gone up since last year",
        "robbery year on year",
        "is robbery up or down",
        "robbery better or worse than last year",
        "robbery this year vs last",
        "robbery last year compared to this",
        "is robbery worse than it was last year",
        "compare robbery with the previous year",
        "is robbery higher than before",
        "how is robbery tracking against last year",
        "robbery: up on 12 months ago?",
    ],
)
def test_the_year_before_is_compared_with_not_asked_for(knowledge, question):
    answer = knowledge.ask(question)
    assert answer.key == "personal-robbery"
    assert shown(answer.indicator) == ((1472, "2018"), (1448, "2017"))
    assert "No comparison" not in render_text(answer)


@pytest.mark.parametrize(
    "question",
    [
        "burglary compared to 2017",
        "burglary compared with 2017",
        "burglary vs 2017",
        "burglary versus 2017",
        "burglary relative to 2017",
        "burglary since 2017",
        "has burglary gone up since 2017",
        "burglary down from 2017?",
        "burglary 2018 vs 2017",
        "burglary 2017 vs 2018",
        "burglary 2017 to 2018",
        "burglary between 2017 and 2018",
        "burglary this year compared to 2017",
        "is burglary better or worse than 2017",
        "were there more burglaries than there were in 2017",
        "compare burglary with 2017",
    ],
)
def test_a_year_named_to_compare_with_is_the_baseline(knowledge, question):
    answer = knowledge.ask(question)
    assert answer.key == "total-burglary"
    assert shown(answer.indicator) == ((3293, "2018"), (2928, "2017"))
    assert answer.indicator.missing_baseline is None
    text = render_text(answer)
    assert "3,293 total burglary in Jan-Dec 2018 · 🔴 up 12.5% on 2017" in text
    assert "2017 was 2,928 (+365)." in text


def test_the_last_twelve_months_are_the_latest_figure(knowledge):
    """Where "last year" alone asks for the year before the latest."""
    assert shown(knowledge.ask("burglary in the last 12 months").indicator)[0] == (3293, "2018")
    assert shown(knowledge.ask("burglary in the past year").indicator)[0] == (3293, "2018")
    assert shown(knowledge.ask("burglary last year").indicator)[0] == (2928, "2017")


def test_a_year_named_alone_is_asked_for_and_not_compared(knowledge):
    answer = knowledge.ask("burglary 2017")
    assert shown(answer.indicator) == ((2928, "2017"), None)


def test_a_baseline_not_before_the_figure_shown_is_the_year_before(knowledge):
    """ "since 2018" when 2018 is the latest: set against itself it says nothing."""
    answer = knowledge.ask("robbery since 2018")
    assert shown(answer.indicator) == ((1472, "2018"), (1448, "2017"))
    assert answer.indicator.missing_baseline is None


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("what got better compared with 2017", "better"),
        ("which indicators improved since 2017", "better"),
        ("what got worse compared with 2017", "worse"),
        ("which indicators have gone up since 2017", "up"),
    ],
)
def test_a_list_against_a_year_holds_what_moved_against_it(knowledge, question, intent):
    answer = knowledge.ask(question)
    assert answer.key == f"list:{intent}"
    assert answer.rows, "an empty list for a year the store holds"
    assert {row.previous.period.code for row in answer.rows} == {"2017"}
    assert answer.title.endswith("compared with 2017")
    if intent in ("better", "worse"):
        assert {row.change.judgement for row in answer.rows} == {Judgement(intent)}


def test_a_list_against_a_year_is_the_list_against_the_year_before(knowledge):
    """The seed's latest year is 2018, so "compared with 2017" is the year before."""
    against = knowledge.ask("what got better compared with 2017")
    latest = knowledge.ask("what got better")
    assert [r.indicator.key for r in against.rows] == [r.indicator.key for r in latest.rows]


def test_a_baseline_not_held_is_declined_saying_which_periods_are(knowledge):
    """2018 against 2017 in place of the 2015 asked would put a change beside the question
    that it does not answer: no figure, the periods held, and the headline as the choice."""
    answer = knowledge.ask("burglary compared to 2015")
    assert isinstance(answer, Declined)
    assert answer.title == "I hold no figure for total burglary in 2015 to compare with"
    assert answer.reason == "I hold Jan-Dec 2017 and Jan-Dec 2018."
    assert answer.suggestions[0].key == "total-burglary"
    assert "3,293" not in render_text(answer)


def test_indicators_side_by_side_against_a_year_none_holds_are_declined(knowledge):
    answer = knowledge.ask("robbery and burglary 2014 vs 2018")
    assert isinstance(answer, Declined)
    assert answer.title == "I hold no figures for personal robbery or total burglary in 2014 to compare with"
    assert [s.key for s in answer.suggestions] == ["personal-robbery", "total-burglary"]


def test_a_baseline_an_indicator_does_not_hold_is_said_for_it(knowledge):
    """Operation Continuum began in November 2017: the arrests are held for 2018 alone."""
    answer = knowledge.ask("drug operation arrests 2018 vs 2017")
    assert shown(answer.indicator) == ((190, "2018"), None)
    assert "I hold no figure for Jan-Dec 2017 to compare with. Periods held: Jan-Dec 2018." in render_text(
        answer
    )


def test_neither_period_held_names_both(knowledge):
    answer = knowledge.ask("robbery 2015 vs 2014")
    assert render_text(answer).startswith(
        "I hold no figure for personal robbery in 2015 or 2014\nI hold Jan-Dec 2017 and Jan-Dec 2018."
    )


def test_a_list_against_a_year_none_holds_says_which_are_held(knowledge):
    answer = knowledge.ask("what got better compared with 2015")
    assert answer.key == "list:better"
    assert (
        "I hold no figures for Jan-Dec 2015 to compare with. Periods held: Jan-Dec 2017, Jan-Dec 2018."
        in (answer.notes)
    )
    assert not answer.title.endswith("2015")


def test_the_slack_answer_warns_of_a_baseline_not_held(knowledge):
    message = build_message(knowledge.ask("drug operation arrests 2018 vs 2017"))
    texts = [b["text"]["text"] for b in message["blocks"] if b["type"] == "section" and "text" in b]
    assert any("\n:warning: I hold no figure for Jan-Dec 2017 to compare with." in t for t in texts)


def test_indicators_side_by_side_are_compared_with_the_year_named(knowledge):
    answer = knowledge.ask("knife crime and robbery compared with 2017")
    assert answer.key == "list:indicators:personal-robbery+knife-crime"
    assert {row.previous.period.code for row in answer.rows} == {"2017"}


def test_a_fact_compared_with_a_year_says_it_is_not_dated(knowledge):
    answer = knowledge.ask("key investments compared to 2017")
    assert answer.key == "key-investments"
    assert "I hold nothing dated 2017: this is what I hold, as dated by its source." in answer.notes
