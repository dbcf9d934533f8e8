"""Settings: defaults in code, then ``instance/config.py``, then ``PITCHDAY_*`` variables, then overrides.

``SETTINGS`` is the single list of every setting; the README's configuration table is checked against it.
"""

import os
import secrets
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str
    kind: type = str

    @property
    def env_var(self) -> str:
        return f"PITCHDAY_{self.name}"


SETTINGS = [
    Setting("SECRET_KEY", None, "Signs sessions and links. Generated into `instance/secret_key` when unset."),
    Setting("DATABASE_URL", None, "SQLAlchemy URL; default SQLite in `instance/pitchday.sqlite3`. "
            "PostgreSQL: `postgresql+psycopg://user:pw@host/db`."),
    Setting("BASE_URL", "http://127.0.0.1:5000", "Public address, used in e-mails, tickets and feeds."),
    Setting("MAIL_BACKEND", "file", "`file` writes `.eml` files to `instance/outbox/`; `smtp` sends them."),
    Setting("OUTBOX_DIR", None, "Where the `file` backend writes `.eml` files; default `instance/outbox`."),
    Setting("MAIL_SERVER", "localhost", "SMTP host."),
    Setting("MAIL_PORT", 25, "SMTP port.", int),
    Setting("MAIL_USERNAME", None, "SMTP user (optional)."),
    Setting("MAIL_PASSWORD", None, "SMTP password (optional)."),
    Setting("MAIL_USE_TLS", False, "STARTTLS after connecting.", bool),
    Setting("MAIL_USE_SSL", False, "Implicit TLS (SMTPS).", bool),
    Setting("MAIL_SENDER", "pitchday <noreply@pitchday.local>", "From: address of outgoing mail."),
    Setting("TASK_STORAGE_URL", None, "Where the worker's task queue lives: default SQLite in "
            "`instance/tasks.sqlite3`; `redis://host:6379/0` when several hosts serve the app; `memory://` for tests."),
    Setting("WORKER_THREADS", 4, "Threads of `flask worker` that deliver mail at once.", int),
    Setting("OUTBOX_CLAIM_TIMEOUT", 600, "Seconds after which a message a worker claimed but never marked (it "
            "crashed) is sent again, with the same Message-ID.", int),
    Setting("RATELIMIT_STORAGE_URI", "memory://", "Where rate-limit counters live; `redis://host:6379` "
            "when several processes serve the app."),
    Setting("LIVE_REDIS_URL", None, "Redis for the live show's version that open screens poll (`redis://host:6379/1`); "
            "default: the rate limiter's Redis if it has one, else the database (docs/live.md)."),
    Setting("LIVE_HELD_POLLS", 150, "Live show: screens' polls one process may hold open waiting for the show to "
            "move (threaded workers only; give gunicorn `--threads` this many plus some for other requests: with "
            "fewer, a quarter of the threads are kept free).", int),
    Setting("LOGIN_LIMIT_PER_ADDRESS", "20 per 10 minutes", "Failed log-in attempts allowed per client address "
            "(successful log-ins do not count)."),
    Setting("LOGIN_LIMIT_PER_ACCOUNT", "5 per 10 minutes", "Failed log-in attempts allowed per account (e-mail); "
            "a successful log-in starts the count again."),
    Setting("TWO_STEP_LIMIT_PER_ADDRESS", "20 per 10 minutes", "Wrong two-step sign-in codes allowed per client "
            "address."),
    Setting("TWO_STEP_LIMIT_PER_ACCOUNT", "5 per 10 minutes", "Wrong two-step sign-in codes allowed per account."),
    Setting("VOTE_CODE_LIMIT_PER_ADDRESS", "10 per 10 minutes",
            "Audience vote: code form (`/vote`) attempts per client address."),
    Setting("PROXY_COUNT", 0, "Number of reverse proxies in front of the app whose X-Forwarded-* headers "
            "are trusted.", int),
    Setting("UPLOAD_DIR", None, "Where pitch decks are stored; default `instance/uploads`."),
    Setting("EXPORT_DIR", None, "Where the worker writes exports prepared in the background; default "
            "`instance/exports` (storage every host shares, like UPLOAD_DIR, when several hosts serve the app)."),
    Setting("EXPORT_IN_WORKER_FROM", 10_000, "From this many rows, the attendee list also offers its CSV prepared "
            "by the worker (the streamed download stays).", int),
    Setting("EXPORT_KEEP_HOURS", 24, "Prepared exports are deleted this many hours after they were written.", int),
    Setting("MAX_CONTENT_LENGTH", 21 * 1024 * 1024, "Largest request body in bytes.", int),
    Setting("LINK_MAX_AGE_DAYS", 14, "How long invitation links (juror, check-in staff) stay valid.", int),
    Setting("RETENTION_ATTENDEE_DAYS", 180, "Days after an event ends until `purge-personal-data` anonymises its "
            "attendees' details (name, e-mail, organisation, answers); counts by status and type stay.", int),
    Setting("CACHE_URL", None, "Where built pages and calendar entries are cached: a folder of files in "
            "`instance/cache` by default; `redis://host:6379/2` when several hosts serve the app."),
    Setting("RETENTION_AUDIT_DAYS", 730, "Days `purge-personal-data` keeps audit-trail entries (who changed or "
            "exported what); older ones are deleted.", int),
    Setting("LOG_LEVEL", "INFO", "Python log level for the app's logs on stderr."),
]

_TRUE = {"1", "true", "yes", "on"}


def _coerce(setting: Setting, raw: str):
    if setting.kind is bool:
        return raw.strip().lower() in _TRUE
    if setting.kind is int:
        return int(raw)
    return raw


def from_environment(environ=None) -> dict:
    """The settings given as ``PITCHDAY_*`` environment variables."""
    environ = os.environ if environ is None else environ
    return {s.name: _coerce(s, environ[s.env_var]) for s in SETTINGS if s.env_var in environ}


def defaults() -> dict:
    return {s.name: s.default for s in SETTINGS}


def instance_secret_key(instance_path: str) -> str:
    """Read the generated secret key, creating it once (0600) on first start."""
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    return path.read_text().strip()


def finish(config, instance_path: str) -> None:
    """Derive Flask's own keys from pitchday's settings."""
    if not config.get("SECRET_KEY"):
        config["SECRET_KEY"] = instance_secret_key(instance_path)
    url = config.get("DATABASE_URL") or f"sqlite:///{Path(instance_path) / 'pitchday.sqlite3'}"
    if url.startswith("postgres://") or url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    config["DATABASE_URL"] = url
    config["SQLALCHEMY_DATABASE_URI"] = url
    # scrypt (Werkzeug's default, memory-hard); the test suite lowers the cost to stay fast.
    config.setdefault("PASSWORD_HASH_METHOD", "scrypt")
    config.setdefault("UPLOAD_DIR", None)
    config["UPLOAD_DIR"] = config["UPLOAD_DIR"] or str(Path(instance_path) / "uploads")
    config["OUTBOX_DIR"] = config.get("OUTBOX_DIR") or str(Path(instance_path) / "outbox")
    config["EXPORT_DIR"] = config.get("EXPORT_DIR") or str(Path(instance_path) / "exports")
    https = str(config["BASE_URL"]).startswith("https://")
    config["PREFERRED_URL_SCHEME"] = "https" if https else "http"
    config["SESSION_COOKIE_SECURE"] = https
    config["REMEMBER_COOKIE_SECURE"] = https
    config["SESSION_COOKIE_SAMESITE"] = "Lax"
    config["REMEMBER_COOKIE_SAMESITE"] = "Lax"
    config["REMEMBER_COOKIE_HTTPONLY"] = True
    config["RATELIMIT_STORAGE_URI"] = config["RATELIMIT_STORAGE_URI"]
    config["RATELIMIT_HEADERS_ENABLED"] = True
    config["BABEL_DEFAULT_LOCALE"] = "de"
    config["BABEL_DEFAULT_TIMEZONE"] = "Europe/Berlin"
    translations = Path(__file__).parent / "translations"
    config["BABEL_TRANSLATION_DIRECTORIES"] = ";".join(
        str(p) for p in sorted(translations.iterdir()) if p.is_dir()
    )
    # Connections idle for a while are tested before use instead (database.ping_idle_connections).
    config["SQLALCHEMY_ENGINE_OPTIONS"] = {"pool_pre_ping": False}
