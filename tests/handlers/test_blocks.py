"""Every answer is a Block Kit message within Slack's limits, with nothing unescaped."""

from datetime import UTC, date, datetime

import pytest

from handlers.blocks import build_message, escape
from handlers.blocks.picks import read_pick
from tests.block_limits import limit_problems
from tests.markup import ESCAPED_FACT, ESCAPED_TITLE, MARKED_TITLE, RAW_MARKUP, mrkdwn_texts
from tools.evaluation import QUESTION_SETS, question_set_path, read_questions

NOW = datetime(2026, 11, 27, 17, 0, tzinfo=UTC)


def all_questions(data_dir):
    questions = []
    for name in QUESTION_SETS:
        questions += [label.question for label in read_questions(question_set_path(data_dir, name))]
    return questions


def test_every_answer_to_every_labelled_question_fits(knowledge, data_dir):
    checked = 0
    for question in all_questions(data_dir):
        message = build_message(knowledge.ask(question))
        assert limit_problems(message) == [], question
        checked += 1
    assert checked > 200


def test_the_longest_answer_fits(knowledge):
    message = build_message(knowledge.ask("all indicators"))
    assert limit_problems(message) == []
    shown = "\n".join(b["text"]["text"] for b in message["blocks"] if b["type"] == "section")
    for figure in ("14,768", "3,393", "830", "741", "3,293", "69%"):
        assert figure in shown


def test_escape():
    assert escape("<!channel> & <@U1> a > b") == "&lt;!channel&gt; &amp; &lt;@U1&gt; a &gt; b"


@pytest.mark.parametrize(
    "question",
    ["<!channel> what is the CSP", "<!channel> who is the CSP <@U123>", "a < b & c > d what is the CSP"],
)
def test_user_markup_never_reaches_slack_unescaped(marked_knowledge, question):
    """The user's markup is cleaned away; the data's markup in the answer comes out escaped."""
    message = build_message(marked_knowledge.ask(question))
    live = mrkdwn_texts(message)
    assert ESCAPED_FACT in live
    for raw in RAW_MARKUP:
        assert raw not in live, raw
    assert "<!channel>" not in str(message) and "<@U123>" not in str(message)


def test_data_text_is_escaped(knowledge):
    message = build_message(knowledge.ask("reducing reoffending priority"))
    texts = "\n".join(b["text"]["text"] for b in message["blocks"] if b["type"] == "section")
    assert "Improve safety &amp; feeling of safety of young people" in texts
    assert "Better use of stop &amp; search powers" in texts
    assert " & " not in texts


def test_suggested_titles_are_escaped_where_markup_is_live(marked_knowledge):
    message = build_message(marked_knowledge.ask("<b>yuong</b> & poeple"))
    live = mrkdwn_texts(message)
    assert ESCAPED_TITLE in live
    for raw in RAW_MARKUP:
        assert raw not in live, raw
    buttons = [e for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]]
    # Plain text shows '<' and '&' as written: nothing to escape. The label is the short name;
    # the button asks for the whole title.
    assert "Young people" in [e["text"]["text"] for e in buttons]
    assert MARKED_TITLE in [read_pick(e["value"]).ask for e in buttons]


def test_indicator_message_carries_the_figures_and_follow_up_buttons(knowledge):
    message = build_message(knowledge.ask("knife crime this year"))
    assert message["blocks"][0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "Knife crime", "emoji": True},
    }
    figure = message["blocks"][1]["text"]["text"].splitlines()
    assert figure[0] == "*830* knife crimes in Jan-Dec 2018 · :large_green_circle: down 6.6% on 2017"
    assert figure[1] == "Better, as lower is better. 2017 was 889 (−59)."
    buttons = next(b for b in message["blocks"] if b["type"] == "actions")
    assert [e["text"]["text"] for e in buttons["elements"]] == [
        "Violence indicators",
        "Report a wrong figure",
    ]
    assert buttons["elements"][0]["value"] == "Violence indicators"
    assert "830" in message["text"] and "889" in message["text"]


def test_did_you_mean_buttons_ask_the_suggested_topic(knowledge):
    message = build_message(knowledge.ask("crime"))
    buttons = next(b for b in message["blocks"] if b["type"] == "actions")
    assert buttons["block_id"] == "did_you_mean"
    picks = [read_pick(e["value"]) for e in buttons["elements"]]
    assert "Knife crime" in [p.ask for p in picks]
    for pick in picks:
        assert knowledge.ask(pick.ask).matched, pick
        assert knowledge.ask(pick.ask).key == pick.key
        assert pick.asked == "crime"  # the question declined, to learn from


def test_a_year_without_comparison_offers_one(knowledge):
    message = build_message(knowledge.ask("knife crime last year"))
    buttons = next(b for b in message["blocks"] if b["type"] == "actions")
    value = buttons["elements"][0]["value"]
    assert value == "Knife crime vs last year"
    assert knowledge.ask(value).indicator.change is not None


def test_app_home_fits_even_with_thousands_of_indicators(knowledge):
    from dataclasses import replace

    from handlers.blocks import build_home_view

    home = knowledge.home()
    many = tuple(
        replace(row, indicator=replace(row.indicator, key=f"{row.indicator.key}-{i}"))
        for i in range(400)
        for row in home.rows
    )
    view = build_home_view(replace(home, rows=many))
    assert len(view["blocks"]) <= 100
    assert limit_problems({"text": "x", "blocks": view["blocks"]}, max_blocks=100) == []
    assert "Manifesto actions" in str(view)
    assert "Not everything fits here" in str(view)


def test_app_home_of_the_seed_shows_everything(knowledge):
    from handlers.blocks import build_home_view

    view = build_home_view(knowledge.home())
    text = str(view)
    assert limit_problems({"text": "x", "blocks": view["blocks"]}, max_blocks=100) == []
    for name in ("ASB calls to 101", "Total burglary", "Hate crime", "*69%* SDVC conviction rate · down 3"):
        assert name in text
    assert text.count("the latest I hold is from early 2019") == 3
    assert "Not everything fits here" not in text


def test_app_home_is_laid_out_as_the_scorecard_in_a_reply(knowledge):
    """The period said once, the figure first, where the figures come from in the small print;
    no "updated" date that is only when the seed was loaded."""
    from handlers.blocks import build_home_view

    view = build_home_view(knowledge.home(), today=date(2026, 12, 1))
    texts = [b["text"]["text"] for b in view["blocks"] if b["type"] == "section"]
    assert texts[0] == "Jan-Dec 2018, each against 2017. Ask me about any indicator for its details."
    assert ":large_green_circle: *830* Knife crime · down 6.6%" in texts[2]
    small = [e["text"] for b in view["blocks"] if b["type"] == "context" for e in b["elements"]]
    assert any("Council presentation, early 2019" in t for t in small)
    assert "updated" not in str(view) and "Recorded by" not in str(view)


def test_app_home_names_who_recorded_a_status(store):
    from handlers.blocks import build_home_view
    from knowledge.answering import Knowledge
    from knowledge.services.roles import Roles
    from knowledge.services.statuses import Statuses
    from knowledge.store.statuses import StatusOf

    officer = "U0OFFICER1"
    statuses = Statuses(store, Roles(store, frozenset({officer})))
    statuses.record(officer, StatusOf.ACTION, "vawg-charter", "Charter refreshed", "command", None, NOW)
    view = build_home_view(Knowledge(store).home(), today=date(2026, 12, 1))
    assert "Charter refreshed" in str(view) and f"Recorded by <@{officer}>" in str(view)


def test_a_place_outside_the_borough_is_declined_in_blocks_with_the_reason(knowledge):
    message = build_message(knowledge.ask("knife crime in Hackney"))
    sections = [b["text"]["text"] for b in message["blocks"] if b["type"] == "section"]
    assert message["blocks"][0]["text"]["text"] == "I hold figures for Tower Hamlets only"
    assert sections[0] == ":thinking_face: I have nothing for Hackney."
    assert "*What I do hold:*" in sections
    buttons = [e["value"] for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert buttons == ["Knife crime", "all indicators"]


def test_an_answer_in_parts_shows_each_part_with_block_ids_of_its_own(knowledge):
    message = build_message(knowledge.ask("knife crime and the VAWG charter plus the PTF"))
    assert limit_problems(message) == []
    blocks = message["blocks"]
    assert sum(b["type"] == "divider" for b in blocks) == 2
    headers = [b["text"]["text"] for b in blocks if b["type"] == "header"]
    assert headers == [
        "Knife crime",
        "Violence Against Women and Girls charter",
        "Established new Partnership Task Force",
    ]
