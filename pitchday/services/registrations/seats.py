"""Registering for an event: seats, the waiting list and its order, cancelling, confirming by hand.

The seat rule lives in the database (see docs/registrations.md): every seat change for an event first takes
that event's queue row (``RegistrationQueue``) with one UPDATE, which on PostgreSQL holds a row lock until the
commit, and on SQLite happens inside a ``BEGIN IMMEDIATE`` transaction. A waiting registration is then
confirmed by one conditional UPDATE that only matches while confirmed < capacity; its row count decides.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask_babel import lazy_gettext as _
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import aliased
from sqlalchemy.orm.attributes import set_committed_value

from ...database import utcnow
from ...errors import Conflict, Invalid
from ...extensions import db
from ...models import AttendeeType, Event, EventStatus, Registration, RegistrationQueue, RegistrationStatus, User
from ..audit import trail as audit
from . import mail as notify

CONFIRMED, WAITING, CANCELLED = RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING, RegistrationStatus.CANCELLED

# The one table of allowed moves: target status -> statuses it may come from.
TRANSITIONS = {
    CONFIRMED: {WAITING},
    WAITING: {CANCELLED},  # registering again after cancelling joins the queue afresh
    CANCELLED: {CONFIRMED, WAITING},
}


@dataclass(frozen=True)
class Outcome:
    registration: Registration
    created: bool  # False: the address was already registered and its ticket (or waiting notice) re-sent
    returning: bool = False  # created again after a cancellation: choices made the first time no longer hold
    resent: bool = False  # for created=False: whether the mail went out again (at most once per RESEND_EVERY)


# Registering an address again re-sends its ticket at most this often, so the form cannot flood an inbox.
RESEND_EVERY = timedelta(minutes=10)


def normalise_email(email: str) -> str:
    return email.strip().lower()


# --- the registration window ------------------------------------------------------------------------------

def window_state(event: Event, now: datetime | None = None) -> str:
    """'open', 'not_yet', 'closed', 'paused' (postponed, no new date yet) or 'unavailable' (not published).
    Without a closing time, it closes at the start. A postponed event with its new date set takes registrations."""
    now = now or utcnow()
    if event.status == EventStatus.POSTPONED and event.awaiting_new_date:
        return "paused"
    if event.status not in (EventStatus.PUBLISHED, EventStatus.POSTPONED):
        return "unavailable"
    if event.registration_opens_at and now < event.registration_opens_at:
        return "not_yet"
    closes = event.registration_closes_at or event.starts_at
    if now >= closes:
        return "closed"
    return "open"


def _check_window(event: Event, now: datetime) -> None:
    state = window_state(event, now)
    if state == "not_yet":
        raise Conflict(_("Registration has not opened yet."), code="registration_not_open")
    if state == "closed":
        raise Conflict(_("Registration for this event has closed."), code="registration_closed")
    if state == "paused":
        raise Conflict(_("Registration is paused: the event is postponed and its new date is not set yet."),
                       code="registration_paused")
    if state == "unavailable":
        raise Conflict(_("This event does not take registrations."), code="registration_unavailable")


# --- the per-event queue and the seat decision ------------------------------------------------------------

def _insert_ignore(table, **values):
    dialect = db.session.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    return module.insert(table).values(**values).on_conflict_do_nothing()


def _lock_queue(event_id: int, *, take_number: bool, count: int = 1) -> int:
    """Hold the event's queue row for the rest of the transaction; with ``take_number``, draw the next number
    (``count`` numbers: the last one is returned)."""
    step = count if take_number else 0
    take = (sa.update(RegistrationQueue).where(RegistrationQueue.event_id == event_id)
            .values(last_number=RegistrationQueue.last_number + step).returning(RegistrationQueue.last_number))
    number = db.session.execute(take).scalar_one_or_none()
    if number is None:  # the event's first seat change makes its queue row; a parallel first one waits on it
        db.session.execute(_insert_ignore(RegistrationQueue, event_id=event_id, last_number=0))
        number = db.session.execute(take).scalar_one()
    return number


# Made once: an alias builds its column collection when made, which cost more than the seat decision's SQL.
_OTHER = aliased(Registration, name="other")


def _confirmed_below_capacity(event_id: int):
    """SQL condition: the event has fewer confirmed registrations than seats (evaluated inside the UPDATE)."""
    confirmed = (sa.select(sa.func.count()).select_from(_OTHER)
                 .where(_OTHER.event_id == event_id, _OTHER.status == CONFIRMED).scalar_subquery())
    capacity = sa.select(Event.capacity).where(Event.id == event_id).scalar_subquery()
    return confirmed < capacity


def _move(registration: Registration, target: RegistrationStatus, *, condition=None, **values) -> bool:
    """The one transition function: a conditional UPDATE from an allowed status; True if it happened."""
    stmt = (sa.update(Registration)
            .where(Registration.id == registration.id, Registration.status.in_(TRANSITIONS[target]))
            .values(status=target, **values)
            .execution_options(synchronize_session=False))
    if condition is not None:
        stmt = stmt.where(condition)
    moved = db.session.execute(stmt).rowcount == 1
    if moved and not any(isinstance(v, sa.ClauseElement) for v in values.values()):
        # The row now holds exactly these values: no need to read it back.
        for key, value in {"status": target, **values}.items():
            set_committed_value(registration, key, value)
    else:
        db.session.expire(registration)
    return moved


def _try_seat(registration: Registration, now: datetime) -> bool:
    return _move(registration, CONFIRMED, condition=_confirmed_below_capacity(registration.event_id),
                 confirmed_at=now)


def fill_free_seats(event: Event, *, now: datetime | None = None) -> list[Registration]:
    """Promote the waiting list in arrival order while seats are free; each promoted person is told by e-mail.

    The caller holds the event's queue row.
    """
    now = now or utcnow()
    promoted = []
    while True:
        first = db.session.scalar(
            sa.select(Registration).where(Registration.event_id == event.id, Registration.status == WAITING)
            .order_by(Registration.queue_number).limit(1))
        if first is None or not _try_seat(first, now):
            return promoted
        promoted.append(first)
        notify.promoted(first)


# --- what attendees do ------------------------------------------------------------------------------------

def register(event: Event, *, name: str, email: str, organisation: str = "", attendee_type: str,
             answers: dict | None = None, locale: str = "de", user: User | None = None,
             now: datetime | None = None) -> Outcome:
    """Register someone: a seat while one is free, otherwise a place on the waiting list; one per address."""
    now = now or utcnow()
    _check_window(event, now)
    email = normalise_email(email)
    name = name.strip()
    if not name or not email:
        raise Invalid(_("Please give your name and e-mail address."), field="name" if not name else "email")
    try:
        attendee_type = AttendeeType(attendee_type)
    except ValueError:
        raise Invalid(_("Please choose who you are attending as."), field="attendee_type") from None

    number = _lock_queue(event.id, take_number=True)
    fill_free_seats(event, now=now)  # seats freed by a raised capacity go to those already waiting first
    existing = db.session.scalar(sa.select(Registration).where(Registration.event_id == event.id,
                                                               Registration.email == email))
    details = {"name": name, "organisation": organisation.strip(), "attendee_type": attendee_type,
                   "answers": answers or {}, "locale": locale, "consent_at": now}
    if existing is not None and existing.status != CANCELLED:
        resent = _claim_resend(existing, now)
        if resent:
            notify.ticket_again(existing)
        return Outcome(existing, created=False, resent=resent)
    if existing is not None:  # came back after cancelling: a new place at the end of the queue
        _move(existing, WAITING, queue_number=number, cancelled_at=None, confirmed_at=None,
              user_id=user.id if user else existing.user_id, **details)
        registration, returning = existing, True
    else:
        returning = False
        registration = Registration(event_id=event.id, email=email, status=WAITING, queue_number=number,
                                    user_id=user.id if user else None, **details)
        db.session.add(registration)
        db.session.flush()
    if _try_seat(registration, now):
        notify.confirmed(registration)
    else:
        notify.waiting(registration)
    return Outcome(registration, created=True, returning=returning)


def _claim_resend(registration: Registration, now: datetime) -> bool:
    """Stamp the re-send time unless one went out within RESEND_EVERY; the row count decides, so two parallel
    tries cannot both send."""
    stamped = db.session.execute(
        sa.update(Registration)
        .where(Registration.id == registration.id,
               sa.or_(Registration.ticket_resent_at.is_(None), Registration.ticket_resent_at <= now - RESEND_EVERY))
        .values(ticket_resent_at=now).execution_options(synchronize_session=False))
    return stamped.rowcount == 1


def record_confirmed(event: Event, people: list[dict], *, at: datetime) -> list[Registration]:
    """Registrations recorded after the fact (the demo's past pitch days, an import from another tool): confirmed
    at ``at``, numbered in the given order from the event's queue counter, so later registrations come after
    them. No window, no seat check, no e-mail. Each person: name, email, attendee_type, optional organisation,
    locale, user. An address already registered for the event is returned as it is (no number drawn)."""
    emails = [normalise_email(p["email"]) for p in people]
    existing = {r.email: r for r in db.session.scalars(
        sa.select(Registration).where(Registration.event_id == event.id, Registration.email.in_(emails)))}
    new = [(email, p) for email, p in zip(emails, people, strict=True) if email not in existing]
    if new:
        last = _lock_queue(event.id, take_number=True, count=len(new))
        for number, (email, p) in enumerate(new, start=last - len(new) + 1):
            user = p.get("user")
            existing[email] = Registration(
                event_id=event.id, email=email, name=p["name"].strip(), organisation=p.get("organisation", ""),
                attendee_type=AttendeeType(p["attendee_type"]), locale=p.get("locale", "de"),
                user_id=user.id if user else None, status=CONFIRMED, queue_number=number, consent_at=at,
                confirmed_at=at, created_at=at)
            db.session.add(existing[email])
        db.session.flush()
    return [existing[email] for email in emails]


def cancel(registration: Registration, *, by: User | None = None, now: datetime | None = None) -> list:
    """Cancel a registration (the attendee, or an organiser ``by``); a freed seat goes to the next in line.

    Returns the registrations promoted as a result.
    """
    now = now or utcnow()
    _lock_queue(registration.event_id, take_number=False)
    was = registration.status
    was_confirmed = was == CONFIRMED
    if not _move(registration, CANCELLED, cancelled_at=now):
        raise Conflict(_("This registration is already cancelled."), code="already_cancelled")
    if by is not None:  # staff; an attendee cancelling their own seat is not an organiser's change
        audit.record(by, "registration.cancelled", subject=registration, before={"status": was},
                     after={"status": CANCELLED})
    if not was_confirmed:
        return []
    return fill_free_seats(registration.event, now=now)


def cancel_own(registration: Registration, *, now: datetime | None = None) -> list:
    """The attendee cancels from the ticket page: as ``cancel``, and they get a confirmation by e-mail."""
    promoted = cancel(registration, now=now)
    notify.cancelled(registration)
    return promoted


def confirm_by_hand(registration: Registration, *, by: User, now: datetime | None = None) -> None:
    """An organiser gives a waiting person a seat, even beyond the capacity."""
    now = now or utcnow()
    _lock_queue(registration.event_id, take_number=False)
    if not _move(registration, CONFIRMED, confirmed_at=now):
        raise Conflict(_("Only people on the waiting list can be confirmed."), code="not_waiting")
    audit.record(by, "registration.confirmed", subject=registration, before={"status": WAITING},
                 after={"status": CONFIRMED})
    notify.confirmed(registration)


def set_capacity(event: Event, capacity: int, *, by: User, now: datetime | None = None) -> list:
    """Raise or lower the seats. Lowering cancels nobody, it only stops promotions; raising promotes in order."""
    if capacity < 0:
        raise Invalid(_("The capacity cannot be negative."), field="capacity")
    _lock_queue(event.id, take_number=False)
    if capacity != event.capacity:
        audit.record(by, "registration.capacity_changed", subject=event, before={"capacity": event.capacity},
                     after={"capacity": capacity})
    event.capacity = capacity
    db.session.flush()
    return fill_free_seats(event, now=now)


def seats_left(event: Event) -> int:
    confirmed = db.session.scalar(sa.select(sa.func.count()).select_from(Registration)
                                  .where(Registration.event_id == event.id, Registration.status == CONFIRMED))
    return max(event.capacity - confirmed, 0)


def by_secret(secret: str) -> Registration | None:
    if not secret or len(secret) > 64:
        return None
    return db.session.scalar(sa.select(Registration).where(Registration.ticket_secret == secret,
                                                           Registration.anonymised_at.is_(None)))


def for_user(user: User) -> list[Registration]:
    """A logged-in person's active registrations: those made while logged in or with their address."""
    return list(db.session.scalars(
        sa.select(Registration).where(
            sa.or_(Registration.user_id == user.id, Registration.email == user.email),
            Registration.status != CANCELLED, Registration.anonymised_at.is_(None))))


def of_user_for_event(user: User | None, event: Event) -> Registration | None:
    if user is None:
        return None
    return next((r for r in for_user(user) if r.event_id == event.id), None)
