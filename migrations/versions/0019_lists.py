"""lists: registrations indexed by event, status and arrival, so the attendee list reads a page as an index range
(issue 17)

Revision ID: lists
Revises: outbox
Create Date: 2026-12-06 08:00:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'lists'
down_revision = 'outbox'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.create_index('ix_registrations_event_status_queue', ['event_id', 'status', 'queue_number'],
                              unique=False)
        batch_op.drop_index('ix_registrations_event_status')


def downgrade():
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.create_index('ix_registrations_event_status', ['event_id', 'status'], unique=False)
        batch_op.drop_index('ix_registrations_event_status_queue')
