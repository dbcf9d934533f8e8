"""A very large event's attendee CSV prepared by the worker: offered from a size on, written in the background to a
file that is byte for byte the streamed download, downloaded by the event's organisers only, retried when its
hint or its worker was lost, and deleted after its time."""

import csv
import io
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from pitchday.database import utcnow, write_intent
from pitchday.exports.csv_writer import FORMULA_START
from pitchday.models import AuditEntry, ExportState, PreparedExport
from pitchday.services.exports import prepared
from pitchday.tasks import huey_of
from tests.access import LOGIN, ROLES, assert_access

PAYLOAD = '=HYPERLINK("http://evil.example/","x")'


@pytest.fixture
def big_event(app, event, register):
    app.config["EXPORT_IN_WORKER_FROM"] = 3
    for n in range(4):
        register(event, n, name=PAYLOAD if n == 2 else None)
    return event


@pytest.fixture
def hints(app, monkeypatch):
    told = []
    monkeypatch.setitem(app.extensions, "pitchday.export_start", told.append)
    return told


def ask(client, event, fmt="de"):
    return client.post_form(f"/events/{event.id}/registrations/exports", {"format": fmt},
                            page=f"/events/{event.id}/registrations/")


def only_export(db) -> PreparedExport:
    db.session.rollback()
    return db.session.scalars(sa.select(PreparedExport)).one()


def test_the_list_offers_it_only_from_the_configured_size(app, client, login, organiser, event, register):
    app.config["EXPORT_IN_WORKER_FROM"] = 3
    login(organiser)
    register(event, 1)
    assert "Export im Hintergrund vorbereiten" not in client.get(f"/events/{event.id}/registrations/").get_data(
        as_text=True)
    register(event, 2), register(event, 3)
    assert "Deutsches Format vorbereiten" in client.get(f"/events/{event.id}/registrations/").get_data(as_text=True)


@pytest.mark.parametrize("fmt", ["de", "intl"])
def test_the_prepared_file_is_the_streamed_download(client, login, organiser, db, big_event, hints, fmt):
    login(organiser)
    response = ask(client, big_event, fmt)
    assert response.status_code == 302 and response.headers["Location"].endswith("#prepared-h")
    export = only_export(db)
    assert export.state == ExportState.PENDING and hints == [export.id]
    page = client.get(f"/events/{big_event.id}/registrations/").get_data(as_text=True)
    assert "Wird vorbereitet" in page

    assert prepared.prepare(export.id) == ExportState.READY
    assert prepared.prepare(export.id) is None  # done: a second run (a duplicated hint) writes nothing
    export = only_export(db)
    assert export.rows == 4 and export.size > 0

    page = client.get(f"/events/{big_event.id}/registrations/").get_data(as_text=True)
    link = f"/events/{big_event.id}/registrations/exports/{export.id}.csv"
    assert "Fertig" in page and link in page
    download = client.get(link)
    assert download.status_code == 200
    assert download.headers["Content-Disposition"] == f"attachment; filename=registrations-event-{big_event.id}.csv"
    assert "no-store" in download.headers["Cache-Control"]
    streamed = client.get(f"/events/{big_event.id}/registrations/export.csv?format={fmt}")
    assert download.get_data() == streamed.get_data()
    body = download.get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(body[1:]), delimiter=";" if fmt == "de" else ","))
    assert rows[0][1] == ("Place on waiting list" if fmt == "intl" else "Platz auf der Warteliste")
    assert len(rows) == 5  # the header and four attendees
    cells = [c for row in rows for c in row]
    assert "'" + PAYLOAD in cells and not [c for c in cells if c.startswith(FORMULA_START)]
    downloads = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.action == "export.registrations")).all()
    assert any(entry.after.get("prepared") == export.id for entry in downloads)


def test_asking_again_while_it_is_prepared_gives_the_same_export(client, login, organiser, db, big_event, hints):
    login(organiser)
    ask(client, big_event)
    ask(client, big_event)
    assert len(db.session.scalars(sa.select(PreparedExport)).all()) == 1
    ask(client, big_event, "intl")  # the other format is another file
    assert len(db.session.scalars(sa.select(PreparedExport)).all()) == 2


def test_a_bad_format_or_missing_token_starts_nothing(client, login, organiser, db, big_event, hints):
    login(organiser)
    assert ask(client, big_event, "xlsx").status_code == 302
    assert client.post(f"/events/{big_event.id}/registrations/exports", data={"format": "de"}).status_code in (
        302, 400)
    assert db.session.scalars(sa.select(PreparedExport)).all() == [] and hints == []


def test_the_worker_task_prepares_it(app, client, login, organiser, db, big_event, hints):
    login(organiser)
    ask(client, big_event)
    huey_of(app).pitchday_tasks["prepare_export"].call_local(only_export(db).id)
    assert only_export(db).state == ExportState.READY


def test_a_failed_export_says_so_and_leaves_no_file(app, client, login, organiser, db, big_event, hints,
                                                    monkeypatch):
    login(organiser)
    ask(client, big_event)

    def broken(event):
        raise OSError("disk full")

    monkeypatch.setitem(prepared.SOURCES, "registrations", broken)
    assert prepared.prepare(only_export(db).id) == ExportState.FAILED
    export = only_export(db)
    assert "disk full" in export.error
    assert list(Path(app.config["EXPORT_DIR"]).glob("*")) == []
    page = client.get(f"/events/{big_event.id}/registrations/").get_data(as_text=True)
    assert "Fehlgeschlagen" in page
    assert client.get(f"/events/{big_event.id}/registrations/exports/{export.id}.csv").status_code == 404


def test_the_sweep_starts_what_a_lost_hint_or_a_dead_worker_left(client, login, organiser, db, big_event, hints):
    login(organiser)
    ask(client, big_event)
    ask(client, big_event, "intl")
    fresh, stuck = db.session.scalars(sa.select(PreparedExport).order_by(PreparedExport.id)).all()
    assert prepared.sweep() == []  # just asked: the worker's hint is on its way
    with write_intent():
        db.session.execute(sa.update(PreparedExport).where(PreparedExport.id == fresh.id)
                           .values(created_at=utcnow() - timedelta(minutes=2)))
        db.session.execute(sa.update(PreparedExport).where(PreparedExport.id == stuck.id)
                           .values(state=ExportState.RUNNING, created_at=utcnow() - timedelta(hours=1),
                                   started_at=utcnow() - timedelta(hours=1)))
        db.session.commit()
    assert sorted(prepared.sweep()) == sorted([fresh.id, stuck.id])
    assert prepared.prepare(stuck.id) == ExportState.READY


def test_files_are_deleted_after_their_time(app, client, login, organiser, db, big_event, hints):
    login(organiser)
    ask(client, big_event)
    export = only_export(db)
    prepared.prepare(export.id)
    path = Path(app.config["EXPORT_DIR"]) / only_export(db).file_name
    assert path.is_file() and prepared.purge() == 0
    with write_intent():
        db.session.execute(sa.update(PreparedExport).values(finished_at=utcnow() - timedelta(hours=25)))
        db.session.commit()
    assert prepared.purge() == 1
    assert not path.exists() and db.session.scalars(sa.select(PreparedExport)).all() == []


@pytest.mark.parametrize("role", ROLES)
def test_only_the_event_s_organisers_reach_a_prepared_file(app, db, people, role, big_event, make_event):
    with write_intent():
        export = prepared.ask(big_event, by=None, kind="registrations", dialect="de")
        db.session.commit()
    prepared.prepare(export.id)
    other = make_event()
    e = f"/events/{big_event.id}/registrations"
    assert_access(app, people, role, [
        (f"{e}/exports/{export.id}.csv", [LOGIN, 403, 200, 403, 200]),
        (f"/events/{other.id}/registrations/exports/{export.id}.csv", [LOGIN, 403, 404, 403, 404]),
        (f"{e}/exports/99999999999999.csv", [404, 404, 404, 404, 404]),
    ])
    assert_access(app, people, role, [(f"{e}/exports", [LOGIN, 403, 302, 403, 302])], method="POST")
