"""A bounded queue for the slow part of answering Slack: a fixed number of worker threads and a
fixed number of jobs waiting for them.

Slack waits 3 seconds for an acknowledgement; answering can take far longer when Slack is slow
(a `Retry-After: 20`, a hanging `response_url`). So a listener acknowledges at once and puts the
rest here. `submit` never waits: when every worker is busy and the waiting room is full it says
no, and the caller tells the person the bot is busy. Being full is logged once, and so is having
room again, with how many were turned away meanwhile.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from pydantic import BaseModel


class QueueStats(BaseModel):
    workers: int
    waiting_room: int
    running: int
    waiting: int
    turned_away: int
    """Jobs refused since the queue was made."""


class WorkQueue:
    def __init__(
        self, workers: int, waiting_room: int, name: str = "work", logger: logging.Logger | None = None
    ) -> None:
        self.name = name
        self.workers = workers
        self.waiting_room = waiting_room
        self.logger = logger or logging.getLogger(__name__)
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=f"csp-{name}")
        self._lock = threading.Lock()
        self._queued = 0
        self._running = 0
        self._turned_away = 0
        self._turned_away_while_full = 0
        self._full = False

    def submit(self, job: Callable[[], object]) -> bool:
        """Queue a job; False, at once, when there is no room for it."""
        newly_full = False
        with self._lock:
            accepted = self._queued < self.workers + self.waiting_room
            if accepted:
                self._queued += 1
            else:
                self._turned_away += 1
                self._turned_away_while_full += 1
                newly_full, self._full = not self._full, True
        if not accepted:
            if newly_full:
                self.logger.warning(
                    "the %s queue is full (%d workers busy, %d waiting): telling people to try again",
                    self.name,
                    self.workers,
                    self.waiting_room,
                )
            return False
        try:
            self._executor.submit(self._run, job)
        except RuntimeError:  # shut down: nothing more will run
            self._finished(started=False)
            return False
        return True

    def _run(self, job: Callable[[], object]) -> None:
        with self._lock:
            self._running += 1
        try:
            job()
        except Exception:  # a job handles its own failures; this is a bug, and it must not kill a worker
            self.logger.exception("a job on the %s queue failed", self.name)
        finally:
            self._finished(started=True)

    def _finished(self, started: bool) -> None:
        with self._lock:
            self._queued -= 1
            self._running -= int(started)
            recovered = self._full and self._queued <= (self.workers + self.waiting_room) // 2
            turned_away = self._turned_away_while_full
            if recovered:
                self._full = False
                self._turned_away_while_full = 0
        if recovered:
            self.logger.warning("the %s queue has room again; %d were turned away", self.name, turned_away)

    def stats(self) -> QueueStats:
        with self._lock:
            return QueueStats(
                workers=self.workers,
                waiting_room=self.waiting_room,
                running=self._running,
                waiting=self._queued - self._running,
                turned_away=self._turned_away,
            )

    def shutdown(self, wait: bool = True) -> None:
        self._executor.shutdown(wait=wait, cancel_futures=not wait)
