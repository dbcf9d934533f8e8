"""The Alembic migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

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
