"""Follow-up tracks: started by an agreed meeting or an invited challenge answer, moved in one tap from a mail
link by either side, reminded at 30 and 90 days, counted per camp and quarter; feedback shared by signed link."""

import re
import threading
from datetime import datetime, timedelta

import pytest

from pitchday.berlin import from_local
from pitchday.database import utcnow
from pitchday.models import FeedbackShare, Track, TrackSource, TrackStage, TrackStep
from pitchday.services.tracks import reminders, report, stages
from tests.applications.conftest import make_startup
from tests.conftest import create_user, log_in


@pytest.fixture
def founder(db, camps):
    return create_user("gruender@example.org", "Gustav Gründer")


@pytest.fixture
def startup(db, founder):
    return make_startup(db, founder, name="Gridwise")


def make_track(db, startup, camp, *, started=None, stage=TrackStage.FIRST_TALK, n=1):
    track = Track(source=TrackSource.MEETING, source_id=n, startup_id=startup.id, camp_id=camp.id,
                  partner_name="Werk AG", partner_email="werk@example.org", stage=stage,
                  started_at=started or utcnow())
    db.session.add(track)
    db.session.commit()
    return track


def test_one_tap_from_the_mail_link_moves_the_track_and_records_the_step(client, db, camps, startup, outbox):
    track = make_track(db, startup, camps["essen"])
    page = f"/tracks/{track.partner_secret}"
    html = client.get(page).get_data(as_text=True)
    assert "Ihr Kontakt mit Gridwise" in html and "Pilotprojekt" in html
    response = client.post_form(f"{page}/pilot", page=page)
    assert response.status_code == 302
    db.session.refresh(track)
    assert track.stage == TrackStage.PILOT and track.reached_pilot_at is not None
    assert [(s.to_stage, s.side) for s in track.steps] == [(TrackStage.PILOT, "partner")]
    # The startup's own link moves it on; going back is refused with a message, not an error.
    startup_page = f"/tracks/{track.startup_secret}"
    client.post_form(f"{startup_page}/order", page=startup_page)
    db.session.refresh(track)
    assert track.stage == TrackStage.ORDER and track.reached_deal_at is not None
    back = client.post_form(f"{startup_page}/nda", page=startup_page, follow_redirects=True)
    assert "schon weiter" in back.get_data(as_text=True)
    assert client.post_form(f"{startup_page}/bogus", page=startup_page).status_code == 302


@pytest.mark.parametrize("secret", ["unknown", "x" * 500, "%00"])
def test_unknown_links_are_404(client, db, camps, startup, secret):
    make_track(db, startup, camps["essen"])
    assert client.get(f"/tracks/{secret}").status_code in (400, 404)


def test_a_double_tap_from_two_phones_counts_once(live_server, db, camps, startup):
    import http.cookiejar
    import urllib.parse
    import urllib.request

    track = make_track(db, startup, camps["essen"])
    page = f"{live_server}/tracks/{track.startup_secret}"
    phones = []
    for _ in range(2):
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        token = re.search(r'name="csrf_token" value="([^"]+)"', opener.open(page).read().decode()).group(1)
        phones.append((opener, token))
    barrier = threading.Barrier(2)

    def tap(opener, token):
        barrier.wait()
        body = urllib.parse.urlencode({"csrf_token": token}).encode()
        opener.open(urllib.request.Request(page + "/nda", data=body, method="POST")).read()  # noqa: S310

    threads = [threading.Thread(target=tap, args=phone) for phone in phones]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    db.session.rollback()
    assert db.session.scalar(db.select(db.func.count()).select_from(TrackStep)) == 1


def test_an_agreed_meeting_request_starts_a_track_and_tells_both_sides(db, camps, startup, outbox):
    from pitchday.models.matchmaking import MeetingRequest, RequestSide
    from pitchday.services.matchmaking import requests
    from tests.jury.conftest import make_event

    event = make_event(camps["essen"], n_pitches=0)
    juror = create_user("juror@example.org", "Jana Juror")
    request = MeetingRequest(event_id=event.id, startup_id=startup.id, juror_user_id=juror.id,
                             requested_by=RequestSide.JUROR, reason="Pilot")
    db.session.add(request)
    db.session.commit()
    requests.respond(request, accept=True, side=RequestSide.STARTUP)
    db.session.commit()
    track = db.session.scalar(db.select(Track).filter_by(source=TrackSource.MEETING, source_id=request.id))
    assert track.camp_id == camps["essen"].id and track.partner_email == "juror@example.org"
    to = {m["To"] for m in outbox()}
    assert {"juror@example.org", "gruender@example.org"} <= to
    assert stages.start_for_meeting(request).id == track.id  # once


def test_reminders_at_30_and_90_days_go_out_once(db, camps, startup, outbox):
    now = utcnow()
    fresh = make_track(db, startup, camps["essen"], started=now - timedelta(days=10), n=1)
    month = make_track(db, startup, camps["essen"], started=now - timedelta(days=31), n=2)
    quarter = make_track(db, startup, camps["essen"], started=now - timedelta(days=95), n=3)
    make_track(db, startup, camps["essen"], started=now - timedelta(days=95), stage=TrackStage.CLOSED, n=4)
    from flask import current_app

    with current_app.test_request_context("/"):
        assert reminders.send_due(now) == 3  # month: 30; quarter: 30 and 90
        db.session.commit()
        assert reminders.send_due(now) == 0
    db.session.refresh(month)
    db.session.refresh(quarter)
    assert month.reminded_30_at is not None and month.reminded_90_at is None
    assert quarter.reminded_90_at is not None and fresh.reminded_30_at is None
    subjects = [m["Subject"] for m in outbox()]
    assert sum("Wie ist es gelaufen" in s for s in subjects) == 6  # three reminders, two sides each


def test_impact_counts_tracks_per_camp_and_quarter_on_a_known_history(client, db, camps, startup, organiser,
                                                                      other_organiser, hub_admin):
    year = utcnow().year - 1
    def at(month, day):
        return from_local(datetime(year, month, day, 12))
    a = make_track(db, startup, camps["essen"], started=at(2, 1), n=1)
    a.reached_pilot_at, a.reached_deal_at = at(5, 1), at(11, 1)
    b = make_track(db, startup, camps["essen"], started=at(3, 30), n=2)
    b.reached_pilot_at = at(4, 2)
    make_track(db, startup, camps["dortmund"], started=at(8, 1), n=3)
    db.session.commit()
    rows = {(r.camp, r.quarter): (r.started, r.pilots, r.deals) for r in report.figures(year)}
    essen, dortmund = camps["essen"].name, camps["dortmund"].name
    assert rows[(essen, f"{year}-Q1")] == (2, 0, 0)
    assert rows[(essen, f"{year}-Q2")] == (0, 2, 0)
    assert rows[(essen, f"{year}-Q4")] == (0, 0, 1)
    assert rows[(dortmund, f"{year}-Q3")] == (1, 0, 0)
    log_in(client, organiser)
    csv = client.get(f"/impact/tracks/tracks.csv?year={year}").get_data(as_text=True)
    assert csv.startswith("\ufeffCamp;Quartal;") and f"{essen};{year}-Q1;2;0;0" in csv
    assert dortmund not in csv  # an Essen organiser sees Essen only
    client.post_form("/auth/logout", page="/")
    log_in(client, hub_admin)
    assert f"{dortmund};{year}-Q3;1;0;0" in client.get(f"/impact/tracks/tracks.csv?year={year}").get_data(
        as_text=True)


@pytest.mark.parametrize(("who", "status"), [("anonymous", 302), ("member", 403), ("organiser", 200)])
def test_track_figures_are_for_organisers_and_admins(client, people, who, status):
    if who != "anonymous":
        log_in(client, people[who])
    assert client.get("/impact/tracks/").status_code == status


def test_feedback_shared_by_a_signed_link_until_revoked(client, db, camps, startup, founder, member):
    log_in(client, founder)
    page = f"/startups/{startup.slug}/feedback"
    assert client.get(page).status_code == 200
    client.post_form(f"{page}/share", {"label": "Investor X"}, page=page)
    share = db.session.scalar(db.select(FeedbackShare).filter_by(startup_id=startup.id))
    assert share.label == "Investor X" and len(share.secret) >= 32
    anonymous = client.application.test_client()
    shared = anonymous.get(f"/feedback/{share.secret}")
    assert shared.status_code == 200 and "Feedback für Gridwise" in shared.get_data(as_text=True)
    assert shared.headers["X-Robots-Tag"] == "noindex"
    client.post_form(f"{page}/share/{share.id}/revoke", page=page)
    assert anonymous.get(f"/feedback/{share.secret}").status_code == 404
    client.post_form("/auth/logout", page="/")
    log_in(client, member)
    assert client.get(page).status_code == 403


def test_demo_has_tracks_at_every_stage(app, db):
    from pitchday.demo import seed_all

    seed_all()
    seed_all()
    assert {t.stage for t in db.session.scalars(db.select(Track))} == set(TrackStage)
    assert db.session.scalar(db.select(db.func.count()).select_from(FeedbackShare)) == 1


def test_feedback_history_shows_each_published_pitch_day_with_scores_and_comments(app, client, db, camps):
    from pitchday.models import MemberRole, StartupMember
    from pitchday.services.jury import publish as jury_publish
    from pitchday.services.jury import rubric as jury_rubric
    from pitchday.services.jury import scoring as jury_scoring
    from tests.jury.conftest import make_event, make_juror, pitches
    from tests.jury.test_results import fill

    event = make_event(camps["essen"])
    jury_rubric.add_default_rubric(event)
    db.session.commit()
    jurors = [make_juror(event, f"j{n}@example.org", f"Juror {n}") for n in range(2)]
    fill(event, jurors, lambda j, p, c: 4 + 2 * j + p)
    pitch = pitches(event)[0]
    jury_scoring.save_comment(jurors[0], pitch, comment="Starkes Team, Markt unklar.")
    owner = create_user("owner@example.org", "Olga Owner")
    db.session.add(StartupMember(startup_id=pitch.startup_id, user_id=owner.id, role=MemberRole.FOUNDER))
    db.session.commit()
    with app.test_request_context():
        jury_publish.publish(event, by=owner)
        db.session.commit()
    log_in(client, owner)
    html = client.get(f"/startups/{pitch.startup.slug}/feedback").get_data(as_text=True)
    assert event.title in html and "Starkes Team, Markt unklar." in html
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", html)
    assert cells[:2] == ["5,0", "6,0"]  # German: this pitch's mean against the field's median
    assert "Juror 0" not in html
