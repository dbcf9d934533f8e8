"""The organisers' mail log: an event's messages with state, attempts and last error, two clicks from the
dashboard, searchable and paged, one message resent; hub admins see every message; nobody else sees any."""

import re

import pytest
import sqlalchemy as sa

from pitchday import mail
from pitchday.models import OutboxMessage
from tests.access import LOGIN, ROLES
from tests.conftest import FormClient, deliver_outbox, log_in
from tests.outbox.test_delivery import register


def test_did_you_send_my_ticket_answered_in_two_clicks_and_resent(app, db, client, event, smtp, organiser):
    for n in range(3):
        register(client, event, n)
    deliver_outbox(app)  # the server is down: each ticket failed for now
    log_in(client, organiser)
    dashboard = client.get("/organise/").get_data(as_text=True)
    [log_link] = re.findall(rf'href="(/events/{event.id}/mails)"', dashboard)  # click 1: the mail figure
    page = client.get(log_link + "?q=p1%40example.org").get_data(as_text=True)
    assert "p1@example.org" in page and "p0@example.org" not in page
    assert "vorerst fehlgeschlagen, wird wiederholt" in page and "ConnectionRefusedError" in page
    smtp.start()
    response = client.post_form(re.search(r'action="(/mails/\d+/resend)"', page).group(1), page=log_link)
    assert response.status_code == 302  # click 2: send again
    deliver_outbox(app)
    assert smtp.copies() == {"p0@example.org": 1, "p1@example.org": 2, "p2@example.org": 1}
    page = client.get(log_link + "?q=p1%40example.org&state=delivered").get_data(as_text=True)
    assert page.count(">p1@example.org</td>") == 2 and "Ihr Ticket für Pitch Day Energie" in page


def test_the_log_is_paged_and_odd_parameters_give_a_page_not_an_error(app, db, client, event, organiser):
    for n in range(7):
        mail.queue(mail.Mail(to=f"x{n}@example.org", subject=f"Nachricht {n}", text="Hallo", event_id=event.id))
    db.session.commit()
    log_in(client, organiser)
    url = f"/events/{event.id}/mails"
    last = client.get(url + "?per_page=3&page=3").get_data(as_text=True)
    assert "Seite 3 von 3" in last and re.findall(r">(Nachricht \d)</a>", last) == ["Nachricht 0"]
    for odd in ("?page=abc", "?per_page=0", "?page=99999999999999999999", "?per_page=-5&page=-1",
                "?state=nonsense", "?q=" + "x" * 5000):
        assert client.get(url + odd).status_code == 200, odd
    assert client.get(url + "?q=%00abc").status_code == 400  # the site refuses NUL bytes in any address
    assert client.get("/mails/99999999999999999999").status_code == 404


@pytest.fixture
def messages(app, db, event, hub_admin):
    """A message of the event and one of no event (a password reset)."""
    of_event = mail.queue(mail.Mail(to="a@example.org", subject="Ticket", text="t", event_id=event.id))
    of_nobody = mail.queue(mail.Mail(to="b@example.org", subject="Passwort", text="t"))
    db.session.commit()
    return of_event.id, of_nobody.id, event.id


@pytest.mark.parametrize("role", ROLES)
def test_only_the_events_organisers_and_hub_admins_see_and_resend(app, db, people, messages, role):
    of_event, of_nobody, event_id = messages
    client = FormClient(app.test_client())
    if role != "anonymous":
        log_in(client, people[role])
    #            anonymous, member, organiser, other organiser, hub admin
    table = [(f"/events/{event_id}/mails", [LOGIN, 403, 200, 403, 200]),
             (f"/mails/{of_event}", [LOGIN, 403, 200, 403, 200]),
             (f"/mails/{of_nobody}", [LOGIN, 403, 403, 403, 200]),
             ("/admin/mails", [LOGIN, 403, 403, 403, 200]),
             (f"/events/{event_id}/decision-mails", [LOGIN, 403, 200, 403, 200])]
    for url, expected in table:
        status = client.get(url).status_code
        want = expected[ROLES.index(role)]
        assert status == (302 if want == LOGIN else want), (role, url, status)
    before = db.session.scalar(sa.select(sa.func.count()).select_from(OutboxMessage))
    response = client.post(f"/mails/{of_event}/resend", data={"csrf_token": _token(client)})
    db.session.commit()
    after = db.session.scalar(sa.select(sa.func.count()).select_from(OutboxMessage))
    assert (after - before == 1) == (role in ("organiser", "hub_admin")), (role, response.status_code)


def _token(client) -> str:
    try:
        return client.csrf_token("/")
    except AssertionError:
        return ""


def test_hub_admins_see_every_message(app, db, client, messages, hub_admin):
    log_in(client, hub_admin)
    page = client.get("/admin/mails").get_data(as_text=True)
    assert "a@example.org" in page and "b@example.org" in page
    assert "/admin/mails" in client.get("/admin/").get_data(as_text=True)
