"""Shared set-up of the jury benchmarks: an app on a fresh database with a pitch day, rubric and jury."""

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pitchday import create_app
from pitchday.database import utcnow
from pitchday.extensions import db
from pitchday.models import (
    AgendaBlock,
    Application,
    ApplicationStatus,
    BlockKind,
    Camp,
    Event,
    EventStatus,
    EventType,
    Juror,
    PitchSlot,
    Score,
    Startup,
    User,
)
from pitchday.services.jury import rubric as jury_rubric


def make_app(database_url: str | None = None):
    folder = Path(tempfile.mkdtemp(prefix="pitchday-bench-"))
    app = create_app({"SECRET_KEY": "bench", "DATABASE_URL": database_url or f"sqlite:///{folder / 'bench.sqlite3'}",
                      "OUTBOX_DIR": str(folder / "outbox"), "LOG_LEVEL": "WARNING", "TESTING": False})
    with app.app_context():
        if database_url:
            db.drop_all()
        db.create_all()
    return app


def pitch_day(n_pitches: int, n_jurors: int, *, scores: bool = True, start=None) -> tuple[Event, list[Juror]]:
    """An event in Essen with ``n_pitches`` pitches, the default rubric, and jurors who scored everything."""
    camp = db.session.scalar(db.select(Camp).filter_by(slug="essen"))
    if camp is None:
        camp = Camp(slug="essen", name="Camp Essen", city="Essen", sector_slugs="energy")
        db.session.add(camp)
    start = start or datetime(2026, 12, 3, 13, 0, tzinfo=UTC)
    event = Event(camp=camp, title="Pitch Day Essen", type=EventType.PITCH_DAY, status=EventStatus.PUBLISHED,
                  starts_at=start - timedelta(hours=1), ends_at=start + timedelta(hours=20))
    event.blocks.append(AgendaBlock(kind=BlockKind.PITCH_BLOCK, title="Pitches", starts_at=start,
                                    ends_at=start + timedelta(hours=19)))
    db.session.add(event)
    db.session.flush()
    for i in range(n_pitches):
        startup = Startup(slug=f"s{event.id}-{i}", name=f"Startup {i + 1}")
        application = Application(event=event, startup=startup, status=ApplicationStatus.ACCEPTED)
        db.session.add(application)
        db.session.flush()
        db.session.add(PitchSlot(event_id=event.id, application_id=application.id, position=i + 1))
    criteria = jury_rubric.add_default_rubric(event)
    jurors = []
    for j in range(n_jurors):
        user = User(email=f"juror{event.id}-{j}@example.org", name=f"Juror {j + 1}", email_confirmed_at=utcnow())
        juror = Juror(event_id=event.id, user=user)
        db.session.add(juror)
        jurors.append(juror)
    db.session.flush()
    if scores:
        apps = db.session.scalars(db.select(PitchSlot.application_id).filter_by(event_id=event.id)).all()
        db.session.execute(db.insert(Score), [
            {"event_id": event.id, "juror_id": juror.id, "application_id": a, "criterion_id": c.id,
             "value": 1 + (j * 7 + p * 3 + k) % 10, "updated_at": utcnow()}
            for j, juror in enumerate(jurors) for p, a in enumerate(apps) for k, c in enumerate(criteria)])
    db.session.commit()
    return event, jurors
