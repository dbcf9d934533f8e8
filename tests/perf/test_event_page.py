"""The public event page from the shared cache: few queries, 304 on a repeat visit, the viewer's own parts."""

import sqlalchemy as sa

from pitchday.models import EventStatus


def count_queries(db, fetch):
    seen = []

    def listener(_conn, _cursor, statement, *_args):
        if not statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK")):  # SQLite's own BEGIN
            seen.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", listener)
    try:
        response = fetch()
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", listener)
    return response, seen


def test_an_anonymous_visit_costs_two_queries_and_a_repeat_visit_is_a_304(client, db, make_event):
    event = make_event()
    url = f"/events/{event.id}"
    first, _ = count_queries(db, lambda: client.get(url))  # builds and stores the page
    assert first.status_code == 200
    again, queries = count_queries(db, lambda: client.get(url))
    assert again.status_code == 200 and again.data == first.data
    assert len(queries) == 1, queries  # the stamp: status, clock and versions together
    assert "Set-Cookie" not in again.headers  # nothing of one browser in a page shared by all
    assert 'name="csrf_token"' not in again.get_data(as_text=True)
    assert again.headers["ETag"] and again.headers["Last-Modified"]
    repeat, queries = count_queries(db, lambda: client.get(url, headers={"If-None-Match": again.headers["ETag"]}))
    assert repeat.status_code == 304 and repeat.data == b""
    assert len(queries) <= 3


def test_the_page_changes_with_its_data(client, db, make_event):
    event = make_event()
    url = f"/events/{event.id}"
    etag = client.get(url).headers["ETag"]
    event.title = "Pitch Day Essen, new title"
    db.session.commit()
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 200 and "new title" in response.get_data(as_text=True)
    event.blocks[0].title = "Einlass und Kaffee"
    db.session.commit()
    assert "Einlass und Kaffee" in client.get(url).get_data(as_text=True)
    event.camp.name = "Essen Camp Renamed"
    db.session.commit()
    assert "Essen Camp Renamed" in client.get(url).get_data(as_text=True)


def test_seats_are_fetched_and_registration_stays_open(client, db, make_event):
    event = make_event()
    event.capacity = 2
    db.session.commit()
    html = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert f"/events/{event.id}/seats" in html and f"/events/{event.id}/register" in html
    assert client.get(f"/events/{event.id}/seats").get_json()["seats_left"] == 2
    register_page = f"/events/{event.id}/register"
    response = client.post_form(register_page, {"name": "Anna", "email": "anna@example.org",
                                                "attendee_type": "startup", "consent": "y"}, page=register_page)
    assert response.status_code in (200, 302)
    assert client.get(f"/events/{event.id}/seats").get_json()["seats_left"] == 1


def test_a_signed_in_organiser_gets_their_actions_into_the_shared_article(client, login, db, make_event, organiser):
    event = make_event()
    anonymous = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "/edit" not in anonymous
    login(organiser)
    page = client.get(f"/events/{event.id}")
    html = page.get_data(as_text=True)
    assert page.headers["Cache-Control"].startswith("private")
    assert f"/events/{event.id}/edit" in html and 'name="csrf_token"' in html  # their actions, their form
    assert "<!--personal:" not in html and "<!--panel:" not in html


def test_a_draft_stays_hidden_from_anonymous_visitors(client, db, make_event):
    event = make_event(status=EventStatus.DRAFT)
    assert client.get(f"/events/{event.id}").status_code in (302, 401, 403, 404)


def test_language_links_of_the_cached_page_set_the_cookie(client, db, make_event):
    event = make_event()
    html = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert f"/language/en?next=/events/{event.id}" in html
    response = client.get(f"/language/en?next=/events/{event.id}")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/events/{event.id}")
    assert "pitchday_lang=en" in response.headers["Set-Cookie"]
    assert client.get("/language/en?next=//evil.example").headers["Location"] == "/"
