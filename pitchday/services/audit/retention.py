"""How long the trail is kept: entries older than RETENTION_AUDIT_DAYS are deleted by the same
``purge-personal-data`` run that anonymises attendees (docs/audit.md says why deleted, not anonymised)."""

from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app

from ...extensions import db
from ...models import AuditEntry
from ...models.audit import purging
from ..registrations.retention import PurgeResult, register_purger


@register_purger
def purge_audit_entries(now: datetime, dry_run: bool) -> PurgeResult:
    """Delete audit entries recorded more than RETENTION_AUDIT_DAYS before ``now``."""
    cutoff = now - timedelta(days=current_app.config["RETENTION_AUDIT_DAYS"])
    old = AuditEntry.at < cutoff
    if dry_run:
        count = db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry).where(old))
    else:
        with purging(db.session):
            count = db.session.execute(sa.delete(AuditEntry).where(old)).rowcount
    return PurgeResult("audit entries", count, "deleted")
