"""Results of a large jury: 100 pitches × 15 jurors × 6 criteria (9,000 scores).

Prints the time and the SQL query count of ``jury_results.load`` (median of several runs), next to two
baselines measured in the same run: reading the raw score rows alone (the floor any method pays), and a naive
per-pitch loader (one query per pitch and juror, what the fixed-query design avoids).

    .venv/bin/python bench/jury_results.py            # SQLite
    PITCHDAY_BENCH_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/pitchday_jury .venv/bin/python bench/jury_results.py
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/ is scripts, not a package

from jury_setup import make_app, pitch_day  # noqa: E402
from sqlalchemy import event as sa_event  # noqa: E402

from pitchday.extensions import db  # noqa: E402
from pitchday.models import Score  # noqa: E402
from pitchday.services.applications.running_order import slots_for  # noqa: E402
from pitchday.services.jury import results as jury_results

RUNS = 7


def measure(fn) -> tuple[float, int]:
    counter = {"n": 0}

    def count(_c, _cur, statement, *_a):
        counter["n"] += not statement.startswith("BEGIN")

    times = []
    for _ in range(RUNS):
        db.session.commit()
        db.session.expire_all()
        counter["n"] = 0
        sa_event.listen(db.engine, "before_cursor_execute", count)
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
        sa_event.remove(db.engine, "before_cursor_execute", count)
    return statistics.median(times) * 1000, counter["n"]


def raw_rows(event):
    return db.session.execute(db.select(Score.juror_id, Score.application_id, Score.criterion_id, Score.value)
                              .filter_by(event_id=event.id)).all()


def naive(event, jurors):
    """One query per (pitch, juror): the N+1 shape."""
    out = {}
    for slot in slots_for(event):
        for juror in jurors:
            out[(slot.application.id, juror.id)] = db.session.execute(
                db.select(Score.criterion_id, Score.value).filter_by(juror_id=juror.id,
                                                                     application_id=slot.application.id)).all()
    return out


def main() -> None:
    url = os.environ.get("PITCHDAY_BENCH_DATABASE_URL")
    app = make_app(url)
    with app.app_context(), app.test_request_context():
        small, _ = pitch_day(10, 5)
        event, jurors = pitch_day(100, 15)
        juror_ids = [j.id for j in jurors]
        n_scores = len(raw_rows(event))
        print(f"database: {db.engine.dialect.name}; scores: {n_scores} (100 pitches × 15 jurors × 6 criteria)")
        small_ms, small_q = measure(lambda: jury_results.load(small))
        ms, queries = measure(lambda: jury_results.load(event))
        raw_ms, raw_q = measure(lambda: raw_rows(event))
        loaded = [db.session.get(type(jurors[0]), i) for i in juror_ids]
        naive_ms, naive_q = measure(lambda: naive(event, loaded))
        results = jury_results.load(event)
        print(f"{'':32}{'time (ms)':>12}{'queries':>10}")
        print(f"{'results, 10 × 5 × 6':32}{small_ms:12.1f}{small_q:10d}")
        print(f"{'results, 100 × 15 × 6':32}{ms:12.1f}{queries:10d}")
        print(f"{'baseline: raw score rows only':32}{raw_ms:12.1f}{raw_q:10d}")
        print(f"{'baseline: naive per pitch/juror':32}{naive_ms:12.1f}{naive_q:10d}")
        print(f"ratio results / raw rows: {ms / raw_ms:.1f}×; naive / results: {naive_ms / ms:.1f}× "
              f"slower, {naive_q / queries:.0f}× the queries")
        print(f"query count constant across sizes: {small_q == queries}; target < 100 ms: {ms < 100}")
        top = results.stats.ranked("raw_rank")[0]
        print(f"check: first place raw = pitch {top.application_id}, mean {top.mean:.2f}, n = {top.count}")
        if url:
            db.session.remove()  # release the session's locks, or DROP waits for them
            db.drop_all()


if __name__ == "__main__":
    main()
