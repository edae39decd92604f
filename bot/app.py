"""The Bolt app, made by a factory: nothing is built at import time."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from slack_bolt import App
from slack_sdk import WebClient

import handlers
from bot.scheduler import make_weekly
from bot.settings import Mode, Settings
from handlers.access import StrangerPolicy
from handlers.delivery import retry_handlers
from handlers.replies import Services
from handlers.usergroup import OfficerGroup
from knowledge.answering import Knowledge
from knowledge.services.roles import Roles


def web_client(settings: Settings) -> WebClient:
    """The Web API client: Slack's address from the settings; retries on 429 after Retry-After,
    and with back-off on a server error or a dropped connection."""
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    return WebClient(token=token, base_url=settings.slack_api_url, retry_handlers=retry_handlers())


def create_app(
    settings: Settings,
    knowledge: Knowledge,
    mode: Mode,
    *,
    monotonic: Callable[[], float] = time.monotonic,
) -> App:
    """`monotonic` times how long what Slack said about people is kept (tests pass their own)."""
    settings.require(mode)
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    signing_secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else ""
    app = App(
        client=web_client(settings),
        signing_secret=signing_secret,
        # Socket Mode requests come over the app's own authenticated socket, unsigned.
        request_verification_enabled=mode is Mode.HTTP,
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
    handlers.register(app, services)
    return app
