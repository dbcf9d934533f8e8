"""What organisers see and do: lists in order, search, counts by type, confirm, cancel, seats, CSV, questions."""

import csv
import io
import re

import sqlalchemy as sa

from pitchday.models import Registration


def admin_url(event):
    return f"/events/{event.id}/registrations/"


def fill(event, register):
    kinds = ["startup", "investor", "industry", "startup", "academia"]
    return [register(event, n, name=f"Person {n}", kind=kinds[n - 1], organisation=f"Org {n}")
            for n in range(1, 6)]


def test_the_list_shows_confirmed_and_waiting_in_order_with_counts(client, login, organiser, event, register):
    fill(event, register)
    login(organiser)
    html = client.get(admin_url(event)).get_data(as_text=True)
    assert "3 bestätigt bei 3 Plätzen, 2 auf der Warteliste, 0 storniert." in html
    waiting = html.split('id="waiting-h"')[1].split("</section>")[0]
    assert waiting.index("Person 4") < waiting.index("Person 5")
    counts = html.split('class="counts')[1].split("</table>")[0].replace("\n", "")
    startup_row = counts.split('<th scope="row">Startup</th>')[1].split("</tr>")[0]
    assert re.findall(r"<td[^>]*>([^<]*)</td>", startup_row) == ["1", "1", "0"]


def test_search_finds_by_name_email_or_organisation(client, login, organiser, event, register):
    fill(event, register)
    login(organiser)
    html = client.get(admin_url(event) + "?q=org 2").get_data(as_text=True)
    assert "Person 2" in html and "Person 3" not in html
    html = client.get(admin_url(event) + "?q=p5@EXAMPLE").get_data(as_text=True)
    assert "Person 5" in html and "Person 1<" not in html
    assert client.get(admin_url(event) + "?q=%25_\\").status_code == 200


def test_organisers_confirm_and_cancel_by_hand(client, login, organiser, event, register, db, outbox):
    people = fill(event, register)
    login(organiser)
    page = admin_url(event)
    response = client.post_form(f"{page}{people[4].id}/confirm", page=page)
    assert response.status_code == 302
    db.session.refresh(people[4])
    assert str(people[4].status) == "confirmed"
    assert outbox()[-1]["To"] == people[4].email
    client.post_form(f"{page}{people[0].id}/cancel", page=page)
    db.session.refresh(people[0]), db.session.refresh(people[3])
    # 4 were confirmed for 3 seats: cancelling one leaves 3, so the waiting person 4 stays waiting.
    assert str(people[0].status) == "cancelled" and str(people[3].status) == "waiting"
    html = client.get(page).get_data(as_text=True)
    assert "Die Anmeldung von Person 1 ist storniert." in html


def test_a_registration_of_another_event_is_not_found(client, login, organiser, event, make_event, register):
    other = register(make_event(), 1)
    login(organiser)
    page = admin_url(event)
    assert client.post_form(f"{page}{other.id}/cancel", page=page).status_code == 404


def test_raising_seats_promotes_and_bad_numbers_are_refused(client, login, organiser, event, register, db):
    people = fill(event, register)
    login(organiser)
    page = admin_url(event)
    client.post_form(page + "capacity", {"capacity": "4"}, page=page)
    db.session.refresh(people[3])
    assert str(people[3].status) == "confirmed" and event.capacity == 4
    response = client.post_form(page + "capacity", {"capacity": "-2"}, page=page, follow_redirects=True)
    assert "ganze Zahl ab 0" in response.get_data(as_text=True)
    response = client.post_form(page + "capacity", {"capacity": "viele"}, page=page, follow_redirects=True)
    assert response.status_code == 200


def test_csv_export_opens_in_a_german_spreadsheet(client, login, organiser, event, register, db):
    people = fill(event, register)
    people[1].organisation = "=HYPERLINK(\"http://evil\")"
    people[1].name = "Jörg Müller; Sohn"
    db.session.commit()
    login(organiser)
    response = client.get(admin_url(event) + "export.csv")
    assert response.mimetype == "text/csv"
    assert response.data.startswith(b"\xef\xbb\xbf")  # the BOM makes Excel read UTF-8
    text = response.data.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:6] == ["Status", "Platz auf der Warteliste", "Name", "E-Mail", "Organisation", "Teilnahme als"]
    assert [r[0] for r in rows[1:]] == ["Bestätigt"] * 3 + ["Warteliste"] * 2
    assert [r[1] for r in rows[4:]] == ["1", "2"]
    assert rows[2][2] == "Jörg Müller; Sohn"
    assert rows[2][4].startswith("'=")  # no formula runs when the file is opened
    assert rows[2][5] == "Investor/in"
    assert rows[1][6].count(".") == 2 and ":" in rows[1][6]  # dd.mm.yyyy HH:MM


def test_questions_are_added_and_removed_and_exported(client, login, organiser, event, db):
    login(organiser)
    page = admin_url(event) + "questions"
    client.post_form(page, {"label": "Welche Startups möchten Sie treffen?"}, page=page)
    html = client.get(page).get_data(as_text=True)
    assert "Welche Startups möchten Sie treffen?" in html
    response = client.post_form(page, {"label": ""}, page=page)
    assert response.status_code == 200
    from pitchday.models import RegistrationQuestion

    question = db.session.scalar(sa.select(RegistrationQuestion))
    client.post_form(f"{page}/{question.id}/remove", page=page)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(RegistrationQuestion)) == 0


def test_at_most_five_questions(client, login, organiser, event):
    login(organiser)
    page = admin_url(event) + "questions"
    for n in range(5):
        client.post_form(page, {"label": f"Frage {n}"}, page=page)
    response = client.post_form(page, {"label": "Frage 6"}, page=page)
    assert "höchstens 5 Fragen" in response.get_data(as_text=True)


def test_the_list_counts_with_a_fixed_number_of_queries(client, login, organiser, event, register, db):
    from sqlalchemy import event as sa_event

    login(organiser)
    fill(event, register)

    def count_queries():
        statements = []
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        sa_event.listen(db.engine, "before_cursor_execute", listener)
        try:
            client.get(admin_url(event))
        finally:
            sa_event.remove(db.engine, "before_cursor_execute", listener)
        return len(statements)

    few = count_queries()
    for n in range(6, 16):
        register(event, n)
    assert count_queries() == few
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Registration)) == 15
