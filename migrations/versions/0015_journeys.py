"""journeys: a folded search key on registrations for the door's search (issue 16, point 6); the start an event
had when it was postponed (point 10)

Revision ID: journeys
Revises: audit
Create Date: 2026-12-06 04:20:00

"""
from alembic import op
import sqlalchemy as sa

import pitchday.database
from pitchday.text_fold import search_key


# revision identifiers, used by Alembic.
revision = 'journeys'
down_revision = 'audit'
branch_labels = None
depends_on = None

registrations = sa.table('registrations', sa.column('id', sa.Integer), sa.column('name', sa.String),
                         sa.column('organisation', sa.String), sa.column('email', sa.String),
                         sa.column('search_key', sa.String))


def upgrade():
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('postponed_from', pitchday.database.UTCDateTime(), nullable=True))
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('search_key', sa.String(length=1200), server_default=' ', nullable=False))
    # Existing rows get their key the same way the app computes it on write (in Python, not SQL: the folding
    # of umlauts and accents is not the same in SQLite's and PostgreSQL's string functions).
    bind = op.get_bind()
    rows = bind.execute(sa.select(registrations.c.id, registrations.c.name, registrations.c.organisation,
                                  registrations.c.email)).all()
    for row in rows:
        bind.execute(registrations.update().where(registrations.c.id == row.id)
                     .values(search_key=search_key(row.name or '', row.organisation or '', row.email or '')))
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.create_index('ix_registrations_event_search', ['event_id', 'search_key'], unique=False)


def downgrade():
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.drop_index('ix_registrations_event_search')
        batch_op.drop_column('search_key')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('postponed_from')
