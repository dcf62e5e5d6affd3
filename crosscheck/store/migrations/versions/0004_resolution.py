"""Resolution across documents: the analyst's judgements, and the merges and pairs last computed.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "judgements",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("entity_a", sa.String(40), nullable=False),
        sa.Column("entity_b", sa.String(40), nullable=False),
        sa.Column("key_a", sa.Text, nullable=False),
        sa.Column("key_b", sa.Text, nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("undone_at", sa.String(32)),
    )
    op.create_table(
        "merges",
        sa.Column("entity_id", sa.String(40), primary_key=True),
        sa.Column("canonical_id", sa.String(40), nullable=False),
    )
    op.create_index("ix_merges_canonical", "merges", ["canonical_id"])
    op.create_table(
        "resolution_pairs",
        sa.Column("entity_a", sa.String(40), primary_key=True),
        sa.Column("entity_b", sa.String(40), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.Column("why", sa.JSON, nullable=False),
    )
    op.create_index("ix_resolution_pairs_status", "resolution_pairs", ["status"])


def downgrade() -> None:
    op.drop_table("resolution_pairs")
    op.drop_table("merges")
    op.drop_table("judgements")
