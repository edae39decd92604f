"""The `csp-bot` command: ask questions, serve Slack (with the weekly posts' scheduler), back up
and export the store, import police data; the weekly jobs' commands are in `cli_weekly`,
checking and restoring the store (`doctor`, `restore`) in `cli_store`, scoring the question
sets (`eval`) in `cli_eval`, checking the settings in `cli_check`.

Every failure a user can cause is one line on standard error and a non-zero exit, never a
traceback (set CSP_BOT_DEBUG=1 to see one).
"""

from __future__ import annotations

import json
import sqlite3
import sys
import threading
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bot.errors import OneLineErrors
from bot.store_errors import damaged, store_errors
from knowledge.datafiles import DataFileError
from knowledge.store import DB_ENV, default_db_path
from knowledge.store.opening import StoreError, check_store_file

if TYPE_CHECKING:
    from bot.settings import Mode, Settings
    from knowledge.answering import Knowledge


def _open_knowledge(
    db: Path | None, data_dir: Path | None = None, adopt: bool = False, today: date | None = None
) -> Knowledge:
    """The store at `db` (else the default), checked first, opened as answering needs it
    (`today` fixed, for a question asked as if on another day)."""
    from knowledge.answering import open_knowledge

    path = db or default_db_path()
    try:
        check_store_file(path, adopt=adopt)
        with store_errors(path):
            return open_knowledge(path, data_dir, (lambda: today) if today else date.today)
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    except DataFileError as error:
        raise click.ClickException(f"the data files have a problem: {error}") from None
    except (sqlite3.Error, OSError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise click.ClickException(
            f"cannot open the store at {path}: {reason} (is its folder there and writable?)"
        ) from None


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("csp-bot")
    except PackageNotFoundError:
        return "unknown"


def _print_version(context: click.Context, _option: click.Parameter, wanted: bool) -> None:
    """Looked up only when asked: reading the package's metadata costs every command start-up."""
    if wanted and not context.resilient_parsing:
        click.echo(f"csp-bot {_version()}")
        context.exit()


@click.group(cls=OneLineErrors, invoke_without_command=True)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar=DB_ENV,
    help=f"The SQLite store (default: ${DB_ENV}, else {default_db_path()}). Made on first use.",
)
@click.option(
    "--init",
    "adopt",
    is_flag=True,
    help="Add the bot's tables to an SQLite database that is not a csp-bot store yet.",
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version and exit.",
)
@click.pass_context
def main(context: click.Context, db: Path | None, adopt: bool) -> None:
    """The Tower Hamlets Community Safety Partnership bot.

    Start with: csp-bot ask "knife crime this year"
    """
    context.obj = {"db": db, "adopt": adopt}
    if context.invoked_subcommand is None:
        click.echo(context.get_help())


def _served_store(context: click.Context) -> Path:
    """--db or $CSP_BOT_DB, else CSP_BOT_DB in the `.env` files as `serve` reads them, else the
    default: a backup or an export is of the store the bot serves, not of an empty one beside it."""
    from bot.settings import SettingsError, store_setting

    try:
        path = context.obj["db"] or store_setting().csp_bot_db or default_db_path()
        check_store_file(path)
    except (SettingsError, StoreError) as error:
        raise click.ClickException(str(error)) from None
    return path


def answer_json(answer, today: date | None = None) -> dict:
    from handlers.blocks import build_message
    from knowledge.render.text import render_text

    message = build_message(answer, today)
    return {
        "question": answer.question,
        "matched": answer.matched,
        "kind": answer.kind.value,
        "key": answer.key,
        "text": render_text(answer, today),
        "blocks": message["blocks"],
    }


@main.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object (one per line with -).")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), help="Answer as if today were this day.")
@click.pass_context
def ask(context: click.Context, question: str, as_json: bool, today: datetime | None) -> None:
    """Answer QUESTION; with --json and QUESTION "-", one answer per line of standard input."""
    day = today.date() if today else None
    knowledge = _open_knowledge(context.obj["db"], adopt=context.obj["adopt"], today=day)
    with store_errors(knowledge.store.path):
        if question != "-":
            _echo_answer(knowledge.ask(question), as_json, day)
            return
        for line in sys.stdin:
            _echo_answer(knowledge.ask(line.rstrip("\r\n")), as_json, day, after="\n")


def _echo_answer(answer, as_json: bool, today: date | None, after: str = "") -> None:
    from knowledge.render.text import render_text

    if as_json:
        click.echo(json.dumps(answer_json(answer, today), ensure_ascii=False))
    else:
        click.echo(render_text(answer, today) + after)


def _settings(mode: Mode | None = None) -> Settings:
    """The settings, and those `mode` needs, or one line saying which are missing or wrong."""
    from bot.settings import SettingsError, load_settings

    try:
        settings = load_settings()
        if mode is not None:
            settings.require(mode)
    except SettingsError as error:
        raise click.ClickException(str(error)) from None
    return settings


@main.command()
@click.option("--http", "http_mode", is_flag=True, help="Serve Slack's HTTP requests instead of Socket Mode.")
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=None,
    help="Port for --http, 1 to 65535 (default: $PORT, else 3000).",
)
@click.option("--host", default=None, help="Address for --http (default: $HOST, else 0.0.0.0).")
@click.pass_context
def serve(context: click.Context, http_mode: bool, port: int | None, host: str | None) -> None:
    """Run the Slack bot: Socket Mode (SLACK_BOT_TOKEN, SLACK_APP_TOKEN) or --http (SLACK_SIGNING_SECRET)."""
    from bot.reach import SlackUnreachable
    from bot.server import serve_http
    from bot.settings import Mode
    from bot.startup import serve_when_slack_answers

    mode = Mode.HTTP if http_mode else Mode.SOCKET
    settings = _settings(mode)
    path = context.obj["db"] or settings.csp_bot_db or default_db_path()
    knowledge = _open_knowledge(path, adopt=context.obj["adopt"])
    verdict = knowledge.store.quick_check()
    if verdict != "ok":
        raise click.ClickException(damaged(path, f"its integrity check failed: {verdict}"))
    with store_errors(path):
        knowledge.current()  # build the index before the first question arrives
    try:
        bot = serve_when_slack_answers(settings, knowledge, mode)  # with the weekly posts' scheduler
    except SlackUnreachable as error:
        raise click.ClickException(str(error)) from None
    if mode is Mode.HTTP:
        serve_http(bot, host or settings.host, port or settings.port, settings.log_level)
    else:
        threading.Event().wait()  # Socket Mode runs in its own threads


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Replace PATH if it exists.")
@click.pass_context
def backup(context: click.Context, path: Path, force: bool) -> None:
    """Copy the store to PATH, safely while the bot runs and writes (SQLite's online backup)."""
    from knowledge.store.backup import BackupError, backup_store

    try:
        made = backup_store(_served_store(context), path, force=force)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Backed up {made.source} to {made.path} ({made.size:,} bytes)")


@main.command()
@click.option(
    "--out",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The folder to write the CSV files in (made if missing).",
)
@click.option("--force", is_flag=True, help="Replace the files if they are there.")
@click.pass_context
def export(context: click.Context, folder: Path, force: bool) -> None:
    """Write every figure and status with its history, and the audit log, as CSV files."""
    from knowledge.services.export import ExportError, export_csv
    from knowledge.store import Store

    path = _served_store(context)
    if not path.is_file():
        raise click.ClickException(f"there is no store at {path}")
    store = Store(path)
    try:
        written = export_csv(store, folder, force=force)
    except ExportError as error:
        raise click.ClickException(str(error)) from None
    finally:
        store.close()
    for exported in written:
        click.echo(f"{exported.path}: {exported.rows} {exported.what}")


PROGRESS_CELLS = 5000
"""A file of more cells than this shows a progress bar while it is read (on a terminal)."""


class ProgressBar:
    """click's progress bar on stderr, for a large file, only when stderr is a terminal."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.bar = None
        self.shown = 0

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if total <= PROGRESS_CELLS or not self.stream.isatty():
                return
            self.bar = click.progressbar(length=total, label="Reading", file=self.stream)
            self.bar.__enter__()
        self.bar.update(done - self.shown)
        self.shown = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


@main.group(name="import", invoke_without_command=True)
@click.option("--undo", "batch", type=int, metavar="BATCH", help="Take back a whole import batch.")
@click.pass_context
def import_data(context: click.Context, batch: int | None) -> None:
    """Import police data into the store (`import mps FILE.csv`), or take a batch back (--undo)."""
    if batch is None:
        if context.invoked_subcommand is None:
            click.echo(context.get_help())
        return
    if context.invoked_subcommand is not None:
        raise click.UsageError("--undo takes a batch back on its own: leave out the subcommand")
    from knowledge.render.imports import undone_text
    from knowledge.services.import_undo import ImportUndoError, undo_batch

    knowledge = _open_knowledge(_served_store(context))
    try:
        undone = undo_batch(knowledge.store, batch, _cli_actor(), datetime.now(UTC))
    except ImportUndoError as error:
        raise click.ClickException(str(error)) from None
    click.echo(undone_text(undone))


def _cli_actor() -> str:
    import getpass

    return f"cli:{getpass.getuser()}"


@import_data.command(name="mps")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--borough", help="The borough to import (default: the one in data/police_categories.yaml).")
@click.option("--dry-run", is_flag=True, help="Print what would change, and write nothing.")
@click.pass_context
def import_mps(context: click.Context, file: Path, borough: str | None, dry_run: bool) -> None:
    """Import FILE, the Met's "MPS Borough Level Crime" CSV, as monthly figures in one batch."""
    from knowledge.imports.mps_csv import ImportFileError
    from knowledge.render.imports import as_text, plan_summary, result_summary
    from knowledge.services.imports import Imports

    knowledge = _open_knowledge(_served_store(context))
    imports = Imports(knowledge.store)
    progress = ProgressBar()
    started = time.perf_counter()
    try:
        if dry_run:
            plan = imports.plan(file.read_bytes(), file.name, borough, progress)
        else:
            result = imports.apply(
                file.read_bytes(), file.name, _cli_actor(), datetime.now(UTC), borough, progress
            )
            plan = result.plan
    except ImportFileError as error:
        raise click.ClickException(f"{file.name} was not imported, nothing was written: {error}") from None
    except DataFileError as error:
        raise click.ClickException(f"the data files have a problem:\n{error}") from None
    finally:
        progress.close()
    seconds = time.perf_counter() - started
    if dry_run:
        click.echo("Dry run: nothing was written.\n" + as_text(plan_summary(plan)))
    else:
        click.echo(as_text(result_summary(result, "Undo it with `csp-bot import --undo {batch}`.")))
    click.echo(
        f"{plan.rows_read:,} rows in {seconds:.2f} s: {plan.rows_read / max(seconds, 1e-9):,.0f} rows/s"
    )


def _add_weekly_commands() -> None:
    from bot.cli_check import check
    from bot.cli_eval import evaluate
    from bot.cli_store import COMMANDS as STORE_COMMANDS
    from bot.cli_weekly import COMMANDS

    for command in (check, evaluate, *COMMANDS, *STORE_COMMANDS):
        main.add_command(command)


_add_weekly_commands()

if __name__ == "__main__":
    main()
