"""The running order: times from the pitch block, moves recompute, refusals when full; where it shows up."""

from datetime import timedelta

from flask import render_template

from pitchday.berlin import to_local
from pitchday.models import Application, ApplicationStatus
from pitchday.services.applications import running_order
from pitchday.services.calendar import personal as personal_calendar
from pitchday.services.events import audience as event_audience
from pitchday.services.events import counts as event_counts
from tests.applications.conftest import make_startup


def accepted(db, event, founder, names):
    apps = []
    for name in names:
        startup = make_startup(db, founder, name=name)
        application = Application(event_id=event.id, startup_id=startup.id, status=ApplicationStatus.ACCEPTED)
        db.session.add(application)
        apps.append(application)
    db.session.commit()
    return apps


def order_page(event):
    return f"/events/{event.id}/running-order"


def test_slots_get_times_from_the_block_and_moving_recomputes_them(client, login, event, founder, organiser, db):
    a, b, c = accepted(db, event, founder, ["Alpha", "Beta", "Gamma"])
    login(organiser)
    for application in (a, b, c):
        client.post_form(f"{order_page(event)}/add/{application.id}", page=order_page(event))
    start = event.pitch_block().starts_at
    slots = running_order.slots_for(event)
    assert [s.startup.name for s in slots] == ["Alpha", "Beta", "Gamma"]
    assert [s.starts_at - start for s in slots] == [timedelta(0), timedelta(minutes=10), timedelta(minutes=20)]
    client.post_form(f"{order_page(event)}/3/up", page=order_page(event))
    slots = running_order.slots_for(event)
    assert [s.startup.name for s in slots] == ["Alpha", "Gamma", "Beta"]
    assert slots[1].starts_at == start + timedelta(minutes=10)
    html = client.get(order_page(event)).get_data(as_text=True)
    assert to_local(start + timedelta(minutes=10)).strftime("%H:%M") in html


def test_a_slot_that_does_not_fit_is_refused(client, login, event, founder, organiser, db):
    # The block holds 30 minutes: three pitches of 5 + 5 minutes.
    apps = accepted(db, event, founder, ["A1", "A2", "A3", "A4"])
    login(organiser)
    for application in apps:
        response = client.post_form(f"{order_page(event)}/add/{application.id}", page=order_page(event),
                                    follow_redirects=True)
    assert "passt nicht mehr in den Pitch-Block" in response.get_data(as_text=True)
    assert len(running_order.slots_for(event)) == 3
    response = client.post_form(f"{order_page(event)}/lengths", {"pitch_minutes": "8", "qa_minutes": "5"},
                                page=order_page(event))
    assert response.status_code == 422
    db.session.refresh(event)
    assert event.pitch_minutes == 5


def test_only_accepted_startups_get_slots(app, event, founder, organiser, db):
    (application,) = accepted(db, event, founder, ["Solo"])
    application.status = ApplicationStatus.WAITLISTED
    db.session.commit()
    import pytest

    from pitchday.errors import Invalid

    with app.test_request_context(), pytest.raises(Invalid):
        running_order.add(application, by=organiser)


def test_published_line_up_reaches_panel_ical_feeds_and_audience(app, event, founder, organiser, db):
    a, b = accepted(db, event, founder, ["Alpha", "Beta"])
    with app.test_request_context():
        running_order.add(a, by=organiser)
        running_order.add(b, by=organiser)
        db.session.commit()
        assert running_order.lineup_lines(event) == []
        assert personal_calendar.entries_for(founder) == []
        running_order.publish(event, by=organiser)
        db.session.commit()
        lines = running_order.lineup_lines(event)
        start = to_local(event.pitch_block().starts_at)
        assert lines[0].startswith(f"{start:%H:%M}–") and "Alpha: Alpha makes energy smarter" in lines[0]
        entries = [e for e in personal_calendar.entries_for(founder) if e.role == "pitch"]
        assert len(entries) == 2 and entries[0].uid == f"pitch-{a.id}-{event.uid}"
        assert entries[0].starts_at == event.pitch_block().starts_at
        assert entries[0].ends_at - entries[0].starts_at == timedelta(minutes=10)
        assert founder.email in [r.email for r in event_audience.recipients_for(event)]
        assert event_counts.counts_for([event.id])["applications"] == {event.id: 2}
        from pitchday.blueprints.events.panels import event_panels

        panels = dict(event_panels(event))
        html = render_template("applications/_panel_lineup.html", **panels["applications/_panel_lineup.html"])
        assert "Alpha" in html and "Beta" in html
        call_html = render_template("applications/_panel_call.html", **panels["applications/_panel_call.html"])
        assert f"/events/{event.id}/apply" in call_html


def test_the_events_ics_file_lists_the_published_line_up(app, client, event, founder, organiser, db):
    import icalendar

    a, b = accepted(db, event, founder, ["Alpha", "Beta"])
    with app.test_request_context():
        running_order.add(a, by=organiser)
        running_order.add(b, by=organiser)
        db.session.commit()

    def description():
        body = client.get(f"/events/{event.id}/calendar.ics").data
        [vevent] = icalendar.Calendar.from_ical(body).walk("VEVENT")
        return str(vevent["DESCRIPTION"])

    assert "Alpha" not in description()  # not before the organiser publishes it
    with app.test_request_context():
        running_order.publish(event, by=organiser)
        db.session.commit()
    text = description()
    assert "Pitch-Reihenfolge (deutsche Zeit):" in text
    assert text.index("Alpha") < text.index("Beta")
