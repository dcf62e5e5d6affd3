import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from crosscheck.errors import WorkspaceError
from crosscheck.store import db
from crosscheck.store.schema import metadata


def test_migrations_build_exactly_the_declared_schema(engine):
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    # The FTS5 indexes and their shadow tables are made by the migrations on purpose.
    diff = [d for d in diff if not (d[0] == "remove_table" and d[1].name.startswith(("documents_fts",
                                                                                      "claims_fts")))]
    assert diff == []


def test_workspace_uses_wal_and_full_text_search(tmp_path):
    engine = db.open_workspace(tmp_path / "ws", create_missing=True)
    assert {"documents", "mentions", "entities", "sentences", "documents_fts"} <= set(
        inspect(engine).get_table_names()
    )
    conn = sqlite3.connect(tmp_path / "ws" / db.DB_NAME)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_missing_workspace_is_an_error_that_says_how_to_create_one(tmp_path):
    with pytest.raises(WorkspaceError, match="crosscheck --workspace .* ingest"):
        db.open_workspace(tmp_path / "nowhere")
    assert not (tmp_path / "nowhere").exists()


def test_workspace_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CROSSCHECK_WORKSPACE", str(tmp_path))
    assert db.workspace_path(None) == tmp_path
    monkeypatch.delenv("CROSSCHECK_WORKSPACE")
    with pytest.raises(WorkspaceError, match="--workspace"):
        db.workspace_path(None)


def test_reopening_a_workspace_migrates_nothing_and_keeps_data(tmp_path):
    engine = db.open_workspace(tmp_path / "ws", create_missing=True)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO entities (id, type, key, name) VALUES ('e', 'person', 'k', 'n')")
    engine.dispose()
    again = db.open_workspace(tmp_path / "ws")
    with again.connect() as conn:
        assert conn.exec_driver_sql("SELECT name FROM entities").scalar() == "n"
