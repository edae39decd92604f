"""Learning from partners: the "did you mean" choices they pick become aliases, once an admin
approves them. No Slack here.

A pick is bookkeeping: it changes nothing the bot says. An approved alias is what the bot
knows (a content write, so the index is rebuilt with it); so is its removal. Nothing is
deleted: a removed alias is marked so, and every decision has an audit row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from knowledge.answering import Knowledge
from knowledge.services.roles import Role, Roles
from knowledge.store.audit import add_audit
from knowledge.store.learning import (
    active_alias,
    active_aliases,
    add_alias,
    add_pick,
    add_review,
    mark_removed,
    open_picks,
    read_alias,
    read_pick,
)
from knowledge.understanding.text import MAX_QUESTION_CHARS, clean, words

LEARN_SOURCE = "learn"


class LearningError(ValueError):
    """A pick or alias that is not there, or an alias that would answer two things."""


def normalise(question: str) -> str:
    """The question as the matcher reads it: no Slack markup, lower case, words only."""
    return " ".join(words(clean(question)))


@dataclass(frozen=True)
class OpenPick:
    """A question and the entry partners picked for it, since it was last decided on."""

    pick_id: int
    """The latest pick of the pair: what approving or dismissing names."""
    alias: str
    entry_key: str
    title: str
    picks: int
    people: int
    last_at: str


@dataclass(frozen=True)
class LearnedAlias:
    alias_id: int
    alias: str
    entry_key: str
    title: str
    approved_by: str
    approved_at: str


@dataclass(frozen=True)
class Decided:
    alias: str
    title: str
    decision: str
    """"approved", "dismissed" or "removed"."""
    repeated: bool = False
    """It had been decided so already (a second click): nothing changed now."""


def _at(now: datetime) -> str:
    return now.astimezone(UTC).isoformat(timespec="seconds")


class Learning:
    def __init__(self, knowledge: Knowledge, roles: Roles) -> None:
        self.knowledge = knowledge
        self.store = knowledge.store
        self.roles = roles

    def _titles(self) -> dict[str, str]:
        ctx, _ = self.knowledge.current()
        return {key: entry.title for key, entry in ctx.index.entries.items()}

    def _require_admin(self, actor: str | None, doing: str) -> str:
        if not actor or self.roles.role_of(actor) is not Role.ADMIN:
            raise self.roles.refusal(doing)
        return actor

    def record_pick(self, user_id: str, question: str, entry_key: str, now: datetime) -> bool:
        """Note that someone picked an entry for a question; False when there is nothing to
        learn from it (no words, longer than the matcher reads, an entry not held)."""
        normalised = normalise(question)
        if not user_id or not normalised or len(question) > MAX_QUESTION_CHARS:
            return False
        if entry_key not in self._titles():
            return False
        with self.store.write_bookkeeping() as db:
            add_pick(
                db,
                at=_at(now),
                user_id=user_id,
                question=question,
                normalised=normalised,
                entry_key=entry_key,
            )
        return True

    def open_picks(self, actor: str | None) -> list[OpenPick]:
        """The pairs to review, most picked first."""
        self._require_admin(actor, "admins can review what partners picked")
        titles = self._titles()
        return [
            OpenPick(
                pick_id=row["latest_pick"],
                alias=row["alias"],
                entry_key=row["entry_key"],
                title=titles.get(row["entry_key"], row["entry_key"]),
                picks=row["picks"],
                people=row["people"],
                last_at=row["last_at"],
            )
            for row in open_picks(self.store.db)
        ]

    def aliases(self, actor: str | None) -> list[LearnedAlias]:
        self._require_admin(actor, "admins can review what the bot learned")
        titles = self._titles()
        return [
            LearnedAlias(
                alias_id=row["id"],
                alias=row["alias"],
                entry_key=row["entry_key"],
                title=titles.get(row["entry_key"], row["entry_key"]),
                approved_by=row["approved_by"],
                approved_at=row["approved_at"],
            )
            for row in active_aliases(self.store.db)
        ]

    def _pick(self, pick_id: int) -> dict:
        pick = read_pick(self.store.db, pick_id)
        if pick is None:
            raise LearningError(f"there is no pick {pick_id}; `/csp learn` lists them")
        return pick

    def approve(
        self, actor: str | None, pick_id: int, now: datetime, request_id: str | None = None
    ) -> Decided:
        """The pick's question becomes an alias of its entry: it answers directly from now on."""
        actor = self._require_admin(actor, "admins can approve what the bot learns")
        pick = self._pick(pick_id)
        alias, key = pick["normalised"], pick["entry_key"]
        titles = self._titles()  # read before the write: the index may be rebuilt to read them
        if key not in titles:
            raise LearningError(f"“{alias}” was picked for something I no longer hold")
        at = _at(now)
        with self.store.write_content() as db:
            held = active_alias(db, alias)
            if held is not None and held["entry_key"] == key:
                return Decided(alias, titles[key], "approved", repeated=True)
            if held is not None:
                other = titles.get(held["entry_key"], held["entry_key"])
                raise LearningError(f"“{alias}” already answers {other}: remove that alias first")
            alias_id = add_alias(
                db, alias=alias, entry_key=key, question=pick["question"], approved_by=actor, at=at
            )
            add_review(db, at=at, actor=actor, decision="approved", alias=alias, entry_key=key)
            add_audit(
                db, at=at, actor=actor, action="approve", entity="alias", entity_key=key,
                new={"alias": alias, "id": alias_id, "pick": pick_id}, source=LEARN_SOURCE,
                request_id=request_id,
            )  # fmt: skip
        return Decided(alias, titles[key], "approved")

    def dismiss(
        self, actor: str | None, pick_id: int, now: datetime, request_id: str | None = None
    ) -> Decided:
        """Not an alias: the pair leaves the list until partners pick it again."""
        actor = self._require_admin(actor, "admins can review what partners picked")
        pick = self._pick(pick_id)
        alias, key = pick["normalised"], pick["entry_key"]
        title = self._titles().get(key, key)
        at = _at(now)
        with self.store.write_bookkeeping() as db:
            add_review(db, at=at, actor=actor, decision="dismissed", alias=alias, entry_key=key)
            add_audit(
                db, at=at, actor=actor, action="dismiss", entity="alias", entity_key=key,
                new={"alias": alias, "pick": pick_id}, source=LEARN_SOURCE, request_id=request_id,
            )  # fmt: skip
        return Decided(alias, title, "dismissed")

    def remove(
        self, actor: str | None, alias_id: int, now: datetime, request_id: str | None = None
    ) -> Decided:
        """The alias no longer answers; its row stays, marked removed, by whom and when."""
        actor = self._require_admin(actor, "admins can remove what the bot learned")
        titles = self._titles()
        at = _at(now)
        with self.store.write_content() as db:
            row = read_alias(db, alias_id)
            if row is None:
                raise LearningError(f"there is no alias {alias_id}; `/csp learn aliases` lists them")
            alias, key = row["alias"], row["entry_key"]
            title = titles.get(key, key)
            if row["removed_at"] is not None:
                return Decided(alias, title, "removed", repeated=True)
            mark_removed(db, alias_id, actor, at)
            add_review(db, at=at, actor=actor, decision="removed", alias=alias, entry_key=key)
            add_audit(
                db, at=at, actor=actor, action="remove", entity="alias", entity_key=key,
                old={"alias": alias, "id": alias_id}, source=LEARN_SOURCE, request_id=request_id,
            )  # fmt: skip
        return Decided(alias, title, "removed")
