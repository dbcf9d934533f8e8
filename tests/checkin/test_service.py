"""The check-in rules, called as the API and the scanner page call them: no request involved."""

import pytest

from pitchday.errors import Conflict
from pitchday.models import RegistrationStatus
from pitchday.models.checkin import CheckIn, ScanLog
from pitchday.services.checkin import scan as checkin
from pitchday.services.checkin import staff as checkin_staff
from tests.checkin.conftest import make_registration


@pytest.fixture(autouse=True)
def _locale(app):
    """Answers carry translated messages; the locale comes from a request, as it does in the API."""
    with app.test_request_context("/", headers={"Accept-Language": "en"}):
        yield


@pytest.fixture
def door(db, event):
    device, _token = checkin_staff.issue_device(event, name="Door 1", by=None)
    db.session.commit()
    return device


def test_a_valid_ticket_is_checked_in_once_and_then_refused_with_when_and_where(db, event, ticket, door):
    first = checkin.check_in(event.id, ticket.ticket_secret, device=door, nonce="a")
    db.session.commit()
    second = checkin.check_in(event.id, ticket.ticket_secret, device=door, nonce="b")
    db.session.commit()
    assert first.http_status == 201 and first.body["status"] == "checked_in"
    assert first.body["registration"]["name"] == "Erika Muster"
    assert second.http_status == 409 and second.body["status"] == "already_checked_in"
    assert second.body["device"] == "Door 1" and second.body["checked_in_at"] == first.body["checked_in_at"]
    assert db.session.query(CheckIn).count() == 1


def test_the_same_nonce_replays_the_first_answer_and_never_says_conflict(db, event, ticket, door):
    first = checkin.check_in(event.id, ticket.ticket_secret, device=door, nonce="retry-me")
    db.session.commit()
    again = checkin.check_in(event.id, ticket.ticket_secret, device=door, nonce="retry-me")
    db.session.commit()
    assert again.http_status == 201 and again.body == first.body and again.replayed
    assert db.session.query(ScanLog).count() == 1


@pytest.mark.parametrize(("status", "http", "code"), [
    (RegistrationStatus.CANCELLED, 410, "cancelled"),
    (RegistrationStatus.WAITING, 409, "waiting_list"),
])
def test_cancelled_and_waiting_tickets_are_refused(db, event, door, status, http, code):
    reg = make_registration(db, event, status=status)
    answer = checkin.check_in(event.id, reg.ticket_secret, device=door)
    db.session.commit()
    assert (answer.http_status, answer.body["status"]) == (http, code)
    assert checkin.is_checked_in([reg.id]) == set()


def test_unknown_and_foreign_tickets_are_refused_and_logged(db, event, other_event, door):
    foreign = make_registration(db, other_event)
    unknown = checkin.check_in(event.id, "no-such-ticket", device=door)
    other = checkin.check_in(event.id, foreign.ticket_secret, device=door)
    db.session.commit()
    assert (unknown.http_status, unknown.body["status"]) == (404, "unknown_ticket")
    assert (other.http_status, other.body["status"]) == (422, "other_event")
    assert [log.result for log in db.session.query(ScanLog).order_by(ScanLog.id)] == ["unknown_ticket", "other_event"]


def test_undo_deletes_the_checkin_so_the_ticket_can_be_scanned_again(db, event, ticket, door):
    checkin.check_in(event.id, ticket.ticket_secret, device=door)
    db.session.commit()
    assert checkin.is_checked_in([ticket.id, 9999]) == {ticket.id}
    checkin.undo(event, ticket.id, device=door)
    db.session.commit()
    assert checkin.is_checked_in([ticket.id]) == set()
    with pytest.raises(Conflict):
        checkin.undo(event, ticket.id, device=door)
    db.session.rollback()
    assert checkin.check_in(event.id, ticket.ticket_secret, device=door).http_status == 201
    db.session.commit()
    assert [log.result for log in db.session.query(ScanLog).order_by(ScanLog.id)] == [
        "checked_in", "undone", "checked_in"]


def test_counts_show_checked_in_over_confirmed(db, event, ticket, door):
    make_registration(db, event)
    make_registration(db, event, status=RegistrationStatus.CANCELLED)
    checkin.check_in(event.id, ticket.ticket_secret, device=door)
    db.session.commit()
    assert checkin.counts(event) == {"checked_in": 1, "confirmed": 2}
    assert checkin.count_by_event([event.id, 999]) == {event.id: 1}


def test_a_link_to_the_ticket_is_read_as_its_secret(db, event, ticket, door):
    code = checkin.normalise_code(f" https://pitchday.example/tickets/{ticket.ticket_secret} ")
    assert checkin.check_in(event.id, code, device=door).http_status == 201


def test_device_tokens_are_stored_hashed_and_can_be_revoked(db, event, organiser):
    device, token = checkin_staff.issue_device(event, name="Handheld", by=organiser)
    db.session.commit()
    assert token not in (device.token_hash or "") and device.token_hash == checkin_staff.hash_token(token)
    scanner, no_ticket, no_check_in = checkin.device_and_ticket(checkin.session_connection(), token, event.id,
                                                                "no-such-ticket")
    assert (scanner.id, scanner.name, no_ticket, no_check_in) == (device.id, "Handheld", None, None)
    with pytest.raises(checkin_staff.BadToken):
        checkin.device_and_ticket(checkin.session_connection(), token + "x", event.id, "no-such-ticket")
    checkin_staff.revoke(event, device.id, by=organiser)
    db.session.commit()
    with pytest.raises(checkin_staff.RevokedToken):
        checkin.device_and_ticket(checkin.session_connection(), token, event.id, "no-such-ticket")


def test_a_late_retry_after_an_undo_replays_but_does_not_check_in_again(db, event, ticket, door):
    checkin.check_in(event.id, ticket.ticket_secret, device=door, nonce="n1")
    db.session.commit()
    checkin.undo(event, ticket.id, device=door)
    db.session.commit()
    retry = checkin.check_in(event.id, ticket.ticket_secret, device=door, nonce="n1")
    db.session.commit()
    assert retry.http_status == 201 and retry.replayed
    assert checkin.is_checked_in([ticket.id]) == set()


def test_a_ticket_cancelled_between_lookup_and_write_is_not_let_in(db, event, ticket, door):
    looked_up = checkin.find_ticket(ticket.ticket_secret)
    db.session.rollback()
    ticket.status = RegistrationStatus.CANCELLED
    db.session.commit()
    answer = checkin.record_scan(checkin.prepare_scan(event.id, looked_up, device=door, nonce="late"))
    db.session.commit()
    assert (answer.http_status, answer.body["status"]) == (410, "cancelled")
    assert checkin.is_checked_in([ticket.id]) == set()
