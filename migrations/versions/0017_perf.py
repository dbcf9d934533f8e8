"""perf: version counters of cached output (event pages, calendar entries, feeds) and two indexes for the
scanners' list version (issue 17)

Revision ID: perf
Revises: live
Create Date: 2026-12-06 04:30:00

"""
from alembic import op
import sqlalchemy as sa

import pitchday.database


# revision identifiers, used by Alembic.
revision = 'perf'
down_revision = 'live'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('cache_versions',
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('changed_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_cache_versions'))
    )
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.create_index('ix_registrations_event_confirmed', ['event_id', 'confirmed_at'], unique=False)
        batch_op.create_index('ix_registrations_event_cancelled', ['event_id', 'cancelled_at'], unique=False)


def downgrade():
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.drop_index('ix_registrations_event_cancelled')
        batch_op.drop_index('ix_registrations_event_confirmed')
    op.drop_table('cache_versions')
