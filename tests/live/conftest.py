"""Fixtures of the live-show tests: the jury tests' pitch day (three startups, 5 + 5 minutes), jurors, a founder."""

import pytest

from pitchday.services.jury import rubric as jury_rubric
from pitchday.services.live import channel
from tests.jury.conftest import add_pitch, juror_link, make_event, make_juror, pitches  # noqa: F401


@pytest.fixture(autouse=True)
def _fresh_channel():
    channel.forget_all()
    yield
    channel.forget_all()


@pytest.fixture
def event(db, camps):
    event = make_event(camps["essen"])
    jury_rubric.add_default_rubric(event)
    db.session.commit()
    return event


@pytest.fixture
def juror(event):
    return make_juror(event, "jana@example.org", "Jana Juror")


@pytest.fixture
def juror2(event):
    return make_juror(event, "jonas@example.org", "Jonas Juror")
