"""A juror scoring on their phone: the page, saving each change, submitting, reopening, conflicts."""

import re

from pitchday.extensions import db
from pitchday.models import Score, ScoreSheet
from pitchday.services.jury import scoring as jury_scoring
from tests.jury.conftest import START, pitches


def _api(client, url, payload):
    token = re.search(r'name="csrf-token" content="([^"]+)"', client.get(url.replace("/api", "")
                                                                         .rsplit("/", 1)[0]).get_data(as_text=True))
    return client.post(url, json=payload, headers={"X-CSRFToken": token.group(1)})


def test_the_invitation_link_lands_on_the_scoring_page_and_marks_the_juror_accepted(juror_client, juror, event):
    response = juror_client.get(f"/jury/{event.id}/")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Startup A" in html and 'name="c' in html
    db.session.refresh(juror)
    assert juror.status == "accepted" and juror.accepted_at is not None


def test_the_page_opens_on_the_pitch_on_stage_now(event, juror):
    board = jury_scoring.board(juror, event)
    from datetime import timedelta

    assert jury_scoring.current_index(board.pitches, START - timedelta(hours=1)) == 0
    assert jury_scoring.current_index(board.pitches, START + timedelta(minutes=12)) == 1  # 10 min per pitch
    assert jury_scoring.current_index(board.pitches, START + timedelta(hours=5)) == 2


def test_each_change_is_saved_at_once_and_a_second_save_updates(juror_client, juror, event, criteria):
    app_a = pitches(event)[0]
    url = f"/api/jury/{event.id}/pitch/{app_a.id}/score"
    assert _api(juror_client, url, {"criterion_id": criteria[0].id, "value": 7}).status_code == 200
    assert _api(juror_client, url, {"criterion_id": criteria[0].id, "value": 9}).status_code == 200
    values = db.session.scalars(db.select(Score.value).filter_by(juror_id=juror.id)).all()
    assert values == [9]
    # What is saved is on the page after a reload.
    html = juror_client.get(f"/jury/{event.id}/pitch/{app_a.id}").get_data(as_text=True)
    assert re.search(rf'id="c{criteria[0].id}v9" name="c{criteria[0].id}" value="9" checked', html)


def test_bad_values_answer_json_errors_not_500(juror_client, event, criteria):
    url = f"/api/jury/{event.id}/pitch/{pitches(event)[0].id}/score"
    out_of_scale = _api(juror_client, url, {"criterion_id": criteria[0].id, "value": 11})
    assert out_of_scale.status_code == 422 and out_of_scale.json["status"] == "invalid"
    assert _api(juror_client, url, {"criterion_id": "x", "value": 3}).status_code == 422
    assert _api(juror_client, url, {"criterion_id": 99999, "value": 3}).status_code == 422


def test_without_javascript_the_page_is_a_normal_form(juror_client, juror, event, criteria):
    app_a = pitches(event)[0]
    page = f"/jury/{event.id}/pitch/{app_a.id}"
    data = {f"c{c.id}": "6" for c in criteria} | {"comment": "Clear pitch", "action": "save"}
    response = juror_client.post_form(page, data, page=page)
    assert response.status_code == 302
    sheet = db.session.scalar(db.select(ScoreSheet).filter_by(juror_id=juror.id))
    assert sheet.comment == "Clear pitch" and sheet.submitted_at is None
    assert len(jury_scoring.my_values(juror, app_a)) == len(criteria)


def test_submit_needs_every_criterion_and_then_locks_until_reopened(juror_client, juror, event, criteria, organiser,
                                                                    app):
    app_a = pitches(event)[0]
    page = f"/jury/{event.id}/pitch/{app_a.id}"
    juror_client.post_form(page, {f"c{criteria[0].id}": "5", "action": "submit"}, page=page)
    assert "Bitte bewerte jedes Kriterium" in juror_client.get(page).get_data(as_text=True) or \
        db.session.scalar(db.select(ScoreSheet.submitted_at).filter_by(juror_id=juror.id)) is None
    juror_client.post_form(page, {f"c{c.id}": "5" for c in criteria} | {"action": "submit"}, page=page)
    assert db.session.scalar(db.select(ScoreSheet.submitted_at).filter_by(juror_id=juror.id)) is not None
    changed = _api(juror_client, f"/api/jury/{event.id}/pitch/{app_a.id}/score",
                   {"criterion_id": criteria[0].id, "value": 9})
    assert changed.status_code == 409 and changed.json["status"] == "submitted"
    # The organiser reopens; the juror can change it again.
    from tests.conftest import FormClient, log_in

    orga = log_in(FormClient(app.test_client()), organiser)
    results = f"/events/{event.id}/jury/results"
    assert orga.post_form(f"/events/{event.id}/jury/jurors/{juror.id}/pitch/{app_a.id}/reopen", page=results
                          ).status_code == 302
    assert _api(juror_client, f"/api/jury/{event.id}/pitch/{app_a.id}/score",
                {"criterion_id": criteria[0].id, "value": 9}).status_code == 200


def test_a_declared_conflict_blocks_scoring_that_pitch(juror_client, juror, event, criteria):
    app_b = pitches(event)[1]
    page = f"/jury/{event.id}/pitch/{app_b.id}"
    assert juror_client.post_form(f"{page}/conflict", {"reason": "advises"}, page=page).status_code == 302
    html = juror_client.get(page).get_data(as_text=True)
    assert "Interessenkonflikt" in html or "conflict of interest" in html
    assert 'class="crit"' not in html
    refused = _api(juror_client, f"/api/jury/{event.id}/pitch/{app_b.id}/score",
                   {"criterion_id": criteria[0].id, "value": 3})
    assert refused.status_code == 403


def test_the_juror_sees_only_their_own_scores(juror_client, juror, juror2, event, criteria):
    app_a = pitches(event)[0]
    jury_scoring.save_score(juror2, app_a, criterion_id=criteria[0].id, value=4)
    db.session.commit()
    html = juror_client.get(f"/jury/{event.id}/pitch/{app_a.id}").get_data(as_text=True)
    assert " checked>" not in html


def test_a_juror_link_reaches_only_its_own_event(juror_client, camps, event):
    from tests.jury.conftest import make_event, make_juror

    other = make_event(camps["essen"], title="Other day")
    make_juror(other, "jana-other@example.org")
    assert juror_client.get(f"/jury/{other.id}/").status_code in (302, 403)
    assert juror_client.get(f"/events/{event.id}/jury/results").status_code in (302, 403)
