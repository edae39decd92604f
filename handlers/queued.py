"""Listeners that answer after the ack: Slack is acknowledged at once, and the answer is worked
out and delivered on the work queue.

`QueuedListeners` registers listeners with Bolt as the app does (`.command`, `.event`,
`.action`), each wrapped so that Bolt's thread only acknowledges and queues: it never waits for
a Web API call, for the store, or for a free worker. The listener itself runs later, as
written, with its `ack` already done and a `respond` that retries (`delivery.Responder`).

When the queue is full the person is told "I'm busy, try again in a moment": a slash command in
its acknowledgement, a button or a message through a small queue of its own. On the worker, an
event is first claimed (`middleware.EventClaimer`), so it is answered once; a reply Slack would
not take is tried again with back-off, a bounded number of times; a store that is gone, or a
failure of the bot's own, is answered with an apology rather than silence.
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial
from typing import Any

from slack_bolt import App, BoltRequest
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.handler import RetryHandler

from handlers.delivery import DeliveryFailed, Responder, describe, is_transient, retry_handlers
from handlers.events.messages import from_a_bot
from handlers.middleware import EventClaimer, Verdict
from handlers.replies import BUSY, FAILED, STORE_UNAVAILABLE, notice
from handlers.work_queue import WorkQueue
from knowledge.store import Store
from knowledge.store.claims import Claim
from knowledge.store.health import StoreUnavailable

RESUMED = "csp_resumed"
"""Context key of an event re-delivered at start-up (a `Resumption`)."""

RESUME_WAIT_SECONDS = 5
NOTICE_WORKERS, NOTICE_WAITING_ROOM = 2, 64
Listener = Callable[..., Any]


class Kind(StrEnum):
    COMMAND = "command"
    EVENT = "event"
    ACTION = "action"


def timer(delay: float, run: Callable[[], object]) -> None:
    later = threading.Timer(delay, run)
    later.daemon = True
    later.start()


@dataclass
class Work:
    """What queued listeners share, made once by the app factory."""

    queue: WorkQueue
    notices: WorkQueue
    """A small queue of its own for "busy" notices, so they are not refused with the answers."""
    claimer: EventClaimer
    responder_retries: Callable[[], list[RetryHandler]]
    retry_delay: float = 2.0
    """The wait before an event's answer is tried again; doubled each time."""
    schedule: Callable[[float, Callable[[], object]], None] = timer
    logger: logging.Logger = field(default_factory=lambda: logging.getLogger(__name__))

    @classmethod
    def standard(
        cls,
        store: Store,
        workers: int = 8,
        waiting_room: int = 100,
        retry_seconds: float = 0.5,
        claim_wait: float = 1.0,
    ) -> Work:
        return cls(
            queue=WorkQueue(workers, waiting_room, "answers"),
            notices=WorkQueue(NOTICE_WORKERS, NOTICE_WAITING_ROOM, "notices"),
            claimer=EventClaimer(store, wait=claim_wait),
            responder_retries=partial(retry_handlers, retry_seconds),
            retry_delay=retry_seconds * 4,
        )


@dataclass
class Resumption:
    """An event whose claim this process took over at start-up, re-delivered."""

    attempts: int
    """Attempts its claim has had."""
    queued: bool = False
    decided: threading.Event = field(default_factory=threading.Event)


@dataclass
class Job:
    what: str
    """What it answers, for the log: never the text, a token or a response_url."""
    run: Callable[[], object]
    tell: Callable[..., object] | None
    """Says something to the person who asked, where they asked; None when there is no one."""
    event_id: str | None = None
    envelope: dict | None = None
    attempt: int = 1
    claimed: bool = False


def _acknowledged(*args: Any, **kwargs: Any) -> None:
    """The listener's own `ack()`: already done before it was queued."""


class QueuedListeners:
    """Bolt's registration methods, for listeners that must answer after the ack."""

    def __init__(self, app: App, work: Work) -> None:
        self.app = app
        self.work = work

    def command(self, command: str) -> Callable[[Listener], Listener]:
        return self._registered(self.app.command(command), Kind.COMMAND)

    def event(self, event: str | dict) -> Callable[[Listener], Listener]:
        return self._registered(self.app.event(event), Kind.EVENT)

    def action(self, constraints: Any) -> Callable[[Listener], Listener]:
        return self._registered(self.app.action(constraints), Kind.ACTION)

    def _registered(
        self, register: Callable[[Listener], object], kind: Kind
    ) -> Callable[[Listener], Listener]:
        def wrap(listener: Listener) -> Listener:
            register(self._queued(listener, kind))
            return listener

        return wrap

    def _queued(self, listener: Listener, kind: Kind) -> Listener:
        wanted = tuple(inspect.signature(listener).parameters)
        work = self.work

        def acknowledge_and_queue(ack, body, context, client, respond, say, logger, event, command, action):
            given = {
                "ack": _acknowledged,
                "body": body,
                "context": context,
                "client": client,
                "respond": Responder(getattr(respond, "response_url", None), work.responder_retries()),
                "say": say,
                "logger": logger,
                "event": event,
                "command": command,
                "action": action,
            }
            job = _job(kind, listener, {name: given[name] for name in wanted}, given, context)
            queued = work.queue.submit(partial(perform, work, job))
            resumed = context.get(RESUMED)
            if isinstance(resumed, Resumption):
                resumed.queued = queued
                resumed.decided.set()
            if queued:
                ack()
                return
            if kind is Kind.COMMAND:
                ack(text=BUSY, response_type="ephemeral")
                return
            ack()
            if job.tell is not None:
                work.notices.submit(partial(_tell, work, job, notice(BUSY)))

        acknowledge_and_queue.__name__ = f"queued_{getattr(listener, '__name__', 'listener')}"
        return acknowledge_and_queue


def _job(kind: Kind, listener: Listener, arguments: dict, given: dict, context: Any) -> Job:
    body = given["body"] or {}
    if kind is Kind.COMMAND:
        return Job(
            f"{body.get('command', 'a command')} command", partial(listener, **arguments), _responding(given)
        )
    if kind is Kind.ACTION:
        action_id = (given["action"] or {}).get("action_id", "?")
        return Job(f"button {action_id}", partial(listener, **arguments), _responding(given))
    event = given["event"] or {}
    event_id = body.get("event_id") if body.get("type") == "event_callback" else None
    resumed = context.get(RESUMED)
    return Job(
        f"{event.get('type', 'an')} event {event_id or ''}".strip(),
        partial(listener, **arguments),
        _telling_the_author(event, given["client"]),
        event_id=event_id,
        envelope=body,
        attempt=resumed.attempts + 1 if isinstance(resumed, Resumption) else 1,
        claimed=isinstance(resumed, Resumption),
    )


def _responding(given: dict) -> Callable[..., object] | None:
    respond: Responder = given["respond"]
    if not respond.response_url:
        return None
    return partial(respond, response_type="ephemeral", replace_original=False)


def _telling_the_author(event: dict, client: Any) -> Callable[..., object] | None:
    """Privately, to whoever wrote a mention or a direct message; nobody for other events."""
    channel, user = event.get("channel"), event.get("user")
    if event.get("type") not in ("app_mention", "message") or from_a_bot(event) or not (channel and user):
        return None
    if event.get("channel_type") == "im":
        return partial(client.chat_postMessage, channel=channel)
    return partial(client.chat_postEphemeral, channel=channel, user=user)


def perform(work: Work, job: Job) -> None:
    """Run a job on a worker: claim its event, answer, and record how it went."""
    if job.event_id and not job.claimed:
        verdict = work.claimer.claim(job.event_id, job.envelope or {})
        if verdict is Verdict.DUPLICATE:
            work.logger.info("%s already handled; not answering it again", job.what)
            return
        job.claimed = verdict is Verdict.CLAIMED
    try:
        job.run()
    except StoreUnavailable:
        work.logger.error("could not answer the %s: the store is unavailable", job.what)
        _settle_failed(work, job, "the store is unavailable", final=True)
        _tell(work, job, notice(STORE_UNAVAILABLE, ":warning:"))
    except Exception as error:
        _failed(work, job, error)
    else:
        if job.claimed and job.event_id:
            work.claimer.answered(job.event_id)


def _failed(work: Work, job: Job, error: Exception) -> None:
    transient = is_transient(error)
    retry = transient and job.event_id is not None and job.attempt < work.claimer.attempts
    delay = work.retry_delay * 2 ** (job.attempt - 1)
    if transient or isinstance(error, SlackApiError | DeliveryFailed):
        work.logger.warning(
            "could not deliver the answer to the %s (attempt %d): %s%s",
            job.what,
            job.attempt,
            describe(error),
            f"; trying again in {delay:g} s" if retry else "",
        )
    else:  # a failure of the bot's own: the traceback is what mends it
        work.logger.exception("could not answer the %s", job.what)
        _tell(work, job, notice(FAILED, ":warning:"))
    _settle_failed(work, job, describe(error), final=not retry)
    if retry:
        work.schedule(delay, partial(_again, work, job))


def _again(work: Work, job: Job) -> None:
    job.attempt += 1
    if not work.queue.submit(partial(perform, work, job)):
        _failed(work, job, ConnectionError("the work queue was full when it was time to try again"))


def _settle_failed(work: Work, job: Job, error: str, final: bool) -> None:
    if job.claimed and job.event_id:
        work.claimer.failed(job.event_id, error, final)


def _tell(work: Work, job: Job, message: dict) -> None:
    if job.tell is None:
        return
    try:
        job.tell(**message)
    except Exception as error:  # Slack would not take even this: the log is all that is left
        work.logger.warning("could not tell the asker of the %s: %s", job.what, describe(error))


def resume_event(app: App, envelope: dict, claim: Claim) -> bool:
    """Re-deliver an event whose claim this process took over to its listener, as Socket Mode
    delivers one (verified when it first came, so not signed again). True if it was queued."""
    resumption = Resumption(claim.attempts)
    app.dispatch(BoltRequest(body=envelope, mode="socket_mode", context={RESUMED: resumption}))
    # Bolt acknowledges an event before its listener runs: wait for the listener to queue it.
    return resumption.decided.wait(RESUME_WAIT_SECONDS) and resumption.queued
