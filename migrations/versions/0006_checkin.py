"""checkin: scanner devices, check-ins, scan log (issue 7)

Revision ID: 0006
Revises: 0005

Reserved in the chain so areas built in parallel can each fill in their own revision; empty until then.
"""
from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401

import pitchday.database  # noqa: F401

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
