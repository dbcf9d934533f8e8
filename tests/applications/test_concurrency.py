"""Real parallel clients: two organisers deciding at once, a founder submitting twice at once."""

import io
import threading
from types import SimpleNamespace

from pitchday.models import Application, ApplicationDecision, ApplicationStatus
from tests.applications.conftest import make_pdf
from tests.applications.test_apply import answers
from tests.conftest import FormClient, log_in


def run_in_parallel(app, users, action):
    """Each user gets an own client in an own thread; all act at the same moment after logging in."""
    barrier = threading.Barrier(len(users))
    results, errors = [None] * len(users), []

    logins = [SimpleNamespace(email=u.email) for u in users]  # plain values: threads have no app context

    def work(i, user):
        try:
            client = log_in(FormClient(app.test_client()), user)
            prepared = action(client, i)
            barrier.wait(timeout=30)
            results[i] = prepared()
        except Exception as error:  # surfaced below; a thread's exception would otherwise vanish
            errors.append(error)
            barrier.abort()

    threads = [threading.Thread(target=work, args=(i, u)) for i, u in enumerate(logins)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
    return results


def test_two_organisers_deciding_at_once_cannot_both_win(app, db, event, startup, organiser, hub_admin):
    application = Application(event_id=event.id, startup_id=startup.id, status=ApplicationStatus.SHORTLISTED)
    db.session.add(application)
    db.session.commit()
    app_id = application.id
    page = f"/applications/{app_id}/review"
    wanted = ["accepted", "rejected"]

    def action(client, i):
        token = client.csrf_token(page)
        return lambda: client.post(f"/applications/{app_id}/decide",
                                   data={"status": wanted[i], "seen": "shortlisted",
                                                                            "csrf_token": token})

    results = run_in_parallel(app, [organiser, hub_admin], action)
    assert all(r.status_code == 302 for r in results), [(r.status_code, r.headers.get("Location")) for r in results]
    db.session.rollback()  # end the main thread's read snapshot to see what the threads wrote
    application = db.session.get(Application, app_id)
    decisions = db.session.scalars(db.select(ApplicationDecision)).all()
    assert len(decisions) == 1
    assert application.status == decisions[0].to_status


def test_submitting_twice_at_once_makes_one_application(app, db, event, founder, startup):
    url = f"/events/{event.id}/apply/{startup.slug}"
    form = answers(event, submit="1")

    def action(client, i):
        token = client.csrf_token(url)
        data = {**form, "csrf_token": token, "deck": (io.BytesIO(make_pdf()), "deck.pdf")}
        return lambda: client.post(url, data=data, content_type="multipart/form-data")

    results = run_in_parallel(app, [founder, founder], action)
    assert sorted(r.status_code for r in results) in ([200, 302], [302, 302])
    db.session.rollback()  # end the main thread's read snapshot to see what the threads wrote
    assert db.session.scalar(db.select(db.func.count()).select_from(Application)) == 1
