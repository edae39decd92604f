"""Benchmark: how fast a police data file is imported.

    python -m bench.imports [FILE.csv] [--repeat 5]

Each run imports the file into a fresh seed store (made before the clock starts), then imports
it again (which changes nothing), and times the dry run too. Prints the median of the runs in
CSV rows per second (every borough's rows are read and checked), cells per second and figure
rows written per second, by the wall clock and by this process's CPU time (steadier on a
shared machine). The default file is the larger of the two shared Met files.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from knowledge.datafiles import default_data_dir
from knowledge.services.imports import Imports
from knowledge.store import Store

DEFAULT_FILE = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "data"
    / "mps-borough-level-crime-historical-201004-202309.csv"
)


def _timed(work):
    wall, cpu = time.perf_counter(), time.process_time()
    done = work()
    return done, (time.perf_counter() - wall, time.process_time() - cpu)


def _run(data: bytes, name: str, folder: Path, index: int) -> tuple:
    store = Store(folder / f"bench-{index}.db", default_data_dir())
    imports = Imports(store)
    plan, dry = _timed(lambda: imports.plan(data, name))
    result, first = _timed(lambda: imports.apply(data, name, "bench", datetime.now(UTC)))
    again, second = _timed(lambda: imports.apply(data, name, "bench", datetime.now(UTC)))
    assert again.batch_id is None, "a second import changed something"
    store.close()
    return dry, first, second, plan.rows_read, plan.cells, len(result.plan.figures)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    data = args.file.read_bytes()
    with tempfile.TemporaryDirectory() as folder:
        runs = [_run(data, args.file.name, Path(folder), i) for i in range(args.repeat)]
    rows, cells, written = runs[0][3:]
    print(f"{args.file.name}: {rows:,} rows, {cells:,} cells; {written:,} monthly figures written")
    for index, label in enumerate(("dry run", "import", "same file again")):
        for clock, which in (("wall", 0), ("cpu", 1)):
            times = [r[index][which] for r in runs]
            median = statistics.median(times)
            print(
                f"{label:16} {clock:4} median {median:.3f} s (min {min(times):.3f}): "
                f"{rows / median:,.0f} rows/s, {cells / median:,.0f} cells/s"
                + (f", {written / median:,.0f} figures written/s" if label == "import" else "")
            )


if __name__ == "__main__":
    main()
