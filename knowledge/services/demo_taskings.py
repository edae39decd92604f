"""Clearly marked example taskings, for trying the tasking summary: `csp-bot demo-taskings`.

The default data holds no taskings. Examples have references starting `EXAMPLE-`, say
"[EXAMPLE]" in what they ask, are owned by made-up users (no reminder is sent for them), and
are dated around the day they are loaded. Loading them twice adds nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from knowledge.domain.schedule import local_date
from knowledge.domain.taskings import Outcomes, Source, Status, Tasking, Theme
from knowledge.store import Store
from knowledge.store.audit import add_audit
from knowledge.store.taskings import add_update, save_tasking

DEMO_ACTOR = "demo-taskings"
MARK = "[EXAMPLE] "

# (days ago raised, source, ward, location, theme, ask, lead agency, review in days, status, outcomes)
_EXAMPLES = (
    (2, Source.CCTV, "Whitechapel", "Whitechapel Market", Theme.DRUG_DEALING,
     "Review CCTV of the market at night for street dealing", "Council CCTV", 5, Status.IN_PROGRESS,
     Outcomes(arrests=2)),
    (4, Source.RESIDENTS, "Mile End", "Canal towpath", Theme.ASB,
     "Patrols after residents' reports of groups gathering", "Police SNT", -1, Status.OPEN, Outcomes()),
    (9, Source.POLICE, "Poplar", None, Theme.VEHICLES,
     "Stop and check a vehicle on the top 10 list", "Police", 3, Status.IN_PROGRESS,
     Outcomes(vehicles_stopped=1)),
    (12, Source.COUNCIL, "Bow West", "Roman Road", Theme.DRUG_DEALING,
     "Close a flat used for dealing", "Council ASB team", -4, Status.OPEN, Outcomes(referrals=1)),
    (16, Source.CCTV, "Shadwell", None, Theme.VEHICLES,
     "Track a vehicle seen at hot spots", "Council CCTV", -2, Status.COMPLETED,
     Outcomes(arrests=1, vehicles_stopped=1, seizures=1)),
)  # fmt: skip


def load_demo_taskings(store: Store, now: datetime) -> int:
    """How many examples were added (0 when they are there already)."""
    today = local_date(now)
    at = now.astimezone(UTC).isoformat(timespec="seconds")
    with store.write_bookkeeping() as db:
        if db.execute("SELECT COUNT(*) FROM taskings WHERE demo = 1").fetchone()[0]:
            return 0
        for number, example in enumerate(_EXAMPLES, start=1):
            days_ago, source, ward, location, theme, ask, lead, review_in, status, outcomes = example
            raised = today - timedelta(days=days_ago)
            tasking = Tasking(
                ref=f"EXAMPLE-{number:03d}", raised_on=raised, source=source, ward=ward, location=location,
                theme=theme, ask=MARK + ask, lead_agency=lead, owner=f"UEXAMPLE{number:02d}",
                review_on=max(raised, today + timedelta(days=review_in)), status=status, outcomes=outcomes,
                created_by=DEMO_ACTOR, created_at=at, demo=True,
                closed_at=at if status.finished else None,
            )  # fmt: skip
            save_tasking(db, tasking, at)
            add_update(db, ref=tasking.ref, at=at, actor=DEMO_ACTOR, action="raise", status=status.value,
                       added=outcomes, note="example")  # fmt: skip
        add_audit(db, at=at, actor=DEMO_ACTOR, action="load examples", entity="tasking",
                  new={"examples": len(_EXAMPLES)}, source="demo")  # fmt: skip
    return len(_EXAMPLES)
