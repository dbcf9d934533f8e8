"""Postponing (issue 16, point 10): the mail names the old date as old and, once set, the new date as the date;
registration pauses while the new date is not set, with a note saying so."""

from datetime import timedelta

import pytest

from pitchday.errors import Conflict
from pitchday.models import EventStatus
from pitchday.services.events import schedule as events
from pitchday.services.registrations import seats as registrations
from tests.events.conftest import future_day


def body(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def german(outbox):
    return [m for m in outbox() if m["To"] == "gast@example.org"]


@pytest.fixture
def event(db, make_event):
    start = future_day(40, 18)
    return make_event(starts_at=start)


def test_the_postponement_mail_names_the_old_date_as_old_and_no_date_as_the_date(db, event, organiser, audience,
                                                                                outbox):
    old = event.starts_at
    events.postpone(event, by=organiser)
    db.session.commit()
    mail = german(outbox)[-1]
    text = body(mail)
    assert mail["Subject"] == "Verschoben: Pitch Day Essen"
    assert "Wir teilen Ihnen den neuen Termin mit" in text
    assert "Alter Termin, gilt nicht mehr: " in text
    assert "Wann:" not in text  # the old date is not given as the date
    assert event.postponed_from == old


def test_setting_the_new_date_sends_it_as_the_date_and_the_old_one_as_old(app, db, event, organiser, audience,
                                                                          outbox):
    events.postpone(event, by=organiser)
    db.session.commit()
    new_start = event.starts_at + timedelta(days=14)
    events.update(event, by=organiser, starts_at=new_start, ends_at=new_start + timedelta(hours=3))
    db.session.commit()
    text = body(german(outbox)[-1])
    assert german(outbox)[-1]["Subject"] == "Neuer Termin: Pitch Day Essen"
    lines = text.splitlines()
    new_line = next(line for line in lines if line.startswith("Neuer Termin:"))
    old_line = next(line for line in lines if line.startswith("Alter Termin, gilt nicht mehr:"))
    with app.test_request_context(headers={"Accept-Language": "de"}):
        when = app.jinja_env.filters["when"]
        assert when(new_start) in new_line and when(event.postponed_from) in old_line
    assert when_text_differs(new_line, old_line)
    assert "Beginn:" not in text and "Wann:" not in text  # the new date is said once, as the date


def when_text_differs(new_line: str, old_line: str) -> bool:
    return new_line.split(":", 1)[1].strip() != old_line.split(":", 1)[1].strip()


def test_registration_pauses_until_the_new_date_is_set(db, event, organiser, client):
    events.postpone(event, by=organiser)
    db.session.commit()
    assert registrations.window_state(event) == "paused"
    with pytest.raises(Conflict) as refused:
        registrations.register(event, name="Nina Neu", email="nina@example.org", organisation="",
                               attendee_type="industry")
    assert refused.value.code == "registration_paused"
    db.session.rollback()
    page = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "Die Anmeldung ruht" in page and "neue Termin steht noch nicht fest" in page

    new_start = event.starts_at + timedelta(days=14)
    events.update(event, by=organiser, starts_at=new_start, ends_at=new_start + timedelta(hours=3))
    db.session.commit()
    assert event.status == EventStatus.POSTPONED and registrations.window_state(event) == "open"
    page = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "auf einen neuen Termin verschoben" in page and "Die Anmeldung ruht" not in page
