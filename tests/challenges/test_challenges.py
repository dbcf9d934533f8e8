"""A company posts a challenge, the camp reviews it, a startup answers, the company shortlists and invites."""

from datetime import timedelta

import pytest

from pitchday.berlin import to_local_naive
from pitchday.database import utcnow
from pitchday.errors import Conflict, NotAllowed
from pitchday.models import (
    Application,
    ApplicationStatus,
    AttendeeType,
    CallForPitches,
    Challenge,
    ChallengeProposal,
    ChallengeStatus,
    Company,
    ProposalStatus,
    Visibility,
)
from pitchday.models.matchmaking import MeetingRequest
from pitchday.services.applications import running_order
from pitchday.services.challenges import proposals, review, suggestions
from pitchday.services.registrations import seats
from tests.applications.conftest import make_event, make_startup
from tests.challenges.conftest import make_challenge
from tests.conftest import create_user, log_in


def _local(value):
    return to_local_naive(value).strftime("%Y-%m-%dT%H:%M")


def test_the_whole_path_from_company_to_invitation(client, db, camps, organiser, founder, startup, outbox):
    company_user = create_user("chefin@werk.example", "Wera Werk")
    log_in(client, company_user)
    response = client.post_form("/companies/new", {"name": "Werk Essen AG", "sectors": ["energy"], "city": "Essen"},
                                page="/companies/new")
    assert response.status_code == 302
    company = db.session.scalar(db.select(Company).filter_by(name="Werk Essen AG"))
    deadline = _local(utcnow() + timedelta(days=20))
    response = client.post_form(f"/companies/{company.slug}/challenges/new", {
        "title": "Lastspitzen glätten", "problem": "Unsere Pressen ziehen morgens zu viel Strom.",
        "pilot": "Ein Werk, drei Monate.", "sector_slug": "energy", "camp_id": camps["essen"].id,
        "deadline": deadline, "visibility": "public"}, page=f"/companies/{company.slug}/challenges/new")
    assert response.status_code == 302
    challenge = db.session.scalar(db.select(Challenge).filter_by(title="Lastspitzen glätten"))
    assert challenge.status == ChallengeStatus.DRAFT
    anonymous = client.application.test_client()
    assert "Lastspitzen" not in anonymous.get("/challenges/").get_data(as_text=True)  # a draft is not public
    client.post_form(f"/challenges/{challenge.id}/send-for-review", page=f"/challenges/{challenge.id}")
    assert db.session.get(Challenge, challenge.id).status == ChallengeStatus.IN_REVIEW

    # The Essen organiser publishes it; the company is told.
    client.post_form("/auth/logout", page="/")
    log_in(client, organiser)
    assert "Lastspitzen glätten" in client.get("/challenges/review").get_data(as_text=True)
    response = client.post_form(f"/challenges/{challenge.id}/review/publish", {"note": ""},
                                page=f"/challenges/{challenge.id}")
    assert response.status_code == 302
    assert db.session.get(Challenge, challenge.id).status == ChallengeStatus.PUBLISHED
    assert any(m["To"] == "chefin@werk.example" and "veröffentlicht" in m["Subject"] for m in outbox())
    assert "Lastspitzen glätten" in anonymous.get("/challenges/?sector=energy").get_data(as_text=True)
    assert "Lastspitzen glätten" not in anonymous.get("/challenges/?sector=logistics").get_data(as_text=True)

    # The founder answers for the startup; the company hears of it.
    client.post_form("/auth/logout", page="/")
    log_in(client, founder)
    response = client.post_form(f"/challenges/{challenge.id}/answer", {
        "startup": startup.id, "summary": "Wir verschieben Lasten per Software."}, page=f"/challenges/{challenge.id}")
    assert response.status_code == 302
    assert "Gridwise answered" in "".join(m["Subject"] for m in outbox()) or any(
        "Gridwise" in m["Subject"] for m in outbox())

    # The company shortlists and invites; without a shared pitch day the startup gets the contact by mail.
    client.post_form("/auth/logout", page="/")
    log_in(client, company_user)
    proposal = db.session.scalar(db.select(ChallengeProposal).filter_by(challenge_id=challenge.id))
    assert "Wir verschieben Lasten" in client.get(f"/challenges/{challenge.id}/proposals").get_data(as_text=True)
    client.post_form(f"/challenges/{challenge.id}/proposals/{proposal.id}/shortlisted",
                     page=f"/challenges/{challenge.id}/proposals")
    client.post_form(f"/challenges/{challenge.id}/proposals/{proposal.id}/invited",
                     page=f"/challenges/{challenge.id}/proposals")
    assert db.session.get(ChallengeProposal, proposal.id).status == ProposalStatus.INVITED
    invitation = [m for m in outbox() if "lädt" in m["Subject"] or "invites" in m["Subject"]]
    assert invitation and "chefin@werk.example" in invitation[-1].get_body(("plain",)).get_content()


def test_a_startup_answers_once_even_when_sent_twice(db, challenge, startup, founder):
    proposals.answer(challenge, startup, by=founder, summary="Idee")
    db.session.commit()
    with pytest.raises(Conflict):
        proposals.answer(challenge, startup, by=founder, summary="Noch einmal")
    db.session.rollback()
    assert db.session.scalar(db.select(db.func.count()).select_from(ChallengeProposal)) == 1


def test_no_answers_after_the_deadline_or_before_publication(db, company, camps, startup, founder):
    late = make_challenge(db, company, camps["essen"], title="Zu spät", days=-1)
    draft = make_challenge(db, company, camps["essen"], title="Entwurf", status=ChallengeStatus.DRAFT)
    for challenge in (late, draft):
        with pytest.raises(NotAllowed):
            proposals.answer(challenge, startup, by=founder, summary="Idee")


def test_returning_needs_a_note_and_moves_follow_the_table(db, company, camps, organiser):
    challenge = make_challenge(db, company, camps["essen"], status=ChallengeStatus.IN_REVIEW)
    with pytest.raises(Exception, match="ändern"):
        review.move(challenge, ChallengeStatus.RETURNED, by=organiser, note=" ")
    review.move(challenge, ChallengeStatus.RETURNED, by=organiser, note="Bitte ein Budget nennen.")
    assert challenge.review_note == "Bitte ein Budget nennen." and challenge.reviewed_by_id == organiser.id
    with pytest.raises(Conflict):
        review.move(challenge, ChallengeStatus.PUBLISHED, by=organiser)  # returned must be sent again first


def test_startups_only_challenges_are_hidden_from_the_public(client, db, company, camps, startup, founder):
    make_challenge(db, company, camps["essen"], title="Nur für Startups", visibility=Visibility.STARTUPS)
    assert "Nur für Startups" not in client.get("/challenges/").get_data(as_text=True)
    log_in(client, founder)
    assert "Nur für Startups" in client.get("/challenges/").get_data(as_text=True)


def test_suggestions_name_public_startups_of_the_sector_and_the_fitting_camp(db, challenge, founder, camps):
    make_startup(db, founder, name="Versteckt", sectors="energy", public=False)
    make_startup(db, founder, name="Logistiko", sectors="logistics")
    fitting = make_startup(db, founder, name="Waermewerk", sectors="industry,energy")
    names = [s.name for s, _ in suggestions.fitting_startups(challenge)]
    assert "Waermewerk" in names and "Versteckt" not in names and "Logistiko" not in names
    assert fitting in [s for s, _ in suggestions.fitting_startups(challenge)]
    assert suggestions.fitting_camp(challenge).slug in {c.slug for c in camps.values() if "energy" in c.sectors}


def test_an_invitation_at_a_shared_pitch_day_becomes_a_meeting_request(db, challenge, startup, founder, contact,
                                                                       camps):
    event = make_event(db, camps["essen"])
    db.session.scalar(db.select(CallForPitches).filter_by(event_id=event.id)).lineup_published_at = utcnow()
    application = Application(event_id=event.id, startup_id=startup.id, status=ApplicationStatus.ACCEPTED)
    db.session.add(application)
    db.session.flush()
    running_order.add(application, by=contact)
    event.capacity, event.registration_opens_at = 50, utcnow() - timedelta(days=1)
    seats.register(event, name=contact.name, email=contact.email, attendee_type=AttendeeType.INDUSTRY, user=contact)
    db.session.commit()
    proposal = proposals.answer(challenge, startup, by=founder, summary="Idee")
    assert proposals.invite(proposal, by=contact) == "pitch_day"
    request = db.session.get(MeetingRequest, proposal.meeting_request_id)
    assert request.startup_id == startup.id and request.event_id == event.id
    assert "Abwärme nutzen" in request.reason


def test_demo_has_companies_challenges_in_each_review_state_and_answers(app, db, client):
    from pitchday.demo import seed_all

    seed_all()
    seed_all()
    statuses = {c.status for c in db.session.scalars(db.select(Challenge))}
    assert statuses == {ChallengeStatus.PUBLISHED, ChallengeStatus.IN_REVIEW, ChallengeStatus.DRAFT}
    answers = {p.status for p in db.session.scalars(db.select(ChallengeProposal))}
    assert ProposalStatus.INVITED in answers and ProposalStatus.SHORTLISTED in answers
    assert db.session.scalar(db.select(db.func.count()).select_from(Company)) == 3
    assert "Abwärme der Hochöfen nutzen" in client.get("/challenges/").get_data(as_text=True)
