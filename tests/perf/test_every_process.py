"""A change is visible at once on the cached event page and in every feed, from every process: two app
instances (as two gunicorn workers, or two hosts) share the cache folder, or Redis when
PITCHDAY_TEST_REDIS_URL is set, and the database."""

import os
import uuid

import pytest

from pitchday.models import Application, ApplicationStatus, PitchSlot
from pitchday.services.applications import running_order
from pitchday.services.events import schedule
from tests.applications.conftest import make_startup
from tests.conftest import make_app

BACKENDS = ["files"] + (["redis"] if os.environ.get("PITCHDAY_TEST_REDIS_URL") else [])


@pytest.fixture(params=BACKENDS)
def two_processes(request, app, tmp_path, database_url):
    shared = {"CACHE_DIR": str(tmp_path / "shared-cache")}
    if request.param == "redis":
        shared = {"CACHE_URL": os.environ["PITCHDAY_TEST_REDIS_URL"], "CACHE_KEY_PREFIX": f"t{uuid.uuid4().hex}:"}
    apps = []
    for name in ("worker-1", "worker-2"):
        (tmp_path / name).mkdir()
        apps.append(make_app(tmp_path / name, app.config["DATABASE_URL"], **shared))
    return apps


def _get(app, url, lang="de"):
    with app.app_context():
        return app.test_client().get(url, headers={"Accept-Language": lang}).get_data(as_text=True)


def _everything(app, event):
    return [_get(app, f"/events/{event.id}"), _get(app, f"/events/{event.id}/calendar.ics"),
            _get(app, "/calendar.ics"), _get(app, f"/camps/{event.camp.slug}/calendar.ics"),
            _get(app, "/sectors/energy/calendar.ics")]


def test_status_and_line_up_changes_reach_every_process_at_once(two_processes, db, make_event, organiser, founder):
    first, second = two_processes
    event = make_event()
    for app in two_processes:  # both have built and stored everything
        assert all("Pitch Day Essen" in body for body in _everything(app, event))

    schedule.postpone(event, by=organiser)
    db.session.commit()
    page, single, *feeds = _everything(second, event)
    assert "verschoben" in page
    assert "STATUS:TENTATIVE" in single and all("STATUS:TENTATIVE" in feed for feed in feeds)

    schedule.publish(event, by=organiser)
    db.session.commit()
    page, single, *feeds = _everything(first, event)
    assert "verschoben" not in page and all("STATUS:CONFIRMED" in body for body in (single, *feeds))

    startup = make_startup(db, founder, name="Kohlekraft")
    application = Application(event_id=event.id, startup_id=startup.id, status=ApplicationStatus.ACCEPTED)
    db.session.add(application)
    db.session.flush()
    db.session.add(PitchSlot(event_id=event.id, application_id=application.id, position=1))
    running_order.publish(event, by=organiser)
    db.session.commit()
    for app in two_processes:
        page, single, *feeds = _everything(app, event)
        assert "Kohlekraft" in page and "Kohlekraft" in single
        assert all("Kohlekraft" in feed for feed in feeds)

    startup.name = "Kohlekraft Neu"
    db.session.commit()
    assert all("Kohlekraft Neu" in body for body in _everything(second, event))

    schedule.cancel(event, by=organiser)
    db.session.commit()
    page, single, *feeds = _everything(first, event)
    assert "abgesagt" in page
    assert "STATUS:CANCELLED" in single and all("STATUS:CANCELLED" in feed for feed in feeds)
