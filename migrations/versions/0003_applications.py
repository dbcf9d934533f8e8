"""applications: startups, members, calls for pitches, questions, applications, decisions, pitch slots (issue 4)

Revision ID: 0003
Revises: 0002

Reserved in the chain so areas built in parallel can each fill in their own revision; empty until then.
"""
from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401

import pitchday.database  # noqa: F401

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
