"""Who may ask: the stranger policy's memory of users is bounded, expires, and is guarded."""

from __future__ import annotations

import threading

from handlers.access import LOOKUP_SECONDS, StrangerPolicy


class Clock:
    """Monotonic seconds that only move when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Users:
    """A Web API client that knows only users.info: everyone is of the workspace."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def users_info(self, user: str) -> dict:
        self.asked.append(user)
        return {"user": {"id": user, "team_id": "THOME0001", "is_stranger": False}}


def test_the_policy_remembers_at_most_its_bound_of_users():
    policy = StrangerPolicy(clock=Clock())
    users = Users()
    for n in range(10_000):
        assert policy.refuses(users, f"U{n:08d}", None, "THOME0001") is False
    assert 0 < len(policy._seen) <= policy.max_users < 10_000


def test_the_oldest_user_is_forgotten_first():
    policy = StrangerPolicy(clock=Clock(), max_users=2)
    users = Users()
    for user in ("UFIRST", "USECOND", "UTHIRD", "USECOND"):
        policy.refuses(users, user, None, "THOME0001")
    assert users.asked == ["UFIRST", "USECOND", "UTHIRD"]
    policy.refuses(users, "UFIRST", None, "THOME0001")
    assert users.asked[-1] == "UFIRST"


def test_an_answer_past_its_lifetime_is_asked_again():
    clock = Clock()
    policy = StrangerPolicy(clock=clock)
    users = Users()
    policy.refuses(users, "UALICE01", None, "THOME0001")
    clock.now += LOOKUP_SECONDS - 1
    policy.refuses(users, "UALICE01", None, "THOME0001")
    assert users.asked == ["UALICE01"]
    clock.now += 2
    policy.refuses(users, "UALICE01", None, "THOME0001")
    assert users.asked == ["UALICE01", "UALICE01"]


def test_expired_answers_are_dropped_not_kept():
    clock = Clock()
    policy = StrangerPolicy(clock=clock)
    users = Users()
    for n in range(50):
        policy.refuses(users, f"U{n:08d}", None, "THOME0001")
    clock.now += LOOKUP_SECONDS + 1
    policy.refuses(users, "ULATE0001", None, "THOME0001")
    assert len(policy._seen) == 1


def test_a_remembered_answer_is_read_under_the_lock():
    policy = StrangerPolicy()
    users = Users()
    policy.refuses(users, "UALICE01", None, "THOME0001")  # now remembered
    answered = threading.Event()

    def ask() -> None:
        policy.refuses(users, "UALICE01", None, "THOME0001")
        answered.set()

    with policy._lock:
        asker = threading.Thread(target=ask, daemon=True)
        asker.start()
        assert not answered.wait(0.3), "read the remembered answer without taking the lock"
    assert answered.wait(5)
    asker.join(5)
    assert users.asked == ["UALICE01"]
