"""The award form (issue 16, point 8): startups offered in ranking order with place and score, nothing
preselected, and a confirmation that names the startup before the award is given."""

import re

from pitchday.models import Award
from pitchday.services.jury import rubric as jury_rubric
from pitchday.services.jury import scoring as jury_scoring
from tests.jury.conftest import pitches


def score_third_best(event, juror):
    """Running order A, B, C; the jury puts C first, A second, B third."""
    values = {0: 6, 1: 3, 2: 9}
    for i, application in enumerate(pitches(event)):
        for criterion in jury_rubric.criteria_of(event):
            jury_scoring.save_score(juror, application, criterion_id=criterion.id, value=values[i])


def options(html):
    select = re.search(r'<select[^>]*name="award-application_id".*?</select>', html, re.S).group(0)
    return re.findall(r'<option([^>]*)>([^<]*)</option>', select)


def test_the_form_lists_startups_by_ranking_with_place_and_score_and_nothing_chosen(db, event, juror, login,
                                                                                   organiser, client):
    score_third_best(event, juror)
    db.session.commit()
    login(organiser)
    html = client.get(f"/events/{event.id}/jury/results").get_data(as_text=True)
    found = options(html)
    assert [label for _attrs, label in found] == [
        "Startup auswählen …", "Platz 1: Startup C, Punktzahl 88,9", "Platz 2: Startup A, Punktzahl 55,6",
        "Platz 3: Startup B, Punktzahl 22,2"]
    assert not any("selected" in attrs for attrs, _label in found[1:])  # only the empty "choose" line
    assert 'value=""' in found[0][0]


def test_the_award_is_given_only_after_a_confirmation_naming_the_startup(db, event, juror, login, organiser, client):
    score_third_best(event, juror)
    db.session.commit()
    winner = pitches(event)[2]
    login(organiser)
    page = f"/events/{event.id}/jury/results"
    first = client.post_form(f"/events/{event.id}/jury/awards",
                             {"award-title": "1. Platz", "award-application_id": winner.id, "award-position": 1},
                             page=page)
    html = first.get_data(as_text=True)
    assert first.status_code == 200
    assert "„1. Platz“ geht an Startup C." in html and "Platz 1: Startup C, Punktzahl 88,9" in html
    assert "Ja, die Auszeichnung an Startup C vergeben" in html
    assert db.session.query(Award).count() == 0

    confirmed = client.post_form(f"/events/{event.id}/jury/awards",
                                 {"award-title": "1. Platz", "award-application_id": winner.id, "award-position": 1,
                                  "award-confirmed": "yes"}, page=page, follow_redirects=True)
    assert "„1. Platz“ geht an Startup C." in confirmed.get_data(as_text=True)
    db.session.rollback()
    assert [(a.title, a.application_id) for a in db.session.query(Award)] == [("1. Platz", winner.id)]


def test_no_choice_or_a_foreign_id_is_refused_with_a_message(db, event, juror, login, organiser, client):
    login(organiser)
    page = f"/events/{event.id}/jury/results"
    for chosen in ["", "abc", "999999999999999999999", "-1"]:
        response = client.post_form(f"/events/{event.id}/jury/awards",
                                    {"award-title": "Preis", "award-application_id": chosen,
                                     "award-confirmed": "yes"}, page=page, follow_redirects=True)
        assert response.status_code == 200
        assert "Benennen Sie die Auszeichnung und wählen Sie ein Startup" in response.get_data(as_text=True), chosen
    nul = client.post_form(f"/events/{event.id}/jury/awards", {"award-title": "Preis", "award-application_id": "1\x00",
                                                               "award-confirmed": "yes"}, page=page)
    assert nul.status_code == 400  # refused by the app's bad-input check, never a 500
    db.session.rollback()
    assert db.session.query(Award).count() == 0
