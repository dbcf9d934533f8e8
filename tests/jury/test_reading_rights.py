"""A juror reads only the applications of the published running order (or those assigned to them by name), and
only once they have accepted the invitation; decks likewise; drafts, rejected and withdrawn never (issue 14,
defect 5). Decided in permissions/jury.py (juror_reads_deck)."""

import pytest

from pitchday.models import Application, ApplicationStatus, JurorAssignment, Startup
from pitchday.services.applications import decks, running_order
from pitchday.services.jury import jurors as jury_jurors
from tests.jury.conftest import make_juror, pitches


def _deck(application, db):
    application.deck_filename = decks.store(b"%PDF-1.4\n% deck\n")
    db.session.commit()


def _extra(event, db, status):
    startup = Startup(slug=f"extra-{status}", name=f"Extra {status}", contact_email=f"{status}@example.org")
    application = Application(event=event, startup=startup, status=status)
    db.session.add(application)
    db.session.commit()
    _deck(application, db)
    return application


def _reads(client, application) -> tuple[int, int]:
    page = client.get(f"/applications/{application.id}")
    deck = client.get(f"/applications/{application.id}/deck")
    deck.close()
    return page.status_code, deck.status_code


@pytest.fixture
def line_up(db, event, organiser):
    for application in pitches(event):
        _deck(application, db)
    return pitches(event)


def test_an_invited_juror_who_has_not_accepted_reads_nothing(db, event, organiser, line_up, juror, juror_client):
    running_order.publish(event, by=organiser)
    db.session.commit()
    assert _reads(juror_client, line_up[0]) == (403, 403)
    juror_client.get(f"/jury/{event.id}/")  # opening the link's landing page accepts
    assert _reads(juror_client, line_up[0]) == (200, 200)


def test_before_the_running_order_is_published_only_pitches_assigned_by_name(db, event, organiser, line_up, juror,
                                                                             juror_client):
    juror_client.get(f"/jury/{event.id}/")
    assert [_reads(juror_client, a) for a in line_up] == [(403, 403)] * 3
    juror.all_pitches = False
    db.session.add(JurorAssignment(juror_id=juror.id, application_id=line_up[1].id))
    db.session.commit()
    assert [_reads(juror_client, a) for a in line_up] == [(403, 403), (200, 200), (403, 403)]
    running_order.publish(event, by=organiser)
    db.session.commit()
    assert [_reads(juror_client, a) for a in line_up] == [(200, 200)] * 3


@pytest.mark.parametrize("status", [ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED,
                                    ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN,
                                    ApplicationStatus.WAITLISTED])
def test_applications_outside_the_line_up_stay_closed(db, event, organiser, line_up, juror, juror_client, status):
    running_order.publish(event, by=organiser)
    db.session.commit()
    juror_client.get(f"/jury/{event.id}/")
    other = _extra(event, db, status)
    assert _reads(juror_client, other) == (403, 403)


def test_withdrawn_after_getting_a_slot_is_closed_even_if_assigned(db, event, organiser, line_up, juror,
                                                                   juror_client):
    running_order.publish(event, by=organiser)
    db.session.add(JurorAssignment(juror_id=juror.id, application_id=line_up[0].id))
    db.session.commit()
    juror_client.get(f"/jury/{event.id}/")
    line_up[0].status = ApplicationStatus.WITHDRAWN
    db.session.commit()
    assert _reads(juror_client, line_up[0]) == (403, 403)


def test_a_juror_of_another_event_reads_nothing_here(db, camps, event, organiser, line_up):
    from tests.jury.conftest import make_event

    other_event = make_event(camps["essen"], title="Another day")
    outsider = make_juror(other_event, "out@example.org")
    jury_jurors.accept(outsider)
    running_order.publish(event, by=organiser)
    db.session.commit()
    from pitchday.permissions.jury import juror_reads_deck

    assert not juror_reads_deck(outsider.user, line_up[0])


def test_organisers_and_founders_keep_reading(db, event, organiser, founder, line_up, client, login):
    login(organiser)
    assert _reads(client, line_up[0]) == (200, 200)
    client.post_form("/auth/logout")
    login(founder)
    assert _reads(client, line_up[0]) == (200, 200)
