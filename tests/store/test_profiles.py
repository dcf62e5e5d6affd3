"""Entity profiles: the summaries resolution keeps, and the bounded reads that use them, agree
with the plain answers."""

from __future__ import annotations

import pytest
from sqlalchemy import delete

from crosscheck.store import profiles, queries
from crosscheck.store.schema import entity_summaries


def test_resolution_keeps_a_summary_per_entity_that_matches_its_mentions(sample_workspace):
    _, engine = sample_workspace
    with engine.connect() as conn:
        stored = {r.entity_id: r for r in conn.execute(entity_summaries.select())}
    # Counted afresh from every entity's mentions, after resolution:
    counted = {e["id"]: (e, ms) for e, ms in queries.iter_entities(engine)}
    assert set(stored) == set(counted)
    for eid, (e, ms) in counted.items():
        assert (stored[eid].mentions, stored[eid].documents) == (len(ms), len({m["document"] for m in ms}))
        names = {n["text"]: n["mentions"] for n in stored[eid].names}
        others = {t: n for t, n in names.items() if t != e["name"]}
        assert dict(queries.aliases(engine, eid, e["name"])) == others
    assert [e.id for e in queries.list_entities(engine, limit=None)] == sorted(
        counted, key=lambda i: (-stored[i].mentions, -stored[i].documents, counted[i][0]["name"]))


def test_a_profile_without_a_stored_summary_is_the_same(sample_workspace, tmp_path):
    _, engine = sample_workspace
    darraji = queries.find_entity(engine, "Jalil Sabah al-Darraji")
    before = profiles.profile(engine, darraji)
    with engine.begin() as conn:
        saved = [dict(r._mapping) for r in conn.execute(entity_summaries.select())]
        conn.execute(delete(entity_summaries))
    try:
        assert profiles.profile(engine, darraji) == before
    finally:
        with engine.begin() as conn:
            conn.execute(entity_summaries.insert(), saved)


@pytest.mark.parametrize("walk", [False, True])
def test_latest_documents_are_the_same_whichever_way_they_are_found(sample_workspace, walk):
    _, engine = sample_workspace
    for e in queries.list_entities(engine, limit=10):
        with engine.connect() as conn:
            ids = queries.members(conn, e.id)
            plain = profiles.latest_documents(conn, ids, 100)
            found = profiles.latest_documents(conn, ids, 3, offset=1, named_in=10**6 if walk else 0)
        assert found == plain[1:4]
        assert sum(d["mentions"] for d in plain) == e.mentions


@pytest.mark.model
def test_claims_about_walked_in_batches_are_the_latest_ones(model_workspace):
    _, engine = model_workspace
    checked = 0
    for e in queries.list_entities(engine, limit=20):
        every = {c["id"] for c in queries.list_claims(engine, about=e.id)}
        with engine.connect() as conn:
            ids = queries.members(conn, e.id)
            walked = profiles.claims_about(conn, ids, 1000, batch=2)
            few = profiles.claims_about(conn, ids, 3, batch=2, named_in=10**6)
            gathered = profiles.claims_about(conn, ids, 3, known=1)
            counts = profiles.counts_of(conn, e.id)
            by = {c["id"] for c in queries.list_claims(engine, by=e.id)}
            walked_by = profiles.claims_by(conn, ids, 1000, known=10**6, named_in=10**6)
        assert {c["id"] for c in walked} == every and counts["claims_about"] == len(every)
        assert [c["id"] for c in few] == [c["id"] for c in gathered] == [c["id"] for c in walked[:3]]
        assert {c["id"] for c in walked_by} == by and counts["claims_by"] == len(by)
        checked += bool(every)
    assert checked


@pytest.mark.model
def test_relations_walked_are_the_latest_ones(model_workspace):
    _, engine = model_workspace
    checked = 0
    for e in queries.list_entities(engine, limit=20):
        every = [r["id"] for r in queries.entity_relations(engine, e.id)]
        with engine.connect() as conn:
            ids = queries.members(conn, e.id)
            q = entity_summaries.select().where(entity_summaries.c.entity_id == e.id)
            counts = conn.execute(q).first()
            gathered = profiles._relations(conn, ids, 1000, known=counts.relations)
            walked = profiles._relations(conn, ids, 1000, known=10**6, named_in=10**6)
            few = profiles._relations(conn, ids, 2, known=10**6, named_in=10**6)
        assert counts.relations == len(every)
        assert sorted(r["id"] for r in gathered) == sorted(every)
        assert [r["id"] for r in walked] == [r["id"] for r in gathered]
        assert [r["id"] for r in few] == [r["id"] for r in gathered[:2]]
        checked += bool(every)
    assert checked
