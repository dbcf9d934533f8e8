"""The challenges' figures for the impact report, checked on a known history: per reviewing camp and quarter."""

from datetime import datetime

from pitchday.berlin import from_local
from pitchday.models import ChallengeProposal, ChallengeStatus, ProposalStatus
from pitchday.services.challenges import report
from tests.applications.conftest import make_startup
from tests.challenges.conftest import make_challenge


def at(month, day, hour=12):
    return from_local(datetime(2026, month, day, hour))


def test_published_answered_and_invited_per_camp_and_quarter(db, camps, company, founder):
    essen, dortmund = camps["essen"], camps["dortmund"]
    heat = make_challenge(db, company, essen, title="Abwärme")
    heat.reviewed_at = at(3, 31, 23)  # the last hour of Q1 in Berlin
    closed = make_challenge(db, company, essen, title="Schrott", status=ChallengeStatus.CLOSED)
    closed.reviewed_at = at(4, 1, 0)  # midnight in Berlin: the first minute of Q2
    pending = make_challenge(db, company, essen, title="Prüfung", status=ChallengeStatus.IN_REVIEW)
    pending.reviewed_at = at(5, 2)  # returned for changes is not public
    port = make_challenge(db, company, dortmund, title="Hafen")
    port.reviewed_at = at(7, 15)
    startups = [make_startup(db, founder, name=f"Startup {n}") for n in range(3)]
    answers = [
        ChallengeProposal(challenge_id=heat.id, startup_id=startups[0].id, summary="a", created_at=at(2, 1),
                          status=ProposalStatus.INVITED, decided_at=at(4, 3)),
        ChallengeProposal(challenge_id=heat.id, startup_id=startups[1].id, summary="b", created_at=at(2, 2),
                          status=ProposalStatus.DECLINED, decided_at=at(2, 9)),
        ChallengeProposal(challenge_id=port.id, startup_id=startups[2].id, summary="c", created_at=at(8, 1),
                          status=ProposalStatus.INVITED, decided_at=at(8, 2)),
    ]
    db.session.add_all(answers)
    db.session.commit()

    rows = {(r.camp, r.quarter): (r.published, r.answers, r.invited) for r in report.figures(2026)}

    assert rows[("Camp Essen", "2026-Q1")] == (1, 2, 0)
    assert rows[("Camp Essen", "2026-Q2")] == (1, 0, 1)
    assert rows[("Camp Dortmund", "2026-Q3")] == (1, 1, 1)
    assert sum(sum(v) for v in rows.values()) == 8
    only_dortmund = report.figures(2026, [dortmund.id])
    assert {r.camp for r in only_dortmund} == {"Camp Dortmund"}


def test_the_network_page_and_its_csv_show_the_challenge_figures(client, db, camps, company, organiser, login):
    heat = make_challenge(db, company, camps["essen"], title="Abwärme")
    heat.reviewed_at = at(5, 5)
    db.session.commit()
    login(organiser)
    page = client.get("/impact/tracks/?year=2026").get_data(as_text=True)
    assert "Challenges aus Industrie und Mittelstand" in page
    assert "1 Challenges wurden veröffentlicht" in page
    body = client.get("/impact/tracks/challenges.csv?year=2026").get_data(as_text=True)
    assert body.splitlines()[0].lstrip("\ufeff") == ("Camp;Quartal;Veröffentlichte Challenges;Antworten von Startups;"
                                                    "Zum Gespräch eingeladene Startups")
    assert "Camp Essen;2026-Q2;1;0;0" in body.splitlines()
