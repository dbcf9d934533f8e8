"""Extension objects, created unbound here and bound to the app in ``create_app``."""

from flask import current_app
from flask_babel import Babel
from flask_caching import Cache
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData

# Named constraints so Alembic migrations can alter them on SQLite (batch mode) and PostgreSQL alike.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

db = SQLAlchemy(metadata=MetaData(naming_convention=NAMING_CONVENTION))
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
# Shared by every worker process (files in instance/cache, or Redis): see services/cache.
cache = Cache()
limiter = Limiter(key_func=get_remote_address, default_limits=[])


SHARED_ENGINE = "pitchday.engine"


def current_engine():
    """The database engine of the app serving this request: the device API app borrows the site's (one pool per
    process, see ``device_api``) and keeps it under ``SHARED_ENGINE``; the site uses its own."""
    return current_app.extensions.get(SHARED_ENGINE) or db.engine
