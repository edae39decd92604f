"""The real Bolt app behind its ASGI adapter on 127.0.0.1, and Slack-shaped signed requests."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from itertools import count
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

from bot.app import Bot, build_bot
from bot.server import EVENTS_PATH, http_server
from bot.settings import Mode, Settings
from knowledge.answering import Knowledge
from tests.fake_slack import BOT_TOKEN, HOME_TEAM, FakeSlack

SIGNING_SECRET = "test-signing-secret-0123456789"
ADMIN = "UBOSS0001"
"""The admin the Slack tests name in CSP_BOT_ADMINS."""
_ids = count(1)
_triggers = count(1)


def text_of(params: dict) -> str:
    """A message's blocks and fallback text as one string, to look for words in."""
    return json.dumps(params.get("blocks"), ensure_ascii=False) + params.get("text", "")


def settings_for(fake: FakeSlack, **overrides) -> Settings:
    values = dict(
        slack_bot_token=BOT_TOKEN,
        slack_app_token="xapp-test-token",
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake.api_url,
        log_level="WARNING",
    )
    values.update(overrides)
    return Settings(_env_file=None, **values)


@dataclass
class Response:
    status: int
    body: str


@dataclass
class RunningApp:
    url: str
    server: object
    thread: threading.Thread
    bot: Bot | None = None

    def post(
        self,
        body: str,
        content_type: str,
        secret: str = SIGNING_SECRET,
        timestamp: int | None = None,
        headers: dict | None = None,
    ) -> Response:
        stamp = str(timestamp if timestamp is not None else int(time.time()))
        signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
        request = urllib.request.Request(
            self.url + EVENTS_PATH,
            data=body.encode(),
            headers={
                "Content-Type": content_type,
                "X-Slack-Request-Timestamp": stamp,
                "X-Slack-Signature": signature,
                **(headers or {}),
            },
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return Response(response.status, response.read().decode())
        except urllib.error.HTTPError as error:
            return Response(error.code, error.read().decode())

    def event(self, event: dict, event_id: str | None = None, **kwargs) -> Response:
        return self.post(json.dumps(event_body(event, event_id)), "application/json", **kwargs)

    def command(self, text: str, response_url: str, user_id: str = "UALICE01", **kwargs) -> Response:
        form = {
            "command": "/csp",
            "text": text,
            "user_id": user_id,
            "team_id": HOME_TEAM,
            "channel_id": "CGENERAL1",
            "response_url": response_url,
            "trigger_id": "1.2.3",
            **kwargs.pop("extra", {}),
        }
        return self.post(urlencode(form), "application/x-www-form-urlencoded", **kwargs)

    def action(self, payload: dict, **kwargs) -> Response:
        return self.post(
            urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded", **kwargs
        )

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def event_body(event: dict, event_id: str | None = None, team_id: str = HOME_TEAM) -> dict:
    return {
        "token": "unused",
        "team_id": team_id,
        "api_app_id": "A0CSP",
        "type": "event_callback",
        "event_id": event_id or f"Ev{next(_ids):08d}",
        "event_time": int(time.time()),
        "event": event,
        "authorizations": [{"team_id": HOME_TEAM, "user_id": "UBOT0001", "is_bot": True}],
    }


def mention(text: str, user: str = "UALICE01", channel: str = "CGENERAL1", **extra) -> dict:
    return {
        "type": "app_mention",
        "user": user,
        "text": text,
        "ts": f"{time.time():.6f}",
        "channel": channel,
        "team": HOME_TEAM,
        **extra,
    }


def direct_message(text: str, user: str = "UALICE01", **extra) -> dict:
    return {
        "type": "message",
        "channel_type": "im",
        "user": user,
        "text": text,
        "ts": f"{time.time():.6f}",
        "channel": "DALICE001",
        "team": HOME_TEAM,
        **extra,
    }


def start_app(settings: Settings, knowledge: Knowledge, **options) -> RunningApp:
    """`options` go to build_bot (e.g. `monotonic=` a clock the test moves on)."""
    bot = build_bot(settings, knowledge, Mode.HTTP, **options)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = http_server(bot, "127.0.0.1", port, "warning")
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the app did not start")
        time.sleep(0.01)
    return RunningApp(f"http://127.0.0.1:{port}", server, thread, bot)


def view_submission(view: dict, values: dict, user: str = "UALICE01", view_id: str = "V0FORM001") -> dict:
    """The payload Slack sends when a modal is submitted: the view as opened, with its id and
    the state of its inputs (`values`: block_id -> {action_id: element state})."""
    return {
        "type": "view_submission",
        "team": {"id": HOME_TEAM, "domain": "csp"},
        "user": {"id": user, "team_id": HOME_TEAM, "name": user.lower()},
        "api_app_id": "A0CSP",
        "token": "unused",
        "trigger_id": f"sub.{next(_ids)}",
        "view": {**view, "id": view_id, "team_id": HOME_TEAM, "hash": "1.abc", "state": {"values": values}},
        "response_urls": [],
        "is_enterprise_install": False,
    }


# Officers' commands and clicks, end to end: a signed request in, the reply read from the fake Slack.


def command(slack, fake, text: str, user: str = ADMIN, trigger: str | None = None) -> dict:
    """Send a signed /csp command with a fresh trigger id (or the one given, as Slack's retry
    of a request would), and return the reply's params."""
    sent = len(fake.posted("response_url"))
    extra = {"trigger_id": trigger or f"trigger-{next(_triggers)}"}
    assert slack.command(text, fake.response_url(), user_id=user, extra=extra).status == 200
    call = fake.wait_for("response_url", count=sent + 1)[-1]
    assert call.params["response_type"] == "ephemeral"
    return call.params


def click(slack, fake, button: dict, user: str = ADMIN, block_id: str = "csp_run_choices") -> dict:
    """Click a button of an ephemeral reply; return what the bot sent to its response_url."""
    sent = len(fake.posted("response_url"))
    payload = {
        "type": "block_actions",
        "team": {"id": HOME_TEAM},
        "user": {"id": user, "team_id": HOME_TEAM},
        "api_app_id": "A0CSP",
        "container": {
            "type": "message",
            "message_ts": "500.1",
            "channel_id": "CGENERAL1",
            "is_ephemeral": True,
        },
        "channel": {"id": "CGENERAL1"},
        "trigger_id": f"click-{next(_triggers)}",
        "response_url": fake.response_url("click"),
        "actions": [{**button, "block_id": block_id, "action_ts": "1"}],
    }
    assert slack.action(payload).status == 200
    return fake.wait_for("response_url", count=sent + 1)[-1].params


def mention_reply(slack, fake, text: str) -> str:
    sent = len(fake.posted("chat.postMessage"))
    slack.event(mention(f"<@UBOT0001> {text}"))
    return text_of(fake.wait_for("chat.postMessage", count=sent + 1)[-1].params)


def knife_figures(knowledge) -> list[tuple[str, float]]:
    ctx, _ = knowledge.current()
    return [(f.period.code, f.value) for f in ctx.catalogue.figures["knife-crime"]]
