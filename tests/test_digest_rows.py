"""The digest's better and worse rows are laid out as a list in a reply: the period said once
in the heading, the figure first, then how it moved."""

from datetime import UTC, datetime, timedelta

from handlers.blocks.digest import build_digest_message
from knowledge.answering import open_knowledge
from knowledge.render.digest import render_digest
from knowledge.services.digest import build_digest

NOW = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def _digest(tmp_path, data_dir):
    knowledge = open_knowledge(tmp_path / "d.db", data_dir)
    return build_digest(knowledge, NOW - timedelta(days=7), NOW)


def test_the_digest_text_says_the_period_once_and_the_figure_first(tmp_path, data_dir):
    text = render_digest(_digest(tmp_path, data_dir))
    assert "Worse than a year before (Jan-Dec 2018, each against 2017):" in text
    assert "  🔴 3,293 Total burglary · up 12.5%" in text
    assert "  🟢 830 Knife crime · down 6.6%" in text
    assert "(2018; 2017:" not in text


def test_the_digest_blocks_say_the_period_once_and_the_figure_first(tmp_path, data_dir):
    message = build_digest_message(_digest(tmp_path, data_dir))
    sections = [b["text"]["text"] for b in message["blocks"] if b["type"] == "section"]
    better = next(s for s in sections if s.startswith("*Better than a year before"))
    assert better.startswith("*Better than a year before (Jan-Dec 2018, each against 2017)*")
    assert ":large_green_circle: *830* Knife crime · down 6.6%" in better
