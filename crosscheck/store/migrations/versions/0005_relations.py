"""Relations: typed edges between entities (a post held, leads, member of, founded), with
the role as written and the words that say so.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "relations",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("document_id", sa.String(40), sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("subject_entity_id", sa.String(40), sa.ForeignKey("entities.id")),
        sa.Column("subject_start", sa.Integer, nullable=False),
        sa.Column("subject_end", sa.Integer, nullable=False),
        sa.Column("object_entity_id", sa.String(40), sa.ForeignKey("entities.id")),
        sa.Column("object_start", sa.Integer),
        sa.Column("object_end", sa.Integer),
        sa.Column("role", sa.Text),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("evidence_text", sa.Text, nullable=False),
        sa.Column("stage_version", sa.String(32), nullable=False),
    )
    op.create_index("ix_relations_subject", "relations", ["subject_entity_id"])
    op.create_index("ix_relations_object", "relations", ["object_entity_id"])


def downgrade() -> None:
    op.drop_table("relations")
