"""The demo data: seeding twice adds nothing twice, and the impact report and meeting grid have content."""

import sqlalchemy as sa

from pitchday.demo import foundation
from pitchday.demo import matchmaking as demo
from pitchday.models import Event
from pitchday.models.matchmaking import FollowUp, Meeting, MeetingRequest
from pitchday.services.impact import report as impact
from pitchday.services.matchmaking import meetings


def _counts(db):
    return [db.session.scalar(sa.select(sa.func.count()).select_from(m))
            for m in (Event, MeetingRequest, Meeting, FollowUp)]


def test_seeding_twice_is_the_same_as_once_and_fills_the_report(db):
    seen = []
    for _ in range(2):
        foundation.seed()
        demo.seed()
        db.session.commit()
        seen.append(_counts(db))
    assert seen[0] == seen[1]
    event = demo.demo_pitch_day()
    placed = meetings.placed_meetings(event)
    assert placed and all(m.table_id for m in placed)
    report = impact.build_report(granularity="quarter")
    assert len({r.camp for r in report.rows}) == 6 and report.total.figures["meetings"] > 0
    # Check-ins and jurors of the past pitch days, counted by their areas' registered counters.
    assert report.has_checkins and 0.5 < report.total.attendance_rate < 1
    assert all(0 < r.figures["checkins"] <= r.figures["registrations"] for r in report.rows)
    assert all(r.figures["jurors"] == 3 * r.figures["events"] for r in report.rows)


def _queue_state(db):
    """{event id: (queue counter, highest queue number, registrations)} for every event with registrations."""
    from pitchday.models import Registration, RegistrationQueue

    counters = dict(db.session.execute(sa.select(RegistrationQueue.event_id, RegistrationQueue.last_number)).all())
    rows = db.session.execute(sa.select(Registration.event_id, sa.func.max(Registration.queue_number),
                                        sa.func.count(sa.distinct(Registration.queue_number)), sa.func.count())
                              .group_by(Registration.event_id)).all()
    return {event_id: (counters.get(event_id), top, distinct, n) for event_id, top, distinct, n in rows}


def test_demo_attendees_register_through_the_queue_and_get_no_mail(app, db, outbox):
    from pitchday.database import write_intent
    from pitchday.demo import SEEDERS
    from pitchday.services.registrations import seats as registrations

    for module in SEEDERS:
        if module is not demo:
            module.seed()
            db.session.commit()
    mails = len(outbox())
    demo.seed()
    db.session.commit()
    assert [m["Subject"] for m in outbox()[mails:]] == []  # the meeting demo sends no ticket or request
    first = _queue_state(db)
    demo.seed()
    db.session.commit()
    assert _queue_state(db) == first  # seeding again draws no numbers and adds nobody
    for event_id, (counter, top, distinct, n) in first.items():
        assert counter is not None and counter >= top and distinct == n, event_id  # one number each
    event = demo.demo_pitch_day()
    counter, top, _distinct, _n = first[event.id]
    with write_intent():
        newcomer = registrations.register(event, name="Nora Neu", email="nora@example.org",
                                          attendee_type="industry").registration
        db.session.commit()
    assert newcomer.queue_number == counter + 1 and newcomer.queue_number > top
