"""The trail's retention: `purge-personal-data` deletes entries older than RETENTION_AUDIT_DAYS and nothing else."""

from datetime import timedelta

import sqlalchemy as sa

from pitchday.database import utcnow
from pitchday.models import AuditEntry


def _entry(db, days_ago: int, label: str) -> None:
    db.session.execute(sa.insert(AuditEntry).values(
        at=utcnow() - timedelta(days=days_ago), actor_id=None, actor_name="", actor_email="",
        action="event.updated", subject_type="event", subject_label=label, before={}, after={}))


def _labels(db) -> list[str]:
    db.session.expire_all()
    return sorted(db.session.scalars(sa.select(AuditEntry.subject_label)))


def _purge(app, *args) -> str:
    result = app.test_cli_runner().invoke(args=["purge-personal-data", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_purge_deletes_entries_past_the_retention_period(app, db):
    app.config["RETENTION_AUDIT_DAYS"] = 365
    _entry(db, 400, "old")
    _entry(db, 366, "just past")
    _entry(db, 300, "recent")
    _entry(db, 0, "today")
    db.session.commit()

    assert "audit entries: 2 would be deleted" in _purge(app, "--dry-run")
    assert _labels(db) == ["just past", "old", "recent", "today"]
    assert "audit entries: 2 were deleted" in _purge(app)
    assert _labels(db) == ["recent", "today"]
    assert "audit entries: 0 were deleted" in _purge(app)


def test_the_default_keeps_two_years(app, db):
    _entry(db, 700, "kept")
    _entry(db, 800, "gone")
    db.session.commit()
    _purge(app)
    assert _labels(db) == ["kept"]
