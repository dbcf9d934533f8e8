"""Logging people in and out, by password or by a signed role link."""

from flask import session
from flask_login import login_user, logout_user

from ...extensions import db
from ...models import User


def load_user(session_token: str) -> User | None:
    return db.session.scalar(db.select(User).filter_by(session_token=session_token))


def start_session(user: User, *, remember: bool = False) -> None:
    session.pop("link_scope", None)
    login_user(user, remember=remember)


def start_link_session(user: User, scope: dict) -> None:
    """A session limited to ``scope`` (e.g. juror of one event); never remembered beyond the browser."""
    login_user(user, remember=False)
    session["link_scope"] = scope


def end_session() -> None:
    session.pop("link_scope", None)
    logout_user()
