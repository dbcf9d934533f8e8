"""checkin: scanner devices, check-ins, scan log (issue 7)

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa

import pitchday.database

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('scanner_devices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.Enum('device', 'staff', 'organiser', name='devicekind', native_enum=False, length=16), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('token_hash', sa.String(length=64), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.Column('revoked_at', pitchday.database.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_scanner_devices_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_scanner_devices_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_scanner_devices_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scanner_devices')),
    sa.UniqueConstraint('event_id', 'user_id', name=op.f('uq_scanner_devices_event_id_user_id')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_scanner_devices_token_hash'))
    )
    with op.batch_alter_table('scanner_devices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scanner_devices_event_id'), ['event_id'], unique=False)

    op.create_table('checkins',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('registration_id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.Integer(), nullable=True),
    sa.Column('checked_in_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['device_id'], ['scanner_devices.id'], name=op.f('fk_checkins_device_id_scanner_devices'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_checkins_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['registration_id'], ['registrations.id'], name=op.f('fk_checkins_registration_id_registrations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkins')),
    sa.UniqueConstraint('registration_id', name=op.f('uq_checkins_registration_id'))
    )
    with op.batch_alter_table('checkins', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checkins_event_id'), ['event_id'], unique=False)

    op.create_table('scan_logs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.Integer(), nullable=True),
    sa.Column('registration_id', sa.Integer(), nullable=True),
    sa.Column('nonce', sa.String(length=64), nullable=True),
    sa.Column('result', sa.Enum('checked_in', 'already_checked_in', 'unknown_ticket', 'other_event', 'cancelled', 'waiting_list', 'undone', name='scanresult', native_enum=False, length=24), nullable=False),
    sa.Column('http_status', sa.SmallInteger(), nullable=False),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('scanned_at', pitchday.database.UTCDateTime(), nullable=True),
    sa.Column('at', pitchday.database.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['device_id'], ['scanner_devices.id'], name=op.f('fk_scan_logs_device_id_scanner_devices'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_scan_logs_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['registration_id'], ['registrations.id'], name=op.f('fk_scan_logs_registration_id_registrations'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scan_logs')),
    sa.UniqueConstraint('device_id', 'nonce', name=op.f('uq_scan_logs_device_id_nonce'))
    )
    with op.batch_alter_table('scan_logs', schema=None) as batch_op:
        batch_op.create_index('ix_scan_logs_event_at', ['event_id', 'at'], unique=False)



def downgrade():
    with op.batch_alter_table('scan_logs', schema=None) as batch_op:
        batch_op.drop_index('ix_scan_logs_event_at')

    op.drop_table('scan_logs')
    with op.batch_alter_table('checkins', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checkins_event_id'))

    op.drop_table('checkins')
    with op.batch_alter_table('scanner_devices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scanner_devices_event_id'))

    op.drop_table('scanner_devices')
