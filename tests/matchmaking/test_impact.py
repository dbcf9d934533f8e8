"""The impact report counts a known small history exactly: every figure, per camp and period, and in total."""

import csv
import io
from datetime import UTC, datetime

import pytest

from pitchday.models import Application, ApplicationStatus, AttendeeType, EventStatus, RegistrationStatus, Startup
from pitchday.models.matchmaking import FollowUp, Meeting, MeetingRequest, MeetingStatus, MeetingTable, RequestSide
from pitchday.services.impact import report as impact
from tests.conftest import log_in
from tests.matchmaking.conftest import add_pitch, make_event, register


def _meeting(db, event, startup, reg, table, slot, status=MeetingStatus.PLACED):
    request = MeetingRequest(event_id=event.id, startup_id=startup.id, registration_id=reg.id,
                             requested_by=RequestSide.ATTENDEE, status="accepted")
    db.session.add(request)
    db.session.flush()
    placed = status == MeetingStatus.PLACED
    db.session.add(Meeting(event_id=event.id, request_id=request.id, startup_id=startup.id,
                           party_key=f"r:{reg.id}", status=status, slot_index=slot if placed else None,
                           table_id=table.id if placed else None))
    db.session.commit()


@pytest.fixture
def history(db, camps, monkeypatch):
    essen, dortmund = camps["essen"], camps["dortmund"]
    e1 = make_event(db, essen, start=datetime(2025, 5, 14, 12, tzinfo=UTC), title="Essen Mai")
    e2 = make_event(db, essen, start=datetime(2025, 11, 5, 12, tzinfo=UTC), title="Essen November")
    d1 = make_event(db, dortmund, start=datetime(2025, 5, 20, 12, tzinfo=UTC), title="Dortmund Mai")
    # Not held: a draft, a cancelled one, and one still to come.
    make_event(db, essen, start=datetime(2025, 6, 1, 12, tzinfo=UTC), status=EventStatus.DRAFT)
    gone = make_event(db, essen, start=datetime(2025, 6, 2, 12, tzinfo=UTC), status=EventStatus.CANCELLED)
    soon = make_event(db, essen, start=datetime(2099, 1, 1, 12, tzinfo=UTC))
    register(db, gone, "Nicht Gezählt")
    register(db, soon, "Auch Nicht")

    ina = register(db, e1, "Ina Industrie")
    register(db, e1, "Ida Industrie")
    register(db, e1, "Ivo Industrie")
    ivan = register(db, e1, "Ivan Investor", type_=AttendeeType.INVESTOR)
    register(db, e1, "Stefan Startup", type_=AttendeeType.STARTUP)
    register(db, e1, "Carla Cancelled", status=RegistrationStatus.CANCELLED)
    register(db, e1, "Walter Waiting", status=RegistrationStatus.WAITING)
    alpha, beta = add_pitch(db, e1, "Alpha"), add_pitch(db, e1, "Beta")
    for name, status in (("Gamma", ApplicationStatus.SUBMITTED), ("Delta", ApplicationStatus.DRAFT)):
        startup = Startup(slug=name.lower(), name=name)
        db.session.add(startup)
        db.session.flush()
        db.session.add(Application(event_id=e1.id, startup_id=startup.id, status=status))
    table = MeetingTable(event_id=e1.id, name="Tisch 1")
    db.session.add(table)
    db.session.commit()
    _meeting(db, e1, alpha, ina, table, 0)
    _meeting(db, e1, beta, ivan, table, 1)
    _meeting(db, e1, alpha, ivan, table, 2, status=MeetingStatus.CANCELLED)
    db.session.add_all([FollowUp(event_id=e1.id, startup_id=alpha.id, kind="pilot", partner="Muster GmbH"),
                        FollowUp(event_id=e1.id, startup_id=beta.id, kind="investment")])

    register(db, e2, "Anna Akademie", type_=AttendeeType.ACADEMIA)
    register(db, e2, "Alex Akademie", type_=AttendeeType.ACADEMIA)
    epsilon = add_pitch(db, e2, "Epsilon")
    db.session.add(FollowUp(event_id=e2.id, startup_id=epsilon.id, kind="hire"))
    register(db, d1, "Dora Dortmund")
    db.session.commit()

    # The check-in and jury areas register these counters; here they stand in with known numbers.
    checkins, jurors = {e1.id: 4, e2.id: 2, d1.id: 1}, {e1.id: 3, e2.id: 2}
    monkeypatch.setattr(impact, "EXTRA_FIGURES", {})
    impact.register_figure("checkins", "Check-ins", lambda ids: {i: checkins.get(i, 0) for i in ids})
    impact.register_figure("jurors", "Jurors", lambda ids: {i: jurors[i] for i in ids if i in jurors})
    return {"e1": e1, "e2": e2, "d1": d1, "essen": essen, "dortmund": dortmund}


def figures(row):
    return {k: v for k, v in row.figures.items() if v}


def test_every_number_per_camp_and_quarter(db, history):
    report = impact.build_report(granularity="quarter")
    rows = {(r.camp, r.period): r for r in report.rows}
    assert set(rows) == {("Camp Essen", "2025-Q2"), ("Camp Essen", "2025-Q4"), ("Camp Dortmund", "2025-Q2")}
    assert figures(rows["Camp Essen", "2025-Q2"]) == {
        "events": 1, "registrations": 5, "checkins": 4, "type_industry": 3, "type_investor": 1, "type_startup": 1,
        "applied": 3, "pitched": 2, "jurors": 3, "meetings": 2, "meetings_industry": 1,
        "followup_pilot": 1, "followup_investment": 1}
    assert rows["Camp Essen", "2025-Q2"].attendance_rate == 0.8
    assert figures(rows["Camp Essen", "2025-Q4"]) == {
        "events": 1, "registrations": 2, "checkins": 2, "type_academia": 2, "applied": 1, "pitched": 1,
        "jurors": 2, "followup_hire": 1}
    assert figures(rows["Camp Dortmund", "2025-Q2"]) == {
        "events": 1, "registrations": 1, "checkins": 1, "type_industry": 1}
    assert figures(report.total) == {
        "events": 3, "registrations": 8, "checkins": 7, "type_industry": 4, "type_investor": 1, "type_startup": 1,
        "type_academia": 2, "applied": 4, "pitched": 3, "jurors": 5, "meetings": 2, "meetings_industry": 1,
        "followup_pilot": 1, "followup_investment": 1, "followup_hire": 1}
    assert report.total.attendance_rate == 0.875


def test_per_year_and_filtered_by_camp(db, history):
    report = impact.build_report(camp_ids=[history["essen"].id], year=2025, granularity="year")
    assert [(r.camp, r.period) for r in report.rows] == [("Camp Essen", "2025")]
    assert report.rows[0].figures["events"] == 2 and report.rows[0].figures["registrations"] == 7
    assert impact.build_report(year=2024).rows == []


def test_the_report_page_csv_chart_and_print_view(app, client, db, history, hub_admin, organiser):
    log_in(client, hub_admin)
    page = client.get("/impact/?period=year")
    html = page.get_data(as_text=True)
    # The charts are drawn into the page, with nothing the strict CSP refuses: no inline style or script.
    assert page.status_code == 200 and html.count('<svg class="pygal-chart"') == 4
    assert "style=" not in html and "<style" not in html and "<script>" not in html
    assert 'aria-label="Anmeldungen"' in html
    css = client.get("/impact/charts.css")
    assert css.mimetype == "text/css" and b"svg.pygal-chart .color-0" in css.data
    rows = list(csv.reader(io.StringIO(client.get("/impact/report.csv?format=intl").get_data(as_text=True))))
    total = dict(zip(rows[0], rows[-1], strict=True))
    assert total["Events held"] == "3" and total["Meetings arranged"] == "2" and total["Attendance rate"] == "0.875"
    assert client.get("/impact/print").status_code == 200
    assert client.get("/impact/?year=abc&camp=nowhere").status_code == 200  # bad filters fall back


def test_a_camp_organiser_sees_only_their_camps(app, new_client, db, history, organiser):
    client = new_client()
    log_in(client, organiser)
    rows = list(csv.reader(io.StringIO(client.get("/impact/report.csv?format=intl").get_data(as_text=True))))
    assert {r[0] for r in rows[1:-1]} == {"Camp Essen"}
    assert client.get("/impact/report.csv?camp=dortmund").status_code == 200
    csv_text = client.get("/impact/report.csv?camp=dortmund&format=intl").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(csv_text)))
    assert {r[0] for r in rows[1:-1]} == {"Camp Essen"}  # a camp not theirs is not offered
