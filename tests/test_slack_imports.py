"""An admin sends the Met's CSV to the bot in a direct message, end to end: signed events and
button clicks to the real Bolt app, the file served by the fake Slack, the dry run under an
"Import" button, the import on an admin's click only, and /csp undo taking it back."""

from __future__ import annotations

import json
from itertools import count

import pytest

from knowledge.answering import open_knowledge
from tests.fake_slack import BOT_TOKEN, HOME_TEAM
from tests.police_files import ROWS, mps_file, with_count
from tests.slack_harness import ADMIN, direct_message, text_of

READER = "UALICE01"
_ids = count(1)


@pytest.fixture
def knowledge(tmp_path, data_dir):
    return open_knowledge(tmp_path / "imports.db", data_dir)


@pytest.fixture
def slack(start_slack, knowledge):
    return start_slack(knowledge, csp_bot_admins=ADMIN)


def send_file(slack, fake, content: bytes, user: str = ADMIN, name: str = "mps.csv") -> dict:
    """A DM carrying one file; returns the bot's reply."""
    file_id = f"F{next(_ids):08d}"
    sent = len(fake.posted("chat.postMessage"))
    files = [fake.add_file(file_id, name, content)]
    event = direct_message("", user=user, subtype="file_share", files=files, channel=f"D{user}")
    assert slack.event(event).status == 200
    return fake.wait_for("chat.postMessage", count=sent + 1)[-1].params


def import_button(reply: dict) -> dict:
    [actions] = [b for b in reply["blocks"] if b["type"] == "actions"]
    [button] = actions["elements"]
    assert (button["action_id"], button["text"]["text"]) == ("csp_import", "Import")
    return button


def click(slack, fake, button: dict, user: str = ADMIN) -> dict:
    sent = len(fake.posted("response_url"))
    payload = {
        "type": "block_actions",
        "team": {"id": HOME_TEAM},
        "user": {"id": user, "team_id": HOME_TEAM},
        "api_app_id": "A0CSP",
        "container": {
            "type": "message",
            "message_ts": "500.1",
            "channel_id": f"D{user}",
            "is_ephemeral": False,
        },
        "channel": {"id": f"D{user}"},
        "response_url": fake.response_url("import"),
        "trigger_id": f"trigger-{next(_ids)}",
        "actions": [{**button, "type": "button", "block_id": "csp_import", "action_ts": "1"}],
    }
    assert slack.action(payload).status == 200
    return fake.wait_for("response_url", count=sent + 1)[-1].params


def command(slack, fake, text: str, user: str = ADMIN) -> str:
    sent = len(fake.posted("response_url"))
    extra = {"trigger_id": f"trigger-{next(_ids)}"}
    assert slack.command(text, fake.response_url(), user_id=user, extra=extra).status == 200
    return text_of(fake.wait_for("response_url", count=sent + 1)[-1].params)


def test_an_admins_file_gets_the_dry_run_and_their_click_imports_it(slack, fake, knowledge):
    revision = knowledge.store.revision()
    reply = send_file(slack, fake, mps_file())
    text = text_of(reply)
    assert "Importing mps.csv (Tower Hamlets; 8 rows; 3 months, May 2019 to Jul 2019) would change 12" in text
    assert "Possession of weapons (new indicator): 3 new (May 2019–Jul 2019)" in text
    [download] = fake.posted("files.download")
    assert download.headers["Authorization"] == f"Bearer {BOT_TOKEN}"
    assert knowledge.store.revision() == revision  # the dry run wrote nothing

    done = click(slack, fake, import_button(reply))
    assert done["replace_original"] is True
    assert "Imported mps.csv (Tower Hamlets; 8 rows; 3 months, May 2019 to Jul 2019) as batch 1" in text_of(
        done
    )
    assert "Undo it with `/csp undo`" in text_of(done)
    assert knowledge.ask("possession of weapons").key == "possession-of-weapons"
    ctx, _ = knowledge.current()
    assert [f.value for f in ctx.catalogue.figures["possession-of-weapons"]] == [13, 15, 17]
    [batch] = knowledge.store.db["import_batches"].rows
    assert batch["imported_by"] == ADMIN

    again = click(slack, fake, import_button(reply))  # a second click changes nothing
    assert "Nothing imported" in text_of(again) and "(imported before as batch 1)" in text_of(again)

    undone = command(slack, fake, "undo")
    assert "Undone: import batch 1 (mps.csv, Tower Hamlets" in undone
    assert knowledge.ask("possession of weapons").kind.value == "unknown"


def test_a_readers_file_is_refused_politely_and_never_fetched(slack, fake, knowledge):
    revision = knowledge.store.revision()
    reply = send_file(slack, fake, mps_file(), user=READER)
    assert "Only admins can import police data" in text_of(reply)
    assert f"<@{ADMIN}> can grant access" in text_of(reply)
    assert not fake.posted("files.info") and not fake.posted("files.download")
    assert knowledge.store.revision() == revision


def test_only_an_admins_click_imports_and_the_role_is_checked_at_the_click(slack, fake, knowledge):
    button = import_button(send_file(slack, fake, mps_file()))
    revision = knowledge.store.revision()
    refused = click(slack, fake, button, user=READER)
    assert refused["replace_original"] is False and "Only admins can import police data" in text_of(refused)
    assert knowledge.store.revision() == revision

    command(slack, fake, "grant <@UDEPUTY01> admin")
    button = import_button(send_file(slack, fake, mps_file(), user="UDEPUTY01"))
    command(slack, fake, "grant <@UDEPUTY01> officer")  # no longer an admin when they click
    revision = knowledge.store.revision()
    assert "Only admins can import police data" in text_of(click(slack, fake, button, user="UDEPUTY01"))
    assert knowledge.store.revision() == revision


def test_a_malformed_file_is_refused_with_its_line_and_column_and_no_button(slack, fake, knowledge):
    broken = mps_file(with_count(ROWS, "Theft", "Shoplifting", 1, "<!channel>"))
    reply = send_file(slack, fake, broken, name="broken.csv")
    text = text_of(reply)
    assert "I can't import broken.csv: line 8, column 5: “&lt;!channel&gt;” under 201906" in text
    assert "Nothing was written" in text and "<!channel>" not in text
    assert not [b for b in reply["blocks"] if b["type"] == "actions"]


def test_a_file_that_is_not_csv_or_too_big_is_refused(slack, fake, knowledge):
    reply = send_file(slack, fake, b"%PDF-1.7\x00\x01binary", name="report.pdf")
    assert "I can't import report.pdf: line 1: this is not a CSV file" in text_of(reply)
    big = b"MajorText,MinorText,BoroughName,201905\n" + b"x" * (20 * 1024 * 1024)
    downloads = len(fake.posted("files.download"))
    reply = send_file(slack, fake, big, name="huge.csv")
    assert "huge.csv is 20.0 MB; I take files up to 20.0 MB" in text_of(reply)
    assert len(fake.posted("files.download")) == downloads  # refused before downloading


def test_a_file_changed_after_the_dry_run_is_not_imported(slack, fake, knowledge):
    reply = send_file(slack, fake, mps_file())
    button = import_button(reply)
    file_id = json.loads(button["value"])["file"]
    fake.files[file_id] = ("mps.csv", mps_file(with_count(ROWS, "Theft", "Shoplifting", 1, 99)))
    revision = knowledge.store.revision()
    assert "the file has changed since" in text_of(click(slack, fake, button))
    assert knowledge.store.revision() == revision


def test_a_file_outside_slacks_file_host_is_not_fetched_with_the_token(fake, knowledge):
    from slack_sdk import WebClient

    from handlers.slack_files import FileProblem, fetch_file

    client = WebClient(token=BOT_TOKEN, base_url="https://slack.com/api/")
    client.files_info = lambda file: {  # what a forged answer would say
        "file": {
            "name": "x.csv",
            "size": 10,
            "url_private_download": f"{fake.url}/files-pri/T-F1/download/x.csv",
        }
    }
    with pytest.raises(FileProblem, match="not stored on Slack's file host"):
        fetch_file(client, "F1")
    assert not fake.posted("files.download")


def test_a_file_from_another_organisation_is_refused_before_anything_is_read(slack, fake, knowledge):
    fake.users["USTRANGER"] = {"team_id": "TOTHER01", "is_stranger": True}
    reply = send_file(slack, fake, mps_file(), user="USTRANGER")
    assert "I can only share the partnership's figures with people from its own workspace" in text_of(reply)
    assert not fake.posted("files.info")
