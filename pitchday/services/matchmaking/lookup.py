"""Loaders for matchmaking routes' ``guard``: unknown ids and secrets answer 404."""

import sqlalchemy as sa
from flask import abort

from ...extensions import db
from ...models import Registration, Startup
from ...models.matchmaking import Meeting, MeetingRequest


def load_ticket(secret: str) -> Registration:
    registration = db.session.scalar(sa.select(Registration).filter_by(ticket_secret=secret))
    if registration is None:
        abort(404)
    return registration


def load_startup(startup_id: int) -> Startup:
    return db.session.get(Startup, startup_id) or abort(404)


def load_request(request_id: int) -> MeetingRequest:
    return db.session.get(MeetingRequest, request_id) or abort(404)


def load_meeting(meeting_id: int) -> Meeting:
    return db.session.get(Meeting, meeting_id) or abort(404)
