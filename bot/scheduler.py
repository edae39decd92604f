"""The scheduler inside `csp-bot serve`: APScheduler's BackgroundScheduler, in London time.

It only says when; `bot.jobs` says what, and the store makes each post happen at most once,
so two `serve` processes (the Procfile's web and worker) may both run it. A check every few
minutes (and one at start-up) posts what was missed or failed. APScheduler is imported here
only, when `serve` starts.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.jobs import Jobs, safely
from bot.settings import Settings
from handlers.poster import SlackPoster, posting_client
from knowledge.answering import Knowledge
from knowledge.domain.schedule import LONDON, WeeklySlot
from knowledge.domain.taskings import load_commitments
from knowledge.services.roles import Roles
from knowledge.services.weekly import Plan, Weekly

if TYPE_CHECKING:
    from apscheduler.schedulers.background import BackgroundScheduler

CHECK_MINUTES = 10


def plan_from(settings: Settings) -> Plan:
    return Plan(
        digest=WeeklySlot(weekday=settings.csp_digest_day, at=settings.csp_digest_time),
        tasking=WeeklySlot(weekday=settings.csp_tasking_day, at=settings.csp_tasking_time),
        reminders_at=settings.csp_reminder_time,
        digest_channels=settings.csp_digest_channels,
        tasking_channels=settings.csp_tasking_channels,
    )


def make_weekly(settings: Settings, knowledge: Knowledge, roles: Roles | None = None) -> Weekly:
    roles = roles or Roles(knowledge.store, settings.csp_bot_admins)
    return Weekly(knowledge.store, roles, plan_from(settings), load_commitments(knowledge.store.data_dir))


def make_jobs(
    settings: Settings,
    knowledge: Knowledge,
    roles: Roles | None = None,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Jobs:
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    poster = SlackPoster(posting_client(token, settings.slack_api_url))
    return Jobs(knowledge, poster, make_weekly(settings, knowledge, roles), clock)


def _weekly(slot: WeeklySlot):
    from apscheduler.triggers.cron import CronTrigger

    day = slot.weekday.name[:3].lower()
    return CronTrigger(day_of_week=day, hour=slot.at.hour, minute=slot.at.minute, timezone=LONDON)


def build_scheduler(jobs: Jobs, *, check_now: bool = True) -> BackgroundScheduler:
    """The jobs on their triggers, not yet started."""
    from apscheduler.schedulers.background import BackgroundScheduler
    from apscheduler.triggers.cron import CronTrigger
    from apscheduler.triggers.interval import IntervalTrigger

    scheduler = BackgroundScheduler(
        timezone=LONDON, job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 3600}
    )
    plan = jobs.plan
    scheduler.add_job(safely(jobs.digest_due), _weekly(plan.digest), id="digest", name="weekly digest")
    scheduler.add_job(safely(jobs.tasking_due), _weekly(plan.tasking), id="tasking", name="tasking summary")
    reminders = CronTrigger(hour=plan.reminders_at.hour, minute=plan.reminders_at.minute, timezone=LONDON)
    scheduler.add_job(safely(jobs.reminders_due), reminders, id="reminders", name="review reminders")
    at_start = {"next_run_time": datetime.now(LONDON)} if check_now else {}  # None would pause it
    scheduler.add_job(
        safely(jobs.catch_up),
        IntervalTrigger(minutes=CHECK_MINUTES, timezone=LONDON),
        id="catch-up",
        name="missed or failed posts",
        **at_start,
    )
    return scheduler


def start_scheduler(jobs: Jobs) -> BackgroundScheduler:
    jobs.watch()
    scheduler = build_scheduler(jobs)
    scheduler.start()
    return scheduler
