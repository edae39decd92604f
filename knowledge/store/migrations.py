"""The schema, as numbered steps: a step once released is never edited, only followed by another.

Figures and statuses are history tables: a change is a new row, never an edit in place, and the
current value is the latest row.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from knowledge.store.db import Connections
from knowledge.store.schema import MIGRATION_SET

migrations = Migrations(MIGRATION_SET)


@migrations()
def m001_catalogue(db: Database) -> None:
    """Entries, figure and status history, and the store's own settings."""
    db["meta"].create({"key": str, "value": str}, pk="key")
    db["documents"].create(
        {"key": str, "title": str, "subtitle": str, "source": str, "aliases": str}, pk="key"
    )
    db["priorities"].create(
        {"key": str, "name": str, "aliases": str, "key_deliverables": str, "position": int},
        pk="key",
    )
    db["indicators"].create(
        {
            "key": str,
            "name": str,
            "short_name": str,
            "priority_key": str,
            "unit": str,
            "better_when": str,
            "confidence": str,
            "confidence_note": str,
            "neutral_note": str,
            "priority_note": str,
            "note": str,
            "source": str,
            "aliases": str,
            "position": int,
        },
        pk="key",
        foreign_keys=[("priority_key", "priorities", "key")],
    )
    db["figures"].create(
        {
            "id": int,
            "indicator_key": str,
            "period": str,
            "period_start": str,
            "period_end": str,
            "value": float,
            "recorded_at": str,
            "recorded_by": str,
            "source": str,
        },
        pk="id",
        foreign_keys=[("indicator_key", "indicators", "key")],
        not_null=["indicator_key", "period", "value", "recorded_at"],
    )
    db["figures"].create_index(["indicator_key", "period"])
    db["deliverables"].create(
        {"key": str, "text": str, "aliases": str, "example_outputs": str, "position": int},
        pk="key",
    )
    db["actions"].create({"key": str, "commitment": str, "aliases": str, "position": int}, pk="key")
    db["action_statuses"].create(
        {
            "id": int,
            "action_key": str,
            "status": str,
            "as_of": str,
            "recorded_at": str,
            "recorded_by": str,
            "source": str,
        },
        pk="id",
        foreign_keys=[("action_key", "actions", "key")],
        not_null=["action_key", "status", "recorded_at"],
    )
    db["action_statuses"].create_index(["action_key"])
    db["topics"].create(
        {
            "key": str,
            "group_key": str,
            "group_title": str,
            "title": str,
            "aliases": str,
            "facts": str,
            "source": str,
            "position": int,
        },
        pk="key",
    )


@migrations()
def m002_seen_events(db: Database) -> None:
    """Slack event ids already handled, so a retried event gets one answer across processes."""
    db["seen_events"].create({"event_id": str, "seen_at": str}, pk="event_id")


@migrations()
def m003_audit(db: Database) -> None:
    """Who changed what the bot knows, when, from what to what, and on which request.

    Append-only, like the history tables; `old` and `new` hold JSON so one table serves
    figures, statuses and whatever else comes to be recorded.
    """
    db["audit"].create(
        {
            "id": int,
            "at": str,
            "actor": str,
            "action": str,
            "entity": str,
            "entity_key": str,
            "period": str,
            "old": str,
            "new": str,
            "source": str,
            "request_id": str,
        },
        pk="id",
        not_null=["at", "actor", "action", "entity"],
    )
    db["audit"].create_index(["entity", "entity_key"])
    db["audit"].create_index(["at"])


@migrations()
def m004_roles(db: Database) -> None:
    """Who may change what the bot knows: one role per user; a user not here only reads.

    The role held now is the row; how it came to be held is in the audit table.
    """
    db["roles"].create(
        {"user_id": str, "role": str, "granted_by": str, "granted_at": str},
        pk="user_id",
        not_null=["role", "granted_by", "granted_at"],
    )
    db["audit"].create_index(["actor", "at"])
    db["audit"].create_index(["request_id"])


@migrations()
def m005_figure_withdrawals(db: Database) -> None:
    """A figure can be withdrawn without deleting anything: a row marked `withdrawn` says the
    period has no figure now (an undone first figure for a period), and history keeps both."""
    db["figures"].add_column("withdrawn", int, not_null_default=0)


@migrations()
def m006_learning(db: Database) -> None:
    """Learning from partners: the "did you mean" choices they pick, and the aliases an admin
    approved from them.

    `picks` is bookkeeping (who picked which entry for which question, when). An alias is
    what the bot knows: approving or removing one is a content write. A removed alias keeps
    its row, marked with who removed it and when; `pick_reviews` says up to which pick a
    question and entry were last decided on (approved, dismissed or removed), so a pair is
    offered again only when partners pick it again after that.
    """
    db["picks"].create(
        {"id": int, "at": str, "user_id": str, "question": str, "normalised": str, "entry_key": str},
        pk="id",
        not_null=["at", "user_id", "question", "normalised", "entry_key"],
    )
    db["picks"].create_index(["normalised", "entry_key"])
    db["learned_aliases"].create(
        {
            "id": int,
            "alias": str,
            "entry_key": str,
            "question": str,
            "approved_by": str,
            "approved_at": str,
            "removed_by": str,
            "removed_at": str,
        },
        pk="id",
        not_null=["alias", "entry_key", "approved_by", "approved_at"],
    )
    db["learned_aliases"].create_index(["alias"])
    db["pick_reviews"].create(
        {
            "id": int,
            "at": str,
            "actor": str,
            "decision": str,
            "alias": str,
            "entry_key": str,
            "upto_pick": int,
        },
        pk="id",
        not_null=["at", "actor", "decision", "alias", "entry_key", "upto_pick"],
    )
    db["pick_reviews"].create_index(["alias", "entry_key"])


@migrations()
def m007_import_batches(db: Database) -> None:
    """Police data comes in batches: one row per imported file (who, when, which file by name
    and sha256, which borough, what it changed), and each figure it wrote names its batch, so a
    batch can be shown and taken back whole. An indicator the import made can be withdrawn
    (its batch undone) without deleting it, as figures are.

    Made on a branch beside m006: steps are applied by name, so a store may have had either
    one first."""
    db["import_batches"].create(
        {
            "id": int,
            "kind": str,
            "file_name": str,
            "sha256": str,
            "borough": str,
            "imported_by": str,
            "imported_at": str,
            "rows_read": int,
            "first_month": str,
            "last_month": str,
            "figures_new": int,
            "figures_revised": int,
            "figures_unchanged": int,
            "indicators": str,
            "indicators_made": str,
        },
        pk="id",
        not_null=["kind", "file_name", "sha256", "imported_by", "imported_at"],
    )
    db["import_batches"].create_index(["sha256"])
    db["figures"].add_column("batch_id", int)
    db["figures"].create_index(["batch_id"])
    db["indicators"].add_column("withdrawn", int, not_null_default=0)


@migrations()
def m008_digest_runs(db: Database) -> None:
    """Scheduled posts, each claimed before it is posted so it goes out at most once per week
    and channel, whatever restarts, retries or second processes do (`runs`); the channels an
    admin chose in Slack; and since when each kind has been scheduled for a channel, so a
    week before that is not taken for a missed one."""
    db["scheduled_runs"].create(
        {
            "id": int,
            "kind": str,
            "channel": str,
            "week": str,
            "status": str,
            "attempts": int,
            "due_at": str,
            "late": int,
            "first_claimed_at": str,
            "claimed_at": str,
            "claimed_by": str,
            "posted_at": str,
            "ts": str,
            "error": str,
        },
        pk="id",
        not_null=["kind", "channel", "week", "status", "attempts", "first_claimed_at", "claimed_at"],
    )
    db["scheduled_runs"].create_index(["kind", "channel", "week"], unique=True)
    db["post_channels"].create(
        {"kind": str, "channel": str, "added_by": str, "added_at": str},
        pk=("kind", "channel"),
        not_null=["added_by", "added_at"],
    )
    db["schedule_watch"].create({"kind": str, "channel": str, "since": str}, pk=("kind", "channel"))


@migrations()
def m009_taskings(db: Database) -> None:
    """PTF taskings and the log of their updates. Bookkeeping, not what the bot answers from:
    writing one moves no content revision."""
    db["taskings"].create(
        {
            "ref": str,
            "raised_on": str,
            "source": str,
            "ward": str,
            "location": str,
            "theme": str,
            "ask": str,
            "lead_agency": str,
            "owner": str,
            "review_on": str,
            "status": str,
            "outcomes": str,
            "created_by": str,
            "created_at": str,
            "updated_at": str,
            "closed_at": str,
            "demo": int,
        },
        pk="ref",
        not_null=["raised_on", "source", "ward", "theme", "ask", "lead_agency", "owner", "review_on",
                  "status", "outcomes", "created_by", "created_at", "demo"],
    )
    db["taskings"].create_index(["status"])
    db["tasking_updates"].create(
        {
            "id": int,
            "ref": str,
            "at": str,
            "actor": str,
            "action": str,
            "status": str,
            "added": str,
            "note": str,
            "changes": str,
            "request_id": str,
        },
        pk="id",
        foreign_keys=[("ref", "taskings", "ref")],
        not_null=["ref", "at", "actor", "action"],
    )
    db["tasking_updates"].create_index(["ref"])
    db["tasking_updates"].create_index(["at"])


@migrations()
def m010_access_log(db: Database) -> None:
    """Who saw tasking details, or asked and was refused, when and where: taskings are police
    intelligence, personal data under Part 3 of the Data Protection Act 2018. Append-only."""
    db["access_log"].create(
        {"id": int, "at": str, "actor": str, "place": str, "what": str, "outcome": str, "detail": str},
        pk="id",
        not_null=["at", "actor", "place", "what", "outcome"],
    )
    db["access_log"].create_index(["at"])


@migrations()
def m011_deliverable_statuses(db: Database) -> None:
    """Strategic Plan deliverables get a status history as manifesto actions have; and a status,
    like a figure, can be withdrawn without deleting anything (an undone first status)."""
    db["action_statuses"].add_column("withdrawn", int, not_null_default=0)
    db["deliverable_statuses"].create(
        {
            "id": int,
            "deliverable_key": str,
            "status": str,
            "as_of": str,
            "recorded_at": str,
            "recorded_by": str,
            "source": str,
            "withdrawn": int,
        },
        pk="id",
        foreign_keys=[("deliverable_key", "deliverables", "key")],
        not_null=["deliverable_key", "status", "recorded_at", "withdrawn"],
        defaults={"withdrawn": 0},
    )
    db["deliverable_statuses"].create_index(["deliverable_key"])


@migrations()
def m012_event_outcomes(db: Database) -> None:
    """How each claimed Slack event ended (claimed, answered, failed, given up), how many attempts
    failed, which process holds it, and the event itself while it is open, so a claim left by a
    process that stopped can be finished at the next start."""
    table = db["seen_events"]
    table.add_column("state", str, not_null_default="answered")
    table.add_column("attempts", int, not_null_default=0)
    table.add_column("owner", str)
    table.add_column("updated_at", str)
    table.add_column("envelope", str)
    table.add_column("error", str)
    table.create_index(["state"])
    table.create_index(["seen_at"])  # each claim forgets the day-old ones


def migrate(connections: Connections) -> None:
    """Under the write lock, so two processes starting on a new file migrate it once."""
    with connections.transaction() as db:
        migrations.apply(db)
