"""What a workbench page needs fast on a large workspace: mentions indexed by entity and
document together, documents by date and by outlet; each entity's names, titles and counts
summarised when resolution runs (``entity_summaries``); and a full-text index over claims
(SQLite; elsewhere, a scan).

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

CLAIM_FIELDS = "source_text, cue_text, content_text"


def upgrade() -> None:
    op.drop_index("ix_mentions_entity", "mentions")
    op.create_index("ix_mentions_entity_document", "mentions", ["entity_id", "document_id"])
    # Values (dates, counts, amounts: no entity) counted by type without reading every row.
    op.drop_index("ix_mentions_type", "mentions")
    op.create_index("ix_mentions_values", "mentions", ["entity_id", "type"])
    # Documents by date (the latest first, everywhere) and by outlet (the sources).
    op.create_index("ix_documents_date", "documents", ["date", "id"])
    op.create_index("ix_documents_outlet", "documents", ["outlet"])
    op.create_table(
        "entity_summaries",
        sa.Column("entity_id", sa.String(40), primary_key=True),  # a cluster's head (after resolution)
        sa.Column("mentions", sa.Integer, nullable=False),
        sa.Column("documents", sa.Integer, nullable=False),
        sa.Column("names", sa.JSON, nullable=False),  # [{text, mentions, document, start}], most used first
        sa.Column("titles", sa.JSON, nullable=False),  # [{title, mentions}]
        sa.Column("claims_by", sa.Integer, nullable=False),  # claims it made
        sa.Column("claims_about", sa.Integer, nullable=False),  # claims whose content names it
        sa.Column("relations", sa.Integer, nullable=False),  # relations it is an end of
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE claims_fts USING fts5("
            f"{CLAIM_FIELDS}, content='claims', content_rowid='rowid', "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        new = ", ".join(f"new.{f}" for f in CLAIM_FIELDS.split(", "))
        old = ", ".join(f"old.{f}" for f in CLAIM_FIELDS.split(", "))
        op.execute(f"CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN "
                   f"INSERT INTO claims_fts(rowid, {CLAIM_FIELDS}) VALUES (new.rowid, {new}); END")
        forget = (f"INSERT INTO claims_fts(claims_fts, rowid, {CLAIM_FIELDS}) "
                  f"VALUES ('delete', old.rowid, {old});")
        op.execute(f"CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN {forget} END")
        op.execute(f"CREATE TRIGGER claims_fts_update AFTER UPDATE ON claims BEGIN {forget} "
                   f"INSERT INTO claims_fts(rowid, {CLAIM_FIELDS}) VALUES (new.rowid, {new}); END")
        op.execute("INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS claims_fts_{trigger}")
        op.execute("DROP TABLE IF EXISTS claims_fts")
    op.drop_table("entity_summaries")
    op.drop_index("ix_documents_outlet", "documents")
    op.drop_index("ix_documents_date", "documents")
    op.drop_index("ix_mentions_entity_document", "mentions")
    op.drop_index("ix_mentions_values", "mentions")
    op.create_index("ix_mentions_type", "mentions", ["type"])
    op.create_index("ix_mentions_entity", "mentions", ["entity_id"])
