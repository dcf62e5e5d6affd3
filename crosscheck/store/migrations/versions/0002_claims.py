"""Claims: source, cue, content, stance and the chain of outer claims.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claims",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("document_id", sa.String(40), sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("cue_start", sa.Integer, nullable=False),
        sa.Column("cue_end", sa.Integer, nullable=False),
        sa.Column("cue_text", sa.Text, nullable=False),
        sa.Column("source_start", sa.Integer),
        sa.Column("source_end", sa.Integer),
        sa.Column("source_text", sa.Text),
        sa.Column("source_entity_id", sa.String(40), sa.ForeignKey("entities.id")),
        sa.Column("content_start", sa.Integer),
        sa.Column("content_end", sa.Integer),
        sa.Column("content_text", sa.Text),
        sa.Column("stance", sa.String(16), nullable=False),
        sa.Column("anonymous", sa.Boolean, nullable=False),
        sa.Column("attrs", sa.JSON, nullable=False),
        sa.Column("via", sa.JSON, nullable=False),
        sa.Column("stage_version", sa.String(32), nullable=False),
    )
    op.create_index("ix_claims_document", "claims", ["document_id", "cue_start"])
    op.create_index("ix_claims_source_entity", "claims", ["source_entity_id"])


def downgrade() -> None:
    op.drop_table("claims")
