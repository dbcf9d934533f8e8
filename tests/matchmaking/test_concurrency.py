"""Two organisers at once: moving two meetings onto the same table and slot leaves exactly one there, because
the database's unique constraints decide, not a check in Python."""

import threading

from pitchday.database import write_intent
from pitchday.models.matchmaking import Meeting, RequestSide
from pitchday.services.matchmaking import meetings
from pitchday.services.matchmaking import requests as mm
from tests.conftest import FormClient, log_in
from tests.matchmaking.conftest import register


def _parallel(calls):
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(i, call):
        barrier.wait()
        results[i] = call()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


def test_two_moves_onto_one_table_and_slot_leave_exactly_one_there(app, db, pitch_day, organiser, hub_admin):
    event = pitch_day["event"]
    with app.test_request_context(), write_intent():
        for name, startup in (("Ina Eins", pitch_day["alpha"]), ("Ole Zwei", pitch_day["beta"])):
            reg = register(db, event, name)
            mm.respond(mm.request_by_attendee(reg, startup, reason=""), accept=True, side=RequestSide.STARTUP)
        tables = meetings.set_tables(event, ["Tisch 1", "Tisch 2"])
        meetings.run_allocation(event)
        db.session.commit()
        ids = [m.id for m in meetings.placed_meetings(event)]
        target_table = tables[0].id
        db.session.commit()
    clients = []
    for user in (organiser, hub_admin):
        client = FormClient(app.test_client())
        log_in(client, user)
        clients.append(client)
    grid = f"/events/{event.id}/matchmaking/"
    tokens = [c.csrf_token(grid) for c in clients]
    db.session.rollback()

    def move(client, token, meeting_id):
        return lambda: client.client.post(f"{grid}meetings/{meeting_id}/move", data={
            "csrf_token": token, f"m{meeting_id}-csrf_token": token, f"m{meeting_id}-slot": "3",
            f"m{meeting_id}-table": str(target_table)}).status_code

    statuses = _parallel([move(clients[0], tokens[0], ids[0]), move(clients[1], tokens[1], ids[1])])
    assert statuses == [302, 302]
    db.session.expire_all()
    there = [m for m in db.session.scalars(db.select(Meeting)) if (m.slot_index, m.table_id) == (3, target_table)]
    assert len(there) == 1


def test_a_double_tap_on_accept_counts_once(app, db, pitch_day):
    event = pitch_day["event"]
    with app.test_request_context(), write_intent():
        reg = register(db, event, "Ina Eins")
        mm.set_profile(reg, visible=True, share_contact=False)
        request = mm.request_by_startup(pitch_day["alpha"], reg, reason="", by=pitch_day["founder"])
        db.session.commit()
        request_id = request.id
    page = f"/meet/{reg.ticket_secret}"
    clients = [FormClient(app.test_client()) for _ in range(2)]
    tokens = [c.csrf_token(page) for c in clients]
    db.session.rollback()
    url = f"{page}/requests/{request_id}/accept"
    statuses = _parallel([(lambda c=c, t=t: c.client.post(url, data={"csrf_token": t}).status_code)
                          for c, t in zip(clients, tokens, strict=True)])
    assert statuses == [302, 302]
    db.session.expire_all()
    assert db.session.get(type(request), request_id).status == "accepted"
