"""The check-in demo seeder gives the next event with tickets a door-staff login, once."""

from pitchday.demo import checkin as demo_checkin
from pitchday.demo import foundation
from pitchday.models.checkin import ScannerDevice
from tests.checkin.conftest import make_event, make_registration


def test_seeder_adds_door_staff_to_the_next_event_once(db, camps):
    demo_checkin.seed()  # no events yet: nothing to do
    assert db.session.query(ScannerDevice).count() == 0
    foundation.seed()
    db.session.commit()
    event = make_event(db, db.session.query(type(camps["essen"])).filter_by(slug="essen").one())
    make_registration(db, event)
    for _ in range(2):
        demo_checkin.seed()
        db.session.commit()
    staff = db.session.query(ScannerDevice).one()
    assert (staff.event_id, staff.user.email, staff.kind) == (event.id, demo_checkin.DOOR_EMAIL, "staff")
