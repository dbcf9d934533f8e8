"""Loaders for the jury's routes: a pitch of an event, a juror of an event (404 otherwise)."""

from flask import abort

from ...extensions import db
from ...models import Application, Juror, PitchSlot


def load_pitch(event_id: int, application_id: int) -> Application:
    """An application that holds a place in this event's running order."""
    application = db.session.scalar(db.select(Application).join(PitchSlot, PitchSlot.application_id == Application.id)
                                    .filter(Application.id == application_id, PitchSlot.event_id == event_id))
    if application is None:
        abort(404)
    return application


def load_juror(event_id: int, juror_id: int) -> Juror:
    juror = db.session.get(Juror, juror_id)
    if juror is None or juror.event_id != event_id:
        abort(404)
    return juror
