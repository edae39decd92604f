"""Every kind of reply, read as a partner reads it on a phone: a header naming the thing, the
figure (or the status) first and bold, one line of small print, short button labels, no
nested brackets; and each kind drawn at 40 columns against a snapshot reviewed by eye."""

from __future__ import annotations

import difflib
import os
import re
from datetime import date
from pathlib import Path

import pytest

from handlers.blocks import build_blocks
from knowledge.answering import Knowledge
from knowledge.domain.periods import Period
from knowledge.render.text import render_text
from tests.mobile import draw

TODAY = date(2026, 3, 1)
"""Long after the seed's figures (2018): every reply says how old they are."""
SNAPSHOT = Path(__file__).parent.parent / "snapshots" / "replies-40-columns.txt"
UPDATE = "CSP_BOT_UPDATE_SNAPSHOTS"
SHORT_LABEL = 30
NESTED = re.compile(r"\([^()]*\(")

# (question, the header, how the first section starts)
KINDS = [
    ("knife crime this year", "Knife crime", "*830* knife crimes in Jan-Dec 2018 · :large_green_circle: "),
    ("drug operation arrests", "Arrests on drug operations", "*190* arrests on drug specific operations"),
    (
        "sdvc conviction rate",
        "SDVC conviction rate",
        "*69%* SDVC conviction rate in Jan-Dec 2018 · :red_circle:",
    ),
    ("which indicators are getting worse", "Indicators getting worse", "Jan-Dec 2018, each against 2017"),
    ("what has improved", "Indicators improving", "Jan-Dec 2018, each against 2017"),
    ("the scorecard", "Performance indicators", "Jan-Dec 2018, each against 2017"),
    ("knife crime vs robbery", "Personal robbery and Knife crime", "Jan-Dec 2018, each against 2017"),
    ("violence priority", "Violence", "*Key deliverables*"),
    ("tackle violence deliverable", "Tackle all violence", ":grey_question: *Status unknown*"),
    ("status of RRT expansion", "Rapid Response Team expansion", ":white_check_mark: *Done* · "),
    ("key investments", "Key investments", "• £3m investment"),
    ("op continuum results", "Launched Operation Continuum", "• Launched November 2017"),
    ("key successes", "Key successes", "*Launched Operation Continuum*"),
    ("the CSP priorities", "CSP Priorities 2017-2021", "*ASB, drugs and alcohol*"),
    ("the strategic plan", "Strategic Plan 2018-2021", "Priority: A Borough"),
    ("the manifesto", "2018 Manifesto 'Making Tower Hamlets Safer'", "Tackling drugs &amp; alcohol"),
    ("help", "What I can tell you", "I answer questions"),
    ("asdkjh blorp", "I don't know that one", ":thinking_face: I don't know the words “asdkjh” or “blorp”."),
    (
        "knife crime in Hackney",
        "I hold figures for Tower Hamlets only",
        ":thinking_face: I have nothing for Hackney.",
    ),
    ("shoplifting", "I don't hold figures for Shoplifting", ":thinking_face: It is a police crime category"),
    (
        "ASB calls at night",
        "I don't hold that part of ASB calls to 101",
        ":thinking_face: I hold ASB calls to 101 for the whole borough only, not “at night”",
    ),
]
FIGURE_FIRST = {"knife crime this year", "drug operation arrests", "sdvc conviction rate"}
"""One indicator: its first section's first word is the figure, in bold."""
ROWS = {"which indicators are getting worse", "what has improved", "the scorecard", "knife crime vs robbery"}
"""Lists of indicators: every row leads with its emoji and the figure, in bold."""


def texts(blocks: list[dict]) -> list[str]:
    found = []
    for block in blocks:
        for part in (block.get("text"), *(block.get("elements") or []), *(block.get("fields") or [])):
            if isinstance(part, dict) and isinstance(part.get("text"), str):
                found.append(part["text"])
    return found


def labels(blocks: list[dict]) -> list[str]:
    return [e["text"]["text"] for b in blocks if b["type"] == "actions" for e in b["elements"]]


@pytest.mark.parametrize(("question", "title", "first"), KINDS)
def test_a_reply_names_the_thing_and_puts_its_figure_first(knowledge, question, title, first):
    blocks = build_blocks(knowledge.ask(question), TODAY)
    assert blocks[0]["type"] == "header"
    assert blocks[0]["text"]["text"] == title
    assert f"({title})" not in " ".join(texts(blocks))  # a header is said once
    assert blocks[1]["type"] == "section"
    assert blocks[1]["text"]["text"].startswith(first)
    if question in FIGURE_FIRST:
        assert re.match(r"^\*[\d,.]+%?\* ", blocks[1]["text"]["text"])
    if question in ROWS:
        rows = [line for b in blocks[2:] if b["type"] == "section" for line in b["text"]["text"].splitlines()]
        rows = [r for r in rows if r.startswith(":")]
        assert rows and all(re.match(r"^:[a-z_]+: \*[\d,.]+%?\* \S", r) for r in rows), rows


@pytest.mark.parametrize(("question", "title", "first"), KINDS)
def test_a_reply_has_one_line_of_small_print_and_short_buttons(knowledge, question, title, first):
    blocks = build_blocks(knowledge.ask(question), TODAY)
    small = [b for b in blocks if b["type"] == "context"]
    assert len(small) == 1 and len(small[0]["elements"]) == 1, small
    assert all(len(label) <= SHORT_LABEL for label in labels(blocks)), labels(blocks)
    for text in texts(blocks):
        assert not NESTED.search(text), text
        assert "Recorded 20" not in text and "seed data" not in text


@pytest.mark.parametrize(("question", "title", "first"), KINDS)
def test_the_text_reply_is_laid_out_alike(knowledge, question, title, first):
    lines = render_text(knowledge.ask(question), TODAY).splitlines()
    assert lines[0] == title
    if question in FIGURE_FIRST:
        assert re.match(r"^[\d,.]+%? ", lines[1])
    for line in lines:
        assert not NESTED.search(line), line


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("knife crime this year", "in Jan-Dec 2018"),
        ("the scorecard", "Jan-Dec 2018"),
        ("status of RRT expansion", "early 2019"),
        ("key investments", "early 2019"),
    ],
)
def test_every_answer_says_its_period_and_an_old_figure_says_so(knowledge, question, says):
    old = render_text(knowledge.ask(question), TODAY)
    fresh = render_text(knowledge.ask(question), date(2019, 6, 1))
    assert says in old and says in fresh
    if question in ("knife crime this year", "the scorecard"):
        assert "The latest I hold is for 2018." in old
        assert "The latest I hold" not in fresh
    if question == "status of RRT expansion":
        assert "the latest I hold is from early 2019" in old
        assert "as of early 2019" in fresh


def test_lists_offer_the_other_way(knowledge):
    def offered(question: str) -> list[str]:
        return labels(build_blocks(knowledge.ask(question), TODAY))

    assert offered("which indicators are getting worse") == ["What improved"]
    assert offered("what has improved") == ["What got worse"]
    assert offered("the scorecard") == ["What got worse", "What improved"]


def test_an_officers_figure_says_who_recorded_it_and_when(store):
    store.record_figure("knife-crime", Period.year(2019), 700, "UOFF00001", "command")
    blocks = build_blocks(Knowledge(store).ask("knife crime"), date(2020, 3, 1))
    said = blocks[1]["text"]["text"]
    assert said.startswith("*700* knife crimes in Jan-Dec 2019 · :large_green_circle: down 15.7% on 2018")
    assert "The latest I hold" not in said
    [small] = [b for b in blocks if b["type"] == "context"]
    assert re.fullmatch(r"Recorded by <@UOFF00001> on \d{1,2} \w{3} \d{4}", small["elements"][0]["text"])


def test_an_officers_status_gets_its_badge_and_who_recorded_it(store):
    store.record_status(
        "rrt-expansion", "Not started yet: waiting for funding", "2026-02-01", "UOFF00001", "command"
    )
    blocks = build_blocks(Knowledge(store).ask("status of RRT expansion"), TODAY)
    assert blocks[1]["text"]["text"].startswith(":white_large_square: *Not started* · as of 1 Feb 2026\n")
    [small] = [b for b in blocks if b["type"] == "context"]
    assert small["elements"][0]["text"].startswith("Recorded by <@UOFF00001> on ")


def test_thanks_get_a_short_friendly_reply(knowledge):
    for said in ("thanks", "cheers", "that's helpful", "Thanks, that's really helpful!"):
        answer = knowledge.ask(said)
        assert not answer.matched and answer.kind.value == "thanks"
        [block] = build_blocks(answer, TODAY)
        assert block["type"] == "section" and len(block["text"]["text"]) < 70
    assert knowledge.ask("thx - knife crime?").key == "knife-crime"


SNAPSHOT_QUESTIONS = [question for question, _, _ in KINDS] + [
    "thanks, that's helpful",
    "knife crime and the VAWG charter",
    "crime",
]


def drawn(knowledge) -> str:
    parts = []
    for question in SNAPSHOT_QUESTIONS:
        answer = knowledge.ask(question)
        parts.append(f"===== {question} ({answer.kind.value})\n{draw(build_blocks(answer, TODAY))}\n")
    return "\n".join(parts)


def test_every_reply_kind_at_a_phones_width_matches_the_snapshot(knowledge):
    """Drawn at 40 columns. After a change to how replies look, rerun with
    CSP_BOT_UPDATE_SNAPSHOTS=1, read the new file by eye, and commit it."""
    now = drawn(knowledge)
    if os.environ.get(UPDATE):
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(now, encoding="utf-8")
    kept = SNAPSHOT.read_text(encoding="utf-8")
    assert now == kept, "\n".join(difflib.unified_diff(kept.splitlines(), now.splitlines(), lineterm=""))
    assert max(len(line) for line in now.splitlines() if not line.startswith("=====")) <= 40


def test_an_imported_figure_says_it_is_the_met_polices(store):
    store.record_figure("knife-crime", Period.month(2019, 6), 70, "cli:root", "import")
    blocks = build_blocks(Knowledge(store).ask("knife crime june 2019"), date(2019, 8, 1))
    assert blocks[1]["text"]["text"].startswith("*70* knife crimes in Jun 2019")
    [small] = [b for b in blocks if b["type"] == "context"]
    assert small["elements"][0]["text"].startswith("Met Police borough data, imported by cli:root on ")
