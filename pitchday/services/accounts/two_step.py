"""Two-step sign-in: a time-based code (TOTP, RFC 6238, computed by pyotp) after the password, or a one-time
recovery code when the phone is lost.

The TOTP secret is stored encrypted (Fernet, with a key derived from SECRET_KEY by HKDF), so a copy of the
database alone does not give the codes; a stored but not yet confirmed secret (``totp_enabled_at`` empty) is an
enrolment in progress. Recovery codes are random and kept only as SHA-256 hashes. A code is accepted once: the
time step of the last one accepted is stored, and a conditional UPDATE decides, so a replayed or parallel code
fails.
"""

import base64
import hashlib
import io
import re
import secrets
from html import escape

import pyotp
import qrcode
import qrcode.image.svg
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import current_app
from flask_babel import gettext as _

from ...database import utcnow
from ...errors import Invalid, NotAllowed
from ...extensions import db
from ...models import RecoveryCode, User

ISSUER = "pitchday"
RECOVERY_CODES = 10
# A code of the previous or next 30-second step counts too: phones' clocks drift.
VALID_WINDOW = 1
_NOT_CODE = re.compile(r"[\s-]+")


def _fernet() -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
               info=b"pitchday two-step secret").derive(str(current_app.config["SECRET_KEY"]).encode())
    return Fernet(base64.urlsafe_b64encode(key))


def secret_of(user: User) -> str | None:
    if not user.totp_secret:
        return None
    try:
        return _fernet().decrypt(user.totp_secret.encode()).decode()
    except InvalidToken:  # SECRET_KEY changed: the stored secret can no longer be read
        return None


def required(user: User) -> bool:
    """Hub admins must use two-step sign-in; everyone else with a password may."""
    return user.is_hub_admin


def must_enrol(user: User) -> bool:
    return required(user) and not user.two_step_enabled


def start_enrolment(user: User, secret: str | None = None) -> str:
    """Store a new (unconfirmed) secret and return it; an enrolment in progress keeps its secret."""
    current = secret_of(user)
    if user.two_step_enabled and current:
        raise Invalid(_("Two-step sign-in is already on."), code="two_step_on")
    if user.two_step_enabled:  # the secret can no longer be read (SECRET_KEY changed): set it up afresh
        user.totp_enabled_at, current = None, None
    if current and secret is None:
        return current
    secret = secret or pyotp.random_base32()
    user.totp_secret = _fernet().encrypt(secret.encode()).decode()
    return secret


def provisioning_uri(user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)


def qr_svg(uri: str, label: str) -> str:
    """The otpauth:// address as an inline ``<svg>`` (our own path data; the label is escaped)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=10, border=4)
    code.add_data(uri)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image(image_factory=qrcode.image.svg.SvgPathFillImage).save(buffer)
    svg = buffer.getvalue().decode()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r'<svg width="[^"]*" height="[^"]*"', '<svg class="qr" role="img"', svg, count=1)
    return svg.replace(">", f"><title>{escape(label)}</title>", 1)


def _accept_totp(user: User, code: str) -> bool:
    secret = secret_of(user)
    if not secret or not code.isdigit() or len(code) != 6:
        return False
    totp = pyotp.TOTP(secret)
    now = utcnow()
    step_now = totp.timecode(now)
    for step in (step_now - VALID_WINDOW, step_now, step_now + VALID_WINDOW):
        if secrets.compare_digest(totp.generate_otp(step), code):
            claimed = db.session.execute(
                db.update(User).where(User.id == user.id, db.or_(User.totp_last_step.is_(None),
                                                                 User.totp_last_step < step))
                .values(totp_last_step=step).execution_options(synchronize_session=False)).rowcount
            return claimed == 1
    return False


def _hash(code: str) -> str:
    return hashlib.sha256(_NOT_CODE.sub("", code).lower().encode()).hexdigest()


def _accept_recovery(user: User, code: str) -> bool:
    used = db.session.execute(
        db.update(RecoveryCode).where(RecoveryCode.user_id == user.id, RecoveryCode.code_hash == _hash(code),
                                      RecoveryCode.used_at.is_(None))
        .values(used_at=utcnow()).execution_options(synchronize_session=False)).rowcount
    return used == 1


def verify(user: User, code: str) -> bool:
    """Whether ``code`` (six digits from the app, or a recovery code) signs ``user`` in; each works once."""
    code = _NOT_CODE.sub("", code or "")[:40]
    if not user.two_step_enabled or not code:
        return False
    return _accept_totp(user, code) or _accept_recovery(user, code)


def _new_recovery_codes(user: User) -> list[str]:
    db.session.execute(db.delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = [secrets.token_hex(5) for _ in range(RECOVERY_CODES)]
    db.session.add_all(RecoveryCode(user_id=user.id, code_hash=_hash(code)) for code in codes)
    db.session.flush()
    return [f"{code[:5]}-{code[5:]}" for code in codes]


def confirm_enrolment(user: User, code: str) -> list[str]:
    """Turn two-step sign-in on with the first code from the app; return the recovery codes (shown once)."""
    if user.two_step_enabled or not user.totp_secret:
        raise Invalid(_("Please start again: scan the new QR code."), field="code")
    if not _accept_totp(user, _NOT_CODE.sub("", code or "")):
        raise Invalid(_("This code is not correct. Type the six digits your app shows now."), field="code")
    db.session.refresh(user)
    user.totp_enabled_at = utcnow()
    return _new_recovery_codes(user)


def enrol_known_secret(user: User, secret: str) -> None:
    """Two-step sign-in on with a given secret, no code asked: the demo seed and test fixtures."""
    user.totp_secret = _fernet().encrypt(secret.encode()).decode()
    user.totp_enabled_at = user.totp_enabled_at or utcnow()


def new_recovery_codes(user: User, code: str) -> list[str]:
    """Replace the recovery codes after a fresh code from the app (or an unused recovery code)."""
    if not verify(user, code):
        raise Invalid(_("This code is not correct. Type the six digits your app shows now."), field="code")
    return _new_recovery_codes(user)


def disable(user: User, code: str) -> None:
    if required(user):
        raise NotAllowed(_("Hub admins must keep two-step sign-in on."))
    if not verify(user, code):
        raise Invalid(_("This code is not correct. Type the six digits your app shows now."), field="code")
    user.totp_secret = None
    user.totp_enabled_at = None
    user.totp_last_step = None
    db.session.execute(db.delete(RecoveryCode).where(RecoveryCode.user_id == user.id))


def recovery_codes_left(user: User) -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(RecoveryCode)
                             .filter(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None)))
