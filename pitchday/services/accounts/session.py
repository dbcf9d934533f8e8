"""Logging people in and out, by password or by a signed role link, and the list of signed-in browsers.

Each log-in creates a ``UserSession`` row whose random token is all the session (and remember-me) cookie
carries; the cookie is only good while the row exists. Log-out deletes the row, so a copy of the cookie taken
before stops working; a password change deletes all of them.
"""

from datetime import timedelta

from flask import request, session
from flask_login import current_user, login_user, logout_user

from ...database import utcnow, write_intent, writes_intended
from ...extensions import db
from ...models import User, UserSession

# "Last seen" is refreshed at most this often, so ordinary page views do not write.
SEEN_EVERY = timedelta(minutes=5)


def load_user(token: str) -> User | None:
    row = db.session.scalar(db.select(UserSession).filter_by(token=token))
    if row is None or not row.user.is_active:
        return None
    _touch(row)
    row.user.browser_session_token = token
    return row.user


def _touch(row: UserSession) -> None:
    now = utcnow()
    if now - row.last_seen_at < SEEN_EVERY:
        return
    if writes_intended():
        row.last_seen_at = now  # committed with the request's own change
        return
    # A page view holds no write lock, so a short transaction of its own neither waits for nor blocks it.
    with write_intent(), db.engine.begin() as conn:
        conn.execute(db.update(UserSession).where(UserSession.id == row.id).values(last_seen_at=now))


def _open(user: User, kind: str) -> None:
    row = UserSession(user_id=user.id, kind=kind, user_agent=request.headers.get("User-Agent", "")[:300],
                      ip_address=(request.remote_addr or "")[:45])
    db.session.add(row)
    db.session.flush()
    user.browser_session_token = row.token


def start_session(user: User, *, remember: bool = False) -> None:
    """Log ``user`` in on this browser; the caller commits."""
    end_session()
    _open(user, "password")
    login_user(user, remember=remember)


def start_link_session(user: User, scope: dict) -> None:
    """A session limited to ``scope`` (e.g. juror of one event); never remembered beyond the browser."""
    end_session()
    _open(user, str(scope.get("scope", "link"))[:20])
    login_user(user, remember=False)
    session["link_scope"] = scope


def end_session() -> None:
    """Log out this browser and forget its session on the server; the caller commits."""
    token = getattr(current_user, "browser_session_token", None) if current_user.is_authenticated else None
    if token:
        db.session.execute(db.delete(UserSession).where(UserSession.token == token))
    session.pop("link_scope", None)
    logout_user()


def sessions_of(user: User) -> list[UserSession]:
    return list(db.session.scalars(db.select(UserSession).filter_by(user_id=user.id)
                                   .order_by(UserSession.last_seen_at.desc(), UserSession.id.desc())))


def end_one(user: User, session_id: int) -> None:
    """Sign out one of ``user``'s browsers (their own only)."""
    db.session.execute(db.delete(UserSession).where(UserSession.user_id == user.id, UserSession.id == session_id))


def end_all(user: User, *, keep: str | None = None) -> None:
    """Sign out every browser of ``user`` but the one holding ``keep``."""
    stmt = db.delete(UserSession).where(UserSession.user_id == user.id)
    if keep:
        stmt = stmt.where(UserSession.token != keep)
    db.session.execute(stmt)


# --- between the password and the two-step code ---------------------------------------------------------------
# Nobody is logged in until the code is right: the browser's session only remembers who typed a right password,
# for a few minutes, and the account's reset token, so a password change meanwhile cancels the half-done log-in.
SECOND_STEP_SECONDS = 300


def hold_for_second_step(user: User, *, remember: bool, next_url: str) -> None:
    end_session()
    session["second_step"] = {"uid": user.id, "st": user.session_token, "remember": remember, "next": next_url,
                              "until": int(utcnow().timestamp()) + SECOND_STEP_SECONDS}


def waiting_for_second_step() -> tuple[User, bool, str] | None:
    """(user, remember, where to go) of a log-in waiting for its code, or None."""
    held = session.get("second_step")
    if not isinstance(held, dict) or held.get("until", 0) < utcnow().timestamp():
        return None
    user = db.session.get(User, held.get("uid"))
    if user is None or user.session_token != held.get("st") or not user.is_active:
        return None
    return user, bool(held.get("remember")), str(held.get("next") or "/")


def drop_second_step() -> None:
    session.pop("second_step", None)
