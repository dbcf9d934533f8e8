"""Fixtures shared by every test: the app on SQLite (default) or PostgreSQL, clients, people in each role.

Set PITCHDAY_TEST_DATABASE_URL (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test) to run the suite
against PostgreSQL; each test then starts from empty tables.
"""

import os
import re
import threading
import time

import pytest
import sqlalchemy as sa
from flask import has_app_context
from flask.testing import FlaskClient
from werkzeug.serving import make_server

from pitchday import create_app
from pitchday.database import utcnow
from pitchday.enums import Role
from pitchday.extensions import db as _db
from pitchday.models import Camp, User
from pitchday.services.accounts import account as accounts
from pitchday.services.accounts import roles, two_step

PASSWORD = "correct horse battery"
# The hub_admin fixture's two-step sign-in secret (hub admins must have it; issue 14).
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
PG_URL = os.environ.get("PITCHDAY_TEST_DATABASE_URL")
CSRF_RE = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')


def pytest_report_header(config):
    return f"pitchday database: {'PostgreSQL ' + PG_URL if PG_URL else 'SQLite (temporary file per test)'}"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    return PG_URL


class IsolatedClient(FlaskClient):
    """Each request runs in its own app context, as in production: no ``g`` (CSRF token, logged-in user) or
    database session leaks from the test's own context into the request or from one request to the next.

    The test's pending changes are committed first so the request sees them, and the test's snapshot ends
    so it reads what the request wrote."""

    def open(self, *args, **kwargs):
        if has_app_context():
            _db.session.commit()
        # Buffered: a streamed export is read to its end inside the request's context, as a server would, even
        # when the test only looks at the status code.
        kwargs.setdefault("buffered", True)
        with self.application.app_context():
            return super().open(*args, **kwargs)


def make_app(tmp_path, database_url=None, **overrides):
    instance = tmp_path / "instance"
    instance.mkdir(exist_ok=True)
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-not-for-production",
        "DATABASE_URL": database_url or f"sqlite:///{tmp_path / 'test.sqlite3'}",
        "OUTBOX_DIR": str(tmp_path / "outbox"),
        "CACHE_DIR": str(tmp_path / "cache"),
        "UPLOAD_DIR": str(tmp_path / "uploads"),
        "EXPORT_DIR": str(tmp_path / "exports"),
        "BASE_URL": "http://localhost",
        "LOGIN_LIMIT_PER_ADDRESS": "1000 per minute",
        "LOGIN_LIMIT_PER_ACCOUNT": "1000 per minute",
        "LOG_LEVEL": "WARNING",
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
    }
    config.update(overrides)
    app = create_app(config)
    app.instance_path = str(instance)
    app.test_client_class = IsolatedClient
    _CREATED_APPS.append(app)
    return app


_CREATED_APPS = []


@pytest.fixture(autouse=True)
def _close_database_connections():
    """Close every pooled connection of the apps a test made, so none outlives its test."""
    yield
    while _CREATED_APPS:
        created = _CREATED_APPS.pop()
        with created.app_context():
            _db.session.remove()
            _db.engine.dispose()


_POSTGRES_SCHEMA = {"ready": False}


def prepare_schema(database_url) -> None:
    """Tables for the current app: a new SQLite file each time; on PostgreSQL built once, emptied per test."""
    if database_url and _POSTGRES_SCHEMA["ready"]:
        return
    if database_url:
        _db.drop_all()
    _db.create_all()
    _POSTGRES_SCHEMA["ready"] = bool(database_url)


def schema_dropped() -> None:
    """Call after a test leaves PostgreSQL without the app's tables (the migration tests do)."""
    _POSTGRES_SCHEMA["ready"] = False


def empty_tables(database_url) -> None:
    _db.session.remove()
    if database_url:
        tables = ", ".join(f'"{t.name}"' for t in _db.metadata.sorted_tables)
        for attempt in range(5):
            try:
                _db.session.execute(sa.text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
                _db.session.commit()
                break
            except sa.exc.OperationalError as error:
                # A browser test's server thread can still be answering a page's last poll: PostgreSQL then picks
                # one side of the lock wait as a deadlock victim. That request is over a moment later.
                _db.session.rollback()
                if "deadlock" not in str(error).lower() or attempt == 4:
                    raise
                time.sleep(0.3)
        _db.session.remove()


@pytest.fixture
def app(tmp_path, database_url):
    app = make_app(tmp_path, database_url)
    with app.app_context():
        prepare_schema(database_url)
        yield app
        empty_tables(database_url)


@pytest.fixture
def db(app):
    return _db


class FormClient:
    """Test client that posts forms the way a browser does: with the CSRF token of a rendered page."""

    def __init__(self, client):
        self.client = client

    def __getattr__(self, name):
        return getattr(self.client, name)

    def csrf_token(self, page: str = "/") -> str:
        html = self.client.get(page).get_data(as_text=True)
        match = CSRF_RE.search(html)
        assert match, f"no CSRF token on {page}"
        return match.group(1) or match.group(2)

    def post_form(self, url: str, data: dict | None = None, *, page: str = "/", **kwargs):
        payload = dict(data or {})
        payload.setdefault("csrf_token", self.csrf_token(page))
        return self.client.post(url, data=payload, **kwargs)


@pytest.fixture
def client(app):
    return FormClient(app.test_client())


def deliver_outbox(app) -> dict:
    """What the worker would do, at once and in this process: deliver every committed outbox row (the test's own
    uncommitted changes stay its own: delivery works in a session of its own)."""
    from pitchday.services.outbox.delivery import flush

    with app.app_context():
        return flush()


@pytest.fixture
def outbox(app):
    """The messages the app has sent, parsed, oldest first: the outbox is delivered to .eml files first."""
    import email
    from email import policy
    from pathlib import Path

    def read():
        # As at the end of a request: the test's work is committed first (on SQLite an open snapshot could not
        # write after the delivery's commits), unless it holds mail not yet committed, which stays its own.
        if not _db.session.info.get("pitchday_outbox") and not _db.session.info.get("pitchday_outbox_ids"):
            _db.session.commit()
        deliver_outbox(app)
        folder = Path(app.config["OUTBOX_DIR"])
        files = sorted(folder.glob("*.eml"), key=lambda p: p.stat().st_mtime_ns) if folder.exists() else []
        return [email.message_from_bytes(p.read_bytes(), policy=policy.default) for p in files]

    return read


@pytest.fixture
def camps(db):
    from pitchday.demo.foundation import CAMPS

    for data in CAMPS:
        db.session.add(Camp(**data))
    db.session.commit()
    return {c.slug: c for c in db.session.scalars(sa.select(Camp))}


def create_user(email: str, name: str = "Test Person", password: str | None = PASSWORD, confirmed=True,
                locale="de") -> User:
    user = User(email=email, name=name, locale=locale, email_confirmed_at=utcnow() if confirmed else None)
    if password:
        accounts.set_password(user, password)
    _db.session.add(user)
    _db.session.commit()
    return user


@pytest.fixture
def make_user(db):
    return create_user


@pytest.fixture
def hub_admin(db, camps):
    user = create_user("admin@example.org", "Ada Admin")
    roles.grant(actor=None, user=user, role=Role.HUB_ADMIN)
    two_step.enrol_known_secret(user, TOTP_SECRET)
    db.session.commit()
    return user


@pytest.fixture
def organiser(db, camps):
    """Organiser of the Essen camp."""
    user = create_user("orga@example.org", "Olga Orga")
    roles.grant(actor=None, user=user, role=Role.CAMP_ORGANISER, camp=camps["essen"])
    db.session.commit()
    return user


@pytest.fixture
def other_organiser(db, camps):
    """Organiser of the Dortmund camp (not Essen)."""
    user = create_user("orga-do@example.org", "Otto Dortmund")
    roles.grant(actor=None, user=user, role=Role.CAMP_ORGANISER, camp=camps["dortmund"])
    db.session.commit()
    return user


@pytest.fixture
def member(db, camps):
    """A plain account without any role."""
    return create_user("member@example.org", "Mia Member")


def two_step_code(user: User) -> str:
    """The code ``user``'s authenticator app shows now. A code is accepted once per 30-second step, so this forgets
    the step last used: a test may log the same person in twice within half a minute."""
    import pyotp

    from pitchday.database import write_intent

    _db.session.commit()  # end the test's read snapshot: a server thread may have written since (SQLite)
    with write_intent():
        # By e-mail: threads of the concurrency tests carry only that, not a loaded user.
        _db.session.execute(sa.update(User).where(User.email == user.email).values(totp_last_step=None))
        _db.session.commit()
    return pyotp.TOTP(two_step.secret_of(_db.session.scalar(sa.select(User).filter_by(email=user.email)))).now()


def complete_two_step(client: FormClient, user: User, response):
    """After the password step: type the two-step code when the app asks for one (hub admins, issue 14)."""
    if not response.headers.get("Location", "").endswith("/auth/two-step"):
        return response
    if has_app_context():
        code = two_step_code(user)
    else:  # a client in a thread of its own (the concurrency tests) has none of the test's
        with client.application.app_context():
            code = two_step_code(user)
    return client.post_form("/auth/two-step", {"code": code}, page="/auth/two-step")


def log_in(client: FormClient, user: User, password: str = PASSWORD):
    response = client.post_form("/auth/login", {"email": user.email, "password": password}, page="/auth/login")
    response = complete_two_step(client, user, response)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    return client


@pytest.fixture
def login(client):
    return lambda user, password=PASSWORD: log_in(client, user, password)


@pytest.fixture
def people(member, organiser, other_organiser, hub_admin):
    """One person per role of the access tables in tests/access.py."""
    return {"member": member, "organiser": organiser, "other_organiser": other_organiser, "hub_admin": hub_admin}


@pytest.fixture
def app_logs(caplog):
    """Captured records of the app's own loggers (which do not propagate to the root logger)."""
    import logging

    logger = logging.getLogger("pitchday")
    logger.addHandler(caplog.handler)
    caplog.set_level(logging.INFO, logger="pitchday")
    yield caplog
    logger.removeHandler(caplog.handler)


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """PITCHDAY_TEST_REDIS_URL, or a redis-server of the suite's own when one is installed; else skip the test."""
    import shutil
    import socket
    import subprocess
    import time

    url = os.environ.get("PITCHDAY_TEST_REDIS_URL")
    if url:
        yield url
        return
    binary = shutil.which("redis-server")
    if not binary:
        pytest.skip("PITCHDAY_TEST_REDIS_URL not set and no redis-server installed")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    folder = tmp_path_factory.mktemp("redis")
    server = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
                               "no", "--dir", str(folder)], stdout=subprocess.DEVNULL)
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def live_server(app):
    """The test's app served over HTTP on 127.0.0.1 in a background thread; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}"
    app.config["BASE_URL"] = base
    yield base
    server.shutdown()
    thread.join(timeout=5)
