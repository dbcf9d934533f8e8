"""The impact report's check-ins and jurors come from the check-in and jury areas' own counters (registered in
``services/impact/report.py``): a small known history with real check-in and juror rows, counted exactly."""

import csv
import io
import re
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from pitchday.models import AttendeeType, Juror, RegistrationStatus, Score
from pitchday.models.checkin import CheckIn
from pitchday.services.checkin import scan as checkin
from pitchday.services.impact import report as impact
from pitchday.services.jury import jurors as jury_jurors
from pitchday.services.jury import rubric as jury_rubric
from tests.conftest import create_user, log_in
from tests.matchmaking.conftest import add_pitch, make_event, register


def _check_in(db, *registrations):
    for registration in registrations:
        db.session.add(CheckIn(registration_id=registration.id, event_id=registration.event_id))
    db.session.commit()


def _juror(db, event, user, status="accepted", scores=0):
    juror = Juror(event_id=event.id, user_id=user.id, status=status)
    db.session.add(juror)
    db.session.flush()
    if scores:
        criterion = jury_rubric.criteria_of(event)[0]
        application_id = event_application(db, event)
        db.session.add(Score(event_id=event.id, juror_id=juror.id, application_id=application_id,
                             criterion_id=criterion.id, value=7))
    db.session.commit()
    return juror


def event_application(db, event):
    from pitchday.models import PitchSlot

    return db.session.scalar(sa.select(PitchSlot.application_id).filter_by(event_id=event.id).limit(1))


@pytest.fixture
def history(db, camps):
    essen, dortmund = camps["essen"], camps["dortmund"]
    may = make_event(db, essen, start=datetime(2025, 5, 14, 12, tzinfo=UTC), title="Essen Mai")
    nov = make_event(db, dortmund, start=datetime(2025, 11, 5, 12, tzinfo=UTC), title="Dortmund November")
    later = make_event(db, essen, start=datetime(2099, 1, 1, 12, tzinfo=UTC), title="Not held yet")
    for event in (may, nov, later):
        add_pitch(db, event, "Alpha")
        jury_rubric.add_default_rubric(event)
    db.session.commit()

    a, b, c, d = (register(db, may, name) for name in ("Anna A", "Ben B", "Cem C", "Dana D"))
    gone = register(db, may, "Emil Weg", type_=AttendeeType.INVESTOR)
    register(db, may, "Wanda Wartet", status=RegistrationStatus.WAITING)
    _check_in(db, a, b, c, gone)
    gone.status = RegistrationStatus.CANCELLED  # checked in, then deleted their data: counted nowhere
    db.session.commit()
    x, y = register(db, nov, "Xaver X"), register(db, nov, "Yara Y")
    _check_in(db, x, y)
    _check_in(db, register(db, later, "Zoe Z"))

    people = [create_user(f"juror{n}@example.org", f"Juror {n}", password=None) for n in range(6)]
    _juror(db, may, people[0])                           # accepted: counts
    _juror(db, may, people[1])                           # accepted: counts
    _juror(db, may, people[2], status="invited", scores=1)  # scored without opening the link: counts
    _juror(db, may, people[3], status="invited")         # never took part
    _juror(db, may, people[4], status="revoked", scores=1)  # revoked: does not count
    _juror(db, nov, people[0])                           # the same person at another event counts there too
    _juror(db, later, people[5])                         # not held yet
    return {"may": may, "nov": nov, "later": later}


def test_the_counters_are_registered_by_their_areas():
    assert impact.EXTRA_FIGURES["checkins"].count is checkin.count_attended
    assert impact.EXTRA_FIGURES["jurors"].count is jury_jurors.count_jurors


def test_each_counter_is_one_grouped_query(app, db, history):
    ids = [history["may"].id, history["nov"].id, history["later"].id]
    statements = []

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    engine = db.engine
    sa.event.listen(engine, "before_cursor_execute", record)
    try:
        attended = checkin.count_attended(ids)
        jurors = jury_jurors.count_jurors(ids)
    finally:
        sa.event.remove(engine, "before_cursor_execute", record)
    assert len(statements) == 2 and all("GROUP BY" in s for s in statements)
    assert attended == {history["may"].id: 3, history["nov"].id: 2, history["later"].id: 1}
    assert jurors == {history["may"].id: 3, history["nov"].id: 1, history["later"].id: 1}
    assert checkin.count_attended([]) == {} and jury_jurors.count_jurors([]) == {}


def test_the_report_counts_check_ins_and_jurors_of_held_events(db, history):
    report = impact.build_report(granularity="quarter")
    assert report.has_checkins and report.has_jurors
    rows = {(r.camp, r.period): r for r in report.rows}
    assert set(rows) == {("Camp Essen", "2025-Q2"), ("Camp Dortmund", "2025-Q4")}
    may, nov = rows["Camp Essen", "2025-Q2"], rows["Camp Dortmund", "2025-Q4"]
    assert (may.figures["registrations"], may.figures["checkins"], may.figures["jurors"]) == (4, 3, 3)
    assert may.attendance_rate == 0.75
    assert (nov.figures["registrations"], nov.figures["checkins"], nov.figures["jurors"]) == (2, 2, 1)
    assert nov.attendance_rate == 1.0
    total = report.total
    assert (total.figures["registrations"], total.figures["checkins"], total.figures["jurors"]) == (6, 5, 4)
    assert total.attendance_rate == 0.833


def test_the_report_page_and_csv_show_the_numbers(client, db, history, hub_admin):
    log_in(client, hub_admin)
    html = client.get("/impact/?period=year").get_data(as_text=True)
    total = html[html.index('<tr class="total">'):]
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", total[:total.index("</tr>")])
    assert cells[:4] == ["2", "6", "5", "83\u00a0%"]  # events, registrations, check-ins, attendance (German)
    assert "nicht gezählt" not in html.lower()  # no "–: not counted yet" note any more
    rows = list(csv.reader(io.StringIO(client.get("/impact/report.csv?format=intl").get_data(as_text=True))))
    figures = dict(zip(rows[0], rows[-1], strict=True))
    assert (figures["Check-ins"], figures["Jurors"], figures["Attendance rate"]) == ("5", "4", "0.833")
