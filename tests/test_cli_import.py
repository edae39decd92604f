"""`csp-bot import mps FILE.csv [--borough] [--dry-run]` and `csp-bot import --undo BATCH`."""

import io
import re

from click.testing import CliRunner

from bot.cli import PROGRESS_CELLS, ProgressBar, main
from knowledge.store import Store
from tests.police_files import ROWS, mps_file, with_count


def invoke(tmp_path, *args):
    return CliRunner().invoke(main, ["--db", str(tmp_path / "cli.db"), *args])


def ok(tmp_path, *args) -> str:
    result = invoke(tmp_path, *args)
    assert result.exit_code == 0, result.output
    return result.output


def police_file(tmp_path, rows=ROWS, name="june.csv"):
    path = tmp_path / name
    path.write_bytes(mps_file(rows))
    return path


def figure_rows(tmp_path) -> int:
    store = Store(tmp_path / "cli.db")
    try:
        return store.db.execute("SELECT COUNT(*) FROM figures").fetchone()[0]
    finally:
        store.close()


def test_a_dry_run_prints_the_changes_by_indicator_and_writes_nothing(tmp_path):
    ok(tmp_path, "ask", "burglary")
    held = figure_rows(tmp_path)
    output = ok(tmp_path, "import", "mps", str(police_file(tmp_path)), "--dry-run")
    assert output.startswith("Dry run: nothing was written.\n")
    assert "would change 12 monthly figures in 4 indicators (12 new, 0 revised, 0 unchanged)" in output
    assert "  Total burglary: 3 new (May 2019–Jul 2019)" in output
    assert "  Possession of weapons (new indicator): 3 new (May 2019–Jul 2019)" in output
    assert "No row of this file counts towards vehicle-offences (Vehicle Offences)" in output
    assert figure_rows(tmp_path) == held


def test_an_import_then_the_same_again_then_a_revision_then_undo(tmp_path):
    output = ok(tmp_path, "import", "mps", str(police_file(tmp_path)))
    assert "as batch 1: 12 new, 0 revised, 0 unchanged. Undo it with `csp-bot import --undo 1`." in output
    assert re.search(r"^8 rows in \d+\.\d\d s: [\d,]+ rows/s$", output, re.MULTILINE)
    assert "Possession of weapons offences" in ok(tmp_path, "ask", "possession of weapons")

    again = ok(tmp_path, "import", "mps", str(police_file(tmp_path, name="copy.csv")))
    assert "Nothing imported from copy.csv" in again and "every month is held already" in again
    assert "(imported before as batch 1)" in again

    revised = police_file(tmp_path, with_count(ROWS, "Theft", "Shoplifting", 2, 90), "july.csv")
    assert "Theft: 1 revised (Jul 2019 82 → 90); 2 unchanged" in ok(tmp_path, "import", "mps", str(revised))

    assert "Undone: import batch 2 (july.csv, Tower Hamlets" in ok(tmp_path, "import", "--undo", "2")
    assert "Undone: import batch 1" in ok(tmp_path, "import", "--undo", "1")
    assert "I don't hold figures for Possession of Weapons" in ok(tmp_path, "ask", "possession of weapons")
    refused = invoke(tmp_path, "import", "--undo", "1")
    assert refused.exit_code == 1 and "import 1 was undone already" in refused.output


def test_a_malformed_file_is_refused_with_line_and_column_and_nothing_is_written(tmp_path):
    ok(tmp_path, "ask", "burglary")
    held = figure_rows(tmp_path)
    broken = police_file(tmp_path, with_count(ROWS, "Robbery", "Robbery of Personal Property", 0, "9 9"))
    result = invoke(tmp_path, "import", "mps", str(broken))
    assert result.exit_code == 1
    assert (
        "june.csv was not imported, nothing was written: line 5, column 4: “9 9” under 201905"
        in result.output
    )
    assert figure_rows(tmp_path) == held


def test_another_borough_and_an_unknown_one(tmp_path):
    output = ok(tmp_path, "import", "mps", str(police_file(tmp_path)), "--borough", "Hackney", "--dry-run")
    assert "june.csv (Hackney; 8 rows; 3 months, May 2019 to Jul 2019)" in output
    result = invoke(tmp_path, "import", "mps", str(police_file(tmp_path)), "--borough", "Hackny")
    assert (
        result.exit_code == 1
        and "column 3: no row is for the borough “Hackny”; did you mean Hackney?" in result.output
    )


def test_import_alone_shows_its_help_and_undo_takes_no_subcommand(tmp_path):
    assert "mps" in ok(tmp_path, "import")
    result = invoke(tmp_path, "import", "--undo", "1", "mps", str(police_file(tmp_path)))
    assert result.exit_code == 2 and "leave out the subcommand" in result.output


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_shows_on_a_terminal_for_a_large_file_only():
    for stream, total, shown in [
        (Terminal(), PROGRESS_CELLS + 1, True),
        (Terminal(), PROGRESS_CELLS, False),
        (io.StringIO(), 10 * PROGRESS_CELLS, False),
    ]:
        bar = ProgressBar(stream)
        bar(total // 2, total)
        bar(total, total)
        bar.close()
        assert ("Reading" in stream.getvalue()) is shown
