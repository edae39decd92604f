"""The update form as built and as read back: within Slack's limits whatever the catalogue
holds, and a placeholder that only shows periods the bot reads."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import replace

import pytest
from slack_sdk.models.views import View

from handlers.blocks.forms import (
    CHECKED,
    ELEMENT,
    INDICATOR,
    MAX_OPTIONS,
    PERIOD_EXAMPLES,
    FormInput,
    form_channel,
    read_form,
    refused_view,
    update_form,
)
from handlers.blocks.updates import refusal
from knowledge.services.figures import read_period


def options(view: dict) -> list[dict]:
    [select] = [b["element"] for b in view["blocks"] if b["block_id"] == INDICATOR]
    return select["option_groups"]


def test_the_form_is_a_valid_modal_listing_every_indicator_by_priority(knowledge):
    catalogue = knowledge.store.catalogue()
    view = update_form(catalogue, "CGENERAL1")
    View(**view).validate_json()  # slack_sdk's own checks of a modal's limits
    groups = options(view)
    assert sorted(o["value"] for g in groups for o in g["options"]) == sorted(
        i.key for i in catalogue.indicators
    )
    violence = next(g for g in groups if g["label"]["text"] == "Violence")
    knife = next(o for o in violence["options"] if o["value"] == "knife-crime")
    assert (knife["text"]["text"], knife["description"]["text"]) == ("Knife crime", "Latest: 830 for 2018")


def test_a_catalogue_past_slacks_limits_still_makes_a_valid_modal(knowledge):
    catalogue = knowledge.store.catalogue()
    template, priority = catalogue.indicators[0], catalogue.priorities[0]
    priorities = [replace(priority, key=f"p{i}", name="P" * 90 + str(i)) for i in range(120)]
    indicators = [
        replace(template, key=f"i{i}", short_name="N" * 90, priority_key=f"p{i % 130}")
        for i in range(150)
    ]
    big = dataclasses.replace(catalogue, priorities=priorities, indicators=indicators, figures={})
    view = update_form(big, "C" + "1" * 10)
    View(**view).validate_json()
    groups = options(view)
    assert sum(len(g["options"]) for g in groups) == MAX_OPTIONS and len(groups) <= 100
    texts = [g["label"]["text"] for g in groups] + [o["text"]["text"] for g in groups for o in g["options"]]
    assert max(len(t) for t in texts) <= 75


@pytest.mark.parametrize("example", PERIOD_EXAMPLES)
def test_every_period_in_the_placeholder_is_one_the_bot_reads(example):
    read_period(example)


def test_a_submission_reads_back_and_a_missing_part_reads_as_empty(knowledge):
    view = update_form(knowledge.store.catalogue(), "CGENERAL1")
    assert form_channel(view) == "CGENERAL1"
    assert read_form({}) == FormInput(None, None, None, None, False)
    state = {
        INDICATOR: {ELEMENT: {"selected_option": {"value": "knife-crime"}}},
        "note": {ELEMENT: {"value": "   "}},
        CHECKED: {ELEMENT: {"selected_options": [{"value": CHECKED}]}},
    }
    assert read_form({"state": {"values": state}}) == FormInput("knife-crime", None, None, None, True)


@pytest.mark.parametrize("metadata", ["", "not json", "[1]", json.dumps({"channel": 5}), json.dumps({})])
def test_metadata_that_names_no_channel_reads_as_none(metadata):
    assert form_channel({"private_metadata": metadata}) is None


def test_the_same_submission_has_the_same_digest_and_any_change_a_new_one():
    first = FormInput("knife-crime", "2019", "900", None, False)
    assert first.digest() == FormInput("knife-crime", "2019", "900", None, False).digest()
    assert first.digest() != dataclasses.replace(first, checked=True).digest()
    assert first.digest() != dataclasses.replace(first, note="x").digest()


def test_a_refusal_replaces_the_form_with_nothing_to_submit():
    view = refused_view(refusal("Only officers can change the figures; <@U1> can grant access."))
    View(**view).validate_json()
    assert "submit" not in view
