"""Results for organisers, exports, publishing with feedback and awards, and the rubric lock."""

import contextlib
import csv
import io

import pytest
from sqlalchemy import event as sa_event

from pitchday.blueprints.events.panels import event_panels
from pitchday.errors import Conflict as ConflictError
from pitchday.extensions import db
from pitchday.models import Score
from pitchday.services.jury import jurors as jury_jurors
from pitchday.services.jury import publish as jury_publish
from pitchday.services.jury import results as jury_results
from pitchday.services.jury import rubric as jury_rubric
from pitchday.services.jury import scoring as jury_scoring
from tests.jury.conftest import add_pitch, make_event, make_juror, pitches


@contextlib.contextmanager
def count_queries():
    counter = {"n": 0}

    def count(_conn, _cursor, statement, *_args):
        counter["n"] += not statement.startswith("BEGIN")  # SQLite's explicit BEGIN is no query

    engine = db.engine
    sa_event.listen(engine, "before_cursor_execute", count)
    try:
        yield counter
    finally:
        sa_event.remove(engine, "before_cursor_execute", count)


def fill(event, jurors, value=lambda j, p, c: 5):
    criteria = jury_rubric.criteria_of(event)
    rows = [Score(event_id=event.id, juror_id=j.id, application_id=a.id, criterion_id=c.id, value=value(ji, pi, ci))
            for ji, j in enumerate(jurors) for pi, a in enumerate(pitches(event)) for ci, c in enumerate(criteria)]
    db.session.add_all(rows)
    db.session.commit()


def queries_for(event) -> int:
    db.session.commit()
    db.session.expire_all()
    with count_queries() as counter:
        jury_results.load(event)
    return counter["n"]


def test_results_take_the_same_small_number_of_queries_whatever_the_size(camps):
    small = make_event(camps["essen"], title="Small", n_pitches=2)
    jury_rubric.add_default_rubric(small)
    fill(small, [make_juror(small, "s1@example.org")])
    big = make_event(camps["essen"], title="Big", n_pitches=12)
    jury_rubric.add_default_rubric(big)
    jurors = [make_juror(big, f"b{i}@example.org") for i in range(6)]
    jury_jurors.declare_conflict(jurors[0], pitches(big)[0], by=jurors[0].user, reason="advises")
    jury_jurors.assign(big, jurors[1], all_pitches=False, application_ids=[pitches(big)[1].id])
    db.session.commit()
    fill(big, jurors, lambda j, p, c: 1 + (j * 3 + p * 7 + c) % 10)
    assert queries_for(small) == queries_for(big) == 10  # see services/jury/results.py


def test_the_live_page_shows_spread_progress_and_both_rankings(app, event, juror, juror2, login, organiser, client):
    a, b, c = pitches(event)
    fill(event, [juror], lambda j, p, c_: [9, 3, 6][p])
    fill(event, [juror2], lambda j, p, c_: [4, 2, 10][p])
    late = make_juror(event, "late@example.org", "Lea Late")
    for criterion in jury_rubric.criteria_of(event):
        jury_scoring.save_score(late, a, criterion_id=criterion.id, value=7)
    db.session.commit()
    login(organiser)
    html = client.get(f"/events/{event.id}/jury/results").get_data(as_text=True)
    assert "Ranglisten nebeneinander" in html and "So werden die Ergebnisse berechnet" in html
    assert "Gleichstand" in html  # the tie-break is stated
    assert "Nicht normalisiert" in html and "Lea Late (weniger als 3 vollständige Bewertungen)" in html
    assert "Jana Juror" in html and "3 / 3" in html


def test_csv_exports_every_raw_score_and_both_rankings(event, juror, juror2, login, organiser, client):
    fill(event, [juror, juror2], lambda j, p, c: 1 + (j + p + c) % 10)
    login(organiser)
    scores = list(csv.DictReader(io.StringIO(client.get(f"/events/{event.id}/jury/results/scores.csv?format=intl")
                                             .get_data(as_text=True))))
    assert len(scores) == 2 * 3 * 6
    assert {"Juror", "Startup", "Criterion", "Weight", "Value", "Counted"} <= set(scores[0])
    rankings = list(csv.DictReader(io.StringIO(client.get(f"/events/{event.id}/jury/results/rankings.csv?format=intl")
                                               .get_data(as_text=True))))
    assert len(rankings) == 3
    assert {"Rank (raw)", "Rank (normalised)", "Mean", "Median", "Standard deviation"} <= set(rankings[0])


def test_publishing_mails_each_startup_its_feedback_without_juror_names(app, event, juror, juror2, founder,
                                                                        organiser, outbox):
    a = pitches(event)[0]
    fill(event, [juror, juror2], lambda j, p, c: 4 + 2 * j + p)
    jury_scoring.save_comment(juror, a, comment="Strong team, unclear market.")
    jury_publish.add_award(event, a, title="1. Platz", position=1)
    db.session.commit()
    with app.test_request_context():
        sent = jury_publish.publish(event, by=organiser)
        db.session.commit()
    assert sent == 4  # founder + contact address of A, contact addresses of B and C
    mails = [m for m in outbox() if m["To"] == founder.email]
    text = mails[0].get_body().get_content()
    assert "Strong team, unclear market." in text
    assert "Jana" not in text and "Jonas" not in text
    # Pitch A: means 4 (juror) and 6 (juror2) → 5.0 per criterion; field median of 5, 6, 7 is 6.0; written
    # the German way for the German founder.
    assert "5,0 / 6,0" in text and "5.0" not in text
    with app.test_request_context(), pytest.raises(ConflictError):
        jury_publish.publish(event, by=organiser)


def test_awards_appear_on_the_event_page_only_once_published(app, event, organiser):
    a = pitches(event)[0]
    jury_publish.add_award(event, a, title="Sonderpreis Wirkung")
    db.session.commit()
    with app.test_request_context():
        assert not [t for t, _ctx in event_panels(event) if "awards" in t]
    with app.test_request_context():
        jury_publish.publish(event, by=organiser)
        db.session.commit()
        panels = [(t, ctx) for t, ctx in event_panels(event) if "awards" in t]
        assert panels and panels[0][1]["awards"][0].title == "Sonderpreis Wirkung"
        from flask import render_template

        assert "Sonderpreis Wirkung" in render_template(panels[0][0], **panels[0][1])


def test_the_rubric_locks_with_the_first_score_and_a_confirmed_reset_unlocks_it(app, event, juror, criteria):
    with app.test_request_context():
        _lock_and_reset(event, juror, criteria)


def _lock_and_reset(event, juror, criteria):
    jury_scoring.save_score(juror, pitches(event)[0], criterion_id=criteria[0].id, value=5)
    db.session.commit()
    with pytest.raises(ConflictError):
        jury_rubric.save_criterion(event, criteria[0], name="Team", description="", weight=2.0, scale_min=1,
                                   scale_max=10, anchor_low="", anchor_mid="", anchor_high="")
    from pitchday.errors import Invalid

    with pytest.raises(Invalid):
        jury_rubric.reset_scores(event, confirmed=False)
    assert jury_rubric.reset_scores(event, confirmed=True) == 1
    jury_rubric.save_criterion(event, criteria[0], name="Team", description="", weight=2.0, scale_min=1,
                               scale_max=10, anchor_low="", anchor_mid="", anchor_high="")
    assert criteria[0].weight == 2.0


def test_an_organiser_edits_the_rubric_through_the_form_and_bad_input_is_kept(event, login, organiser, client):
    login(organiser)
    page = f"/events/{event.id}/jury/criteria/new"
    bad = client.post_form(page, {"name": "Impact", "weight": "1", "scale_min": "5", "scale_max": "3"}, page=page)
    assert bad.status_code == 200 and 'value="Impact"' in bad.get_data(as_text=True)
    good = client.post_form(page, {"name": "Impact", "weight": "2", "scale_min": "1", "scale_max": "5"}, page=page)
    assert good.status_code == 302
    assert jury_rubric.criteria_of(event)[-1].name == "Impact"


def test_a_pitch_added_later_and_conflicts_show_in_the_counts(event, juror, juror2, organiser):
    add_pitch(event, "Late Startup")
    db.session.commit()
    jury_jurors.declare_conflict(juror, pitches(event)[0], by=organiser, reason="invested")
    db.session.commit()
    results = jury_results.load(event)
    first = results.stats.pitches[0]
    assert first.conflicts == 1 and first.expected == 1 and len(results.stats.pitches) == 4
