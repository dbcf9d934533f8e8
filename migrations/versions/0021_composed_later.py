"""composed later: an outbox message may be composed by the worker when it sends it, from the references in
``composer`` (a registration's ticket mail, issue 15)

Revision ID: composed_later
Revises: exports
Create Date: 2026-12-06 11:00:00

"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = 'composed_later'
down_revision = 'exports'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('outbox_messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('composer', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('outbox_messages', schema=None) as batch_op:
        batch_op.drop_column('composer')
