import logging

import pytest

from bot.settings import Mode, SettingsError, load_settings


def test_tokens_never_show_in_repr_or_logs(caplog):
    settings = load_settings(
        _env_file=None, slack_bot_token="xoxb-secret-1", slack_signing_secret="shh-secret"
    )
    logging.getLogger("test").warning("settings: %s %r", settings, settings)
    assert "xoxb-secret-1" not in caplog.text and "shh-secret" not in caplog.text
    assert "xoxb-secret-1" not in repr(settings)


def test_api_url_gets_a_trailing_slash():
    assert (
        load_settings(_env_file=None, slack_api_url="http://127.0.0.1:9/api").slack_api_url
        == "http://127.0.0.1:9/api/"
    )


def test_allowed_teams_read_from_a_comma_list(monkeypatch):
    monkeypatch.setenv("CSP_ALLOWED_TEAM_IDS", "T0123ABCD, T99ZZ")
    assert load_settings(_env_file=None).csp_allowed_team_ids == frozenset({"T0123ABCD", "T99ZZ"})


def test_env_file_is_read(tmp_path, monkeypatch):
    (tmp_path / ".env").write_text("SLACK_BOT_TOKEN=xoxb-from-env-file\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    assert load_settings().slack_bot_token.get_secret_value() == "xoxb-from-env-file"


@pytest.mark.parametrize(
    ("mode", "named"), [(Mode.SOCKET, "SLACK_APP_TOKEN"), (Mode.HTTP, "SLACK_SIGNING_SECRET")]
)
def test_each_mode_names_what_it_lacks(mode, named, monkeypatch):
    for name in ("SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"):
        monkeypatch.delenv(name, raising=False)
    settings = load_settings(_env_file=None, slack_bot_token="xoxb-1")
    with pytest.raises(SettingsError, match=named):
        settings.require(mode)


def test_the_officers_user_group_is_read_and_checked(monkeypatch):
    monkeypatch.setenv("CSP_OFFICER_USERGROUP", " S0123ABCD ")
    assert load_settings(_env_file=None).csp_officer_usergroup == "S0123ABCD"
    monkeypatch.setenv("CSP_OFFICER_USERGROUP", "")
    assert load_settings(_env_file=None).csp_officer_usergroup is None
    monkeypatch.setenv("CSP_OFFICER_USERGROUP", "@officers")
    with pytest.raises(SettingsError, match="CSP_OFFICER_USERGROUP: not a Slack user group id"):
        load_settings(_env_file=None)


def test_the_updates_channel_is_a_channel_id_or_nothing(monkeypatch):
    monkeypatch.setenv("CSP_UPDATES_CHANNEL", " C0UPDATES ")
    assert load_settings(_env_file=None).csp_updates_channel == "C0UPDATES"
    monkeypatch.setenv("CSP_UPDATES_CHANNEL", "")
    assert load_settings(_env_file=None).csp_updates_channel is None
    monkeypatch.setenv("CSP_UPDATES_CHANNEL", "#csp-updates")
    with pytest.raises(SettingsError, match="CSP_UPDATES_CHANNEL: “#csp-updates” is not a channel id"):
        load_settings(_env_file=None)


def test_the_env_file_named_by_csp_bot_env_file_is_read_and_wins(tmp_path, monkeypatch):
    (tmp_path / ".env").write_text("SLACK_BOT_TOKEN=xoxb-from-here\nCSP_BOT_DB=/here.db\n")
    elsewhere = tmp_path / "etc" / "csp-bot.env"
    elsewhere.parent.mkdir()
    elsewhere.write_text("SLACK_BOT_TOKEN=xoxb-from-etc\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    monkeypatch.delenv("CSP_BOT_DB", raising=False)
    monkeypatch.setenv("CSP_BOT_ENV_FILE", str(elsewhere))
    settings = load_settings()
    assert settings.slack_bot_token.get_secret_value() == "xoxb-from-etc"
    assert str(settings.csp_bot_db) == "/here.db"  # what the later file leaves unsaid still counts


def test_an_env_file_named_but_missing_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("CSP_BOT_ENV_FILE", str(tmp_path / "nowhere.env"))
    with pytest.raises(SettingsError, match=r"CSP_BOT_ENV_FILE names .*nowhere\.env, which is not a file"):
        load_settings()


def test_two_settings_missing_are_both_named_and_set_them(monkeypatch):
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "CSP_BOT_ENV_FILE"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(SettingsError, match="needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN: set them in"):
        load_settings(_env_file=None).require(Mode.SOCKET)
    with pytest.raises(SettingsError, match="needs SLACK_APP_TOKEN: set it in"):
        load_settings(_env_file=None, slack_bot_token="xoxb-1").require(Mode.SOCKET)
