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


def test_the_workbench_on_postgres_shows_what_it_shows_on_sqlite(pg_url, tiny_extractor, sample_workspace):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from crosscheck.serve.app import create_app

    pg = db.create(pg_url)
    ingest(pg, sample_files(), tiny_extractor)  # no-op if an earlier test ran
    on_pg = TestClient(create_app(pg, extractor=tiny_extractor), raise_server_exceptions=False)
    on_sqlite = TestClient(create_app(sample_workspace[1], extractor=tiny_extractor))
    entity = queries.find_entity(pg, "Jalil Sabah al-Darraji")
    doc = next(queries.iter_documents(pg))["id"]
    for path in ("/index.json", "/entities.json", f"/entities/{entity}.json", f"/documents/{doc}.json",
                 "/claims.json", f"/graph.json?entity={entity}", "/timeline.json", "/review.json"):
        r = on_pg.get(path)
        assert r.status_code == 200, (path, r.text)
        assert r.json() == on_sqlite.get(path).json(), path
    # Full-text search is FTS5 on SQLite and a scan on PostgreSQL: the same claims, maybe
    # not in the same order.
    words = on_pg.get("/search.json?q=brigade").json()
    assert words["documents"]
    same = on_sqlite.get("/search.json?q=brigade").json()
    assert {c["id"] for c in words["claims"]} == {c["id"] for c in same["claims"]}
    for page in ("/", f"/entities/{entity}", f"/documents/{doc}", "/graph", "/claims"):
        assert on_pg.get(page).status_code == 200, page
    pg.dispose()
