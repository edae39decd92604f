"""Start-up of a one-shot `csp-bot ask` on an existing store, against a bare
`python -c "import numpy"` in the same run, alternating the two so that a noisy machine
weighs on both alike. Prints medians and the ratio; `--runs N` (default 9).

    python -m bench.startup
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "startup.db")
        ask = [sys.executable, "-m", "bot.cli", "--db", db, "ask", "knife crime this year"]
        numpy = [sys.executable, "-c", "import numpy"]
        _timed(ask)  # the first run makes the store and its index cache
        pairs = [(_timed(ask), _timed(numpy)) for _ in range(runs)]
    ask_times = [a for a, _ in pairs]
    numpy_times = [n for _, n in pairs]
    print(
        f"csp-bot ask (existing store): median {statistics.median(ask_times):.3f} s, "
        f"min {min(ask_times):.3f} s over {runs} runs"
    )
    print(
        f"python -c 'import numpy':     median {statistics.median(numpy_times):.3f} s, "
        f"min {min(numpy_times):.3f} s"
    )
    print(f"ratio (pair by pair, median): {statistics.median(a / n for a, n in pairs):.2f}")


if __name__ == "__main__":
    main()
