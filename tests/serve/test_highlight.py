from crosscheck.serve.highlight import runs


def test_runs_cover_the_text_exactly_once():
    text = "The governor said the brigade sold weapons."
    mentions = [{"start": 4, "end": 12, "type": "person", "entity": "ent-1"},
                {"start": 22, "end": 29, "type": "organization", "entity": "ent-2"}]
    claims = [{"id": "clm-1", "source_start": 0, "source_end": 12, "cue_start": 13, "cue_end": 17,
               "content_start": 18, "content_end": 42}]
    found = runs(text, mentions, claims)
    assert "".join(r.text for r in found) == text
    assert all(r.text == text[r.start:r.end] for r in found)


def test_a_run_knows_its_mention_and_claim_parts():
    text = "The governor said the brigade sold weapons."
    mentions = [{"start": 22, "end": 29, "type": "organization", "entity": "ent-2"}]
    claims = [{"id": "clm-1", "source_start": 0, "source_end": 12, "cue_start": 13, "cue_end": 17,
               "content_start": 18, "content_end": 42}]
    by_text = {r.text: r for r in runs(text, mentions, claims)}
    assert by_text["brigade"].mention["entity"] == "ent-2"
    assert by_text["brigade"].parts == ["content"] and by_text["brigade"].claim == "clm-1"
    assert by_text["said"].parts == ["cue"]
    assert by_text["The governor"].parts == ["source"] and by_text["The governor"].mention is None
    assert by_text["."].claim_parts == []


def test_nested_mentions_take_the_shortest_and_bad_spans_are_ignored():
    text = "Major General Salman Ouda spoke."
    mentions = [{"start": 0, "end": 25, "type": "person", "entity": "ent-long"},
                {"start": 14, "end": 25, "type": "person", "entity": "ent-short"},
                {"start": 20, "end": 99, "type": "person", "entity": "ent-bad"}]
    found = runs(text, mentions, [])
    assert "".join(r.text for r in found) == text
    assert {r.text: r.mention["entity"] for r in found if r.mention} == {
        "Major General ": "ent-long", "Salman Ouda": "ent-short"}
