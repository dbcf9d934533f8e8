"""Expiring the role links of events that are over: door staff and devices, and juror invitations never taken up.

A door device's bearer token never expires by itself, and a juror link is re-issued with every resent
invitation; once the evening is past neither should open anything. Jurors who accepted or scored stay as they
are (the results and the impact report count them).
"""

from datetime import datetime, timedelta

from ...database import utcnow
from ...extensions import db
from ...models import Event, Juror, ScannerDevice, Score
from ...models.jury import JurorStatus

# A day after the end: the evening's scans and late scores are in.
GRACE = timedelta(days=1)


def expire(*, now: datetime | None = None) -> dict[str, int]:
    """Revoke staff, devices and untaken juror invitations of events that ended more than a day ago."""
    now = now or utcnow()
    over = db.select(Event.id).where(Event.ends_at < now - GRACE)
    devices = db.session.execute(
        db.update(ScannerDevice).where(ScannerDevice.event_id.in_(over), ScannerDevice.revoked_at.is_(None))
        .values(revoked_at=now).execution_options(synchronize_session=False)).rowcount
    untaken = db.select(Score.id).where(Score.juror_id == Juror.id).exists()
    jurors = db.session.execute(
        db.update(Juror).where(Juror.event_id.in_(over), Juror.status == JurorStatus.INVITED, ~untaken)
        .values(status=JurorStatus.REVOKED, revoked_at=now).execution_options(synchronize_session=False)).rowcount
    return {"devices": devices, "jurors": jurors}
