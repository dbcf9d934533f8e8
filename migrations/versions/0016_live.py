"""live: the live show's state per event and the control room's action log (issue 18)

Revision ID: live
Revises: journeys
"""
from alembic import op
import sqlalchemy as sa

import pitchday.database

revision = 'live'
down_revision = 'journeys'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('live_states',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('order_ids', sa.Text(), nullable=False),
    sa.Column('current', sa.Integer(), nullable=False),
    sa.Column('phase', sa.Enum('waiting', 'pitch', 'qa', 'ended', name='phase', native_enum=False, length=20), nullable=False),
    sa.Column('phase_started_at', pitchday.database.UTCDateTime(), nullable=True),
    sa.Column('paused_elapsed', sa.Float(), nullable=True),
    sa.Column('awards_revealed', sa.Boolean(), nullable=False),
    sa.Column('started_at', pitchday.database.UTCDateTime(), nullable=True),
    sa.Column('stage_secret', sa.String(length=64), nullable=False),
    sa.Column('updated_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.CheckConstraint('current >= 0', name=op.f('ck_live_states_current_not_negative')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_live_states_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_live_states')),
    sa.UniqueConstraint('event_id', name=op.f('uq_live_states_event_id')),
    sa.UniqueConstraint('stage_secret', name=op.f('uq_live_states_stage_secret'))
    )
    op.create_table('live_actions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('by_id', sa.Integer(), nullable=True),
    sa.Column('before', sa.Text(), nullable=False),
    sa.Column('detail', sa.String(length=200), nullable=False),
    sa.Column('at', pitchday.database.UTCDateTime(), nullable=False),
    sa.Column('undone_at', pitchday.database.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['by_id'], ['users.id'], name=op.f('fk_live_actions_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_live_actions_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_live_actions'))
    )
    with op.batch_alter_table('live_actions', schema=None) as batch_op:
        batch_op.create_index('ix_live_actions_event_id_id', ['event_id', 'id'], unique=False)

    op.create_table('live_staff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.Column('revoked_at', pitchday.database.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_live_staff_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_live_staff_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_live_staff_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_live_staff')),
    sa.UniqueConstraint('event_id', 'user_id', name=op.f('uq_live_staff_event_id_user_id'))
    )


def downgrade():
    op.drop_table('live_staff')
    with op.batch_alter_table('live_actions', schema=None) as batch_op:
        batch_op.drop_index('ix_live_actions_event_id_id')
    op.drop_table('live_actions')
    op.drop_table('live_states')
