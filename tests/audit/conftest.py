"""Fixtures of the audit trail's tests: a draft event in Essen and a submitted application to decide on."""

import pytest
import sqlalchemy as sa

from pitchday.models import Application, ApplicationStatus, AuditEntry, EventStatus
from tests.applications.conftest import make_event, make_startup
from tests.conftest import create_user


@pytest.fixture
def event(db, camps):
    """An Essen pitch day, still a draft."""
    made = make_event(db, camps["essen"])
    made.status = EventStatus.DRAFT
    db.session.commit()
    return made


@pytest.fixture
def application(db, event):
    startup = make_startup(db, create_user("founder@example.org", "Frida Founder"))
    made = Application(event_id=event.id, startup_id=startup.id, status=ApplicationStatus.SUBMITTED)
    db.session.add(made)
    db.session.commit()
    return made


@pytest.fixture
def entries(db):
    """The trail as it stands in the database, oldest first."""
    def read(action: str | None = None) -> list[AuditEntry]:
        db.session.expire_all()
        select = sa.select(AuditEntry).order_by(AuditEntry.id)
        if action:  # one action, or an area such as "event."
            select = select.where(AuditEntry.action.startswith(action) if action.endswith(".")
                                  else AuditEntry.action == action)
        return list(db.session.scalars(select))

    return read
