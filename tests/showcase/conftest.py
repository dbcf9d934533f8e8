"""Fixtures of the showcase: startups that opted in or not, a past pitch day with a published line-up and awards."""

from datetime import timedelta

import pytest

from pitchday.database import utcnow
from pitchday.models import (
    Application,
    ApplicationStatus,
    Award,
    CallForPitches,
    Event,
    EventStatus,
    EventType,
    JuryPublication,
    Stage,
    Startup,
)


def make_startup(db, name, *, public=True, sectors="energy", stage=Stage.SEED, city="Essen", team_size=None):
    startup = Startup(slug=name.lower().replace(" ", "-"), name=name, one_liner=f"{name} macht etwas Gutes",
                      sector_slugs=sectors, stage=stage, city=city, is_public=public, team_size=team_size)
    db.session.add(startup)
    db.session.commit()
    return startup


def pitch_day(db, camp, *, title, days_ago=30, published_lineup=True, status=EventStatus.PUBLISHED):
    starts = (utcnow() - timedelta(days=days_ago)).replace(microsecond=0)
    event = Event(camp_id=camp.id, title=title, type=EventType.PITCH_DAY, starts_at=starts,
                  ends_at=starts + timedelta(hours=3), status=status, sector_slugs="energy")
    db.session.add(event)
    db.session.flush()
    db.session.add(CallForPitches(event_id=event.id, lineup_published_at=starts if published_lineup else None))
    db.session.commit()
    return event


def pitch(db, event, startup, status=ApplicationStatus.ACCEPTED) -> Application:
    application = Application(event_id=event.id, startup_id=startup.id, status=status, submitted_at=event.starts_at)
    db.session.add(application)
    db.session.commit()
    return application


def award(db, application, title, *, published=True, position=0) -> Award:
    item = Award(event_id=application.event_id, application_id=application.id, title=title, position=position)
    db.session.add(item)
    if published and db.session.get(JuryPublication, application.event_id) is None:
        db.session.add(JuryPublication(event_id=application.event_id))
    db.session.commit()
    return item


@pytest.fixture
def network(db, camps):
    """Essen and Dortmund pitch days; four startups, one of them not public, one award each published or not."""
    essen = pitch_day(db, camps["essen"], title="Pitch Day Essen Herbst")
    dortmund = pitch_day(db, camps["dortmund"], title="Pitch Day Dortmund Sommer", days_ago=90)
    draft_lineup = pitch_day(db, camps["bochum"], title="Pitch Day Bochum (Aufstellung offen)",
                             published_lineup=False)
    gridwise = make_startup(db, "Gridwise", sectors="energy", team_size=7)
    portpilot = make_startup(db, "PortPilot", sectors="logistics", stage=Stage.PRE_SEED, city="Duisburg")
    caresense = make_startup(db, "CareSense", sectors="health", stage=Stage.IDEA, city="Bochum")
    hidden = make_startup(db, "Stealthco", public=False)
    won = pitch(db, essen, gridwise)
    award(db, won, "1. Platz der Jury")
    pitch(db, dortmund, gridwise)
    other = pitch(db, dortmund, portpilot)
    award(db, other, "Publikumspreis", published=False)
    award(db, pitch(db, essen, hidden), "2. Platz der Jury", position=1)
    pitch(db, draft_lineup, caresense)  # the line-up is not published: not a pitch yet
    pitch(db, essen, caresense, status=ApplicationStatus.REJECTED)
    return {"essen": essen, "dortmund": dortmund, "gridwise": gridwise, "portpilot": portpilot,
            "caresense": caresense, "hidden": hidden}
