"""Each side of a corroboration or contradiction kept with the pair (its report, span,
source, stance, and whether the other side is a denial by the one it is about), so that a
page can show both sides, and grade them, without recomputing the statements.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

SIDES = [(f"{side}_{name}", kind) for side in ("a", "b")
         for name, kind in (("document", sa.String(40)), ("start", sa.Integer), ("end", sa.Integer),
                            ("source", sa.Text), ("source_key", sa.Text), ("stance", sa.String(16)),
                            ("denied", sa.Boolean))]


def upgrade() -> None:
    with op.batch_alter_table("assessment_pairs") as batch:
        for name, kind in SIDES:
            batch.add_column(sa.Column(name, kind))


def downgrade() -> None:
    with op.batch_alter_table("assessment_pairs") as batch:
        for name, _ in SIDES:
            batch.drop_column(name)
