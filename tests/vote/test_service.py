"""The vote's rules: who may vote, once, for a pitch of the running order; open, close, publish, counts."""

import pytest

from pitchday.errors import Conflict, Invalid, NotFound
from pitchday.models import RegistrationStatus
from pitchday.models.vote import AudienceVote
from pitchday.services import vote as votes
from tests.jury.conftest import make_event


def test_a_checked_in_ticket_votes_once_and_the_second_vote_does_not_count(db, event, apps, ticket, open_vote):
    assert votes.ballot(ticket).state == "can_vote"
    assert votes.cast(ticket, apps[1].id) is True
    db.session.commit()
    assert votes.cast(ticket, apps[0].id) is False  # already voted: nothing changes
    db.session.commit()
    ballot = votes.ballot(ticket)
    assert ballot.state == "voted" and ballot.voted_for.id == apps[1].id
    assert db.session.query(AudienceVote).count() == 1


@pytest.mark.parametrize("status,checked_in,state", [
    (RegistrationStatus.WAITING, False, "not_confirmed"),
    (RegistrationStatus.CANCELLED, False, "not_confirmed"),
    (RegistrationStatus.CONFIRMED, False, "not_checked_in"),
])
def test_only_confirmed_checked_in_tickets_may_vote(db, event, apps, open_vote, make_ticket, status, checked_in, state):
    registration = make_ticket(event, status=status, checked_in=checked_in)
    assert votes.ballot(registration).state == state
    with pytest.raises(Conflict) as error:
        votes.cast(registration, apps[0].id)
    assert error.value.code == state
    assert db.session.query(AudienceVote).count() == 0


def test_a_cancelled_ticket_that_was_checked_in_may_not_vote(db, event, apps, open_vote, make_ticket):
    registration = make_ticket(event)
    registration.status = RegistrationStatus.CANCELLED
    db.session.commit()
    assert votes.ballot(registration).state == "not_confirmed"


def test_no_vote_before_it_opens_or_after_it_closes(db, event, apps, ticket, organiser):
    assert votes.ballot(ticket).state == "not_open"
    with pytest.raises(Conflict):
        votes.cast(ticket, apps[0].id)
    votes.open_vote(event, by=organiser)
    votes.close_vote(event, by=organiser)
    db.session.commit()
    assert votes.ballot(ticket).state == "closed"
    with pytest.raises(Conflict) as error:
        votes.cast(ticket, apps[0].id)
    assert error.value.code == "closed"


def test_only_pitches_of_this_events_running_order(db, event, other_event, ticket, open_vote):
    from tests.jury.conftest import pitches

    with pytest.raises(Invalid):
        votes.cast(ticket, pitches(other_event)[0].id)
    with pytest.raises(Invalid):
        votes.cast(ticket, 999999)


def test_other_events_ticket_is_refused_on_the_code_form(db, event, other_event, open_vote, make_ticket):
    foreign = make_ticket(other_event)
    with pytest.raises(Invalid) as error:
        votes.find_ticket(open_vote.screen_code, foreign.ticket_secret)
    assert error.value.code == "other_event"
    with pytest.raises(NotFound) as error:
        votes.find_ticket("ZZZZZZ", foreign.ticket_secret)
    assert error.value.code == "unknown_screen_code"
    with pytest.raises(NotFound) as error:
        votes.find_ticket(open_vote.screen_code, "not-a-ticket")
    assert error.value.code == "unknown_ticket"
    own = make_ticket(event)
    assert votes.find_ticket(" " + open_vote.screen_code.lower() + " ", own.ticket_secret).id == own.id


def test_open_needs_a_running_order_and_publish_needs_a_closed_vote(db, camps, event, organiser, open_vote):
    empty = make_event(camps["bochum"] if "bochum" in camps else camps["dortmund"], title="No pitches", n_pitches=0)
    with pytest.raises(Invalid):
        votes.open_vote(empty, by=organiser)
    with pytest.raises(Conflict):
        votes.publish(event, by=organiser)
    votes.close_vote(event, by=organiser)
    votes.publish(event, by=organiser)
    with pytest.raises(Conflict):
        votes.open_vote(event, by=organiser)  # published: withdraw first
    votes.publish(event, by=organiser, published=False)
    assert votes.open_vote(event, by=organiser).is_open


def test_reopening_keeps_the_screen_code_and_the_votes(db, event, apps, ticket, organiser, open_vote):
    code = open_vote.screen_code
    votes.cast(ticket, apps[0].id)
    votes.close_vote(event, by=organiser)
    votes.open_vote(event, by=organiser)
    db.session.commit()
    assert votes.settings_of(event).screen_code == code
    assert votes.tally(event).total == 1


def test_tally_counts_per_pitch_with_shared_places_and_eligible_attendees(db, event, apps, open_vote, make_ticket):
    choices = [apps[2], apps[2], apps[0], apps[0], apps[1]]
    for i, app_ in enumerate(choices):
        votes.cast(make_ticket(event, name=f"V{i}"), app_.id)
    make_ticket(event, checked_in=False)
    make_ticket(event, status=RegistrationStatus.WAITING, checked_in=False)
    db.session.commit()
    tally = votes.tally(event)
    assert [(slot.application.id, n, place) for slot, n, place in tally.rows] == [
        (apps[0].id, 2, 1), (apps[2].id, 2, 1), (apps[1].id, 1, 3)]
    assert tally.total == 5
    assert votes.eligible_count(event) == 5
