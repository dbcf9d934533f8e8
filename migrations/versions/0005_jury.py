"""jury: rubric criteria, jurors, conflicts, scores, awards, audience vote (issue 5)

Revision ID: 0005
Revises: 0004

The audience vote (AudienceVote) is not part of this revision yet: it waits for the check-in area.
"""
from alembic import op
import sqlalchemy as sa

import pitchday.database  # noqa: F401

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('jurors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('invited', 'accepted', 'revoked', name='jurorstatus', native_enum=False, length=20), nullable=False),
    sa.Column('all_pitches', sa.Boolean(), nullable=False),
    sa.Column('invited_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.Column('accepted_at', pitchday.database.UTCDateTime(), nullable=True),
    sa.Column('revoked_at', pitchday.database.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_jurors_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_jurors_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jurors')),
    sa.UniqueConstraint('event_id', 'user_id', name=op.f('uq_jurors_event_id_user_id'))
    )
    with op.batch_alter_table('jurors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_jurors_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_jurors_user_id'), ['user_id'], unique=False)

    op.create_table('jury_criteria',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('description', sa.String(length=500), nullable=False),
    sa.Column('weight', sa.Float(), nullable=False),
    sa.Column('scale_min', sa.Integer(), nullable=False),
    sa.Column('scale_max', sa.Integer(), nullable=False),
    sa.Column('anchor_low', sa.String(length=120), nullable=False),
    sa.Column('anchor_mid', sa.String(length=120), nullable=False),
    sa.Column('anchor_high', sa.String(length=120), nullable=False),
    sa.CheckConstraint('scale_max > scale_min', name=op.f('ck_jury_criteria_jury_scale_ordered')),
    sa.CheckConstraint('weight > 0', name=op.f('ck_jury_criteria_jury_weight_positive')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_jury_criteria_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jury_criteria'))
    )
    with op.batch_alter_table('jury_criteria', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_jury_criteria_event_id'), ['event_id'], unique=False)

    op.create_table('jury_publications',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('published_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.Column('published_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_jury_publications_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['published_by_id'], ['users.id'], name=op.f('fk_jury_publications_published_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('event_id', name=op.f('pk_jury_publications'))
    )
    op.create_table('juror_assignments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('juror_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_juror_assignments_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['juror_id'], ['jurors.id'], name=op.f('fk_juror_assignments_juror_id_jurors'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_juror_assignments')),
    sa.UniqueConstraint('juror_id', 'application_id', name=op.f('uq_juror_assignments_juror_id_application_id'))
    )
    with op.batch_alter_table('juror_assignments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_juror_assignments_juror_id'), ['juror_id'], unique=False)

    op.create_table('jury_awards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_jury_awards_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_jury_awards_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jury_awards'))
    )
    with op.batch_alter_table('jury_awards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_jury_awards_event_id'), ['event_id'], unique=False)

    op.create_table('jury_conflicts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('juror_id', sa.Integer(), nullable=False),
    sa.Column('startup_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Enum('invested', 'advises', 'works_there', 'competitor', 'other', name='conflictreason', native_enum=False, length=20), nullable=False),
    sa.Column('declared_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['declared_by_id'], ['users.id'], name=op.f('fk_jury_conflicts_declared_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['juror_id'], ['jurors.id'], name=op.f('fk_jury_conflicts_juror_id_jurors'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['startup_id'], ['startups.id'], name=op.f('fk_jury_conflicts_startup_id_startups'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jury_conflicts')),
    sa.UniqueConstraint('juror_id', 'startup_id', name=op.f('uq_jury_conflicts_juror_id_startup_id'))
    )
    with op.batch_alter_table('jury_conflicts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_jury_conflicts_juror_id'), ['juror_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_jury_conflicts_startup_id'), ['startup_id'], unique=False)

    op.create_table('jury_scores',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('juror_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('criterion_id', sa.Integer(), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.Column('updated_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_jury_scores_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['criterion_id'], ['jury_criteria.id'], name=op.f('fk_jury_scores_criterion_id_jury_criteria'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_jury_scores_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['juror_id'], ['jurors.id'], name=op.f('fk_jury_scores_juror_id_jurors'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jury_scores')),
    sa.UniqueConstraint('juror_id', 'application_id', 'criterion_id', name='uq_jury_scores_cell')
    )
    with op.batch_alter_table('jury_scores', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_jury_scores_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_jury_scores_criterion_id'), ['criterion_id'], unique=False)
        batch_op.create_index('ix_jury_scores_event', ['event_id', 'juror_id', 'application_id', 'criterion_id', 'value'], unique=False)

    op.create_table('jury_sheets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('juror_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('submitted_at', pitchday.database.UTCDateTime(), nullable=True),
    sa.Column('reopened_at', pitchday.database.UTCDateTime(), nullable=True),
    sa.Column('reopened_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_jury_sheets_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_jury_sheets_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['juror_id'], ['jurors.id'], name=op.f('fk_jury_sheets_juror_id_jurors'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reopened_by_id'], ['users.id'], name=op.f('fk_jury_sheets_reopened_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jury_sheets')),
    sa.UniqueConstraint('juror_id', 'application_id', name='uq_jury_sheets_pitch')
    )
    with op.batch_alter_table('jury_sheets', schema=None) as batch_op:
        batch_op.create_index('ix_jury_sheets_event', ['event_id'], unique=False)



def downgrade():
    with op.batch_alter_table('jury_sheets', schema=None) as batch_op:
        batch_op.drop_index('ix_jury_sheets_event')

    op.drop_table('jury_sheets')
    with op.batch_alter_table('jury_scores', schema=None) as batch_op:
        batch_op.drop_index('ix_jury_scores_event')
        batch_op.drop_index(batch_op.f('ix_jury_scores_criterion_id'))
        batch_op.drop_index(batch_op.f('ix_jury_scores_application_id'))

    op.drop_table('jury_scores')
    with op.batch_alter_table('jury_conflicts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_jury_conflicts_startup_id'))
        batch_op.drop_index(batch_op.f('ix_jury_conflicts_juror_id'))

    op.drop_table('jury_conflicts')
    with op.batch_alter_table('jury_awards', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_jury_awards_event_id'))

    op.drop_table('jury_awards')
    with op.batch_alter_table('juror_assignments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_juror_assignments_juror_id'))

    op.drop_table('juror_assignments')
    op.drop_table('jury_publications')
    with op.batch_alter_table('jury_criteria', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_jury_criteria_event_id'))

    op.drop_table('jury_criteria')
    with op.batch_alter_table('jurors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_jurors_user_id'))
        batch_op.drop_index(batch_op.f('ix_jurors_event_id'))

    op.drop_table('jurors')
