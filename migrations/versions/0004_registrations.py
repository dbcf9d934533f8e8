"""registrations: registrations, waiting list and tickets (issue 6)

Revision ID: 0004
Revises: 0003

Reserved in the chain so areas built in parallel can each fill in their own revision; empty until then.
"""
from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401

import pitchday.database  # noqa: F401

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
