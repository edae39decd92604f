"""Settings from the environment and `.env` files. Tokens are SecretStr: they never print or log.

The `.env` files read, later ones winning: `.env` in the working directory, then the file
`CSP_BOT_ENV_FILE` names. A variable set in the environment wins over both.
"""

from __future__ import annotations

import os
import re
from datetime import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from knowledge.domain.schedule import Weekday

SLACK_API = "https://slack.com/api/"
_TEAM_ID = re.compile(r"^[TE][A-Z0-9]{2,}$")
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
_USERGROUP_ID = re.compile(r"^S[A-Z0-9]{2,}$")
_CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]{2,}$")
_CHANNEL = _CHANNEL_ID


ENV_FILE = ".env"
ENV_FILE_VARIABLE = "CSP_BOT_ENV_FILE"


class Mode(StrEnum):
    SOCKET = "socket"
    HTTP = "http"


class SettingsError(ValueError):
    """A setting that is missing or malformed; the message names the variable."""


def _id_set(value: object) -> frozenset[str]:
    """Ids from a comma-separated setting ("T1,T2") or a list."""
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    return frozenset(value or ())


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    slack_bot_token: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_api_url: str = SLACK_API
    csp_bot_db: Path | None = None
    csp_allowed_team_ids: Annotated[frozenset[str], NoDecode] = frozenset()
    """Teams whose people may ask from a shared channel, besides the installing team."""
    csp_bot_admins: Annotated[frozenset[str], NoDecode] = frozenset()
    """Slack user ids who are admins whatever the store says: they grant the first roles."""
    csp_officer_usergroup: str | None = None
    """A Slack user group (S…) whose members are officers, besides the roles in the store."""
    csp_updates_channel: str | None = None
    """A channel id: a public line goes there after each figure an officer records."""
    csp_digest_channels: Annotated[frozenset[str], NoDecode] = frozenset()
    """Channels the weekly digest goes to, besides those an admin adds with `/csp digest here`."""
    csp_digest_day: Weekday = Weekday.MONDAY
    csp_digest_time: time = time(8, 0)
    """When the digest goes out, London time (GMT or BST as the clocks say)."""
    csp_tasking_channels: Annotated[frozenset[str], NoDecode] = frozenset()
    """The private channels the PTF tasking summary goes to; it is refused everywhere else."""
    csp_tasking_day: Weekday = Weekday.MONDAY
    csp_tasking_time: time = time(8, 30)
    csp_reminder_time: time = time(9, 0)
    """When owners are reminded, the day before a tasking's review."""
    host: str = "0.0.0.0"
    port: int = Field(default=3000, ge=1, le=65535)
    log_level: str = "INFO"
    csp_workers: int = Field(default=8, ge=1, le=64)
    """Threads that work out and deliver answers once Slack has been acknowledged."""
    csp_waiting_room: int = Field(default=100, ge=0, le=10_000)
    """Answers that may wait for a worker; past that, people are told the bot is busy."""
    csp_claim_wait: float = Field(default=1.0, ge=0, le=30)
    """Seconds an event's claim waits for another writer of the store before answering unrecorded."""
    csp_retry_seconds: float = Field(default=0.5, gt=0, le=60)
    """The first wait before Slack is asked again after it failed or did not answer; later waits
    grow from it (a 429 waits its Retry-After)."""
    csp_max_body_bytes: int = Field(default=1_000_000, ge=10_000, le=100_000_000)
    """A request to /slack/events larger than this is refused (413) before it is read."""

    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xoxb-"):
            raise ValueError("a bot token starts with xoxb-")
        return value

    @field_validator("slack_app_token")
    @classmethod
    def _app_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xapp-"):
            raise ValueError("an app-level token starts with xapp-")
        return value

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        if not re.match(r"^https?://[^/\s]+", value):
            raise ValueError("must be an http(s) URL such as https://slack.com/api/")
        return value if value.endswith("/") else value + "/"

    @field_validator("csp_allowed_team_ids", mode="before")
    @classmethod
    def _team_ids(cls, value: object) -> frozenset[str]:
        ids = _id_set(value)
        bad = sorted(i for i in ids if not _TEAM_ID.match(i))
        if bad:
            raise ValueError(f"not Slack team ids: {', '.join(bad)} (they look like T0123ABCD)")
        return ids

    @field_validator("csp_bot_admins", mode="before")
    @classmethod
    def _admins(cls, value: object) -> frozenset[str]:
        ids = _id_set(value)
        bad = sorted(i for i in ids if not _USER_ID.match(i))
        if bad:
            raise ValueError(f"not Slack user ids: {', '.join(bad)} (they look like U0123ABCD)")
        return ids

    @field_validator("csp_officer_usergroup", mode="before")
    @classmethod
    def _usergroup(cls, value: object) -> str | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if not isinstance(value, str) or not _USERGROUP_ID.match(value.strip()):
            raise ValueError(f"not a Slack user group id: {value} (it looks like S0123ABCD)")
        return value.strip()

    @field_validator("csp_updates_channel", mode="before")
    @classmethod
    def _updates_channel(cls, value: object) -> str | None:
        channel = str(value).strip() if value is not None else ""
        if channel and not _CHANNEL_ID.match(channel):
            raise ValueError(
                f"“{channel}” is not a channel id (one looks like C0123ABCD; the channel's details show it)"
            )
        return channel or None
    @field_validator("csp_digest_channels", "csp_tasking_channels", mode="before")
    @classmethod
    def _channels(cls, value: object) -> frozenset[str]:
        ids = _id_set(value)
        bad = sorted(i for i in ids if not _CHANNEL.match(i))
        if bad:
            raise ValueError(f"not Slack channel ids: {', '.join(bad)} (they look like C0123ABCD)")
        return ids

    @field_validator("csp_digest_day", "csp_tasking_day", mode="before")
    @classmethod
    def _weekday(cls, value: object) -> Weekday:
        return value if isinstance(value, Weekday) else Weekday.named(str(value))

    def require(self, mode: Mode) -> None:
        """Stop with the names of the variables a mode needs and does not have."""
        needed = {"SLACK_BOT_TOKEN": self.slack_bot_token}
        if mode is Mode.SOCKET:
            needed["SLACK_APP_TOKEN"] = self.slack_app_token
        else:
            needed["SLACK_SIGNING_SECRET"] = self.slack_signing_secret
        missing = [name for name, value in needed.items() if value is None or not value.get_secret_value()]
        if missing:
            how = "Socket Mode" if mode is Mode.SOCKET else "HTTP mode"
            them = "them" if len(missing) > 1 else "it"
            raise SettingsError(
                f"{how} needs {' and '.join(missing)}: set {them} in the environment or in {env_files_said()}"
            )


class StoreSetting(BaseSettings):
    """Only where the store is, from the environment or `.env` as the bot reads it: for commands
    that need no Slack (backup, export), so a Slack setting they do not use cannot stop them."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    csp_bot_db: Path | None = None


def env_files() -> tuple[Path, ...]:
    """The `.env` files to read, later ones winning: `./.env`, then `$CSP_BOT_ENV_FILE`. A
    file `CSP_BOT_ENV_FILE` names that is not there is an error: settings silently missing
    are worse."""
    named = os.environ.get(ENV_FILE_VARIABLE, "").strip()
    if not named:
        return (Path(ENV_FILE),)
    path = Path(named).expanduser()
    if not path.is_file():
        raise SettingsError(f"{ENV_FILE_VARIABLE} names {path}, which is not a file")
    return (Path(ENV_FILE), path)


def env_files_said() -> str:
    named = os.environ.get(ENV_FILE_VARIABLE, "").strip()
    return f"{ENV_FILE} or {named}" if named else f"{ENV_FILE} (or a file named by {ENV_FILE_VARIABLE})"


def store_setting() -> StoreSetting:
    """Where the store is, from the environment or the `.env` files."""
    return StoreSetting(_env_file=env_files())


def load_settings(**overrides) -> Settings:
    """Read the settings; a malformed one raises SettingsError naming its variable."""
    if "_env_file" not in overrides:
        overrides["_env_file"] = env_files()
    try:
        return Settings(**overrides)
    except ValidationError as error:
        problems = [
            f"{'_'.join(str(p) for p in e['loc']).upper()}: {e['msg'].removeprefix('Value error, ')}"
            for e in error.errors()
        ]
        raise SettingsError("bad setting(s): " + "; ".join(problems)) from None
