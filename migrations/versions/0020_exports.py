"""exports: exports the worker prepares for very large events (issue 17)

Revision ID: exports
Revises: lists
Create Date: 2026-12-06 08:30:00

"""
from alembic import op
import sqlalchemy as sa

import pitchday.database


# revision identifiers, used by Alembic.
revision = 'exports'
down_revision = 'lists'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('prepared_exports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('requested_by_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('dialect', sa.String(length=8), nullable=False),
    sa.Column('file_name', sa.String(length=80), nullable=False),
    sa.Column('state', sa.Enum('pending', 'running', 'ready', 'failed', name='exportstate', native_enum=False,
                               length=12), nullable=False),
    sa.Column('rows', sa.Integer(), nullable=True),
    sa.Column('size', sa.BigInteger(), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('created_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.Column('started_at', pitchday.database.UTCDateTime(), nullable=True),
    sa.Column('finished_at', pitchday.database.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_prepared_exports_event_id_events'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['requested_by_id'], ['users.id'],
                            name=op.f('fk_prepared_exports_requested_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_prepared_exports')),
    sa.UniqueConstraint('file_name', name=op.f('uq_prepared_exports_file_name'))
    )
    with op.batch_alter_table('prepared_exports', schema=None) as batch_op:
        batch_op.create_index('ix_prepared_exports_event', ['event_id', 'id'], unique=False)
        batch_op.create_index('ix_prepared_exports_state', ['state', 'created_at'], unique=False)


def downgrade():
    with op.batch_alter_table('prepared_exports', schema=None) as batch_op:
        batch_op.drop_index('ix_prepared_exports_state')
        batch_op.drop_index('ix_prepared_exports_event')
    op.drop_table('prepared_exports')
