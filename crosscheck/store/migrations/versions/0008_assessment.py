"""Assessment: corroboration and contradiction pairs (recomputed), the analyst's grades of
sources and claims, and competing hypotheses with their ratings.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assessment_pairs",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("a", sa.String(40), nullable=False),
        sa.Column("b", sa.String(40), nullable=False),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.Column("independence", sa.String(16), nullable=False),
        sa.Column("strength", sa.Float, nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("version", sa.String(16), nullable=False),
    )
    op.create_index("ix_assessment_pairs_a", "assessment_pairs", ["a"])
    op.create_index("ix_assessment_pairs_b", "assessment_pairs", ["b"])
    op.create_table(
        "source_grades",
        sa.Column("source", sa.Text, primary_key=True),
        sa.Column("reliability", sa.String(1), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("graded_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "credibility_overrides",
        sa.Column("statement", sa.String(40), primary_key=True),
        sa.Column("credibility", sa.Integer, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("graded_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "hypotheses",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "ach_ratings",
        sa.Column("hypothesis", sa.String(40), sa.ForeignKey("hypotheses.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("statement", sa.String(40), primary_key=True),
        sa.Column("rating", sa.String(2), nullable=False),
        sa.Column("confirmed", sa.Boolean, nullable=False),
        sa.Column("why", sa.Text),
        sa.Column("rated_at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    for table in ("ach_ratings", "hypotheses", "credibility_overrides", "source_grades", "assessment_pairs"):
        op.drop_table(table)
