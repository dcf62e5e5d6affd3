"""Review in-process: a doubtful pair judged through the JSON route and the form."""

from __future__ import annotations

from crosscheck.store import queries, resolution

FIRST = (b"BASRA - Major General Salman Jabbar Ouda said the Nur al-Huda Brigade handed the rifles "
         b"to the army.\n")
SECOND = b"NINEVEH - Ouda told Reuters that 12 men had been arrested.\n"


def _doubtful(client, engine) -> dict:
    r = client.post("/documents.json", files=[("files", ("a.txt", FIRST, "text/plain")),
                                              ("files", ("b.txt", SECOND, "text/plain"))])
    assert r.status_code == 200
    pairs = client.get("/review.json").json()["pairs"]
    assert [(p["name_a"], p["name_b"]) for p in pairs] == [("Salman Jabbar Ouda", "Ouda")]
    return pairs[0]


def test_judging_a_pair_the_same_merges_it_and_records_the_judgement(fresh):
    client, engine = fresh
    pair = _doubtful(client, engine)
    r = client.post("/review.json", data={"a": pair["entity_a"], "b": pair["entity_b"], "verdict": "same",
                                          "note": "one general"})
    assert r.status_code == 200 and r.json()["resolution"]["review"] == 0
    assert queries.find_entity(engine, "Ouda") == queries.find_entity(engine, "Salman Jabbar Ouda")
    judged = client.get("/review.json").json()
    assert judged["pairs"] == [] and judged["judgements"][0]["verdict"] == "same"
    assert judged["judgements"][0]["note"] == "one general"


def test_the_form_judges_different_and_comes_back_to_review(fresh):
    client, engine = fresh
    pair = _doubtful(client, engine)
    r = client.post("/review", data={"a": pair["entity_a"], "b": pair["entity_b"], "verdict": "different"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/review"
    assert resolution.pairs(engine, "review") == []
    assert [j["verdict"] for j in resolution.list_judgements(engine)] == ["different"]
    assert "different" in client.get("/review").text


def test_a_bad_judgement_is_refused_with_a_reason(fresh):
    client, engine = fresh
    pair = _doubtful(client, engine)
    bad = client.post("/review.json", data={"a": pair["entity_a"], "b": pair["entity_b"], "verdict": "maybe"})
    assert bad.status_code == 422 and "verdict" in bad.json()["message"]
    unknown = client.post("/review.json", data={"a": pair["entity_a"], "b": "ent-none", "verdict": "same"})
    assert unknown.status_code == 400 and "no entity with id ent-none" in unknown.json()["message"]
    assert resolution.list_judgements(engine) == []
