"""Opening a store: a SQLAlchemy engine, migrated to the current schema.

A workspace is a directory holding ``crosscheck.sqlite`` (WAL mode: one writer,
readers that never block it). Any SQLAlchemy URL works for a shared server.
"""

from __future__ import annotations

import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import ArgumentError, OperationalError

from crosscheck.errors import WorkspaceError, message

DB_NAME = "crosscheck.sqlite"
MIGRATIONS = Path(__file__).parent / "migrations"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    # WAL with synchronous=NORMAL is durable across application crashes; an OS
    # crash may lose the last commits, which a re-run of the ingest restores.
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def create(url: str) -> Engine:
    """An engine for ``url``, migrated to the latest schema."""
    try:
        engine = create_engine(url)
    except ArgumentError as e:
        raise WorkspaceError(f"'{url}' is not a database URL: {e}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        migrate(engine)
    except OperationalError as e:
        first = str(e.orig).strip().splitlines()[0] if e.orig else str(e)
        raise WorkspaceError(f"cannot open the database at {engine.url!r}: {first}") from None
    return engine


def migrate(engine: Engine, revision: str = "head") -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def workspace_path(given: str | os.PathLike | None) -> Path:
    """The workspace directory from ``--workspace`` or ``CROSSCHECK_WORKSPACE``."""
    value = given or os.environ.get("CROSSCHECK_WORKSPACE")
    if not value:
        raise WorkspaceError(message("no_workspace_given"))
    return Path(value).expanduser()


def open_workspace(path: Path, create_missing: bool = False) -> Engine:
    """The engine of the workspace at ``path``; create it only when asked to."""
    db = path / DB_NAME
    if not db.exists():
        if not create_missing:
            raise WorkspaceError(message("no_workspace", path=path))
        if path.exists() and not path.is_dir():
            raise WorkspaceError(f"{path} exists and is not a directory; choose another --workspace")
        path.mkdir(parents=True, exist_ok=True)
    return create(f"sqlite:///{db}")
