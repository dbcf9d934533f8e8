"""A registration's place on its event's waiting list, read by the pages and the mails that show it."""

import sqlalchemy as sa

from ...extensions import db
from ...models import Registration, RegistrationStatus


def waiting_position(registration: Registration) -> int | None:
    """1 for the first on the waiting list; None when not waiting."""
    if registration.status != RegistrationStatus.WAITING:
        return None
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(Registration)
        .where(Registration.event_id == registration.event_id, Registration.status == RegistrationStatus.WAITING,
               Registration.queue_number <= registration.queue_number))
