"""Benchmark: signed /csp questions through the HTTP adapter, with a fake Slack Web API.

    python -m bench.http [--requests 1000] [--clients 1]

The real Bolt app runs under uvicorn on 127.0.0.1; a fake Slack Web API, also on
127.0.0.1, takes the answers posted to each command's response_url. Prints requests per
second, and p50/p95 of two latencies: the HTTP response (the ack Slack waits for, 3 s at
most) and the whole answer (request sent until the answer reached response_url).
Every request stays on this machine, and the run stops by itself.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from knowledge.answering import open_knowledge
from knowledge.datafiles import default_data_dir
from tests.fake_slack import FakeSlack
from tests.slack_harness import settings_for, start_app
from tools.evaluation import read_questions


def percentile(values: list[float], share: int) -> float:
    return statistics.quantiles(values, n=100)[share - 1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=1)
    args = parser.parse_args()
    questions = [
        q.question
        for name in ("tune", "heldout", "heldout-b", "heldout-c")
        for q in read_questions(default_data_dir() / "questions" / f"{name}.csv")
    ]
    fake = FakeSlack().start()
    with tempfile.TemporaryDirectory() as folder:
        knowledge = open_knowledge(Path(folder) / "bench.db", default_data_dir())
        running = start_app(settings_for(fake), knowledge)
        sent_at: dict[str, float] = {}
        lock = threading.Lock()

        def one(i: int) -> float:
            name = f"r{i}"
            with lock:
                sent_at[name] = time.perf_counter()
            begin = time.perf_counter()
            response = running.command(questions[i % len(questions)], fake.response_url(name))
            if response.status != 200:
                raise RuntimeError(f"request {i}: HTTP {response.status}")
            return (time.perf_counter() - begin) * 1000

        for i in range(20):  # warm up
            one(i)
        fake.wait_for("response_url", 20, timeout=30)
        fake.calls.clear()
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.clients) as pool:
            acks = list(pool.map(one, range(20, 20 + args.requests)))
        fake.wait_for("response_url", args.requests, timeout=120)
        elapsed = time.perf_counter() - started
        answers = [
            (call.at - sent_at[call.path.rsplit("/", 1)[-1]]) * 1000 for call in fake.posted("response_url")
        ]
        running.stop()
    fake.stop()
    print(
        f"/csp over HTTP, {args.requests} signed requests, {args.clients} client(s): "
        f"{args.requests / elapsed:,.0f} requests/s with every answer delivered; "
        f"ack p50 {statistics.median(acks):.2f} ms, p95 {percentile(acks, 95):.2f} ms, "
        f"max {max(acks):.2f} ms; "
        f"whole answer p50 {statistics.median(answers):.2f} ms, p95 {percentile(answers, 95):.2f} ms"
    )


if __name__ == "__main__":
    main()
