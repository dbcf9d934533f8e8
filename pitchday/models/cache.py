"""Version counters of cached output (event pages, calendar entries, feeds): one row per name.

A counter moves in the same transaction as the change it stands for, so a reader that sees the new data also
sees the new version, and a rolled-back change moves nothing. See docs/performance.md.
"""

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from ..database import UTCDateTime, utcnow
from ..extensions import db


class CacheVersion(db.Model):
    __tablename__ = "cache_versions"

    name: Mapped[str] = mapped_column(sa.String(80), primary_key=True)  # "event:12", "camp:3", "feeds"
    version: Mapped[int] = mapped_column(sa.BigInteger, default=1)
    changed_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
