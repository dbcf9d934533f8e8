"""matchmaking: meeting requests, tables, meetings, follow-ups (issue 8)

Revision ID: 0007
Revises: 0006

Reserved in the chain so areas built in parallel can each fill in their own revision; empty until then.
"""
from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401

import pitchday.database  # noqa: F401

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
