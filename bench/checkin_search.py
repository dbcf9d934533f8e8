"""The door's search at 10,000 registrations: time per search with the folded key (issue 16, point 6).

One event with 10,000 registrations (German, Turkish and Polish names, organisations, e-mails). Each query is
run through ``services.checkin.lists.search`` (folded words, ``LIKE '% word%'`` on ``search_key``); the
baseline, measured in the same run on the same rows, is the search it replaced: ``lower(name)`` or
``lower(email)`` containing the typed text, which found no umlaut spellings and no organisations.

    .venv/bin/python bench/checkin_search.py [--database-url postgresql+psycopg://...] [--rows 10000]
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from pitchday import create_app  # noqa: E402
from pitchday.database import utcnow, write_intent  # noqa: E402
from pitchday.demo.foundation import CAMPS  # noqa: E402
from pitchday.extensions import db  # noqa: E402
from pitchday.models import (  # noqa: E402
    AttendeeType,
    Camp,
    Event,
    EventStatus,
    EventType,
    Registration,
    RegistrationStatus,  # noqa: E402
)
from pitchday.services.checkin import lists  # noqa: E402

FIRST = ["Aylin", "Jonas", "Erika", "Mehmet", "Agnieszka", "Lukas", "Sören", "Zoë", "Jürgen", "Ayşe", "Paweł"]
LAST = ["Özdemir", "Krüger", "Muster", "Yılmaz", "Kowalski", "Schäfer", "Weiß", "Groß", "Müller", "Nowak", "Hoffmann"]
ORGS = ["Stadtwerke Bochum", "Zeche Zollverein Stiftung", "Ruhr Ventures", "Thyssen Stahl AG", "Uni Duisburg-Essen",
        "Energieagentur NRW", "", "Gründerzentrum Dortmund"]
QUERIES = ["Özdemir", "oezdemir", "kruger", "zollverein", "aylin ozd", "erika muster", "xyz-nobody"]
REPEAT = 30


def setup(url: str, rows: int):
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench", "LOG_LEVEL": "WARNING"})
    with app.app_context(), write_intent():
        db.drop_all()
        db.create_all()
        camp = Camp(**CAMPS[3])
        db.session.add(camp)
        db.session.flush()
        start = utcnow() + timedelta(days=1)
        event = Event(camp_id=camp.id, title="Bench", type=EventType.PITCH_DAY, starts_at=start,
                      ends_at=start + timedelta(hours=4), status=EventStatus.PUBLISHED, capacity=rows)
        db.session.add(event)
        db.session.flush()
        rnd = random.Random(16)
        for n in range(rows):
            first, last = rnd.choice(FIRST), rnd.choice(LAST)
            db.session.add(Registration(
                event_id=event.id, name=f"{first} {last}", organisation=rnd.choice(ORGS),
                email=f"{first.lower()}.{n}@example.org", attendee_type=AttendeeType.INDUSTRY, consent_at=start,
                status=RegistrationStatus.CONFIRMED, queue_number=n + 1))
        db.session.commit()
        return app, event.id


def baseline(event_id: int, query: str) -> list:
    """The search before issue 16: the typed text inside the lower-cased name or e-mail."""
    pattern = "%" + query.lower() + "%"
    return db.session.execute(
        sa.select(Registration.id).where(Registration.event_id == event_id, Registration.anonymised_at.is_(None),
                                         sa.or_(sa.func.lower(Registration.name).like(pattern),
                                                sa.func.lower(Registration.email).like(pattern)))
        .order_by(Registration.name).limit(lists.SEARCH_LIMIT)).all()


def timed(fn) -> float:
    times = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url")
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{tmp}/bench.sqlite3"
        app, event_id = setup(url, args.rows)
        with app.app_context():
            event = db.session.get(Event, event_id)
            print(f"{args.rows:,} registrations on {db.engine.dialect.name}; median of {REPEAT} runs")
            print(f"{'query':<14} {'found':>5} {'folded ms':>10} {'baseline found':>15} {'baseline ms':>12} {'ratio':>6}")
            for query in QUERIES:
                found = len(lists.search(event, query))
                base_found = len(baseline(event_id, query))
                ours = timed(lambda q=query: lists.search(event, q))
                theirs = timed(lambda q=query: baseline(event_id, q))
                print(f"{query:<14} {found:>5} {ours:>10.2f} {base_found:>15} {theirs:>12.2f} {ours / theirs:>6.2f}")
            db.session.remove()
            db.drop_all() if args.database_url else None


if __name__ == "__main__":
    main()
