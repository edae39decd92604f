"""The Bolt app, made by a factory: nothing is built at import time.

`build_bot` gives the app with what serving it needs besides (the health check, the work
queue); `create_app` gives the app alone.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from enum import StrEnum
from functools import partial

from pydantic import BaseModel
from slack_bolt import App
from slack_sdk import WebClient

import handlers
from bot.logs import configure_logging
from bot.scheduler import make_weekly
from bot.settings import Mode, Settings
from handlers.access import StrangerPolicy
from handlers.delivery import retry_handlers
from handlers.queued import Work, resume_event
from handlers.replies import Services
from handlers.usergroup import OfficerGroup
from handlers.work_queue import QueueStats
from knowledge.answering import Knowledge
from knowledge.services.roles import Roles
from knowledge.store.health import StoreState

ACK_THREADS = 16
"""Bolt's own threads, which only acknowledge and queue (and run modal submissions)."""


class Status(StrEnum):
    OK = "ok"
    DEGRADED = "degraded"
    """Answering, but something is wrong (the store cannot be written)."""
    FAILING = "failing"
    """Not answering questions (the store is gone)."""


class StoreHealthReport(BaseModel):
    state: StoreState
    reason: str | None = None
    last_write: str | None = None


class Health(BaseModel):
    status: Status
    store: StoreHealthReport
    work: QueueStats


def web_client(settings: Settings) -> WebClient:
    """The Web API client: Slack's address from the settings; retries on 429 after Retry-After,
    and with back-off on a server error or a dropped connection."""
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    return WebClient(
        token=token,
        base_url=settings.slack_api_url,
        retry_handlers=retry_handlers(settings.csp_retry_seconds),
    )


@dataclass
class Bot:
    app: App
    services: Services
    work: Work
    settings: Settings

    def health(self) -> Health:
        """What GET /health shows: no path, token or request in it."""
        store = self.services.knowledge.store.health.status()
        status = {StoreState.OK: Status.OK, StoreState.UNWRITABLE: Status.DEGRADED}.get(
            store.state, Status.FAILING
        )
        return Health(
            status=status,
            store=StoreHealthReport(state=store.state, reason=store.reason, last_write=store.last_write),
            work=self.work.queue.stats(),
        )


def build_bot(
    settings: Settings,
    knowledge: Knowledge,
    mode: Mode,
    *,
    monotonic: Callable[[], float] = time.monotonic,
) -> Bot:
    """`monotonic` times how long what Slack said about people is kept (tests pass their own).
    Asks Slack who the bot is (auth.test): raises if Slack cannot be reached."""
    settings.require(mode)
    configure_logging(settings.log_level)
    signing_secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else ""
    app = App(
        client=web_client(settings),
        signing_secret=signing_secret,
        # Socket Mode requests come over the app's own authenticated socket, unsigned.
        request_verification_enabled=mode is Mode.HTTP,
        listener_executor=ThreadPoolExecutor(max_workers=ACK_THREADS, thread_name_prefix="csp-ack"),
    )
    group = settings.csp_officer_usergroup
    services = Services(
        knowledge=knowledge,
        strangers=StrangerPolicy(settings.csp_allowed_team_ids, clock=monotonic),
        roles=Roles(
            knowledge.store,
            settings.csp_bot_admins,
            is_group_member=OfficerGroup(app.client, group, clock=monotonic) if group else None,
        ),
        officer_group=group,
        updates_channel=settings.csp_updates_channel,
    )
    services.weekly = make_weekly(settings, knowledge, services.roles)
    work = Work.standard(
        knowledge.store,
        workers=settings.csp_workers,
        waiting_room=settings.csp_waiting_room,
        retry_seconds=settings.csp_retry_seconds,
        claim_wait=settings.csp_claim_wait,
    )
    handlers.register(app, services, work)
    work.claimer.recover(partial(resume_event, app))
    return Bot(app, services, work, settings)


def create_app(
    settings: Settings,
    knowledge: Knowledge,
    mode: Mode,
    *,
    monotonic: Callable[[], float] = time.monotonic,
) -> App:
    return build_bot(settings, knowledge, mode, monotonic=monotonic).app
