"""Organisers downloading and changing at once, each on a connection of their own: every change and every
download is on record, none waits for another's lock until it fails."""

import threading

import sqlalchemy as sa

from pitchday.models import AuditEntry
from tests.conftest import FormClient, log_in


def test_parallel_downloads_and_changes_are_all_recorded(app, db, event, organiser, hub_admin):
    event_id = event.id  # the threads have no app context: nothing of the test's session is read there
    clients = []
    for index in range(6):
        client = FormClient(app.test_client())
        log_in(client, organiser if index % 2 else hub_admin)
        clients.append((client, client.csrf_token(f"/events/{event_id}/registrations/")))
    db.session.commit()
    barrier = threading.Barrier(len(clients))
    statuses = [None] * len(clients)

    def run(index):
        client, token = clients[index]
        barrier.wait(timeout=10)
        if index < 3:
            response = client.get(f"/events/{event_id}/registrations/export.csv")
            response.get_data()
            response.close()
        else:
            response = client.post(f"/events/{event_id}/registrations/capacity",
                                   data={"capacity": 100 + index, "csrf_token": token})
        statuses[index] = response.status_code

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert statuses == [200, 200, 200, 302, 302, 302]
    db.session.expire_all()
    actions = list(db.session.scalars(sa.select(AuditEntry.action).where(AuditEntry.event_id == event_id)))
    assert actions.count("export.registrations") == 3
    assert actions.count("registration.capacity_changed") == 3
