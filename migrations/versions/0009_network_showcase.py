"""showcase: a startup's team size, and its public page off until the startup opts in (issue 19)

Revision ID: 0009
Revises: 0008
"""
from alembic import op
import sqlalchemy as sa

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('startups') as batch:
        batch.add_column(sa.Column('team_size', sa.Integer(), nullable=True))
        batch.alter_column('is_public', existing_type=sa.Boolean(), server_default=sa.false())


def downgrade():
    with op.batch_alter_table('startups') as batch:
        batch.alter_column('is_public', existing_type=sa.Boolean(), server_default=None)
        batch.drop_column('team_size')
