"""How the organisers' application list, the CSV export and the running order scale with the number of
applications: time per request and SQL statements, against a baseline of 20 applications measured in the
same run. Run: .venv/bin/python bench/applications_review.py"""

import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pitchday.extensions import db  # noqa: E402
from pitchday.models import Application, ApplicationAnswer, ApplicationStatus  # noqa: E402
from tests.applications.conftest import make_event, make_startup  # noqa: E402
from tests.conftest import FormClient, create_user, log_in, make_app  # noqa: E402

SIZES = [20, 200, 1000]
REPEAT = 5


def measure(size: int) -> dict:
    from pitchday.demo.foundation import CAMPS
    from pitchday.enums import Role
    from pitchday.models import Camp
    from pitchday.services.accounts import roles

    with tempfile.TemporaryDirectory() as tmp:
        app = make_app(Path(tmp))
        with app.app_context():
            db.create_all()
            for data in CAMPS:
                db.session.add(Camp(**data))
            db.session.commit()
            essen = db.session.scalar(sa.select(Camp).filter_by(slug="essen"))
            organiser = create_user("orga@example.org", "Olga")
            roles.grant(actor=None, user=organiser, role=Role.CAMP_ORGANISER, camp=essen)
            founder = create_user("f@example.org", "Frida")
            event = make_event(db, essen)
            question_ids = [q.id for q in event_questions(event)]
            for i in range(size):
                startup = make_startup(db, founder, name=f"Startup{i}")
                application = Application(event_id=event.id, startup_id=startup.id,
                                          status=list(ApplicationStatus)[1 + i % 6])
                application.answers = [ApplicationAnswer(question_id=q, value="Antwort " * 20) for q in question_ids]
                db.session.add(application)
            db.session.commit()
            client = log_in(FormClient(app.test_client()), organiser)
            statements = []
            sa.event.listen(db.engine, "before_cursor_execute", lambda *a, **k: statements.append(1))
            figures = {}
            for name, url in (("list", f"/events/{event.id}/applications"),
                              ("csv", f"/events/{event.id}/applications.csv"),
                              ("filtered", f"/events/{event.id}/applications?status=accepted")):
                statements.clear()
                client.get(url)
                queries = len(statements)
                started = time.perf_counter()
                for _ in range(REPEAT):
                    assert client.get(url).status_code == 200
                figures[name] = ((time.perf_counter() - started) / REPEAT * 1000, queries)
            db.session.remove()
            db.engine.dispose()
    return figures


def event_questions(event):
    from pitchday.services.applications.call import call_for

    return call_for(event).questions


def main() -> None:
    results = {size: measure(size) for size in SIZES}
    base = results[SIZES[0]]
    print(f"{'applications':>12} {'page':>9} {'ms':>8} {'x baseline':>11} {'queries':>8}")
    for size, figures in results.items():
        for name, (ms, queries) in figures.items():
            print(f"{size:>12} {name:>9} {ms:8.1f} {ms / base[name][0]:11.2f} {queries:>8}")


if __name__ == "__main__":
    main()
