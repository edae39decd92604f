"""`csp-bot ask` and `csp-bot eval` as a user runs them."""

import json

from click.testing import CliRunner

from bot.cli import main


def run(tmp_path, *args, stdin=None):
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "cli.db"), *args], input=stdin)
    assert result.exit_code == 0, result.output
    return result.output


def test_ask_prints_the_answer(tmp_path):
    output = run(tmp_path, "ask", "knife crime this year")
    assert "830 in Jan-Dec 2018, down 6.6% from 889 in Jan-Dec 2017." in output
    assert "Better" in output


def test_ask_json(tmp_path):
    answer = json.loads(run(tmp_path, "ask", "--json", "status of RRT expansion"))
    assert set(answer) == {"question", "matched", "kind", "key", "text", "blocks"}
    assert (answer["matched"], answer["kind"], answer["key"]) == (True, "action", "rrt-expansion")
    assert answer["blocks"][0]["type"] == "header"


def test_ask_json_reads_one_question_per_line_in_order(tmp_path):
    output = run(tmp_path, "ask", "--json", "-", stdin="knif crime\nshoplifting\n\nthe scorecard\n")
    answers = [json.loads(line) for line in output.splitlines()]
    assert [(a["question"], a["kind"], a["matched"]) for a in answers] == [
        ("knif crime", "indicator", True),
        ("shoplifting", "unknown", False),
        ("", "help", True),
        ("the scorecard", "list", True),
    ]


def test_the_db_option_and_environment_choose_the_store(tmp_path, monkeypatch):
    run(tmp_path, "ask", "knife crime")
    assert (tmp_path / "cli.db").exists()
    other = tmp_path / "env.db"
    monkeypatch.setenv("CSP_BOT_DB", str(other))
    result = CliRunner().invoke(main, ["ask", "knife crime"])
    assert result.exit_code == 0 and other.exists()


def test_eval_prints_the_scores():
    result = CliRunner().invoke(main, ["eval", "--set", "tune", "--quiet"])
    assert result.exit_code == 0
    assert result.output.startswith("tune: in scope ")
    assert "declined" in result.output
