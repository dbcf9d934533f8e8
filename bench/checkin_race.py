"""The same-ticket race: 50 phones scan one ticket at the same moment; how long does the slowest wait?

For each database (SQLite, PostgreSQL): one event, 50 device tokens, gunicorn with --workers sync workers
(2 by default, as the issue's table). Each round fires 50 scans of one fresh ticket at one instant (clients
in several processes, released by a shared start time) and records every answer's latency; exactly one must
be a 201. Printed per database: the slowest answer per round (median, max, rounds under 100 ms) and all
answers' p50/p95, against the same race on the bare baseline app (one conditional UPDATE) in the same run.

    .venv/bin/python bench/checkin_race.py --rounds 20
    .venv/bin/python bench/checkin_race.py --databases sqlite --rounds 10 --workers 4
"""

import argparse
import http.client
import json
import multiprocessing
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.checkin_throughput import drop_baseline_table, prepare, reset, serve  # noqa: E402

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test_perf"


def _fire(port, path, jobs, start_at, out):
    """Threads of one process, each sending one scan at ``start_at``; puts (status, seconds) per thread."""
    results = []

    def one(token, body):
        headers = {"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})}
        while time.time() < start_at:
            time.sleep(0.0005)
        t0 = time.time()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("POST", path, body=json.dumps(body), headers=headers)
        response = conn.getresponse()
        response.read()
        conn.close()
        results.append((response.status, time.time() - max(t0, start_at)))

    threads = [threading.Thread(target=one, args=job) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.put(results)


def race(port, path, calls, processes=5):
    out = multiprocessing.Queue()
    start_at = time.time() + 0.5
    procs = [multiprocessing.Process(target=_fire, args=(port, path, calls[p::processes], start_at, out))
             for p in range(processes)]
    for p in procs:
        p.start()
    results = [r for _ in procs for r in out.get()]
    for p in procs:
        p.join()
    return results


def summary(rounds: list[list]) -> dict:
    slowest = [max(s for _status, s in r) * 1000 for r in rounds]
    every = sorted(s * 1000 for r in rounds for _status, s in r)
    q = statistics.quantiles(every, n=100, method="inclusive")
    winners = [sum(1 for status, _s in r if status == 201) for r in rounds]
    return {"median": statistics.median(slowest), "max": max(slowest), "under": sum(s < 100 for s in slowest),
            "rounds": len(rounds), "p50": q[49], "p95": q[94], "one_winner": all(w == 1 for w in winners),
            "slowest": slowest}


def run(name: str, url: str, args) -> None:
    event_id, secrets, tokens = prepare(url, args.rounds + 1, args.phones)
    env = {"PITCHDAY_DATABASE_URL": url, "PITCHDAY_SECRET_KEY": "bench", "PITCHDAY_LOG_LEVEL": "WARNING",
           "BENCH_DATABASE_URL": url}
    figures = {}
    for side, spec, path, with_token in (
            ("pitchday", "wsgi:app", f"/api/v1/events/{event_id}/checkins", True),
            ("baseline", "checkin_baseline_app:app", "/checkin", False)):
        reset(url)
        with serve(spec, env, args.workers) as port:
            race(port, path, [(tokens[0] if with_token else None, {"secret": secrets[-1], "nonce": "warm"})] * 10)
            rounds = []
            for n in range(args.rounds):
                calls = [(tokens[i] if with_token else None, {"secret": secrets[n], "nonce": f"r{n}-p{i}"})
                         for i in range(args.phones)]
                rounds.append(race(port, path, calls))
                time.sleep(0.2)
        figures[side] = summary(rounds)
    drop_baseline_table(url)
    ours, base = figures["pitchday"], figures["baseline"]
    print(f"\n{name}: {args.phones} phones, one ticket, {args.rounds} rounds, gunicorn -w {args.workers}")
    print(f"{'':10}{'slowest median':>16}{'slowest max':>13}{'<100 ms':>9}{'p50 all':>9}{'p95 all':>9}  one 201")
    for side, f in (("pitchday", ours), ("baseline", base)):
        print(f"{side:10}{f['median']:>13.1f} ms{f['max']:>10.1f} ms{f['under']:>5}/{f['rounds']:<3}"
              f"{f['p50']:>6.1f} ms{f['p95']:>6.1f} ms  {'yes' if f['one_winner'] else 'NO'}")
    print(f"ratio (pitchday / baseline), slowest median: {ours['median'] / base['median']:.2f}")
    print("slowest per round (pitchday):", " ".join(f"{s:.0f}" for s in ours["slowest"]))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--phones", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_PG_URL", DEFAULT_PG))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.databases.split(","):
            run(name, f"sqlite:///{tmp}/race.sqlite3" if name == "sqlite" else args.database_url, args)


if __name__ == "__main__":
    main()
