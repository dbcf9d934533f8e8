"""The command line: demo data, admins and backups."""

import sqlite3

import pytest

from pitchday.models import Camp, User


def test_seed_demo_is_idempotent_and_prints_the_logins(app, db):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    counts = (db.session.scalar(db.select(db.func.count()).select_from(Camp)),
              db.session.scalar(db.select(db.func.count()).select_from(User)))
    second = runner.invoke(args=["seed-demo"])
    assert second.exit_code == 0
    assert counts[0] == 6
    assert (db.session.scalar(db.select(db.func.count()).select_from(Camp)),
            db.session.scalar(db.select(db.func.count()).select_from(User))) == counts
    assert "admin@pitchday.example" in first.output and "orga-essen@pitchday.example" in first.output


def test_seed_demo_if_empty_leaves_existing_data_alone(app, db, camps):
    result = app.test_cli_runner().invoke(args=["seed-demo", "--if-empty"])
    assert "not seeding" in result.output
    assert db.session.scalar(db.select(db.func.count()).select_from(User)) == 0


def test_create_admin_prints_a_generated_password_that_works(app, db, client):
    result = app.test_cli_runner().invoke(args=["create-admin", "Boss@Example.org"])
    assert result.exit_code == 0, result.output
    password = result.output.split("Password: ")[1].strip()
    user = db.session.scalar(db.select(User).filter_by(email="boss@example.org"))
    assert user.is_hub_admin
    response = client.post_form("/auth/login", {"email": "boss@example.org", "password": password},
                                page="/auth/login")
    assert response.status_code == 302


def test_backup_copies_the_database_while_a_writer_holds_it_open(app, db, camps, tmp_path, database_url):
    if database_url:
        pytest.skip("backup is for SQLite; PostgreSQL uses pg_dump")
    writer = sqlite3.connect(db.engine.url.database, timeout=30)
    writer.execute("BEGIN")
    writer.execute("UPDATE camps SET name = 'uncommitted' WHERE slug = 'essen'")
    target = tmp_path / "backup.sqlite3"
    try:
        result = app.test_cli_runner().invoke(args=["backup", str(target)])
    finally:
        writer.rollback()
        writer.close()
    assert result.exit_code == 0, result.output
    copy = sqlite3.connect(target)
    names = {row[0] for row in copy.execute("SELECT name FROM camps")}
    assert "Camp Essen" in names and "uncommitted" not in names
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
