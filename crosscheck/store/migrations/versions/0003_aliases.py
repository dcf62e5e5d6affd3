"""Aliases the text gives: another name of a mention's entity, its kind and the phrase.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "aliases",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("document_id", sa.String(40), sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("entity_id", sa.String(40), sa.ForeignKey("entities.id")),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name_start", sa.Integer, nullable=False),
        sa.Column("name_end", sa.Integer, nullable=False),
        sa.Column("alias_start", sa.Integer, nullable=False),
        sa.Column("alias_end", sa.Integer, nullable=False),
        sa.Column("alias_text", sa.Text, nullable=False),
        sa.Column("cue_start", sa.Integer),
        sa.Column("cue_end", sa.Integer),
        sa.Column("stage_version", sa.String(32), nullable=False),
    )
    op.create_index("ix_aliases_entity", "aliases", ["entity_id"])
    op.create_index("ix_aliases_document", "aliases", ["document_id", "alias_start"])


def downgrade() -> None:
    op.drop_table("aliases")
