"""Rules about check-in: organisers manage staff, devices, the log and badges; staff and organisers scan."""

import sqlalchemy as sa

from ..extensions import db
from ..models.checkin import DeviceKind, ScannerDevice
from .core import link_scope, rule
from .events import manages


def is_staff(user, event) -> bool:
    """Given check-in rights at this event (by an organiser) and not revoked; also asked by role links."""
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(ScannerDevice)
        .where(ScannerDevice.event_id == event.id, ScannerDevice.user_id == user.id,
               ScannerDevice.kind == DeviceKind.STAFF, ScannerDevice.revoked_at.is_(None))
    ) > 0


@rule("checkin.scan", link_scopes=("checkin_staff",))
def checkin_scan(user, event, **_objects):
    """Door staff of this event (also by invitation link, limited to that event) and the event's organisers."""
    scope = link_scope()
    if scope and scope.get("scope") == "checkin_staff":
        return scope.get("event_id") == event.id and is_staff(user, event)
    return manages(user, event) or is_staff(user, event)


@rule("checkin.manage")
def checkin_manage(user, event, **_objects):
    return manages(user, event)


@rule("checkin.device", sessionless=True)
def checkin_device(_user, scan=None, **_objects):
    """The bearer-token API: the loader refused missing, unknown, revoked and other events' tokens."""
    return scan is not None


@rule("checkin.api_description", sessionless=True)
def checkin_api_description(_user, **_objects):
    """The device API's OpenAPI document: for anyone writing a scanning app."""
    return True
