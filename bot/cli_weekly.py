"""`csp-bot digest`, `tasking`, `demo-taskings`, `access-log` and `schedule`: the weekly jobs
as one-shot commands (for cron, or to look before they run)."""

from __future__ import annotations

import getpass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from knowledge.services.posting import Result


def _now() -> datetime:
    return datetime.now(UTC)


def _knowledge(context: click.Context):
    from bot.cli import _open_knowledge, _served_store

    return _open_knowledge(_served_store(context))


def _jobs(context: click.Context, knowledge):
    from bot.scheduler import make_jobs
    from bot.settings import SettingsError, load_settings

    try:
        settings = load_settings()
    except SettingsError as error:
        raise click.ClickException(str(error)) from None
    if settings.slack_bot_token is None:
        raise click.ClickException("posting needs SLACK_BOT_TOKEN: set it in the environment or .env")
    return make_jobs(settings, knowledge, clock=_now)


def _report(results: list[Result], what: str) -> None:
    if not results:
        click.echo(f"No channel is set for the {what}: nothing posted.")
    for result in results:
        when = f" (ts {result.ts})" if result.ts else ""
        click.echo(f"{result.key.channel}, week {result.key.week}: {result.outcome.value}{when}")
    from knowledge.services.posting import Outcome  # the posting machinery only when posting

    failed = [r for r in results if r.outcome in (Outcome.FAILED, Outcome.UNKNOWN, Outcome.UNVERIFIED)]
    if failed:
        raise click.ClickException(f"{len(failed)} post(s) did not go out; see above")


def _one_of(preview: bool, post: bool) -> None:
    if preview == post:
        raise click.UsageError("say --preview (print it) or --post (post it now, once this week)")


@click.command()
@click.option("--preview", is_flag=True, help="Print the digest as it would be posted now.")
@click.option("--post", is_flag=True, help="Post it now to its channels, unless already posted this week.")
@click.pass_context
def digest(context: click.Context, preview: bool, post: bool) -> None:
    """The weekly digest: what changed since the last one."""
    from knowledge.render.digest import render_digest
    from knowledge.services.digest import build_digest, digest_since

    _one_of(preview, post)
    knowledge = _knowledge(context)
    if preview:
        now = _now()
        click.echo(render_digest(build_digest(knowledge, digest_since(knowledge, None, now), now)))
        return
    _report(_jobs(context, knowledge).post_now("digest"), "digest (CSP_DIGEST_CHANNELS)")


@click.command()
@click.option("--preview", is_flag=True, help="Print the PTF tasking summary (written to the access log).")
@click.option(
    "--post", is_flag=True, help="Post it now to CSP_TASKING_CHANNELS, unless already posted this week."
)
@click.pass_context
def tasking(context: click.Context, preview: bool, post: bool) -> None:
    """The PTF tasking summary: police intelligence, shown here and in the private tasking channels only."""
    from knowledge.domain.taskings import load_commitments
    from knowledge.render.taskings import render_summary
    from knowledge.services.tasking_summary import CLI, TaskingDesk

    _one_of(preview, post)
    knowledge = _knowledge(context)
    if preview:
        store = knowledge.store
        desk = TaskingDesk(store, frozenset(), load_commitments(store.data_dir))
        summary = desk.summary(getpass.getuser(), CLI, _now(), "csp-bot tasking --preview")
        click.echo(render_summary(summary))
        return
    jobs = _jobs(context, knowledge)
    _report(jobs.post_now("tasking", f"cli:{getpass.getuser()}"), "tasking summary (CSP_TASKING_CHANNELS)")


@click.command(name="demo-taskings")
@click.pass_context
def demo_taskings(context: click.Context) -> None:
    """Load clearly marked example taskings (EXAMPLE-001…), to try the tasking summary."""
    from knowledge.services.demo_taskings import load_demo_taskings

    knowledge = _knowledge(context)
    added = load_demo_taskings(knowledge.store, _now())
    if added:
        click.echo(
            f"Loaded {added} example taskings (EXAMPLE-001 to EXAMPLE-{added:03d}); "
            "each is marked as an example."
        )
    else:
        click.echo("The example taskings are already loaded.")


@click.command(name="access-log")
@click.option("--last", type=int, default=None, help="Only the latest N entries.")
@click.pass_context
def access_log(context: click.Context, last: int | None) -> None:
    """Who saw tasking details, or was refused them, when and where."""
    knowledge = _knowledge(context)
    entries = knowledge.store.access.entries(last)
    if not entries:
        click.echo("Nobody has seen or asked for tasking details yet.")
    for entry in entries:
        detail = f" ({entry.detail})" if entry.detail else ""
        click.echo(f"{entry.at}  {entry.actor}  {entry.place}  {entry.what}: {entry.outcome}{detail}")


@click.command()
@click.pass_context
def schedule(context: click.Context) -> None:
    """What runs next, and where (London time)."""
    from bot.scheduler import make_jobs
    from bot.settings import SettingsError, load_settings
    from knowledge.domain.schedule import when_label

    try:
        settings = load_settings()
    except SettingsError as error:
        raise click.ClickException(str(error)) from None
    jobs = make_jobs(settings, _knowledge(context), clock=_now)
    for run in jobs.next_runs():
        where = ", ".join(run.where) or "no channel set"
        last = f"; last posted {run.last}" if run.last else ""
        click.echo(f"{when_label(run.when)}  {run.what} → {where}{last}")
    click.echo(f"(checked every few minutes for a missed post; a post is late after {_late()})")


def _late() -> str:
    from bot.jobs import LATE_AFTER

    return f"{LATE_AFTER // timedelta(minutes=1)} minutes"


COMMANDS = (digest, tasking, demo_taskings, access_log, schedule)
