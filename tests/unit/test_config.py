"""Configuration: defaults, then instance/config.py, then PITCHDAY_* variables, then overrides."""

import stat

from pitchday import create_app
from pitchday.config import SETTINGS, from_environment


def _app(tmp_path, monkeypatch, overrides=None, instance_config=None):
    instance = tmp_path / "inst"
    instance.mkdir(exist_ok=True)
    if instance_config:
        (instance / "config.py").write_text(instance_config)
    monkeypatch.setattr("flask.Flask.auto_find_instance_path", lambda self: str(instance))
    return create_app(overrides)


def test_environment_beats_instance_config_which_beats_defaults(tmp_path, monkeypatch):
    monkeypatch.setenv("PITCHDAY_BASE_URL", "https://pitch.example.org")
    monkeypatch.setenv("PITCHDAY_MAIL_PORT", "2525")
    app = _app(tmp_path, monkeypatch, instance_config='BASE_URL = "http://from-instance"\nMAIL_SERVER = "smtp.inst"\n')
    assert app.config["BASE_URL"] == "https://pitch.example.org"
    assert app.config["MAIL_PORT"] == 2525
    assert app.config["MAIL_SERVER"] == "smtp.inst"
    assert app.config["MAIL_BACKEND"] == "file"
    # https in the public address turns on secure cookies.
    assert app.config["SESSION_COOKIE_SECURE"] is True


def test_overrides_win_over_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("PITCHDAY_BASE_URL", "https://pitch.example.org")
    app = _app(tmp_path, monkeypatch, overrides={"BASE_URL": "http://override"})
    assert app.config["BASE_URL"] == "http://override"
    assert app.config["SESSION_COOKIE_SECURE"] is False


def test_without_a_configured_secret_one_is_generated_once_and_kept_private(tmp_path, monkeypatch):
    monkeypatch.delenv("PITCHDAY_SECRET_KEY", raising=False)
    first = _app(tmp_path, monkeypatch)
    second = _app(tmp_path, monkeypatch)
    key_file = tmp_path / "inst" / "secret_key"
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"] == key_file.read_text().strip()
    assert len(first.config["SECRET_KEY"]) >= 64
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_default_database_is_sqlite_in_the_instance_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("PITCHDAY_DATABASE_URL", raising=False)
    app = _app(tmp_path, monkeypatch)
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'inst' / 'pitchday.sqlite3'}"


def test_a_plain_postgresql_url_uses_psycopg_3(tmp_path, monkeypatch):
    monkeypatch.setenv("PITCHDAY_DATABASE_URL", "postgres://u:p@db/pitchday")
    app = _app(tmp_path, monkeypatch)
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u:p@db/pitchday"


def test_boolean_and_integer_settings_are_parsed():
    parsed = from_environment({"PITCHDAY_MAIL_USE_TLS": "true", "PITCHDAY_PROXY_COUNT": "1"})
    assert parsed == {"MAIL_USE_TLS": True, "PROXY_COUNT": 1}


def test_the_readme_documents_every_setting():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    undocumented = [s.env_var for s in SETTINGS if f"`{s.env_var}`" not in readme]
    assert undocumented == []
