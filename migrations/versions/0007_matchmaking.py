"""matchmaking: meeting requests, tables, meetings, follow-ups (issue 8)

Revision ID: 0007
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa

import pitchday.database

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('follow_ups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('startup_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('meeting', 'pilot', 'investment', 'hire', 'other', name='followupkind', native_enum=False, length=20), nullable=False),
    sa.Column('partner', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_follow_ups_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_follow_ups_recorded_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['startup_id'], ['startups.id'], name=op.f('fk_follow_ups_startup_id_startups'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_ups'))
    )
    with op.batch_alter_table('follow_ups', schema=None) as batch_op:
        batch_op.create_index('ix_follow_ups_event', ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_follow_ups_startup_id'), ['startup_id'], unique=False)

    op.create_table('matchmaking_settings',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('slot_minutes', sa.Integer(), nullable=False),
    sa.Column('allocated_at', pitchday.database.UTCDateTime(), nullable=True),
    sa.CheckConstraint('slot_minutes BETWEEN 5 AND 120', name=op.f('ck_matchmaking_settings_slot_minutes_range')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_matchmaking_settings_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', name=op.f('pk_matchmaking_settings'))
    )
    op.create_table('meeting_tables',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_meeting_tables_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_tables')),
    sa.UniqueConstraint('event_id', 'name', name=op.f('uq_meeting_tables_event_id_name'))
    )
    with op.batch_alter_table('meeting_tables', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_tables_event_id'), ['event_id'], unique=False)

    op.create_table('matchmaking_profiles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('registration_id', sa.Integer(), nullable=False),
    sa.Column('visible', sa.Boolean(), nullable=False),
    sa.Column('share_contact', sa.Boolean(), nullable=False),
    sa.Column('looking_for', sa.String(length=200), nullable=False),
    sa.Column('updated_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['registration_id'], ['registrations.id'], name=op.f('fk_matchmaking_profiles_registration_id_registrations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_matchmaking_profiles')),
    sa.UniqueConstraint('registration_id', name=op.f('uq_matchmaking_profiles_registration_id'))
    )
    op.create_table('meeting_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('startup_id', sa.Integer(), nullable=False),
    sa.Column('registration_id', sa.Integer(), nullable=True),
    sa.Column('juror_user_id', sa.Integer(), nullable=True),
    sa.Column('requested_by', sa.Enum('attendee', 'startup', 'juror', name='requestside', native_enum=False, length=20), nullable=False),
    sa.Column('requested_by_user_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('status', sa.Enum('pending', 'accepted', 'declined', 'withdrawn', name='requeststatus', native_enum=False, length=20), nullable=False),
    sa.Column('created_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.Column('decided_at', pitchday.database.UTCDateTime(), nullable=True),
    sa.CheckConstraint('(registration_id IS NULL) <> (juror_user_id IS NULL)', name=op.f('ck_meeting_requests_one_counterpart')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_meeting_requests_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['juror_user_id'], ['users.id'], name=op.f('fk_meeting_requests_juror_user_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['registration_id'], ['registrations.id'], name=op.f('fk_meeting_requests_registration_id_registrations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['requested_by_user_id'], ['users.id'], name=op.f('fk_meeting_requests_requested_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['startup_id'], ['startups.id'], name=op.f('fk_meeting_requests_startup_id_startups'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_requests')),
    sa.UniqueConstraint('event_id', 'startup_id', 'juror_user_id', name=op.f('uq_meeting_requests_event_id_startup_id_juror_user_id')),
    sa.UniqueConstraint('event_id', 'startup_id', 'registration_id', name=op.f('uq_meeting_requests_event_id_startup_id_registration_id'))
    )
    with op.batch_alter_table('meeting_requests', schema=None) as batch_op:
        batch_op.create_index('ix_meeting_requests_event_status', ['event_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_requests_juror_user_id'), ['juror_user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_requests_registration_id'), ['registration_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_requests_startup_id'), ['startup_id'], unique=False)

    op.create_table('meetings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('startup_id', sa.Integer(), nullable=False),
    sa.Column('party_key', sa.String(length=40), nullable=False),
    sa.Column('status', sa.Enum('placed', 'cancelled', name='meetingstatus', native_enum=False, length=20), nullable=False),
    sa.Column('slot_index', sa.Integer(), nullable=True),
    sa.Column('table_id', sa.Integer(), nullable=True),
    sa.Column('starts_at', pitchday.database.UTCDateTime(), nullable=True),
    sa.Column('ends_at', pitchday.database.UTCDateTime(), nullable=True),
    sa.Column('attendee_confirmed_at', pitchday.database.UTCDateTime(), nullable=True),
    sa.Column('startup_confirmed_at', pitchday.database.UTCDateTime(), nullable=True),
    sa.Column('pinned', sa.Boolean(), nullable=False),
    sa.Column('uid', sa.String(length=120), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('created_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.Column('updated_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.CheckConstraint('(slot_index IS NULL) = (table_id IS NULL)', name=op.f('ck_meetings_slot_and_table_together')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_meetings_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['request_id'], ['meeting_requests.id'], name=op.f('fk_meetings_request_id_meeting_requests'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['startup_id'], ['startups.id'], name=op.f('fk_meetings_startup_id_startups'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['table_id'], ['meeting_tables.id'], name=op.f('fk_meetings_table_id_meeting_tables'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meetings')),
    sa.UniqueConstraint('event_id', 'slot_index', 'party_key', name='uq_meetings_party_slot'),
    sa.UniqueConstraint('event_id', 'slot_index', 'startup_id', name='uq_meetings_startup_slot'),
    sa.UniqueConstraint('event_id', 'slot_index', 'table_id', name='uq_meetings_table_slot'),
    sa.UniqueConstraint('request_id', name=op.f('uq_meetings_request_id')),
    sa.UniqueConstraint('uid', name=op.f('uq_meetings_uid'))
    )
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meetings_event_id'), ['event_id'], unique=False)


def downgrade():
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meetings_event_id'))

    op.drop_table('meetings')
    with op.batch_alter_table('meeting_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_requests_startup_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_requests_registration_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_requests_juror_user_id'))
        batch_op.drop_index('ix_meeting_requests_event_status')

    op.drop_table('meeting_requests')
    op.drop_table('matchmaking_profiles')
    with op.batch_alter_table('meeting_tables', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_tables_event_id'))

    op.drop_table('meeting_tables')
    op.drop_table('matchmaking_settings')
    with op.batch_alter_table('follow_ups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follow_ups_startup_id'))
        batch_op.drop_index('ix_follow_ups_event')

    op.drop_table('follow_ups')
