"""jury: rubric criteria, jurors, conflicts, scores, awards, audience vote (issue 5)

Revision ID: 0005
Revises: 0004

Reserved in the chain so areas built in parallel can each fill in their own revision; empty until then.
"""
from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401

import pitchday.database  # noqa: F401

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
