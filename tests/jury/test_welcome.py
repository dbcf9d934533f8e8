"""The juror's welcome (issue 16, point 7): the event, the startups to score and the conflict question first;
several conflicts at once; the level texts whole on the scoring page; the service worker served for /jury/."""

from pitchday.models import Conflict
from tests.jury.conftest import pitches


def test_the_welcome_names_the_event_the_startups_and_asks_about_conflicts_first(juror_client, event):
    html = juror_client.get(f"/jury/{event.id}/welcome").get_data(as_text=True)
    assert "Willkommen in der Jury, Jana Juror" in html and event.title in html
    assert html.index("Zuerst: Haben Sie einen Interessenkonflikt?") < html.index("Die 3 Startups, die Sie bewerten")
    for name in ("Startup A", "Startup B", "Startup C"):
        assert name in html


def test_conflicts_with_several_startups_are_declared_at_once(db, juror_client, juror, event):
    a, b, _c = pitches(event)
    page = f"/jury/{event.id}/welcome"
    response = juror_client.post_form(f"/jury/{event.id}/conflicts",
                                      {"application_id": [str(a.id), str(b.id), "999999", "x"], "reason": "advises"},
                                      page=page, follow_redirects=True)
    assert "Sie bewerten Startup A, Startup B nicht" in response.get_data(as_text=True) or \
        "Sie bewerten Startup B, Startup A nicht" in response.get_data(as_text=True)
    db.session.rollback()
    assert {c.startup_id for c in db.session.query(Conflict).filter_by(juror_id=juror.id)} == {a.startup_id,
                                                                                              b.startup_id}
    nothing = juror_client.post_form(f"/jury/{event.id}/conflicts", {"reason": "advises"}, page=page,
                                     follow_redirects=True)
    assert "Haken Sie die Startups an" in nothing.get_data(as_text=True)


def test_the_scoring_page_shows_every_level_text_whole(juror_client, event, criteria):
    html = juror_client.get(f"/jury/{event.id}/pitch/{pitches(event)[0].id}").get_data(as_text=True)
    for c in criteria:
        assert f"Stufen von {c.name}" in html
        assert f"<dd>{c.anchor_high}</dd>" in html and f"<dd>{c.anchor_low}</dd>" in html
    assert "<dt>5–6</dt>" in html  # the middle of a 1–10 scale


def test_the_service_worker_may_control_the_jurors_pages(client):
    response = client.get("/jury/sw.js")
    assert response.status_code == 200 and response.mimetype == "text/javascript"
    assert response.headers["Service-Worker-Allowed"] == "/jury/"
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
