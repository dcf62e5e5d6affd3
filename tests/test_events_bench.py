"""The event benchmark's loader against WikiEvents' own trigger texts (skipped without the data)."""

from __future__ import annotations

import json

import pytest

from bench import corpora, events


def test_gold_triggers_and_places_are_where_the_release_says():
    try:
        docs = events.gold_events()
        raw = {d["doc_id"]: d for d in corpora.wikievents_documents()}
    except corpora.DataAbsent as e:
        pytest.skip(f"development data absent: {e}")
    assert len(docs) == 20
    for d in docs:
        released = raw[d["id"]]["event_mentions"]
        assert len(d["events"]) == len(released)
        for ours, theirs in zip(d["events"], released, strict=True):
            assert d["text"][slice(*ours["trigger"])] == theirs["trigger"]["text"], json.dumps(theirs)[:200]
            assert all(0 <= a < b <= len(d["text"]) for a, b in ours["places"])
    assert sum(1 for d in docs for e in d["events"] if e["type"] == "attack") > 0
