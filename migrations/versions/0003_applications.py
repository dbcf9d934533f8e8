"""applications: startups, members, calls for pitches, questions, applications, decisions, pitch slots (issue 4)

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

import pitchday.database

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('startups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('one_liner', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('sector_slugs', sa.String(length=500), nullable=False),
    sa.Column('stage', sa.Enum('idea', 'pre_seed', 'seed', 'series_a_plus', name='stage', native_enum=False, length=20), nullable=False),
    sa.Column('founded_year', sa.Integer(), nullable=True),
    sa.Column('city', sa.String(length=120), nullable=False),
    sa.Column('website', sa.String(length=300), nullable=False),
    sa.Column('contact_name', sa.String(length=120), nullable=False),
    sa.Column('contact_email', sa.String(length=254), nullable=False),
    sa.Column('is_public', sa.Boolean(), nullable=False),
    sa.Column('public_description', sa.Boolean(), nullable=False),
    sa.Column('public_contact', sa.Boolean(), nullable=False),
    sa.Column('created_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_startups')),
    sa.UniqueConstraint('slug', name=op.f('uq_startups_slug'))
    )

    op.create_table('startup_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('startup_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('founder', 'member', name='memberrole', native_enum=False, length=20), nullable=False),
    sa.Column('created_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['startup_id'], ['startups.id'], name=op.f('fk_startup_members_startup_id_startups'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_startup_members_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_startup_members')),
    sa.UniqueConstraint('startup_id', 'user_id', name=op.f('uq_startup_members_startup_id_user_id'))
    )
    with op.batch_alter_table('startup_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_startup_members_startup_id'), ['startup_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_startup_members_user_id'), ['user_id'], unique=False)

    op.create_table('applications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('startup_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'submitted', 'shortlisted', 'accepted', 'waitlisted', 'rejected', 'withdrawn', name='applicationstatus', native_enum=False, length=20), nullable=False),
    sa.Column('deck_filename', sa.String(length=80), nullable=True),
    sa.Column('deck_original_name', sa.String(length=200), nullable=True),
    sa.Column('deck_size', sa.Integer(), nullable=True),
    sa.Column('submitted_at', pitchday.database.UTCDateTime(), nullable=True),
    sa.Column('created_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.Column('updated_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_applications_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['startup_id'], ['startups.id'], name=op.f('fk_applications_startup_id_startups'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_applications')),
    sa.UniqueConstraint('event_id', 'startup_id', name=op.f('uq_applications_event_id_startup_id'))
    )
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_applications_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_applications_startup_id'), ['startup_id'], unique=False)

    op.create_table('pitch_slots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_pitch_slots_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_pitch_slots_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pitch_slots')),
    sa.UniqueConstraint('application_id', name=op.f('uq_pitch_slots_application_id')),
    sa.UniqueConstraint('event_id', 'position', name=op.f('uq_pitch_slots_event_id_position'))
    )
    with op.batch_alter_table('pitch_slots', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pitch_slots_event_id'), ['event_id'], unique=False)

    op.create_table('startup_invitations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('startup_id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('invited_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.Column('accepted_at', pitchday.database.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['invited_by_id'], ['users.id'], name=op.f('fk_startup_invitations_invited_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['startup_id'], ['startups.id'], name=op.f('fk_startup_invitations_startup_id_startups'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_startup_invitations')),
    sa.UniqueConstraint('token', name=op.f('uq_startup_invitations_token'))
    )
    with op.batch_alter_table('startup_invitations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_startup_invitations_startup_id'), ['startup_id'], unique=False)

    op.create_table('calls_for_pitches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('deck_required', sa.Boolean(), nullable=False),
    sa.Column('rejection_text_de', sa.Text(), nullable=False),
    sa.Column('rejection_text_en', sa.Text(), nullable=False),
    sa.Column('lineup_published_at', pitchday.database.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_calls_for_pitches_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calls_for_pitches')),
    sa.UniqueConstraint('event_id', name=op.f('uq_calls_for_pitches_event_id'))
    )
    op.create_table('application_decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('from_status', sa.String(length=20), nullable=False),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('created_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_application_decisions_actor_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_application_decisions_application_id_applications'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application_decisions'))
    )
    with op.batch_alter_table('application_decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_decisions_application_id'), ['application_id'], unique=False)

    op.create_table('application_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', pitchday.database.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_application_notes_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_application_notes_author_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application_notes'))
    )
    with op.batch_alter_table('application_notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_notes_application_id'), ['application_id'], unique=False)

    op.create_table('cfp_questions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('call_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('short_text', 'long_text', 'single_choice', 'multiple_choice', 'yes_no', name='questionkind', native_enum=False, length=20), nullable=False),
    sa.Column('label', sa.String(length=300), nullable=False),
    sa.Column('options', sa.Text(), nullable=False),
    sa.Column('required', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['call_id'], ['calls_for_pitches.id'], name=op.f('fk_cfp_questions_call_id_calls_for_pitches'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cfp_questions'))
    )
    with op.batch_alter_table('cfp_questions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cfp_questions_call_id'), ['call_id'], unique=False)

    op.create_table('application_answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_application_answers_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_id'], ['cfp_questions.id'], name=op.f('fk_application_answers_question_id_cfp_questions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application_answers')),
    sa.UniqueConstraint('application_id', 'question_id', name=op.f('uq_application_answers_application_id_question_id'))
    )
    with op.batch_alter_table('application_answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_answers_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_application_answers_question_id'), ['question_id'], unique=False)


def downgrade():
    with op.batch_alter_table('application_answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_application_answers_question_id'))
        batch_op.drop_index(batch_op.f('ix_application_answers_application_id'))

    op.drop_table('application_answers')
    with op.batch_alter_table('cfp_questions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cfp_questions_call_id'))

    op.drop_table('cfp_questions')
    with op.batch_alter_table('application_notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_application_notes_application_id'))

    op.drop_table('application_notes')
    with op.batch_alter_table('application_decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_application_decisions_application_id'))

    op.drop_table('application_decisions')
    op.drop_table('calls_for_pitches')
    with op.batch_alter_table('startup_invitations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_startup_invitations_startup_id'))

    op.drop_table('startup_invitations')

    with op.batch_alter_table('pitch_slots', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pitch_slots_event_id'))

    op.drop_table('pitch_slots')

    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_applications_startup_id'))
        batch_op.drop_index(batch_op.f('ix_applications_event_id'))

    op.drop_table('applications')

    with op.batch_alter_table('startup_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_startup_members_user_id'))
        batch_op.drop_index(batch_op.f('ix_startup_members_startup_id'))

    op.drop_table('startup_members')

    op.drop_table('startups')
