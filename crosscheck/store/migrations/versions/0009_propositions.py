"""Propositions: what each clause says (predicate, arguments, negation, modality, figures,
the predicates it is said under), kept so that the assessment compares without a model.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "propositions",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("document_id", sa.String(40), sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("at_start", sa.Integer, nullable=False),
        sa.Column("at_end", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("predicate", sa.Text, nullable=False),
        sa.Column("negated", sa.Boolean, nullable=False),
        sa.Column("modality", sa.String(16)),
        sa.Column("form", sa.String(16), nullable=False),
        sa.Column("arguments", sa.JSON, nullable=False),
        sa.Column("governors", sa.JSON, nullable=False),
        sa.Column("dates", sa.JSON, nullable=False),
        sa.Column("stage_version", sa.String(32), nullable=False),
    )
    op.create_index("ix_propositions_document", "propositions", ["document_id", "at_start"])
    op.create_index("ix_propositions_predicate", "propositions", ["predicate"])


def downgrade() -> None:
    op.drop_table("propositions")
