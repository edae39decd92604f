"""`csp-bot check`: are the settings read, and does Slack answer to the bot token? One line each.
Kept apart from `cli`, and importing Slack's libraries only when run, so other commands start
as fast as before."""

from __future__ import annotations

import click

from knowledge.store import default_db_path


@click.command()
def check() -> None:
    """Check the settings and that Slack answers to the bot token: one line each."""
    from bot.reach import SlackUnreachable, check_slack
    from bot.settings import SettingsError, env_files_said, load_settings

    try:
        settings = load_settings()
    except SettingsError as error:
        raise click.ClickException(str(error)) from None
    if settings.slack_bot_token is None:
        raise click.ClickException(
            f"SLACK_BOT_TOKEN is not set: set it in the environment or in {env_files_said()}"
        )
    click.echo(f"Settings read; the store is {settings.csp_bot_db or default_db_path()}")
    try:
        click.echo(check_slack(settings))
    except SlackUnreachable as error:
        raise click.ClickException(str(error)) from None
