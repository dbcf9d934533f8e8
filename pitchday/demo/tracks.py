"""Demo data for follow-up tracks: one track at each stage, started over the last year in several camps, so the
impact report's track figures have a history; and a shared feedback link of the demo founder's startup.

Idempotent: tracks are keyed by (source, source id), the share by its label.
"""

from datetime import timedelta

from ..database import utcnow
from ..extensions import db
from ..models import Camp, FeedbackShare, Startup, Track, TrackSource, TrackStage, TrackStep

# (days ago the talk began, stage now, camp)
HISTORY = [(20, TrackStage.FIRST_TALK, "essen"), (45, TrackStage.NDA, "essen"), (80, TrackStage.PILOT, "dortmund"),
           (150, TrackStage.ORDER, "essen"), (200, TrackStage.INVESTMENT, "bochum"), (260, TrackStage.HIRE, "duisburg"),
           (300, TrackStage.CLOSED, "gelsenkirchen")]
PATH = [TrackStage.FIRST_TALK, TrackStage.NDA, TrackStage.PILOT]
DEMO_SOURCE_BASE = 900_000  # demo tracks have no real source row; their ids stay out of the way of real ones


def seed() -> None:
    camps = {c.slug: c for c in db.session.scalars(db.select(Camp))}
    startups = db.session.scalars(db.select(Startup).filter(Startup.is_public.is_(True)).order_by(Startup.id)
                                  .limit(len(HISTORY))).all()
    now = utcnow()
    for n, ((days, stage, camp), startup) in enumerate(zip(HISTORY, startups, strict=False)):
        source_id = DEMO_SOURCE_BASE + n
        if camp not in camps or db.session.scalar(db.select(Track.id).filter_by(source=TrackSource.MEETING,
                                                                                source_id=source_id)):
            continue
        started = now - timedelta(days=days)
        track = Track(source=TrackSource.MEETING, source_id=source_id, startup_id=startup.id,
                      camp_id=camps[camp].id, partner_name=f"Mittelstand {camp.title()} GmbH",
                      partner_email=f"kontakt-{camp}@pitchday.example", stage=stage, started_at=started,
                      stage_changed_at=started + timedelta(days=days // 2))
        reached = PATH[1:PATH.index(stage) + 1] if stage in PATH else [*PATH[1:], stage]
        for step, (before, after) in enumerate(zip([TrackStage.FIRST_TALK, *reached], reached, strict=False)):
            track.steps.append(TrackStep(from_stage=before, to_stage=after, side="startup",
                                         created_at=started + timedelta(days=10 * (step + 1))))
            if after == TrackStage.PILOT:
                track.reached_pilot_at = started + timedelta(days=10 * (step + 1))
            if after in (TrackStage.ORDER, TrackStage.INVESTMENT, TrackStage.HIRE):
                track.reached_deal_at = started + timedelta(days=10 * (step + 1))
        db.session.add(track)
    founder_startup = startups[0] if startups else None
    if founder_startup and not db.session.scalar(db.select(FeedbackShare.id).filter_by(label="Förderantrag NRW")):
        db.session.add(FeedbackShare(startup_id=founder_startup.id, label="Förderantrag NRW"))
