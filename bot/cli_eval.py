"""`csp-bot eval`: score the labelled question sets, or a file of questions kept apart, on a
fresh store of the seed (with police files imported first, and a day taken as today)."""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

import click

from knowledge.datafiles import default_data_dir
from tools.question_sets import QUESTION_SETS


@click.command(name="eval")
@click.option(
    "--set",
    "which",
    type=click.Choice([*QUESTION_SETS, "all"]),
    default="all",
    show_default=True,
)
@click.option("--quiet", is_flag=True, help="Only the summary lines, not each failure.")
@click.option(
    "--file",
    "files",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    multiple=True,
    help="Score this CSV instead (a set kept outside data/questions/).",
)
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Today, for 'last month'.")
@click.option(
    "--import-mps",
    "imports",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    multiple=True,
    help="Import this MPS borough crime file into the fresh store first.",
)
def evaluate(which: str, quiet: bool, files: tuple[Path, ...], today, imports: tuple[Path, ...]) -> None:
    """Score the labelled question sets in data/questions/ on a fresh store of the seed."""
    from knowledge.answering import open_knowledge
    from tools.evaluation import QuestionSetError, question_set_path, read_questions, report, score

    data_dir = default_data_dir()
    names = list(QUESTION_SETS) if which == "all" else [which]
    sets = [(p.stem, p) for p in files] or [(n, question_set_path(data_dir, n)) for n in names]
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "eval.db"
        if imports:
            _import_for_evaluation(db, data_dir, imports)
        knowledge = open_knowledge(db, data_dir, today=(lambda: today.date()) if today else date.today)
        for name, path in sets:
            try:
                labels = read_questions(path)
            except QuestionSetError as error:
                raise click.ClickException(str(error)) from None
            result = score(name, knowledge, labels)
            text = report(result)
            click.echo(text.splitlines()[0] if quiet else text)
        knowledge.store.close()


def _import_for_evaluation(db: Path, data_dir: Path, files: tuple[Path, ...]) -> None:
    """Import each police file, in order, into the fresh store a set is scored on."""
    from knowledge.services.imports import Imports
    from knowledge.store import Store

    store = Store(db, data_dir)
    for path in files:
        Imports(store).apply(path.read_bytes(), path.name, "eval", datetime.now(UTC))
    store.close()
