"""Jurors of the event download a pitch deck through their invitation link, unless in conflict (issues 4, 5)."""

import pytest

from pitchday.models import Conflict
from pitchday.models.jury import ConflictReason
from pitchday.services.applications import decks, running_order
from tests.jury.conftest import pitches


@pytest.fixture(autouse=True)
def _line_up_published_and_accepted(db, event, organiser, juror, juror_client):
    """Jurors read decks of the published line-up once they accepted (issue 14; tests/jury/test_reading_rights.py)."""
    running_order.publish(event, by=organiser)
    db.session.commit()
    juror_client.get(f"/jury/{event.id}/")  # where the link lands: accepts the invitation


def _with_deck(application, db):
    application.deck_filename = decks.store(b"%PDF-1.4\n% demo deck\n")
    db.session.commit()
    return f"/applications/{application.id}/deck"


def test_a_juror_downloads_a_deck_as_an_attachment(app, db, event, juror, juror_client):
    url = _with_deck(pitches(event)[0], db)
    response = juror_client.get(url)
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert response.data.startswith(b"%PDF-")
    response.close()


def test_a_juror_in_conflict_cannot_download_that_deck(app, db, event, juror, juror_client):
    first, second = pitches(event)[:2]
    url_conflicted, url_other = _with_deck(first, db), _with_deck(second, db)
    db.session.add(Conflict(juror_id=juror.id, startup_id=first.startup_id, reason=ConflictReason.INVESTED))
    db.session.commit()
    assert juror_client.get(url_conflicted).status_code == 403
    allowed = juror_client.get(url_other)
    assert allowed.status_code == 200
    allowed.close()
