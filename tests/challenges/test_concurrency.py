"""Two people acting on the same thing at once, over real HTTP connections: the database decides, once."""

import http.cookiejar
import re
import threading
import urllib.parse
import urllib.request

from pitchday.extensions import db
from pitchday.models import Challenge, ChallengeProposal, ChallengeStatus, StartupMember
from tests.challenges.conftest import make_challenge
from tests.conftest import PASSWORD, two_step_code

CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')


class Browser:
    def __init__(self, base: str, email: str, user=None):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.post("/auth/login", {"email": email, "password": PASSWORD}, page="/auth/login")
        if user is not None and user.two_step_enabled:  # hub admins type a two-step code (issue 14)
            self.post("/auth/two-step", {"code": two_step_code(user)}, page="/auth/two-step")

    def token(self, page: str) -> str:
        match = CSRF.search(self.opener.open(self.base + page).read().decode())
        return match.group(1) or match.group(2)

    def post(self, path: str, data: dict, *, page: str, token: str | None = None) -> int:
        body = urllib.parse.urlencode({**data, "csrf_token": token or self.token(page)}, doseq=True).encode()
        try:
            with self.opener.open(urllib.request.Request(self.base + path, data=body, method="POST")) as response:  # noqa: S310
                return response.status
        except urllib.error.HTTPError as error:
            return error.code


def together(*calls):
    barrier, results = threading.Barrier(len(calls)), [None] * len(calls)

    def run(i, call):
        barrier.wait()
        results[i] = call()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_two_organisers_deciding_at_once_decide_once(live_server, company, camps, organiser, hub_admin):
    challenge = make_challenge(db, company, camps["essen"], status=ChallengeStatus.IN_REVIEW)
    page = f"/challenges/{challenge.id}"
    first, second = Browser(live_server, organiser.email), Browser(live_server, hub_admin.email, hub_admin)
    tokens = first.token(page), second.token(page)
    results = together(
        lambda: first.post(f"{page}/review/publish", {"note": ""}, page=page, token=tokens[0]),
        lambda: second.post(f"{page}/review/return", {"note": "Bitte Budget nennen"}, page=page, token=tokens[1]))
    assert sorted(results) == [200, 422]  # the winner lands on the review queue
    assert results.count(422) == 1  # the loser is told that someone else decided
    db.session.rollback()  # end the test's own read snapshot
    decided = db.session.get(Challenge, challenge.id)
    assert decided.status in (ChallengeStatus.PUBLISHED, ChallengeStatus.RETURNED)


def test_two_founders_answering_for_one_startup_at_once_leave_one_proposal(live_server, challenge, startup, founder,
                                                                           make_user):
    cofounder = make_user("mitgruender@gridwise.example", "Moritz Mitgründer")
    db.session.add(StartupMember(startup_id=startup.id, user_id=cofounder.id))
    db.session.commit()
    page = f"/challenges/{challenge.id}"
    a, b = Browser(live_server, founder.email), Browser(live_server, cofounder.email)
    tokens = a.token(page), b.token(page)
    data = {"startup": startup.id, "summary": "Unser Vorschlag"}
    results = together(lambda: a.post(f"{page}/answer", data, page=page, token=tokens[0]),
                       lambda: b.post(f"{page}/answer", data, page=page, token=tokens[1]))
    assert 200 in results or 302 in results
    db.session.rollback()  # end the test's own read snapshot
    assert db.session.scalar(db.select(db.func.count()).select_from(ChallengeProposal)) == 1
