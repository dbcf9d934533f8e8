"""The organisers' list, the CSV and the founder's dashboard cost a fixed number of queries, however many
applications there are (no N+1)."""

import sqlalchemy as sa

from pitchday.models import Application, ApplicationStatus
from tests.applications.conftest import make_startup


def count_queries(db, fetch) -> int:
    seen = []

    def listener(*_args, **_kwargs):
        seen.append(1)

    sa.event.listen(db.engine, "before_cursor_execute", listener)
    try:
        assert fetch().status_code == 200
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", listener)
    return len(seen)


def add_applications(db, event, founder, start, n):
    for i in range(start, start + n):
        startup = make_startup(db, founder, name=f"S{i}")
        db.session.add(Application(event_id=event.id, startup_id=startup.id,
                                   status=list(ApplicationStatus)[1 + i % 6]))
    db.session.commit()


def test_organiser_pages_do_not_grow_with_the_number_of_applications(client, login, db, event, founder, organiser):
    login(organiser)
    pages = [f"/events/{event.id}/applications", f"/events/{event.id}/applications.csv"]
    add_applications(db, event, founder, 0, 3)
    few = [count_queries(db, lambda url=url: client.get(url)) for url in pages]
    add_applications(db, event, founder, 3, 20)
    many = [count_queries(db, lambda url=url: client.get(url)) for url in pages]
    assert many == few
