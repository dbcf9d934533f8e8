"""Statements run on the driver read and write what the ORM does: the same UTC times, on both databases."""

from datetime import UTC, datetime, timedelta, timezone

from pitchday.driver_sql import DriverConnection, Statement
from pitchday.models.checkin import CheckIn, ScannerDevice
from tests.checkin.conftest import make_event, make_registration

ADD = Statement("INSERT INTO checkins (registration_id, event_id, checked_in_at) VALUES (:registration, :event, :at) "
                "RETURNING id")
READ = Statement("SELECT id, checked_in_at FROM checkins WHERE registration_id = :registration",
                 datetimes=("checked_in_at",))


def test_parameters_become_the_drivers_placeholders_and_casts_stay():
    statement = Statement("SELECT :a::integer, :b FROM t WHERE x = :a")
    assert statement.sql["postgresql"] == "SELECT %(a)s::integer, %(b)s FROM t WHERE x = %(a)s"
    assert statement.sql["sqlite"] == "SELECT :a::integer, :b FROM t WHERE x = :a"


def test_a_time_written_on_the_driver_reads_the_same_through_the_orm_and_back(db, camps):
    event = make_event(db, camps["essen"])
    first, second = make_registration(db, event), make_registration(db, event, name="Max Muster")
    conn = DriverConnection(db.session.connection())
    berlin_evening = datetime(2026, 12, 1, 19, 30, 15, 250000, tzinfo=timezone(timedelta(hours=1)))
    added = conn.execute(ADD, {"registration": first.id, "event": event.id, "at": berlin_evening}).scalar()
    db.session.commit()

    stored = db.session.get(CheckIn, added)
    assert stored.checked_in_at == berlin_evening and stored.checked_in_at.tzinfo == UTC
    by_orm = CheckIn(registration_id=second.id, event_id=event.id,
                     checked_in_at=datetime(2026, 12, 1, 18, 0, tzinfo=UTC))
    db.session.add(by_orm)
    db.session.flush()
    row = DriverConnection(db.session.connection()).execute(READ, {"registration": second.id}).one()
    assert (row.id, row.checked_in_at) == (by_orm.id, datetime(2026, 12, 1, 18, 0, tzinfo=UTC))


def test_no_row_is_none_and_statements_without_rows_return_nothing(db, camps):
    conn = DriverConnection(db.session.connection())
    assert conn.execute(READ, {"registration": 999}).first() is None
    assert conn.execute(Statement("DELETE FROM scanner_devices WHERE id = :id"), {"id": 999}) == []
    assert db.session.query(ScannerDevice).count() == 0
