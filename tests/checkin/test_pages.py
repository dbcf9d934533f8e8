"""The scanner page and the organiser's pages, through the test client with CSRF on."""

import re

from pitchday.models import RegistrationStatus, RoleChange
from pitchday.models.checkin import ScannerDevice
from pitchday.services.checkin import staff as checkin_staff
from pitchday.services.events.counts import counts_for
from tests.checkin.conftest import make_registration
from tests.conftest import FormClient


def scan_json(client, event, secret, nonce=None):
    token = client.csrf_token(f"/events/{event.id}/checkin/")
    return client.post(f"/events/{event.id}/checkin/scan", json={"secret": secret, "nonce": nonce},
                       headers={"X-CSRFToken": token, "Accept": "application/json"})


def test_organiser_scans_green_then_red_on_the_scanner_page(client, login, organiser, event, ticket):
    login(organiser)
    page = client.get(f"/events/{event.id}/checkin/")
    assert page.status_code == 200 and "jsQR.min.js" in page.get_data(as_text=True)
    first = scan_json(client, event, ticket.ticket_secret, "p1")
    second = scan_json(client, event, ticket.ticket_secret, "p2")
    assert first.status_code == 201 and first.json["counts"] == {"checked_in": 1, "confirmed": 1}
    assert second.status_code == 409 and second.json["device"] == "Olga Orga"


def test_scan_without_csrf_header_is_refused(client, login, organiser, event, ticket):
    login(organiser)
    response = client.post(f"/events/{event.id}/checkin/scan", json={"secret": ticket.ticket_secret},
                           headers={"Accept": "application/json"})
    assert response.status_code == 400 and response.json["status"] == "csrf_failed"


def test_the_code_form_works_without_scripts(client, login, organiser, event, ticket):
    login(organiser)
    page = f"/events/{event.id}/checkin/"
    response = client.post_form(f"/events/{event.id}/checkin/scan", {"code": ticket.ticket_secret}, page=page)
    assert response.status_code == 201 and "Erika Muster" in response.get_data(as_text=True)
    again = client.post_form(f"/events/{event.id}/checkin/scan", {"code": ticket.ticket_secret}, page=page)
    assert again.status_code == 409 and "result-bad" in again.get_data(as_text=True)


def test_search_finds_by_name_or_email_and_checks_in_without_the_ticket(client, login, organiser, event, db):
    reg = make_registration(db, event, name="Jonas Kowalski", email="jonas@firma.de")
    login(organiser)
    by_name = client.get(f"/events/{event.id}/checkin/search?q=kowal").json["results"]
    by_mail = client.get(f"/events/{event.id}/checkin/search?q=FIRMA.de").json["results"]
    assert [r["id"] for r in by_name] == [reg.id] == [r["id"] for r in by_mail]
    assert by_name[0]["can_check_in"] and "ticket_secret" not in by_name[0]
    token = client.csrf_token(f"/events/{event.id}/checkin/")
    response = client.post(f"/events/{event.id}/checkin/registrations/{reg.id}/checkin", json={"nonce": "s1"},
                           headers={"X-CSRFToken": token, "Accept": "application/json"})
    assert response.status_code == 201
    assert client.get(f"/events/{event.id}/checkin/search?q=kowal").json["results"][0]["checked_in"]


def test_undo_takes_back_a_checkin(client, login, organiser, event, ticket):
    login(organiser)
    scan_json(client, event, ticket.ticket_secret, "u1")
    token = client.csrf_token(f"/events/{event.id}/checkin/")
    undo = client.post(f"/events/{event.id}/checkin/registrations/{ticket.id}/undo",
                       headers={"X-CSRFToken": token, "Accept": "application/json"})
    assert undo.status_code == 200 and undo.json["counts"]["checked_in"] == 0
    again = client.post(f"/events/{event.id}/checkin/registrations/{ticket.id}/undo",
                        headers={"X-CSRFToken": token, "Accept": "application/json"})
    assert again.status_code == 409 and again.json["status"] == "not_checked_in"
    assert scan_json(client, event, ticket.ticket_secret, "u2").status_code == 201


def test_offline_list_has_hashes_names_states_but_no_secrets_or_emails(client, login, organiser, event, ticket, db):
    make_registration(db, event, name="Wanda Wait", status=RegistrationStatus.WAITING)
    login(organiser)
    data = client.get(f"/events/{event.id}/checkin/tickets").get_data(as_text=True)
    assert ticket.ticket_secret not in data and ticket.email not in data
    tickets = client.get(f"/events/{event.id}/checkin/tickets").json["tickets"]
    import hashlib

    assert {t["hash"] for t in tickets} >= {hashlib.sha256(ticket.ticket_secret.encode()).hexdigest()}
    assert {t["state"] for t in tickets} == {"confirmed", "waiting"}


def test_counts_give_a_fresh_csrf_token(client, login, organiser, event, ticket):
    login(organiser)
    data = client.get(f"/events/{event.id}/checkin/counts").json
    assert data["confirmed"] == 1 and data["csrf"]


def test_organiser_adds_staff_whose_link_opens_only_this_events_scanner(app, client, login, organiser, event,
                                                                        other_event, ticket, db):
    login(organiser)
    page = f"/events/{event.id}/checkin/staff"
    response = client.post_form(page, {"staff-name": "Tim Tür", "staff-email": "tim@example.org"}, page=page)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Tim Tür" in html
    link = re.search(r"http://localhost(/auth/link/[^<\s]+)", html).group(1)
    change = db.session.query(RoleChange).filter_by(subject_email="tim@example.org").one()
    assert (change.role, change.action, change.scope) == ("checkin_staff", "granted", f"event:{event.id}")

    door = FormClient(app.test_client())
    landing = door.get(link)
    assert landing.status_code == 302 and landing.headers["Location"].endswith(f"/events/{event.id}/checkin/")
    assert door.get(f"/events/{event.id}/checkin/").status_code == 200
    scanned = scan_json(door, event, ticket.ticket_secret, "t1")
    assert scanned.status_code == 201, scanned.json
    # The link's session is limited to check-in at this event.
    assert door.get(f"/events/{other_event.id}/checkin/").status_code in (302, 403)
    assert door.get(f"/events/{event.id}/checkin/staff").status_code in (302, 403)

    device = db.session.query(ScannerDevice).filter_by(name="Tim Tür").one()
    revoked = client.post_form(f"/events/{event.id}/checkin/devices/{device.id}/revoke", page=page)
    assert revoked.status_code == 302, revoked.get_data(as_text=True)[-3000:]
    assert door.get(f"/events/{event.id}/checkin/").status_code in (302, 403)
    assert FormClient(app.test_client()).get(link).status_code == 403
    assert db.session.query(RoleChange).filter_by(subject_email="tim@example.org", action="revoked").count() == 1


def test_staff_with_an_account_log_in_as_usual(app, client, staff_member, event, ticket):
    from tests.conftest import log_in

    log_in(client, staff_member)
    assert client.get(f"/events/{event.id}/checkin/").status_code == 200
    assert client.get(f"/events/{event.id}/checkin/log").status_code == 403


def test_adding_staff_twice_says_so_and_keeps_the_input(client, login, organiser, event, staff_member):
    login(organiser)
    page = f"/events/{event.id}/checkin/staff"
    response = client.post_form(page, {"staff-name": "Doris", "staff-email": staff_member.email}, page=page)
    assert response.status_code == 400 and staff_member.email in response.get_data(as_text=True)


def test_organiser_issues_and_revokes_a_device_token(client, login, organiser, event, ticket, db):
    login(organiser)
    page = f"/events/{event.id}/checkin/staff"
    html = client.post_form(f"/events/{event.id}/checkin/devices", {"device-name": "Door 2"}, page=page).get_data(
        as_text=True)
    token = re.search(r'id="device-token">([^<]+)<', html).group(1)
    shown_url = re.search(r"POST (/api/v1/\S+checkins)", html).group(1)  # the address the page tells the organiser
    assert shown_url == f"/api/v1/events/{event.id}/checkins"
    api = client.post(shown_url, json={"secret": ticket.ticket_secret}, headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 201
    device = db.session.query(ScannerDevice).filter_by(name="Door 2").one()
    assert token not in client.get(page).get_data(as_text=True)
    client.post_form(f"/events/{event.id}/checkin/devices/{device.id}/revoke", page=page)
    api = client.post(f"/api/v1/events/{event.id}/checkins", json={"secret": ticket.ticket_secret},
                      headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 403
    empty = client.post_form(f"/events/{event.id}/checkin/devices", {"device-name": ""}, page=page)
    assert empty.status_code == 400


def test_scan_log_shows_every_scan_with_device_and_result(client, login, organiser, event, ticket, device_token):
    client.post(f"/api/v1/events/{event.id}/checkins", json={"secret": ticket.ticket_secret},
                headers={"Authorization": f"Bearer {device_token}"})
    client.post(f"/api/v1/events/{event.id}/checkins", json={"secret": "bogus"},
                headers={"Authorization": f"Bearer {device_token}"})
    login(organiser)
    html = client.get(f"/events/{event.id}/checkin/log").get_data(as_text=True)
    assert html.count("Door 1") == 2 and "Erika Muster" in html
    assert "Unbekanntes Ticket" in html or "Unknown ticket" in html


def test_badges_list_confirmed_attendees_only(client, login, organiser, event, ticket, db):
    make_registration(db, event, name="Carl Cancelled", status=RegistrationStatus.CANCELLED)
    login(organiser)
    html = client.get(f"/events/{event.id}/checkin/badges").get_data(as_text=True)
    assert "Erika Muster" in html and "Ruhr Ventures" in html and "Carl Cancelled" not in html


def test_dashboard_counter_counts_checkins(app, db, event, ticket, device_token, client):
    client.post(f"/api/v1/events/{event.id}/checkins", json={"secret": ticket.ticket_secret},
                headers={"Authorization": f"Bearer {device_token}"})
    assert counts_for([event.id])["checkins"] == {event.id: 1}


def test_cli_prints_a_working_token(app, db, event, ticket):
    result = app.test_cli_runner().invoke(args=["issue-scanner-token", str(event.id), "--name", "Door 3"])
    assert result.exit_code == 0, result.output
    token = result.stdout.strip().splitlines()[0]
    assert token.startswith("pdc_")
    works = app.test_client().post(f"/api/v1/events/{event.id}/checkins", json={"secret": ticket.ticket_secret},
                                   headers={"Authorization": f"Bearer {token}"})
    assert works.status_code == 201
    assert db.session.scalar(db.select(ScannerDevice.name).filter_by(token_hash=checkin_staff.hash_token(token))) \
        == "Door 3"
    missing = app.test_cli_runner().invoke(args=["issue-scanner-token", "999", "--name", "X"])
    assert missing.exit_code != 0


def test_event_page_panel_shows_only_to_door_staff_and_organisers(app, organiser, event):
    from flask import render_template

    from pitchday.blueprints.events.panels import event_panels

    with app.test_request_context():
        assert [t for t, _ in event_panels(event) if t.startswith("checkin/")] == []
    with app.test_request_context():
        from flask_login import login_user

        login_user(organiser)
        panels = dict(event_panels(event))
        assert panels["checkin/_panel.html"]["manage"] is True
        assert "/checkin/badges" in render_template("checkin/_panel.html", **panels["checkin/_panel.html"])
