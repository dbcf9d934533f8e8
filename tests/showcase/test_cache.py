"""The showcase from the shared cache: anonymous visitors get stored bytes with an ETag, and every change to a
startup, an award or a line-up shows at once, from any process."""

from pitchday.models import Startup
from tests.conftest import make_app
from tests.showcase.conftest import award, pitch


def test_a_repeat_visit_is_a_304_and_a_rename_shows_at_once(client, db, network):
    first = client.get("/startups/?sector=energy")
    assert first.status_code == 200 and "Gridwise" in first.get_data(as_text=True)
    tag = first.headers["ETag"].strip('"')
    assert client.get("/startups/?sector=energy", headers={"If-None-Match": f'"{tag}"'}).status_code == 304

    startup = db.session.get(Startup, network["gridwise"].id)
    startup.name = "Gridwise Energie"
    db.session.commit()

    again = client.get("/startups/?sector=energy", headers={"If-None-Match": f'"{tag}"'})
    assert again.status_code == 200 and "Gridwise Energie" in again.get_data(as_text=True)
    assert client.get("/startups/gridwise").get_data(as_text=True).count("Gridwise Energie") >= 1


def test_a_published_award_reaches_the_profile_in_another_process(app, tmp_path, db, network):
    shared = {"CACHE_DIR": str(tmp_path / "shared-cache")}
    workers = []
    for name in ("worker-1", "worker-2"):
        (tmp_path / name).mkdir()
        workers.append(make_app(tmp_path / name, app.config["DATABASE_URL"], **shared))

    def profile(worker):
        with worker.app_context():
            return worker.test_client().get("/startups/portpilot").get_data(as_text=True)

    assert all("Sonderpreis" not in profile(w) for w in workers)  # both have it stored now
    award(db, pitch(db, network["essen"], network["portpilot"]), "Sonderpreis")
    assert all("Sonderpreis" in profile(w) for w in workers)


def test_signed_in_visitors_get_their_own_page(client, db, network, member):
    from pitchday.models import MemberRole, StartupMember
    from tests.conftest import log_in

    client.get("/startups/gridwise")  # stored for anonymous visitors
    db.session.add(StartupMember(startup_id=network["gridwise"].id, user_id=member.id, role=MemberRole.FOUNDER))
    db.session.commit()
    log_in(client, member)
    response = client.get("/startups/gridwise")
    assert "ETag" not in response.headers and "/startups/gridwise/edit" in response.get_data(as_text=True)
