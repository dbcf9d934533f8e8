"""Who may scan at an event: door staff (accounts, reached by invitation links) and devices with bearer tokens.

A device token is shown once; only its SHA-256 is stored, so a leaked database does not let anyone scan.
Giving and taking the door-staff role is written to the role log like every other role change.
"""

import hashlib
import secrets

import sqlalchemy as sa
from flask_babel import gettext as _

from ...database import utcnow
from ...enums import LinkScope, RoleAction
from ...errors import Conflict, DomainError, NotFound
from ...extensions import db
from ...models import Event, User
from ...models.checkin import DeviceKind, ScannerDevice
from ..accounts import account as accounts
from ..accounts import role_links, roles
from ..audit import trail as audit

TOKEN_PREFIX = "pdc_"  # noqa: S105  (a visible prefix so leaked tokens are recognisable, not a secret)


class BadToken(DomainError):
    status = 401
    code = "unauthorized"


class RevokedToken(DomainError):
    status = 403
    code = "forbidden"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _scope(event: Event) -> str:
    return f"event:{event.id}"


def issue_device(event: Event, *, name: str, by: User | None) -> tuple[ScannerDevice, str]:
    """A new scanning device for ``event``; returns it and its bearer token (shown once, stored hashed)."""
    name = name.strip()
    if not name:
        raise DomainError(_("Please give the device a name."), field="name")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    device = ScannerDevice(event_id=event.id, name=name[:120], kind=DeviceKind.DEVICE, token_hash=hash_token(token),
                           created_by_id=by.id if by else None)
    db.session.add(device)
    db.session.flush()
    audit.record(by, "checkin.device_issued", subject=device, event=event)
    return device, token


def bearer_token(authorization: str | None) -> str:
    """The token of an ``Authorization: Bearer ...`` header; 401 when there is none."""
    scheme, _sep, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise BadToken(_("A device token is needed (Authorization: Bearer ...)."))
    return token.strip()


def check_device(device, event_id: int):
    """``device`` (a row with id, event_id, name, revoked_at, or None) if it may scan at this event; 401 when
    unknown, 403 when revoked or meant for another event."""
    if device is None:
        raise BadToken(_("This device token is not valid."))
    if device.revoked_at is not None:
        raise RevokedToken(_("This device has been revoked."), code="revoked")
    if device.event_id != event_id:
        raise RevokedToken(_("This device is not for this event."), code="wrong_event")
    return device


def add_staff(event: Event, *, email: str, name: str, by: User) -> ScannerDevice:
    """Give ``email`` check-in rights at ``event`` (an account is made for a new address); returns the entry."""
    user = accounts.find_or_create_invitee(email=email, name=name)
    device = db.session.scalar(sa.select(ScannerDevice).filter_by(event_id=event.id, user_id=user.id))
    if device is not None and device.is_active and device.kind == DeviceKind.STAFF:
        raise Conflict(_("%(name)s already has check-in rights for this event.", name=user.name), field="email")
    if device is None:
        device = ScannerDevice(event_id=event.id, user_id=user.id, name=user.name, kind=DeviceKind.STAFF)
        db.session.add(device)
    device.revoked_at = None
    device.kind = DeviceKind.STAFF
    device.created_by_id = by.id
    roles.record(actor=by, subject=user, role=LinkScope.CHECKIN_STAFF, action=RoleAction.GRANTED,
                 scope=_scope(event))
    db.session.flush()
    audit.record(by, "checkin.staff_added", subject=device, event=event, after={"person": user.email})
    return device


def invitation_link(device: ScannerDevice) -> str:
    """A signed link that logs the staff member in for check-in at this event only (needs a request context)."""
    token = role_links.make_token(device.user, LinkScope.CHECKIN_STAFF, device.event_id)
    return accounts.external_url("auth.role_link", token=token)


def revoke(event: Event, device_id: int, *, by: User) -> ScannerDevice:
    """Withdraw a device or a staff member: their token and links stop working at once."""
    device = db.session.get(ScannerDevice, device_id)
    if device is None or device.event_id != event.id:
        raise NotFound(_("No such device."))
    if device.revoked_at is not None:
        raise Conflict(_("This device is already revoked."))
    device.revoked_at = utcnow()
    audit.record(by, "checkin.device_revoked", subject=device, event=event)
    if device.user is not None:
        roles.record(actor=by, subject=device.user, role=LinkScope.CHECKIN_STAFF, action=RoleAction.REVOKED,
                     scope=_scope(event))
    db.session.flush()
    return device


def devices_of(event: Event) -> list[ScannerDevice]:
    return list(db.session.scalars(sa.select(ScannerDevice).where(ScannerDevice.event_id == event.id)
                                   .order_by(ScannerDevice.revoked_at.is_not(None), ScannerDevice.name)))
