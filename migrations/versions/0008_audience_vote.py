"""audience vote: settings per event, one vote per checked-in ticket (issue 5)

Revision ID: 0008
Revises: 0007
"""
from alembic import op
import sqlalchemy as sa

import pitchday.database

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('audience_vote_settings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('screen_code', sa.String(length=12), nullable=False),
    sa.Column('opened_at', pitchday.database.UTCDateTime(), nullable=True),
    sa.Column('closed_at', pitchday.database.UTCDateTime(), nullable=True),
    sa.Column('published_at', pitchday.database.UTCDateTime(), nullable=True),
    sa.Column('created_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_audience_vote_settings_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audience_vote_settings')),
    sa.UniqueConstraint('event_id', name=op.f('uq_audience_vote_settings_event_id')),
    sa.UniqueConstraint('screen_code', name=op.f('uq_audience_vote_settings_screen_code'))
    )
    op.create_table('audience_votes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('registration_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('created_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_audience_votes_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_audience_votes_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['registration_id'], ['registrations.id'], name=op.f('fk_audience_votes_registration_id_registrations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audience_votes')),
    sa.UniqueConstraint('event_id', 'registration_id', name=op.f('uq_audience_votes_event_id_registration_id'))
    )
    with op.batch_alter_table('audience_votes', schema=None) as batch_op:
        batch_op.create_index('ix_audience_votes_event_application', ['event_id', 'application_id'], unique=False)


def downgrade():
    with op.batch_alter_table('audience_votes', schema=None) as batch_op:
        batch_op.drop_index('ix_audience_votes_event_application')
    op.drop_table('audience_votes')
    op.drop_table('audience_vote_settings')
