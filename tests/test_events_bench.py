"""The event benchmark: its loader against WikiEvents' own trigger and argument texts (skipped
without the data), and its argument scoring on a hand-made gold and prediction."""

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
            # Each mapped argument is where the release says, in the row of its role.
            mapped = [a for a in theirs["arguments"]
                      if (".".join(theirs["event_type"].split(".")[:2]), a["role"]) in events.ROLES]
            assert [d["text"][slice(*s)] for _, s in ours["arguments"]] == [a["text"] for a in mapped]
            assert {r for r, _ in ours["arguments"]} <= set(events.ROWS)
    assert sum(1 for d in docs for e in d["events"] if e["type"] == "attack") > 0
    assert sum(1 for d in docs for e in d["events"] for r, _ in e["arguments"] if r == "perpetrator") > 0


def test_arguments_count_only_under_a_matched_trigger_one_to_one():
    gold = [
        {"type": "attack", "arguments": [("perpetrator", (0, 2)), ("place", (20, 25))]},
        {"type": "die", "arguments": [("victim", (30, 40)), ("victim", (42, 50))]},
    ]
    predicted = [
        (0, [("perpetrator", (0, 2)), ("place", (21, 24)), ("target", (10, 15))]),  # 2 right, 1 wrong
        (1, [("victim", (30, 35)), ("victim", (31, 33)), ("perpetrator", (0, 2))]),  # one gold victim once
        (None, [("victim", (42, 50))]),  # its trigger matched no gold trigger
    ]
    gold_n, pred_n, hit_n = events.score_arguments(gold, predicted)
    assert gold_n == {"perpetrator": 1, "place": 1, "victim": 2}
    assert pred_n == {"perpetrator": 2, "place": 1, "target": 1, "victim": 3}
    assert hit_n == {"perpetrator": 1, "place": 1, "victim": 1}


def test_arrest_roles_are_scored_in_rows_of_their_own():
    assert events.our_row("arrest", "victim") == "detainee"
    assert events.our_row("arrest", "perpetrator") == "jailer"
    assert events.our_row("die", "victim") == "victim"
    assert events.our_row("arrest", "place") == "place"
    assert events.ROLES["Justice.ArrestJailDetain", "Detainee"] == "detainee"
