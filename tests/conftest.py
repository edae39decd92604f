"""Shared fixtures: a store and a Knowledge built from the project's own data/ in a temp folder,
and a Knowledge of a copy of data/ whose text carries Slack markup."""

from __future__ import annotations

import pytest

from knowledge.answering import Knowledge, open_knowledge
from knowledge.datafiles import default_data_dir
from knowledge.store import Store
from tests.fake_slack import FakeSlack
from tests.markup import write_marked_data
from tests.slack_harness import settings_for, start_app


@pytest.fixture(scope="session")
def data_dir():
    return default_data_dir()


@pytest.fixture(scope="session")
def knowledge(tmp_path_factory, data_dir) -> Knowledge:
    """One seed store for the read-only tests of the session."""
    return open_knowledge(tmp_path_factory.mktemp("store") / "seed.db", data_dir)


@pytest.fixture
def store(tmp_path, data_dir) -> Store:
    """A fresh store of the seed, for tests that write."""
    store = Store(tmp_path / "csp.db", data_dir)
    yield store
    store.close()


@pytest.fixture(scope="session")
def marked_data_dir(tmp_path_factory, data_dir):
    return write_marked_data(data_dir, tmp_path_factory.mktemp("marked") / "data")


@pytest.fixture(scope="session")
def marked_knowledge(tmp_path_factory, marked_data_dir) -> Knowledge:
    """A seed store whose data carries markup that reaches replies unless escaped."""
    return open_knowledge(tmp_path_factory.mktemp("store") / "marked.db", marked_data_dir)


@pytest.fixture
def fake():
    """A fake Slack Web API on 127.0.0.1 that records every call."""
    fake = FakeSlack().start()
    yield fake
    fake.stop()


@pytest.fixture
def start_slack(fake):
    """Start the real Bolt app, talking to the fake Slack, on a Knowledge and settings of the
    test's choosing (`csp_bot_admins=ADMIN`…); every app started is stopped after the test."""
    started = []

    def start(knowledge: Knowledge, **settings):
        running = start_app(settings_for(fake, **settings), knowledge)
        started.append(running)
        return running

    yield start
    for running in started:
        running.stop()
