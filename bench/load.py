"""Benchmark: acks under load, with a fast Slack and a slow one.

    python -m bench.load [--clients 8] [--seconds 20] [--slow 8]

The real Bolt app runs under uvicorn on 127.0.0.1 with its usual settings (8 workers, 100
waiting). For each of two fake Slack Web APIs, one answering at once and one whose every call
takes `--slow` seconds, `--clients` clients send signed requests for `--seconds`, each in turn
a `/csp` question and a mention. Prints, for /csp and for mentions: requests/s, the ack (the
HTTP response Slack waits for, 3 s at most) p50/p95/max and the share under 1 s, and what
became of them: answered, or told the bot is busy. With the fast Slack, it waits for every
answer and prints how long answers took (request sent until the answer reached Slack).
Every request stays on this machine, and the run stops by itself.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path

from handlers.replies import BUSY
from knowledge.answering import open_knowledge
from knowledge.datafiles import default_data_dir
from tests.fake_slack import FakeSlack
from tests.slack_harness import RunningApp, mention, settings_for, start_app
from tools.evaluation import read_questions

USERS = [f"UBENCH{n:03d}" for n in range(20)]
ACK_LIMIT_MS = 1000


@dataclass
class Tally:
    prefix: str
    acks: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    busy: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    failed: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    sent_at: dict[str, float] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


def percentile(values: list[float], share: int) -> float:
    return statistics.quantiles(values, n=100)[share - 1] if len(values) > 1 else values[0]


def questions() -> list[str]:
    folder = default_data_dir() / "questions"
    return [q.question for name in ("tune", "heldout") for q in read_questions(folder / f"{name}.csv")]


def client(
    running: RunningApp, fake: FakeSlack, tally: Tally, asked: list[str], until: float, ids: count
) -> None:
    while time.perf_counter() < until:
        n = next(ids)
        question, user = asked[n % len(asked)], USERS[n % len(USERS)]
        kind = "/csp" if n % 2 else "mention"
        name = f"{tally.prefix}{n}"
        with tally.lock:
            tally.sent_at[name] = time.perf_counter()
        began = time.perf_counter()
        if kind == "/csp":
            response = running.command(question, fake.response_url(name), user_id=user)
        else:
            response = running.event(
                mention(f"<@UBOT0001> {question}", user=user, ts=name), event_id=f"Ev{name}"
            )
        took = (time.perf_counter() - began) * 1000
        with tally.lock:
            tally.acks[kind].append(took)
            if response.status != 200:
                tally.failed[kind] += 1
            elif response.body and BUSY in json.loads(response.body).get("text", ""):
                tally.busy[kind] += 1


def drained(running: RunningApp, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        stats = running.bot.work.queue.stats()
        if stats.running == stats.waiting == 0:
            return
        time.sleep(0.1)


def answer_times(fake: FakeSlack, tally: Tally) -> dict[str, list[float]]:
    times: dict[str, list[float]] = defaultdict(list)
    for call in fake.posted("response_url"):
        sent = tally.sent_at.get(call.path.rsplit("/", 1)[-1])
        if sent is not None:
            times["/csp"].append((call.at - sent) * 1000)
    for call in fake.posted("chat.postMessage"):
        sent = tally.sent_at.get(call.params.get("thread_ts", ""))
        if sent is not None:
            times["mention"].append((call.at - sent) * 1000)
    return times


def run(label: str, slow: float, clients: int, seconds: float) -> None:
    fake = FakeSlack().start()
    with tempfile.TemporaryDirectory() as folder:
        knowledge = open_knowledge(Path(folder) / "bench.db", default_data_dir())
        knowledge.current()
        running = start_app(settings_for(fake), knowledge)
        asked = questions()
        client(running, fake, Tally("warm"), asked, time.perf_counter() + 1, count())
        drained(running)
        fake.calls.clear()
        fake.slow_seconds = slow
        tally, ids = Tally("b"), count()
        until = time.perf_counter() + seconds
        threads = [
            threading.Thread(target=client, args=(running, fake, tally, asked, until, ids))
            for _ in range(clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        print(f"{label}, {clients} clients, {seconds:g} s:")
        _report_acks(tally, seconds)
        if not slow:
            _report_answers(fake, tally)
        else:
            fake.slow_seconds = 0  # let what is in flight finish quickly
            print(
                f"  in {seconds:g} s the slow Slack took {len(fake.posted('response_url'))} /csp answers, "
                f"{len(fake.posted('chat.postMessage'))} mention answers and "
                f"{len(fake.posted('chat.postEphemeral'))} busy notices"
            )
        running.bot.work.queue.shutdown(wait=False)
        running.bot.work.notices.shutdown(wait=False)
        running.stop()
    fake.stop()


def _report_acks(tally: Tally, seconds: float) -> None:
    for kind in ("/csp", "mention"):
        acks = tally.acks[kind]
        under = sum(a < ACK_LIMIT_MS for a in acks) / len(acks)
        print(
            f"  {kind:8} {len(acks):6,} requests, {len(acks) / seconds:6,.1f}/s; "
            f"ack p50 {statistics.median(acks):6.1f} ms, p95 {percentile(acks, 95):6.1f} ms, "
            f"max {max(acks):7.1f} ms; {under:.1%} under 1 s; "
            f"{tally.busy[kind]:,} told busy in the ack, {tally.failed[kind]} not 200"
        )


def _report_answers(fake: FakeSlack, tally: Tally) -> None:
    expected = len(tally.acks["/csp"]) - tally.busy["/csp"]
    fake.wait_for("response_url", expected, timeout=120)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(fake.posted("chat.postMessage", "chat.postEphemeral")) < len(
        tally.acks["mention"]
    ):
        time.sleep(0.2)
    told_busy = sum(BUSY in c.params.get("text", "") for c in fake.posted("chat.postEphemeral"))
    times = answer_times(fake, tally)
    for kind in ("/csp", "mention"):
        values = times[kind]
        print(
            f"  {kind:8} answers delivered: {len(values):,}; answer p50 {statistics.median(values):7.1f} ms, "
            f"p95 {percentile(values, 95):7.1f} ms"
        )
    print(f"  mentions told busy by a notice: {told_busy:,}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument(
        "--slow", type=float, default=8, help="seconds each call to the slow fake Slack takes"
    )
    args = parser.parse_args()
    run("Fake Slack answering at once", 0, args.clients, args.seconds)
    run(f"Fake Slack taking {args.slow:g} s per call", args.slow, args.clients, args.seconds)


if __name__ == "__main__":
    main()
