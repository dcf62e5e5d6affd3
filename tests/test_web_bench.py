"""The web benchmark: its generated workspace (what was asked for, spans that are the text
they name, the same reports for the same seed) and, once the workbench exists, one
measurement end to end over HTTP."""

from __future__ import annotations

import statistics
from collections import Counter

import pytest
from sqlalchemy import select

from bench import web
from crosscheck.store.schema import claims, documents, events, mentions, relations

DOCUMENTS = 30


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    path = tmp_path_factory.mktemp("bench-web")
    engine, done = web.build_workspace(path, DOCUMENTS, seed=3)
    yield path, engine, done
    engine.dispose()


def test_the_workspace_holds_what_was_asked_for(tiny):
    path, engine, done = tiny
    size = web.workspace_size(engine, path)
    assert size["documents"] == DOCUMENTS
    assert size["mentions"] > DOCUMENTS * 10
    assert size["claims"] >= DOCUMENTS and size["relations"] > 0 and size["events"] > 0
    assert 0 < size["entities"] < size["mentions"]
    assert size["sqlite_bytes"] > 0
    assert not done["reused"] and done["resolution"]["entities"] >= size["entities"]


def test_every_span_is_the_text_it_names(tiny):
    _, engine, _ = tiny
    with engine.connect() as conn:
        texts = dict(conn.execute(select(documents.c.id, documents.c.text)).all())
        for doc, start, end, text in conn.execute(
                select(mentions.c.document_id, mentions.c.start, mentions.c.end, mentions.c.text)):
            assert texts[doc][start:end] == text
        c = claims.c
        for row in conn.execute(select(c.document_id, c.cue_start, c.cue_end, c.cue_text, c.source_start,
                                       c.source_end, c.source_text, c.content_start, c.content_end,
                                       c.content_text)):
            doc, *spans = row
            for start, end, text in zip(spans[::3], spans[1::3], spans[2::3], strict=True):
                if start is not None:
                    assert texts[doc][start:end] == text
        r = relations.c
        for doc, start, end, text in conn.execute(
                select(r.document_id, r.evidence_start, r.evidence_end, r.evidence_text)):
            assert texts[doc][start:end] == text
        for doc, places, evidence in conn.execute(
                select(events.c.document_id, events.c.places, events.c.evidence)):
            for span in places + evidence:
                assert texts[doc][span["start"]:span["end"]] == span["text"]


def test_a_workspace_that_holds_the_reports_is_reused(tiny):
    path, _, _ = tiny
    engine, done = web.build_workspace(path, DOCUMENTS, seed=3)
    assert done["reused"] and web.workspace_size(engine, path)["documents"] == DOCUMENTS
    with pytest.raises(SystemExit, match="more than the 10 asked for"):
        web.build_workspace(path, 10, seed=3)
    engine.dispose()


def test_the_same_seed_draws_the_same_reports():
    def draw(seed):
        return [(a.document.id, a.document.text, len(a.mentions), len(a.claims), len(a.events))
                for a in web.generate(12, seed)]

    first = draw(5)
    assert draw(5) == first
    assert draw(6) != first
    assert len({doc for doc, *_ in first}) == 12


def test_a_few_entities_are_named_in_many_reports_and_most_in_few():
    named = Counter(m.entity_key for a in web.generate(300, 1) for m in a.mentions
                    if m.entity_key and m.type == "person")
    counts = sorted(named.values(), reverse=True)
    assert counts[0] > 10 * statistics.median(counts)


@pytest.mark.parametrize("apart", [False, True], ids=["in a thread", "crosscheck serve"])
def test_a_measurement_runs_end_to_end(tiny, apart):
    path, engine, _ = tiny
    routes = web.measure(engine, requests=6, seed=1, warmup=1, workspace=path if apart else None)
    assert set(routes) == {"entity page", "search", "graph neighbourhood"}
    for route in routes.values():
        assert route["requests"] == 6 and route["statuses"] == {"200": 6}, route["errors"]
        assert 0 < route["p50_ms"] <= route["p95_ms"] <= route["max_ms"]
