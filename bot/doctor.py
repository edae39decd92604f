"""What `csp-bot doctor` prints: the store's state, a line each. (`csp-bot check` asks Slack.)"""

from __future__ import annotations

from knowledge.store.checkup import StoreReport


def store_lines(report: StoreReport) -> list[str]:
    lines = [f"Store:        {report.path}"]
    if not report.exists:
        return [*lines, "              (there is no file here)", *_rescued(report)]
    readable = report.revision is not None
    steps = len(report.steps_applied) + len(report.steps_pending)
    pending = (
        f"; to apply at the next start: {', '.join(report.steps_pending)}" if report.steps_pending else ""
    )
    lines += [
        f"Size:         {report.size:,} bytes",
        f"Schema:       {len(report.steps_applied)} of {steps} steps applied{pending}"
        if readable
        else "Schema:       could not be read",
        f"Integrity:    {report.integrity} (quick check)",
        f"Revision:     {report.revision if readable else 'could not be read'}",
        f"Last write:   {report.last_write}",
        "Writable:     " + ("yes" if report.writable else f"no: {report.not_writable_because}"),
    ]
    if report.free_bytes is not None:
        lines.append(f"Free space:   {report.free_bytes / 1e9:,.1f} GB")
    if report.open_claims:
        lines.append(f"Open claims:  {report.open_claims} Slack events claimed and not yet answered")
    return [*lines, *_rescued(report)]


def _rescued(report: StoreReport) -> list[str]:
    return [f"Rescued copy: {path} (csp-bot restore {path})" for path in report.rescued]
