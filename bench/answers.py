"""Benchmark: how fast the bot answers, on the seed store and on 10,000 synthetic entries.

    python -m bench.answers [--entries 10000] [--questions 3000] [--seed 7]

Prints answers per second, p50/p95/p99 latency per answer, the time to build each store and
its index, peak memory (RSS) and the wall time of `csp-bot ask` as a new process.

The questions are not one tuned list: all three labelled sets, plus questions made at random
(with a fixed seed) from the entries' own names, with typos, shuffled words and time words,
plus out-of-scope questions made from words the store does not hold.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from knowledge.answering import Knowledge, open_knowledge
from knowledge.datafiles import default_data_dir
from tools.evaluation import read_questions

WARDS = [
    "Bethnal Green", "Blackwall", "Bow East", "Bow West", "Bromley North", "Bromley South",
    "Canary Wharf", "Island Gardens", "Lansbury", "Limehouse", "Mile End", "Poplar",
    "St Dunstan's", "St Katharine's", "St Peter's", "Shadwell", "Spitalfields", "Stepney Green",
    "Weavers", "Whitechapel",
]  # fmt: skip
TOPICS = [
    "knife crime", "moped enabled theft", "drug litter", "street drinking", "begging",
    "noise nuisance", "fly tipping", "graffiti", "vehicle crime", "youth disorder",
    "hate incidents", "domestic abuse referrals", "repeat victims", "night time economy",
    "licensing breaches", "cuckooing", "county lines referrals", "CCTV captures",
    "weapons sweeps", "school exclusions", "safeguarding referrals", "rough sleeping",
]  # fmt: skip
MEASURES = [
    "number of", "rate of", "reports of", "arrests for", "calls about", "repeat", "offences of",
    "victims of", "outcomes for",
]  # fmt: skip
GROUPS = ["", "under 25s", "over 65s", "women and girls", "young people", "businesses", "residents"]
ACTIONS = [
    "Launch", "Expand", "Review", "Commission", "Publish", "Pilot", "Deliver", "Train staff in",
]  # fmt: skip
OUT_OF_SCOPE_WORDS = [
    "weather", "football", "lunch", "parking", "wifi", "holiday", "printer", "password",
    "olympics", "recipe", "pension", "train", "bus", "umbrella", "coffee",
]  # fmt: skip


def synthetic_data(folder: Path, entries: int, rng: random.Random) -> Path:
    """A data/ folder like the real one with `entries` indicators and actions in all."""
    real = default_data_dir()
    data = folder / "data"
    data.mkdir()
    plans = yaml.safe_load((real / "plans.yaml").read_text())
    facts = yaml.safe_load((real / "facts.yaml").read_text())
    priorities = [p["key"] for p in plans["csp_priorities"]["priorities"]]
    indicators, actions, names = [], [], set()
    while len(names) < entries:
        name = " ".join(
            part
            for part in (
                rng.choice(MEASURES),
                rng.choice(TOPICS),
                "in",
                rng.choice(WARDS),
                rng.choice(GROUPS),
            )
            if part
        )
        if name in names:
            continue
        names.add(name)
        key = f"s{len(names)}"
        if len(names) % 2:
            indicators.append(
                {
                    "key": key,
                    "name": name.capitalize(),
                    "short_name": name.capitalize()[:60],
                    "priority": rng.choice(priorities),
                    "unit": "count",
                    "better_when": rng.choice(["lower", "higher", "neutral"]),
                    "confidence": "high",
                    "source": "synthetic",
                    "figures": [
                        {"period": "2017", "value": rng.randint(0, 5000)},
                        {"period": "2018", "value": rng.randint(0, 5000)},
                    ],
                }
            )
        else:
            actions.append(
                {
                    "key": key,
                    "commitment": f"{rng.choice(ACTIONS)} a plan on {name}",
                    "status": "In progress",
                    "status_as_of": "2019",
                }
            )
    real_indicators = yaml.safe_load((real / "indicators.yaml").read_text())
    real_indicators["indicators"] += indicators
    plans["manifesto"]["actions"] += actions
    (data / "indicators.yaml").write_text(yaml.safe_dump(real_indicators))
    (data / "plans.yaml").write_text(yaml.safe_dump(plans))
    (data / "facts.yaml").write_text(yaml.safe_dump(facts))
    for words_file in ("vocabulary.yaml", "field_words.yaml", "narrowing.yaml"):
        (data / words_file).write_text((real / words_file).read_text())
    return data


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    return (
        word[:i] + word[i + 1 :] if rng.random() < 0.5 else word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    )


def generated_questions(titles: list[str], count: int, rng: random.Random) -> list[str]:
    """Questions made from entry names: typos, shuffled words, time words; and out-of-scope ones."""
    questions = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.15:
            questions.append(" ".join(rng.sample(OUT_OF_SCOPE_WORDS, 2)))
            continue
        words = rng.choice(titles).lower().split()
        words = words[: rng.randint(2, max(2, len(words)))]
        if roll < 0.45:
            words = [_typo(w, rng) for w in words]
        if roll < 0.6:
            rng.shuffle(words)
        suffix = rng.choice(["", "", " this year", " vs last year", " last year", " 2017"])
        questions.append(" ".join(words) + suffix)
    return questions


def labelled_questions() -> list[str]:
    folder = default_data_dir() / "questions"
    return [
        q.question
        for name in ("tune", "heldout", "heldout-b", "heldout-c")
        for q in read_questions(folder / f"{name}.csv")
    ]


def measure(knowledge: Knowledge, questions: list[str]) -> dict[str, float]:
    for question in questions[:50]:  # warm the caches as a running bot would be
        knowledge.ask(question)
    timings = []
    started = time.perf_counter()
    for question in questions:
        begin = time.perf_counter_ns()
        knowledge.ask(question)
        timings.append((time.perf_counter_ns() - begin) / 1e6)
    elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(timings, n=100)
    return {
        "answers": len(questions),
        "per_second": len(questions) / elapsed,
        "p50": statistics.median(timings),
        "p95": cuts[94],
        "p99": cuts[98],
        "max": max(timings),
    }


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(name: str, build_seconds: float, figures: dict[str, float]) -> None:
    print(
        f"{name}: {figures['answers']} answers, {figures['per_second']:,.0f}/s, "
        f"p50 {figures['p50']:.3f} ms, p95 {figures['p95']:.3f} ms, p99 {figures['p99']:.3f} ms, "
        f"max {figures['max']:.2f} ms; store and index built in {build_seconds:.2f} s; "
        f"peak RSS so far {peak_rss_mb():.0f} MB"
    )


def cli_wall_time(folder: Path, runs: int = 5) -> tuple[float, float]:
    """Seconds for `csp-bot ask` as a new process: first run (makes the store) and the median after."""
    db = folder / "cli.db"
    command = [sys.executable, "-m", "bot.cli", "--db", str(db), "ask", "knife crime this year"]
    times = []
    for _ in range(runs + 1):
        begin = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - begin)
    return times[0], statistics.median(times[1:])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--questions", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        begin = time.perf_counter()
        seed_knowledge = open_knowledge(folder / "seed.db", default_data_dir())
        catalogue = seed_knowledge.current()[0].catalogue
        built = time.perf_counter() - begin
        titles = [i.short_name for i in catalogue.indicators] + [t.title for t in catalogue.topics]
        questions = labelled_questions() + generated_questions(titles, args.questions, rng)
        rng.shuffle(questions)
        report("seed store", built, measure(seed_knowledge, questions))

        data = synthetic_data(folder, args.entries, rng)
        begin = time.perf_counter()
        big = open_knowledge(folder / "big.db", data)
        big_catalogue = big.current()[0].catalogue
        built = time.perf_counter() - begin
        titles = [i.name for i in big_catalogue.indicators] + [a.commitment for a in big_catalogue.actions]
        questions = labelled_questions() + generated_questions(titles, args.questions, rng)
        rng.shuffle(questions)
        entries = len(big_catalogue.indicators) + len(big_catalogue.actions)
        report(f"synthetic store ({entries:,} indicators and actions)", built, measure(big, questions))

        first, warm = cli_wall_time(folder)
        print(
            f"csp-bot ask as a new process: first run {first:.2f} s (creates the store), "
            f"then {warm:.2f} s median"
        )


if __name__ == "__main__":
    main()
