"""The officers' subcommands as typed, and the entry a name means, read as questions read it."""

from __future__ import annotations

import pytest

from knowledge.domain.models import Kind
from knowledge.services.commands import (
    HISTORY_KINDS,
    STATUS_KINDS,
    CommandError,
    History,
    Status,
    find_subject,
    parse_command,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("status RRT expansion: now reaches 18-24s", Status("RRT expansion", "now reaches 18-24s")),
        ("Status vawg charter:Published", None),  # the colon must be followed by a space
        ("status vawg charter : published: Nov 2018", Status("vawg charter", "published: Nov 2018")),
        ("status RRT expansion:", Status("RRT expansion", "")),
        ("status RRT expansion:   ", Status("RRT expansion", "")),
        ("status rrt expansion: line one\nline two", Status("rrt expansion", "line one\nline two")),
        ("status <!channel>: <!here> done", Status("<!channel>", "<!here> done")),
        ("status sp-vawg-charter: Refreshed", Status("sp-vawg-charter", "Refreshed")),
        # questions, not commands
        ("status of RRT expansion", None),
        ("status of RRT expansion: any news?", None),
        ("status on the VAWG charter: is it out?", None),
        ("status RRT expansion", None),
        ("status RRT expansion at 10:30", None),
        ("status", None),
        ("history rrt expansion", History("rrt expansion")),
    ],
)
def test_parse_status(text, expected):
    assert parse_command(text) == expected


def test_a_status_with_no_name_says_how_to_write_one():
    with pytest.raises(CommandError, match=r"say which action or deliverable.*/csp status RRT expansion:"):
        parse_command("status : done")


def test_a_status_button_sends_the_command_again_with_the_key():
    assert (
        Status("charter", "Refreshed: in 2019").text("vawg-charter")
        == "status vawg-charter: Refreshed: in 2019"
    )
    assert parse_command(Status("charter", "Refreshed").text("vawg-charter")) == Status(
        "vawg-charter", "Refreshed"
    )


@pytest.mark.parametrize(
    ("text", "kind", "key", "name"),
    [
        ("RRT expansion", Kind.ACTION, "rrt-expansion", "RRT expansion"),
        ("rapid response", Kind.ACTION, "rrt-expansion", "RRT expansion"),
        ("rrt-expansion", Kind.ACTION, "rrt-expansion", "RRT expansion"),
        ("stop and search", Kind.ACTION, "stop-and-search", "stop and search"),
        ("counter extremism", Kind.DELIVERABLE, "sp-hate-crime-extremism", "counter extremism"),
        ("sp-vawg-charter", Kind.DELIVERABLE, "sp-vawg-charter", "VAWG charter deliverable"),
    ],
)
def test_find_subject_takes_an_action_or_deliverable_it_is_sure_of(knowledge, text, kind, key, name):
    found = find_subject(knowledge, text, STATUS_KINDS)
    assert (found.subject.kind, found.subject.key, found.subject.name) == (kind, key, name)


def test_find_subject_offers_the_closest_when_unsure(knowledge):
    found = find_subject(knowledge, "charter", STATUS_KINDS)
    assert found.subject is None
    assert [(c.kind, c.key) for c in found.choices] == [
        (Kind.ACTION, "vawg-charter"),
        (Kind.DELIVERABLE, "sp-vawg-charter"),
    ]


def test_find_subject_never_takes_an_entry_of_another_kind(knowledge):
    found = find_subject(knowledge, "knife crime", STATUS_KINDS)
    assert found.subject is None
    assert all(c.kind in STATUS_KINDS for c in found.choices)
    assert find_subject(knowledge, "knife-crime", STATUS_KINDS).subject is None


def test_find_subject_for_history_takes_indicators_too(knowledge):
    assert find_subject(knowledge, "knife crime", HISTORY_KINDS).subject.key == "knife-crime"
    assert find_subject(knowledge, "VAWG charter", HISTORY_KINDS).subject.key == "vawg-charter"
    assert find_subject(knowledge, "shoplifting club", HISTORY_KINDS).subject is None
