"""The Alembic migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from datetime import datetime

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from pitchday.extensions import db
from tests.conftest import make_app, schema_dropped


def _empty_database(app):
    schema_dropped()
    with app.app_context():
        db.drop_all()
        with db.engine.begin() as conn:
            conn.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))


def _differences(app):
    with app.app_context(), db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "render_as_batch": True})
        return compare_metadata(context, db.metadata)


def test_upgrade_builds_the_schema_of_the_models(tmp_path, database_url):
    app = make_app(tmp_path, database_url)
    _empty_database(app)
    try:
        with app.app_context():
            upgrade()
        assert _differences(app) == []
        with app.app_context():
            tables = set(sa.inspect(db.engine).get_table_names())
        assert {"users", "camps", "role_grants", "role_changes", "events"} <= tables
    finally:
        _empty_database(app)
        with app.app_context():
            db.engine.dispose()


def test_every_migration_can_be_rolled_back(tmp_path, database_url):
    app = make_app(tmp_path, database_url)
    _empty_database(app)
    try:
        with app.app_context():
            upgrade()
            downgrade(revision="base")
            tables = set(sa.inspect(db.engine).get_table_names()) - {"alembic_version"}
        assert tables == set()
    finally:
        _empty_database(app)
        with app.app_context():
            db.engine.dispose()


def _insert_row(conn, table_name, **values):
    """Insert a row giving every required column a plain value of its type (the schema of an older revision)."""
    table = sa.Table(table_name, sa.MetaData(), autoload_with=conn)
    row = dict(values)
    for column in table.columns:
        if column.name in row or column.nullable or column.server_default is not None or column.primary_key:
            continue
        try:
            kind = column.type.python_type
        except NotImplementedError:
            kind = str
        row[column.name] = {int: 1, bool: False, dict: {}, list: [], datetime: datetime(2026, 12, 1, 10)}.get(kind, "x")
    return conn.execute(table.insert().values(**row)).inserted_primary_key[0]


def test_the_journeys_revision_gives_existing_registrations_their_search_key(tmp_path, database_url):
    app = make_app(tmp_path, database_url)
    _empty_database(app)
    try:
        with app.app_context():
            upgrade(revision="0012")
            with db.engine.begin() as conn:
                camp = _insert_row(conn, "camps", slug="essen", name="Essen")
                event = _insert_row(conn, "events", camp_id=camp, title="Pitch Day", capacity=10, type="pitch_day",
                                    status="published", ends_at=datetime(2026, 12, 1, 14))
                _insert_row(conn, "registrations", event_id=event, name="Aylin Özdemir", email="a@ruhr.de",
                            organisation="Zeche Krüger", attendee_type="investor", status="confirmed",
                            ticket_secret="s1", queue_number=1, locale="de")
            upgrade(revision="journeys")
            with db.engine.connect() as conn:
                key = conn.execute(sa.text("SELECT search_key FROM registrations")).scalar_one()
        assert key == " aylin ozdemir zeche kruger a ruhr de "
    finally:
        _empty_database(app)
        with app.app_context():
            db.engine.dispose()
