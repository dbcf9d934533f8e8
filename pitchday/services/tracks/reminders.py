"""Reminders 30 and 90 days after a track starts: "how did it go?", with the one-tap stage links.

Each reminder is sent once per track however often this runs (a conditional UPDATE claims it), so the worker's
schedule (or the ``tracks remind`` command) may run it as often as it likes.
"""

from datetime import datetime, timedelta

from ...database import utcnow
from ...extensions import db
from ...models import Track, TrackStage
from .stages import _tell_both

DUE = ((30, Track.reminded_30_at, "reminded_30_at"), (90, Track.reminded_90_at, "reminded_90_at"))


def send_due(now: datetime | None = None) -> int:
    """Queue every reminder that is due; returns how many tracks were reminded."""
    now = now or utcnow()
    sent = 0
    for days, column, name in DUE:
        due = db.session.scalars(db.select(Track).where(column.is_(None), Track.stage != TrackStage.CLOSED,
                                                        Track.started_at <= now - timedelta(days=days)))
        for track in due:
            claimed = db.session.execute(db.update(Track).where(Track.id == track.id, column.is_(None))
                                         .values({name: now})).rowcount
            if claimed == 1:
                _tell_both(track, "tracks_reminder", days=days)
                sent += 1
    db.session.flush()
    return sent
