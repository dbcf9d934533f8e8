"""Signed, expiring tokens for links sent by e-mail (confirm address, reset password, role invitations)."""

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from .errors import DomainError


class LinkExpired(DomainError):
    status = 410
    code = "link_expired"


class LinkInvalid(DomainError):
    status = 400
    code = "link_invalid"


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"pitchday.{purpose}")


def sign(purpose: str, payload) -> str:
    return _serializer(purpose).dumps(payload)


def verify(purpose: str, token: str, *, max_age_seconds: int):
    """The payload of a valid token for ``purpose``; raise LinkExpired / LinkInvalid otherwise."""
    from flask_babel import gettext as _

    try:
        return _serializer(purpose).loads(token, max_age=max_age_seconds)
    except SignatureExpired as exc:
        raise LinkExpired(_("This link has expired. Please ask for a new one.")) from exc
    except BadSignature as exc:
        raise LinkInvalid(_("This link is not valid.")) from exc
