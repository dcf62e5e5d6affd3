"""The store on a real PostgreSQL server gives exactly what the SQLite workspace gives.

Needs CROSSCHECK_TEST_POSTGRES (a SQLAlchemy URL of a server where we may create
databases); `.ci/postgres.sh` starts a throwaway one from Debian's packages.
"""

import io
import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from crosscheck.demo import sample_files
from crosscheck.export import jsonl
from crosscheck.ingest.batch import ingest
from crosscheck.store import db, queries
from crosscheck.store.search import search

pytestmark = pytest.mark.postgres

URL = os.environ.get("CROSSCHECK_TEST_POSTGRES")


@pytest.fixture(scope="module")
def pg_url():
    if not URL:
        pytest.skip("CROSSCHECK_TEST_POSTGRES is not set; `source .ci/postgres.sh` starts a server")
    name = f"crosscheck_test_{uuid.uuid4().hex[:8]}"
    admin = create_engine(URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


def _export(engine) -> str:
    buf = io.StringIO()
    jsonl.write(engine, buf)
    return buf.getvalue()


def test_postgres_store_matches_the_sqlite_workspace(pg_url, tiny_extractor, sample_workspace):
    pg = db.create(pg_url)
    report = ingest(pg, sample_files(), tiny_extractor)
    assert len(report.added) == 11 and report.ok
    assert _export(pg) == _export(sample_workspace[1])
    assert queries.list_entities(pg, limit=5) == queries.list_entities(sample_workspace[1], limit=5)

    again = ingest(pg, sample_files(), tiny_extractor)
    assert again.added == [] and len(again.unchanged) == 11
    assert queries.counts(pg) == queries.counts(sample_workspace[1])
    pg.dispose()


def test_postgres_search_and_entity_lookup(pg_url, tiny_extractor):
    pg = db.create(pg_url)
    ingest(pg, sample_files(), tiny_extractor)  # no-op if the first test ran
    hits = search(pg, "intelligence officers")
    assert hits and all(h.document.startswith("doc-") for h in hits)
    entity_id = queries.find_entity(pg, "abu zainab al-fayhawi")
    detail = queries.entity_detail(pg, entity_id)
    assert detail.mentions and all(m.text in m.sentence for m in detail.mentions)
    pg.dispose()
