"""Meeting requests between attendees, jurors and startups, as the services decide them."""

import pytest

from pitchday.errors import Conflict, Invalid, NotAllowed
from pitchday.models import RegistrationStatus
from pitchday.models.matchmaking import RequestSide, RequestStatus
from pitchday.services.matchmaking import requests as mm
from tests.conftest import create_user
from tests.matchmaking.conftest import add_pitch, register


def test_an_attendee_asks_and_the_startup_accepts(db, pitch_day):
    reg = register(db, pitch_day["event"], "Ina Industrie")
    request = mm.request_by_attendee(reg, pitch_day["alpha"], reason="Pilot for our plant")
    assert request.status == RequestStatus.PENDING and request.reason == "Pilot for our plant"
    mm.respond(request, accept=True, side=RequestSide.STARTUP)
    assert request.status == RequestStatus.ACCEPTED


def test_the_asker_cannot_answer_their_own_request(db, pitch_day):
    reg = register(db, pitch_day["event"], "Ina Industrie")
    request = mm.request_by_attendee(reg, pitch_day["alpha"], reason="")
    with pytest.raises(NotAllowed):
        mm.respond(request, accept=True, side=RequestSide.ATTENDEE)


def test_both_sides_asking_is_agreement(db, pitch_day):
    reg = register(db, pitch_day["event"], "Ina Industrie")
    mm.set_profile(reg, visible=True, share_contact=False)
    mm.request_by_startup(pitch_day["alpha"], reg, reason="You run plants", by=pitch_day["founder"])
    request = mm.request_by_attendee(reg, pitch_day["alpha"], reason="We want a pilot")
    assert request.status == RequestStatus.ACCEPTED


def test_answering_twice_counts_once_and_a_late_other_answer_is_refused(db, pitch_day):
    reg = register(db, pitch_day["event"], "Ina Industrie")
    request = mm.request_by_attendee(reg, pitch_day["alpha"], reason="")
    mm.respond(request, accept=True, side=RequestSide.STARTUP)
    mm.respond(request, accept=True, side=RequestSide.STARTUP)
    with pytest.raises(Conflict):
        mm.respond(request, accept=False, side=RequestSide.STARTUP)
    assert request.status == RequestStatus.ACCEPTED


def test_a_declined_request_cannot_be_pushed_again_by_the_asker(db, pitch_day):
    reg = register(db, pitch_day["event"], "Ina Industrie")
    request = mm.request_by_attendee(reg, pitch_day["alpha"], reason="")
    mm.respond(request, accept=False, side=RequestSide.STARTUP)
    with pytest.raises(Conflict):
        mm.request_by_attendee(reg, pitch_day["alpha"], reason="please")


def test_only_startups_of_the_line_up_and_confirmed_attendees_take_part(db, pitch_day, camps):
    from tests.matchmaking.conftest import make_event

    other = make_event(db, camps["dortmund"], start=pitch_day["event"].starts_at, title="Other")
    elsewhere = add_pitch(db, other, "Gamma Elsewhere")
    reg = register(db, pitch_day["event"], "Ina Industrie")
    with pytest.raises(NotAllowed):
        mm.request_by_attendee(reg, elsewhere, reason="")
    waiting = register(db, pitch_day["event"], "Willi Warteliste", status=RegistrationStatus.WAITING)
    with pytest.raises(NotAllowed):
        mm.request_by_attendee(waiting, pitch_day["alpha"], reason="")


def test_startups_only_see_and_ask_attendees_who_opted_in(db, pitch_day):
    hidden = register(db, pitch_day["event"], "Hanna Hidden")
    shown = register(db, pitch_day["event"], "Sven Shown")
    mm.set_profile(shown, visible=True, share_contact=True, looking_for="Energy startups")
    assert [r.name for r, _p in mm.visible_attendees(pitch_day["event"])] == ["Sven Shown"]
    with pytest.raises(NotAllowed):
        mm.request_by_startup(pitch_day["alpha"], hidden, reason="", by=pitch_day["founder"])
    assert mm.profile_of(hidden).visible is False  # off unless chosen


def test_a_reason_is_one_line(db, pitch_day):
    reg = register(db, pitch_day["event"], "Ina Industrie")
    with pytest.raises(Invalid):
        mm.request_by_attendee(reg, pitch_day["alpha"], reason="x" * 201)


def test_a_juror_asks_for_a_follow_up_talk(db, pitch_day):
    juror = create_user("juror@example.org", "Jana Jury")
    request = mm.request_follow_up(juror, pitch_day["beta"], pitch_day["event"], "Strong team, want to talk")
    assert request.requested_by == RequestSide.JUROR and request.party_key == f"u:{juror.id}"
    mm.respond(request, accept=True, side=RequestSide.STARTUP)
    assert request.status == RequestStatus.ACCEPTED


def test_the_asked_side_hears_of_a_request_by_e_mail(db, pitch_day, outbox):
    reg = register(db, pitch_day["event"], "Ina Industrie")
    mm.request_by_attendee(reg, pitch_day["alpha"], reason="Pilot")
    mm.set_profile(reg, visible=True, share_contact=False)
    mm.request_by_startup(pitch_day["beta"], reg, reason="Your plants", by=pitch_day["other_founder"])
    db.session.commit()
    mails = {m["To"]: m for m in outbox()}
    assert set(mails) == {pitch_day["founder"].email, reg.email}
    assert "Pilot" in mails[pitch_day["founder"].email].get_body(("plain",)).get_content()
    assert f"/meet/{reg.ticket_secret}" in mails[reg.email].get_body(("plain",)).get_content()
