"""Signed, expiring links that log someone in for one role at one event (juror, door staff), no password.

Each area that hands out such links registers a check that the role still stands (not revoked); a link whose
role was revoked stops working even before it expires.
"""

from collections.abc import Callable

from flask import current_app
from flask_babel import gettext as _

from ... import tokens
from ...errors import NotAllowed
from ...extensions import db
from ...models import User

STILL_VALID: dict[str, Callable[[User, int], bool]] = {}
LANDING: dict[str, str] = {}


def register_scope(scope: str, still_valid: Callable[[User, int], bool], landing_endpoint: str) -> None:
    """``landing_endpoint`` takes ``event_id`` and is where the link's holder arrives."""
    STILL_VALID[scope] = still_valid
    LANDING[scope] = landing_endpoint


def make_token(user: User, scope: str, event_id: int) -> str:
    return tokens.sign("role-link", {"uid": user.id, "scope": scope, "event_id": event_id})


def redeem(token: str) -> tuple[User, dict]:
    """The user and the scope the link grants; raise a DomainError when expired, invalid or revoked."""
    max_age = current_app.config["LINK_MAX_AGE_DAYS"] * 24 * 3600
    data = tokens.verify("role-link", token, max_age_seconds=max_age)
    user = db.session.get(User, data["uid"])
    check = STILL_VALID.get(data["scope"])
    if user is None or check is None or not check(user, data["event_id"]):
        raise NotAllowed(_("This invitation has been withdrawn. Please contact the organisers."))
    return user, {"scope": data["scope"], "event_id": data["event_id"]}
