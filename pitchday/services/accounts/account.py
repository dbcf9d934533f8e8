"""Accounts: sign-up, confirmation, passwords, e-mail changes, feed tokens."""

from urllib.parse import urlsplit

from flask import current_app
from flask_babel import gettext as _
from werkzeug.security import check_password_hash, generate_password_hash

from ... import mail, tokens
from ...database import utcnow
from ...errors import Conflict, Invalid
from ...extensions import db
from ...models import User, UserSession
from ...models.accounts import new_token
from . import passwords

CONFIRM_MAX_AGE = 3 * 24 * 3600
RESET_MAX_AGE = 2 * 3600


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_by_email(email: str) -> User | None:
    return db.session.scalar(db.select(User).filter_by(email=normalise_email(email)))


def set_password(user: User, password: str) -> None:
    """Hash (scrypt, Werkzeug's current default), rotate the reset token and end every signed-in session."""
    passwords.check(password, email=user.email or "")
    user.password_hash = generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])
    user.session_token = new_token()
    if user.id is not None:
        db.session.execute(db.delete(UserSession).where(UserSession.user_id == user.id))


def sign_up(*, email: str, name: str, password: str, locale: str) -> User | None:
    """Create an account and mail its confirmation link; for an address that already has an account, mail its
    owner a log-in and reset link instead and return None. The caller answers both alike (no account probing)."""
    email = normalise_email(email)
    existing = find_by_email(email)
    passwords.check(password, email=email)
    if existing is not None:
        # Spend the time a new account's hash takes, so the answer's timing does not tell either.
        generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])
        _send_account_exists(existing)
        return None
    user = User(email=email, name=name.strip(), locale=locale)
    set_password(user, password)
    db.session.add(user)
    db.session.flush()
    send_confirmation(user)
    return user


def find_or_create_invitee(*, email: str, name: str, locale: str = "de") -> User:
    """An account for someone invited by e-mail (juror, door staff): no password, address confirmed by the link."""
    user = find_by_email(email)
    if user is None:
        user = User(email=normalise_email(email), name=name.strip() or email, locale=locale)
        db.session.add(user)
        db.session.flush()
    return user


def external_url(endpoint: str, **values) -> str:
    """An absolute address under PITCHDAY_BASE_URL, for e-mails and feeds."""
    base = urlsplit(current_app.config["BASE_URL"])
    adapter = current_app.url_map.bind(base.netloc, script_name=base.path or "/", url_scheme=base.scheme)
    return adapter.build(endpoint, values, force_external=True)


def send_confirmation(user: User, email: str | None = None) -> None:
    target = email or user.email
    token = tokens.sign("confirm", {"uid": user.id, "email": target})
    link = external_url("auth.confirm_email", token=token)
    mail.queue(mail.render("confirm_email", to=target, locale=user.locale, user=user, link=link))


def confirm_email(token: str) -> User:
    data = tokens.verify("confirm", token, max_age_seconds=CONFIRM_MAX_AGE)
    user = db.session.get(User, data["uid"])
    if user is None:
        raise tokens.LinkInvalid(_("This link is not valid."))
    email = normalise_email(data["email"])
    if email != user.email:
        if find_by_email(email):
            raise Conflict(_("Another account already uses this e-mail address."))
        user.email = email
    user.email_confirmed_at = utcnow()
    return user


def authenticate(email: str, password: str) -> User | None:
    user = find_by_email(email)
    if user is None or not user.password_hash or not user.is_active:
        # Spend the same time as a real check so response times don't reveal which addresses exist.
        check_password_hash(_DUMMY_HASH, password)
        return None
    return user if check_password_hash(user.password_hash, password) else None


_DUMMY_HASH = generate_password_hash("not-a-real-password")


def _reset_link(user: User) -> str:
    return external_url("auth.reset_password", token=tokens.sign("reset", {"uid": user.id, "st": user.session_token}))


def request_password_reset(email: str) -> None:
    """Mail a reset link if the address has an account; say nothing either way (no account probing)."""
    user = find_by_email(email)
    if user is None:
        return
    mail.queue(mail.render("reset_password", to=user.email, locale=user.locale, user=user, link=_reset_link(user)))


def _send_account_exists(user: User) -> None:
    """Someone signed up with an address that has an account: tell its owner how to get in."""
    mail.queue(mail.render("account_exists", to=user.email, locale=user.locale, user=user,
                           login_link=external_url("auth.login"), reset_link=_reset_link(user)))


def reset_password(token: str, new_password: str) -> User:
    data = tokens.verify("reset", token, max_age_seconds=RESET_MAX_AGE)
    user = db.session.get(User, data["uid"])
    # The session token changes with every password change, so a reset link works once.
    if user is None or user.session_token != data["st"]:
        raise tokens.LinkInvalid(_("This link has already been used or is not valid."))
    set_password(user, new_password)
    user.email_confirmed_at = user.email_confirmed_at or utcnow()
    return user


def change_password(user: User, current: str, new: str) -> None:
    if not user.password_hash or not check_password_hash(user.password_hash, current):
        raise Invalid(_("Your current password is not correct."), field="current_password")
    set_password(user, new)


def request_email_change(user: User, new_email: str) -> None:
    """The new address takes effect once its owner follows the link sent there."""
    new_email = normalise_email(new_email)
    if find_by_email(new_email):
        raise Conflict(_("Another account already uses this e-mail address."), field="email")
    send_confirmation(user, email=new_email)


def set_locale(user: User, locale: str) -> None:
    if locale not in current_app.config["LANGUAGES"]:
        raise Invalid(_("Unknown language."))
    user.locale = locale


def reset_feed_token(user: User) -> None:
    user.feed_token = new_token()
