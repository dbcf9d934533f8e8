"""Organisers' lists page with search and filters in the address and cost the same queries at any size; the
attendee CSV streams through the one writer."""

import csv
import io

import sqlalchemy as sa

from pitchday.database import utcnow
from pitchday.models import AttendeeType, Registration, RegistrationStatus
from pitchday.services.paging import PageRequest
from tests.perf.test_event_page import count_queries


def add_registrations(db, event, start, n, status=RegistrationStatus.CONFIRMED):
    for i in range(start, start + n):
        db.session.add(Registration(event_id=event.id, name=f"Person {i:05d}", email=f"p{i}@example.org",
                                    organisation=f"Org {i % 7}", attendee_type=list(AttendeeType)[i % 3],
                                    status=status, queue_number=i + 1, locale="de",
                                    consent_at=utcnow()))
    db.session.commit()


def test_page_numbers_from_the_address_never_fail():
    assert PageRequest.from_args({"page": "x", "per_page": "7"}) == PageRequest(1, 50)
    assert PageRequest.from_args({"page": "99999999999999", "per_page": "100"}).per_page == 100
    assert PageRequest.from_args({"page": "-3"}).page == 1


def test_the_attendee_list_pages_and_costs_the_same_queries_at_any_size(client, login, db, make_event, organiser):
    event = make_event()
    login(organiser)
    url = f"/events/{event.id}/registrations/"
    add_registrations(db, event, 0, 5)
    few_response, few = count_queries(db, lambda: client.get(url))
    assert few_response.status_code == 200
    add_registrations(db, event, 5, 120)
    add_registrations(db, event, 125, 10, RegistrationStatus.WAITING)
    many_response, many = count_queries(db, lambda: client.get(url))
    assert len(many) == len(few)
    html = many_response.get_data(as_text=True)
    assert "Person 00049" in html and "Person 00050" not in html  # 50 a page
    assert "1–50 von 135" in html
    second = client.get(url + "?page=3&per_page=50").get_data(as_text=True)
    assert "Person 00100" in second and "Person 00134" in second and "Person 00099" not in second
    waiting = second.split('id="waiting-h"')[1].split("</section>")[0]
    assert ">1</td>" in waiting and ">10</td>" in waiting  # places on the waiting list


def test_the_attendee_list_filters_by_status_type_and_search(client, login, db, make_event, organiser):
    event = make_event()
    add_registrations(db, event, 0, 30)
    add_registrations(db, event, 30, 3, RegistrationStatus.WAITING)
    login(organiser)
    url = f"/events/{event.id}/registrations/"
    html = client.get(url + "?status=waiting").get_data(as_text=True)
    assert "Person 00030" in html and "Person 00001" not in html
    kind = list(AttendeeType)[7 % 3].value
    html = client.get(url + f"?q=p7@&type={kind}").get_data(as_text=True)
    assert "Person 00007" in html and "Person 00008" not in html
    other = list(AttendeeType)[8 % 3].value
    assert "Person 00007" not in client.get(url + f"?q=p7@&type={other}").get_data(as_text=True)
    assert client.get(url + "?q=%00&status=%00&page=%00").status_code in (200, 400)  # never a 500
    assert client.get(url + "?page=99999999999&per_page=abc&status=nope").status_code == 200


def test_the_attendee_csv_streams_through_the_one_writer(client, login, db, make_event, organiser):
    event = make_event()
    add_registrations(db, event, 0, 40)
    add_registrations(db, event, 40, 2, RegistrationStatus.WAITING)
    login(organiser)
    response = client.get(f"/events/{event.id}/registrations/export.csv?format=intl", buffered=False)
    assert response.is_streamed
    response.make_sequence()  # read it to the end while the request's context is still there
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert len(rows) == 43 and rows[0][0] == "Status"
    assert [r[1] for r in rows[-2:]] == ["1", "2"]
    assert rows[1][6][:4].isdigit()  # ISO dates in the international dialect
    count = db.session.scalar(sa.select(sa.func.count()).select_from(Registration))
    assert count == 42


def test_the_applications_list_pages_with_the_same_queries(client, login, db, make_event, organiser, founder):
    from pitchday.models import Application, ApplicationStatus
    from tests.applications.conftest import make_startup

    event = make_event()
    login(organiser)
    url = f"/events/{event.id}/applications"

    def add(start, n):
        for i in range(start, start + n):
            startup = make_startup(db, founder, name=f"S{i:04d}")
            db.session.add(Application(event_id=event.id, startup_id=startup.id, status=ApplicationStatus.SUBMITTED,
                                       submitted_at=utcnow()))
        db.session.commit()

    add(0, 3)
    _response, few = count_queries(db, lambda: client.get(url))
    add(3, 60)
    response, many = count_queries(db, lambda: client.get(url + "?per_page=25&page=2"))
    assert len(many) == len(few)
    html = response.get_data(as_text=True)
    assert "S0025" in html and "S0024" not in html and "S0050" not in html and "26–50 von 63" in html
    assert "S0007" in client.get(url + "?q=s0007").get_data(as_text=True)


def test_the_scan_log_pages_and_filters_by_result(client, login, db, make_event, organiser):
    from datetime import timedelta

    from pitchday.models import ScanLog, ScanResult

    event = make_event()
    start = utcnow()
    for i in range(60):
        result = ScanResult.CHECKED_IN if i % 3 else ScanResult.UNKNOWN
        db.session.add(ScanLog(event_id=event.id, result=result, http_status=201 if i % 3 else 404,
                               at=start + timedelta(seconds=i), nonce=f"n{i}"))
    db.session.commit()
    login(organiser)
    url = f"/events/{event.id}/checkin/log"
    html = client.get(url + "?per_page=25").get_data(as_text=True)
    assert "1–25 von 60" in html
    html = client.get(url + "?result=unknown_ticket").get_data(as_text=True)
    assert "1–20 von 20" in html
