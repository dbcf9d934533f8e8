"""Parallel clients saving scores over HTTP: nothing is lost (SQLite and PostgreSQL, whichever the suite runs on)."""

import http.cookiejar
import json
import re
import threading
import urllib.request

from pitchday.extensions import db
from pitchday.models import Score, ScoreSheet
from tests.jury.conftest import juror_link, pitches


class Device:
    """One phone: its own cookie jar (session), opened through the juror's link."""

    def __init__(self, base: str, link: str, event_id: int):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        page = self.opener.open(base + link).read().decode()  # follows the redirect to the scoring page
        self.csrf = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
        self.event_id = event_id

    def post(self, path: str, payload: dict) -> int:
        request = urllib.request.Request(self.base + path, data=json.dumps(payload).encode(), method="POST",  # noqa: S310 (http to the local test server)
                                         headers={"Content-Type": "application/json", "X-CSRFToken": self.csrf,
                                                  "Accept": "application/json"})
        try:
            with self.opener.open(request) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def score(self, application_id, criterion_id, value) -> int:
        return self.post(f"/api/jury/{self.event_id}/pitch/{application_id}/score",
                         {"criterion_id": criterion_id, "value": value})


def run_together(*jobs):
    barrier = threading.Barrier(len(jobs))
    statuses: list[int] = []
    lock = threading.Lock()

    def runner(job):
        barrier.wait()
        for status in job():
            with lock:
                statuses.append(status)

    threads = [threading.Thread(target=runner, args=(job,)) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return statuses


def test_two_jurors_saving_at_the_same_time_lose_nothing(app, jury_server, event, criteria, juror, juror2):
    apps = [a.id for a in pitches(event)]
    crits = [c.id for c in criteria]  # plain ids: the threads have no app context to load models
    phones = [Device(jury_server, juror_link(app, j), event.id) for j in (juror, juror2)]

    def job(phone, offset):
        return lambda: [phone.score(a, c, 1 + (offset + i + k) % 10)
                        for i, a in enumerate(apps) for k, c in enumerate(crits)]

    statuses = run_together(job(phones[0], 0), job(phones[1], 5))
    assert statuses == [200] * (2 * len(apps) * len(criteria))
    db.session.rollback()  # end the test's own snapshot to see what the server wrote
    rows = db.session.execute(db.select(Score.juror_id, Score.application_id, Score.criterion_id, Score.value)).all()
    assert len(rows) == 2 * len(apps) * len(criteria)
    expected = {(j.id, a, c, 1 + (off + i + k) % 10) for j, off in ((juror, 0), (juror2, 5))
                for i, a in enumerate(apps) for k, c in enumerate(crits)}
    assert set(map(tuple, rows)) == expected


def test_one_juror_on_two_devices_changing_different_criteria_loses_nothing(app, jury_server, event, criteria,
                                                                            juror):
    a = pitches(event)[0].id
    link = juror_link(app, juror)
    phone, tablet = Device(jury_server, link, event.id), Device(jury_server, link, event.id)
    first, second = [c.id for c in criteria[:3]], [c.id for c in criteria[3:]]

    def job(device, mine, final):
        # Each device changes its criteria several times; the last value must be what remains.
        return lambda: [device.score(a, c, v) for v in (2, 4, 6, final) for c in mine]

    statuses = run_together(job(phone, first, 8), job(tablet, second, 3))
    assert set(statuses) == {200}
    db.session.rollback()  # end the test's own snapshot to see what the server wrote
    values = dict(db.session.execute(db.select(Score.criterion_id, Score.value).filter_by(juror_id=juror.id)).all())
    assert values == dict.fromkeys(first, 8) | dict.fromkeys(second, 3)


def test_two_devices_writing_the_same_criterion_leave_one_row_and_no_error(app, jury_server, event, criteria, juror):
    a, c0, e = pitches(event)[0].id, criteria[0].id, event.id
    link = juror_link(app, juror)
    devices = [Device(jury_server, link, e) for _ in range(4)]
    statuses = run_together(*[(lambda d=d, n=n: [d.score(a, c0, 1 + (n + i) % 10)
                                                 for i in range(10)]) for n, d in enumerate(devices)])
    assert set(statuses) == {200}
    db.session.rollback()  # end the test's own snapshot to see what the server wrote
    assert db.session.scalar(db.select(db.func.count()).select_from(Score)) == 1
    # Comments from two devices at once: one sheet, no error.
    comment = [lambda d=d, i=i: [d.post(f"/api/jury/{e}/pitch/{a}/comment", {"comment": f"from {i}"})
                            for _ in range(5)] for i, d in enumerate(devices[:2])]
    assert set(run_together(*comment)) == {200}
    db.session.rollback()  # end the test's own snapshot to see what the server wrote
    assert db.session.scalar(db.select(db.func.count()).select_from(ScoreSheet)) == 1
