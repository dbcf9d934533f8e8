"""seed-demo: a showcase with the demo startups that opted in, and last summer's winners on the home page."""

from pitchday.demo import seed_all
from pitchday.models import Award, Startup


def test_demo_has_a_showcase_and_winners_and_seeding_twice_is_once(app, db, client):
    seed_all()
    public = db.session.scalar(db.select(db.func.count()).select_from(Startup).filter(Startup.is_public.is_(True)))
    hidden = db.session.scalar(db.select(db.func.count()).select_from(Startup).filter(Startup.is_public.is_(False)))
    awards = db.session.scalar(db.select(db.func.count()).select_from(Award))
    assert public > hidden > 0 and awards == 3
    seed_all()
    assert db.session.scalar(db.select(db.func.count()).select_from(Award)) == awards
    listing = client.get("/startups/").get_data(as_text=True)
    assert f"{public} Startups" in listing
    home = client.get("/").get_data(as_text=True)
    assert "1. Platz der Jury" in home and "Pitch Day Essen: Sommer-Ausgabe" in home
