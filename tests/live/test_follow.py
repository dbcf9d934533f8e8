"""Jurors follow the stage: the landing page opens the startup on stage, the control room shows who has scored."""

from pitchday.services.jury import rubric as jury_rubric
from pitchday.services.jury import scoring as jury_scoring
from pitchday.services.jury.jurors import declare_conflict
from pitchday.services.live import state as live_state
from pitchday.services.live import transitions
from pitchday.services.live import view as live_view
from tests.live.conftest import juror_link, make_juror, pitches


def run(db, event, *actions):
    for action in actions:
        transitions.act(event, action, by=None, seen_version=live_state.ensure_state(event).version)
        db.session.commit()


def test_the_jurors_landing_page_opens_the_startup_on_stage(app, client, db, event, juror):
    run(db, event, "no_show", "start_pitch")  # the second startup of the running order is on stage
    on_stage = pitches(event)[1]
    assert client.get(juror_link(app, juror)).status_code == 302
    html = client.get(f"/jury/{event.id}/").get_data(as_text=True)
    assert f'data-app="{on_stage.id}"' in html and on_stage.startup.name in html
    assert "live_follow.js" in html


def test_the_control_room_shows_each_jurors_progress_and_skips_a_conflict(db, event, juror, juror2, organiser):
    third = make_juror(event, "jo@example.org", "Jo Juror")
    run(db, event, "start_pitch")
    application = pitches(event)[0]
    declare_conflict(third, application, by=third.user, reason="invested")
    db.session.commit()
    room = live_view.room_state(event)
    assert {row["name"]: row["status"] for row in room["jury"]} == {
        "Jana Juror": "open", "Jonas Juror": "open", "Jo Juror": "conflict"}
    assert room["jury_done"] is False
    for person in (juror, juror2):
        for criterion in jury_rubric.criteria_of(event):
            jury_scoring.save_score(person, application, criterion_id=criterion.id, value=criterion.scale_max)
    jury_scoring.submit(juror, application)
    db.session.commit()
    room = live_view.room_state(event)
    assert {row["name"]: row["status"] for row in room["jury"]}["Jana Juror"] == "submitted"
    assert room["jury_done"] is True  # Jo's conflict does not hold the show up


def test_waiting_founders_and_the_event_page_see_when_they_are_on(app, client, login, db, event, camps):
    from datetime import timedelta

    from pitchday.models import StartupMember
    from tests.conftest import create_user

    founder = create_user("founder@example.org", "Frida Founder")
    third = pitches(event)[2]
    db.session.add(StartupMember(startup_id=third.startup.id, user_id=founder.id))
    db.session.commit()
    run(db, event, "start_pitch")
    state = live_state.state_of(event)
    # The first pitch has run 1 of its 5 minutes: its pitch and Q&A end in 4 + 5 minutes, the second startup's
    # slot takes 10, so the third is due in about 19 minutes, whatever the plan said.
    state.phase_started_at = transitions.utcnow() - timedelta(minutes=1)
    db.session.commit()
    login(founder)
    page = client.get(f"/applications/{third.id}").get_data(as_text=True)
    assert "Live: Sie sind in etwa 19 Minuten dran" in page
    event_page = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "Jetzt live" in event_page and pitches(event)[0].startup.name in event_page
