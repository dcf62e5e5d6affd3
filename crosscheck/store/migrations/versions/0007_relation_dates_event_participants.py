"""Relations gain the dates they began and ended; events their participants.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("relations") as batch:
        batch.add_column(sa.Column("start_date", sa.String(10)))
        batch.add_column(sa.Column("end_date", sa.String(10)))
        batch.add_column(sa.Column("dates", sa.JSON))
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("participants", sa.JSON))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("participants")
    with op.batch_alter_table("relations") as batch:
        batch.drop_column("dates")
        batch.drop_column("end_date")
        batch.drop_column("start_date")
