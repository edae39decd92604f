"""The app manifests ask for what the listeners handle and the Web API methods need."""

from pathlib import Path

import pytest
import yaml
from slack_bolt import App

import handlers
from handlers.access import StrangerPolicy
from handlers.commands import COMMAND
from handlers.events import EVENT_LISTENERS
from handlers.replies import Services

SLACK = Path(__file__).resolve().parent.parent / "slack"


@pytest.fixture(params=["manifest.yml", "manifest.http.yml"])
def manifest(request):
    return yaml.safe_load((SLACK / request.param).read_text())


def test_manifest_events_and_command_match_the_listeners(manifest, knowledge):
    subscribed = {e.split(".")[0] for e in manifest["settings"]["event_subscriptions"]["bot_events"]}
    assert subscribed == set(EVENT_LISTENERS)
    app = App(token="xoxb-x", signing_secret="s", token_verification_enabled=False)
    handlers.register(app, Services(knowledge, StrangerPolicy()))  # registers without error
    assert [c["command"] for c in manifest["features"]["slash_commands"]] == [COMMAND]
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True
    assert manifest["settings"]["interactivity"]["is_enabled"] is True


def test_manifest_scopes_cover_every_web_api_method_used(manifest):
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"app_mentions:read", "chat:write", "commands", "im:history", "users:read"} <= scopes
    assert "usergroups:read" in scopes  # usergroups.users.list, for CSP_OFFICER_USERGROUP
    # conversations.history and conversations.info, for posting each week's digest once and
    # the tasking summary only to private channels
    assert {"channels:history", "groups:history", "channels:read", "groups:read"} <= scopes
    assert "files:read" in scopes  # files.info and the download of a CSV an admin sends


def test_socket_mode_and_http_manifests_differ_only_in_transport():
    socket_mode = yaml.safe_load((SLACK / "manifest.yml").read_text())
    http = yaml.safe_load((SLACK / "manifest.http.yml").read_text())
    assert socket_mode["settings"]["socket_mode_enabled"] is True
    assert http["settings"]["socket_mode_enabled"] is False
    assert http["settings"]["event_subscriptions"]["request_url"].endswith("/slack/events")
    assert socket_mode["oauth_config"] == http["oauth_config"]
