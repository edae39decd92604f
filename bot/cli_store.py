"""`csp-bot doctor` and `csp-bot restore`: the store's state, and bringing back a backup."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import click


def _store(context: click.Context) -> Path:
    """The store `serve` uses, as `backup` finds it, but not refused for what is wrong with it:
    saying what is wrong, or replacing it, is what these commands are for."""
    from bot.settings import SettingsError, store_setting
    from knowledge.store import default_db_path

    try:
        return context.obj["db"] or store_setting().csp_bot_db or default_db_path()
    except SettingsError as error:
        raise click.ClickException(str(error)) from None


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@click.pass_context
def doctor(context: click.Context, as_json: bool) -> None:
    """Report the store's state: path, size, schema steps, integrity, revision, last write,
    whether it can be written; exit 1 if something is wrong. (`csp-bot check` asks Slack.)"""
    from bot.doctor import store_lines
    from knowledge.store.checkup import examine

    report = examine(_store(context))
    if as_json:
        click.echo(json.dumps({**report.model_dump(), "problems": report.problems}))
    else:
        for line in store_lines(report):
            click.echo(line)
        click.echo("Problems:     " + "; ".join(report.problems) if report.problems else "All is well.")
    if report.problems:
        sys.exit(1)


@click.command()
@click.argument("backup_path", metavar="BACKUP", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def restore(context: click.Context, backup_path: Path) -> None:
    """Bring back BACKUP (made by `csp-bot backup`) as the store, after checking it; the current
    store is kept beside it."""
    from knowledge.store.restore import RestoreError, restore_store

    try:
        done = restore_store(backup_path, _store(context), datetime.now(UTC))
    except RestoreError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Restored {done.path} from {done.backup} (revision {done.revision}).")
    if done.kept_aside:
        click.echo(f"The store it replaced is kept at {done.kept_aside}.")
    if not done.in_place:
        click.echo("If the bot is running, restart it: it was serving the file this replaced.")


COMMANDS = [doctor, restore]
