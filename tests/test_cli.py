"""`csp-bot ask` and `csp-bot eval` as a user runs them."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from bot.cli import main


def run(tmp_path, *args, stdin=None):
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "cli.db"), *args], input=stdin)
    assert result.exit_code == 0, result.output
    return result.output


def test_ask_prints_the_answer(tmp_path):
    output = run(tmp_path, "ask", "knife crime this year")
    assert "830 knife crimes in Jan-Dec 2018 · 🟢 down 6.6% on 2017" in output
    assert "Better, as lower is better. 2017 was 889 (−59)." in output


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


def test_a_question_on_an_existing_store_imports_no_writing_yaml_checking_or_array_library(tmp_path):
    """Start-up: a one-shot question reads; sqlite-utils and PyYAML are for writes and data
    files, and importing them is a fifth of the start-up budget. numpy (a third of it) is not
    needed to rank a few hundred places, and the stemmer is the C one, not twenty-odd
    languages of pure Python. pydantic (with the package metadata its plugin loader reads, a
    quarter of it) checks what comes in; the store's records and the cached index are plain."""
    db = str(tmp_path / "cli.db")
    ask = [sys.executable, "-m", "bot.cli", "--db", db, "ask", "knife crime this year"]
    subprocess.run(ask, check=True, capture_output=True)  # makes the store and its index cache
    probe = (
        f"import runpy, sys; sys.argv = {['csp-bot', *ask[3:]]!r}\n"
        "try:\n    runpy.run_module('bot.cli', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('sqlite_utils', 'yaml', 'numpy', 'snowballstemmer.english_stemmer',"
        " 'pydantic', 'importlib.metadata')"
        " if m in sys.modules))"
    )
    output = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    assert "830 knife crimes in Jan-Dec 2018" in output.stdout
    assert output.stdout.strip().splitlines()[-1] == "[]"


def test_eval_scores_a_file_kept_outside_the_sets_on_a_given_day(tmp_path):
    questions = tmp_path / "mine.csv"
    rows = "question,expect,period\nknife crime this year,knife-crime,2018\nparking fines,none,\n"
    questions.write_text(rows)
    result = CliRunner().invoke(main, ["eval", "--file", str(questions), "--today", "2023-10-15", "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("mine: in scope 1/1 correct (100.0%); out of scope 1/1 declined (100.0%)")


@pytest.mark.parametrize(
    ("rows", "said"),
    [
        (
            "knife crime, this year,knife-crime,2018\n",
            "mine.csv line 2: 4 columns, not question,expect,period",
        ),
        ("knife crime this year,knife-crime,2018-13\n", "mine.csv line 2: '2018-13' is no period code"),
    ],
)
def test_eval_says_which_line_of_a_file_it_cannot_read(tmp_path, rows, said):
    questions = tmp_path / "mine.csv"
    questions.write_text("# written by hand\n" + rows)
    result = CliRunner().invoke(main, ["eval", "--file", str(questions), "--quiet"])
    assert result.exit_code == 1 and said in result.output
    assert "Traceback" not in result.output and "unexpected error" not in result.output


def test_ask_answers_as_if_on_the_day_given(tmp_path):
    """ "last month" is the month before --today, and how old a figure is is said as of it."""
    output = run(tmp_path, "ask", "--today", "2019-02-10", "knife crime this year")
    assert "830 knife crimes in Jan-Dec 2018" in output
    assert "The latest I hold is for 2018." not in output  # 2018 is not a year old on 10 Feb 2019
    assert "The latest I hold is for 2018." in run(tmp_path, "ask", "--today", "2023-10-15", "knife crime")
