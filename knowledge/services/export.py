"""`csp-bot export`: every figure and every status with its history, and the audit log, as CSV
files that a spreadsheet opens safely.

Values are written as the store holds them, and text as it was typed: a note's `<!channel>`
stays `<!channel>` (a spreadsheet is not Slack). The one change is against CSV injection: a
text cell that a spreadsheet would take for a formula (starting with = + - @, or a tab or line
break before one) gets a leading ' so it shows as text and never runs. The files are UTF-8
with a byte-order mark, which Excel needs to show "£" and "–" rightly.
"""

from __future__ import annotations

import csv
import json
import os
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from knowledge.domain.periods import PeriodError, parse_period
from knowledge.store import Store
from knowledge.store.export import Everything, read_everything

FIGURES_FILE = "csp-figures.csv"
STATUSES_FILE = "csp-statuses.csv"
AUDIT_FILE = "csp-audit.csv"

FIGURE_COLUMNS = (
    "indicator_key",
    "indicator_name",
    "period",
    "period_label",
    "value",
    "recorded_at",
    "recorded_by",
    "source",
    "note",
    "withdrawn",
)
STATUS_COLUMNS = (
    "kind",
    "key",
    "name",
    "status",
    "as_of",
    "recorded_at",
    "recorded_by",
    "source",
    "note",
    "withdrawn",
)
"""A manifesto action's or a Strategic Plan deliverable's status (`kind`), one row per change."""
AUDIT_COLUMNS = (
    "id",
    "at",
    "actor",
    "action",
    "entity",
    "entity_key",
    "period",
    "old",
    "new",
    "source",
    "request_id",
)
FORMULA_STARTS = ("=", "+", "-", "@")
"""What a spreadsheet reads as the start of a formula (OWASP's list, with tab and CR below)."""
ENCODING = "utf-8-sig"


class ExportError(Exception):
    """Why nothing was exported; the message says what to do."""


@dataclass(frozen=True)
class Exported:
    path: Path
    rows: int
    what: str
    """"figures", "statuses" or "audit rows"."""


def spreadsheet_safe(value: object) -> object:
    """A cell as stored, except text a spreadsheet would run as a formula, which gets a '."""
    if value is None:
        return ""
    if isinstance(value, int | float):
        return value
    text = str(value)
    if text[:1] in ("\t", "\r", "\n") or text.lstrip()[:1] in FORMULA_STARTS:
        return "'" + text
    return text


def _note(audit_row: dict) -> str | None:
    new = json.loads(audit_row["new"]) if audit_row.get("new") else None
    return new.get("note") if isinstance(new, dict) else None


def _notes_by_change(
    history: list[dict],
    audit: list[dict],
    is_its_audit: Callable[[dict], bool],
    history_key: Callable[[dict], tuple],
    audit_key: Callable[[dict], tuple],
) -> dict[int, str | None]:
    """Each history row's note, by row id.

    A change writes its history row and its audit row in one transaction, with the same
    moment, actor and source; rows that share those are paired in the order they were written.
    A `note` column on the history row itself, where there is one, wins.
    """
    waiting: dict[tuple, deque[str | None]] = defaultdict(deque)
    for row in audit:
        if is_its_audit(row):
            waiting[audit_key(row)].append(_note(row))
    notes: dict[int, str | None] = {}
    for row in sorted(history, key=lambda r: r["id"]):
        queue = waiting.get(history_key(row))
        paired = queue.popleft() if queue else None
        notes[row["id"]] = row["note"] if row.get("note") is not None else paired
    return notes


def _period_label(code: str) -> str:
    try:
        return parse_period(code).label
    except PeriodError:
        return ""


def figure_lines(everything: Everything) -> list[list]:
    notes = _notes_by_change(
        everything.figures,
        everything.audit,
        lambda a: a["entity"] == "figure",
        lambda f: (f["indicator_key"], f["period"], f["recorded_at"], f["recorded_by"], f["source"]),
        lambda a: (a["entity_key"], a["period"], a["at"], a["actor"], a["source"]),
    )
    return [
        [
            f["indicator_key"],
            f["indicator_name"],
            f["period"],
            _period_label(f["period"]),
            f["value"],
            f["recorded_at"],
            f["recorded_by"],
            f["source"],
            notes[f["id"]],
            "yes" if f.get("withdrawn") else "no",
        ]
        for f in everything.figures
    ]


def _status_audit_kind(audit_row: dict) -> str | None:
    """Which kind of status an audit row records: "status" is how the first action statuses
    were audited, before deliverables had statuses of their own."""
    entity = audit_row["entity"]
    if entity in ("status", "action_status"):
        return "action"
    return "deliverable" if entity == "deliverable_status" else None


def status_lines(everything: Everything) -> list[list]:
    lines = []
    for kind in ("action", "deliverable"):
        rows = [s for s in everything.statuses if s["kind"] == kind]
        notes = _notes_by_change(
            rows,
            everything.audit,
            lambda a, kind=kind: _status_audit_kind(a) == kind,
            lambda s: (s["key"], s["recorded_at"], s["recorded_by"], s["source"]),
            lambda a: (a["entity_key"], a["at"], a["actor"], a["source"]),
        )
        lines += [
            [
                kind,
                s["key"],
                s["name"],
                s["status"],
                s["as_of"],
                s["recorded_at"],
                s["recorded_by"],
                s["source"],
                notes[s["id"]],
                "yes" if s.get("withdrawn") else "no",
            ]
            for s in rows
        ]
    return lines


def audit_lines(everything: Everything) -> list[list]:
    return [[row.get(column) for column in AUDIT_COLUMNS] for row in everything.audit]


def write_csv(path: Path, columns: Sequence[str], lines: Iterable[Sequence]) -> None:
    """Written beside the target and then moved over it: a reader never sees half a file."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("w", newline="", encoding=ENCODING) as file:
            writer = csv.writer(file)
            writer.writerow(columns)
            writer.writerows([spreadsheet_safe(cell) for cell in line] for line in lines)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def export_csv(store: Store, folder: Path, force: bool = False) -> list[Exported]:
    """Write the three files into `folder`; existing ones are replaced only with `force`."""
    folder = Path(folder)
    paths = [folder / name for name in (FIGURES_FILE, STATUSES_FILE, AUDIT_FILE)]
    existing = [str(p) for p in paths if p.exists()]
    if existing and not force:
        raise ExportError(f"{', '.join(existing)} already there: export to another folder, or use --force")
    folder.mkdir(parents=True, exist_ok=True)
    with store.snapshot() as db:
        everything = read_everything(db)
    tables = [
        (FIGURE_COLUMNS, figure_lines(everything), "figures"),
        (STATUS_COLUMNS, status_lines(everything), "statuses"),
        (AUDIT_COLUMNS, audit_lines(everything), "audit rows"),
    ]
    written = []
    for path, (columns, lines, what) in zip(paths, tables, strict=True):
        write_csv(path, columns, lines)
        written.append(Exported(path, len(lines), what))
    return written
