"""Demo data for the audience vote: an open vote at the Essen demo pitch day, with some votes.

Runs after check-in and matchmaking. Checks a few of the pitch day's confirmed attendees in (through the
check-in service, by the Essen organiser at the door) so there is someone to vote, opens the vote and lets
some of them vote. Idempotent: a second run finds everyone checked in, the vote open and the votes cast.
"""

import sqlalchemy as sa

from ..extensions import db
from ..models import Registration, RegistrationStatus
from ..services import vote as votes
from ..services.applications.running_order import slots_for
from ..services.checkin import scan as checkin
from .events import demo_pitch_day
from .foundation import demo_user

CHECKED_IN = 10  # demo attendees let in at the door
VOTERS = 7  # of them, who have voted already
LOGINS = []  # organisers use their camp login; attendees vote through their ticket link


def seed() -> None:
    event = demo_pitch_day()
    if event is None or not slots_for(event):
        return
    organiser = demo_user(f"orga-{event.camp.slug}@pitchday.example", f"Orga {event.camp.city}")
    tickets = db.session.scalars(sa.select(Registration).where(
        Registration.event_id == event.id, Registration.status == RegistrationStatus.CONFIRMED)
        .order_by(Registration.id).limit(CHECKED_IN)).all()
    if not tickets:
        return
    already = checkin.is_checked_in(t.id for t in tickets)
    device = checkin.staff_device(event, organiser)
    for ticket in tickets:
        if ticket.id not in already:
            checkin.check_in(event.id, ticket.ticket_secret, device=device)
    if votes.settings_of(event) is None:
        votes.open_vote(event, by=organiser)
    db.session.flush()
    pitches = [slot.application.id for slot in slots_for(event)]
    # A lopsided but not unanimous spread: the first pitch leads, the others trail.
    for i, ticket in enumerate(tickets[:VOTERS]):
        if votes.ballot(ticket).state == "can_vote":
            votes.cast(ticket, pitches[0] if i % 2 == 0 else pitches[i % len(pitches)])
