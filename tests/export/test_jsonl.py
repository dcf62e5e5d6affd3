import io
import json
from pathlib import Path

import jsonschema
import pytest

from crosscheck.export import jsonl
from crosscheck.store import queries

SCHEMA = json.loads((Path(jsonl.__file__).parent / "schema.json").read_text(encoding="utf-8"))


def _check_export(engine):
    buf = io.StringIO()
    n = jsonl.write(engine, buf)
    lines = buf.getvalue().splitlines()
    assert n == len(lines) > 0
    validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    texts = {d["id"]: d["text"] for d in queries.iter_documents(engine, with_text=True)}
    spans = 0
    records = [json.loads(line) for line in lines]
    for record in records:
        validator.validate(record)
        found = {
            "entity": lambda r: [*r["mentions"], *r["references"],
                                 *(sp for n in r["names"] for sp in n["spans"])],
            "claim": lambda r: [r["source"], r["cue"], r["content"]],
            "relation": lambda r: [r["evidence"], *(e["span"] for e in (r["subject"], r["object"]) if e),
                                   *(d["span"] for d in r["dates"].values())],
            "event": lambda r: [*r["evidence"], *(p["span"] for p in r["places"] + r["participants"])],
            "corroboration": lambda r: r["spans"],
            "contradiction": lambda r: r["spans"],
            "source": lambda r: [],
        }.get(record["kind"], lambda r: [r.get("span")])(record)
        for span in filter(None, found):
            assert texts[span["document"]][span["start"] : span["end"]] == span["text"]
            spans += 1
    assert spans > 0
    return records


def test_every_record_matches_the_schema_and_every_span_its_text(sample_workspace):
    records = _check_export(sample_workspace[1])
    kinds = {r["kind"] for r in records}
    # (No relation: the stand-in pipeline has no parser for appositions and the samples'
    # titles are not among its names; the model's export below has them.)
    assert kinds >= {"document", "entity", "claim", "event", "mention", "source"}
    assert kinds <= {"document", "entity", "claim", "event", "mention", "source", "corroboration",
                     "contradiction"}
    # Every statement is graded; every pair's statements are exported claims or events.
    exported = {r["id"] for r in records if r["kind"] in ("claim", "event")}
    assert all(r["grade"]["code"][0] == "F" for r in records if r["kind"] == "claim")
    assert all(set(r["statements"]) <= exported for r in records if r["kind"] in ("corroboration",
                                                                                  "contradiction"))
    bombings = [r for r in records if r["kind"] == "event" and r["type"] == "attack"]
    assert bombings and all(r["evidence"] for r in bombings)
    assert sum(r["kind"] == "document" for r in records) == 11
    # The commander's kunya, given as his other name, is an alias of that kind with its spans.
    (commander,) = [r for r in records if r["kind"] == "entity" and r["name"] == "Jalil Sabah al-Darraji"]
    kinds = {n["text"]: n["kind"] for n in commander["names"]}
    assert kinds["Abu Zainab al-Fayhawi"] == "kunya" and kinds["Abu Zainab"] == "partial"
    # Dates carry their value, read against the document's date.
    dated = [r for r in records if r["kind"] == "mention" and r.get("date")]
    assert dated and all(r["type"] == "date" for r in dated)
    assert any(r["date"]["value"] and r["date"]["relative"] for r in dated)
    # "the brigade" refers back to the one brigade a report names, "the group's growing role"
    # to the one armed group; references are not names.
    (brigade,) = [r for r in records if r["kind"] == "entity" and r["name"] == "Nur al-Huda Brigade"]
    assert {ref["text"].lower() for ref in brigade["references"]} == {"the brigade", "the group"}
    assert not {n["text"] for n in brigade["names"]} & {"the brigade", "The brigade"}


def test_export_is_stable_across_runs(sample_workspace):
    a, b = io.StringIO(), io.StringIO()
    jsonl.write(sample_workspace[1], a)
    jsonl.write(sample_workspace[1], b)
    assert a.getvalue() == b.getvalue()


def test_schema_rejects_a_span_without_text():
    record = {"kind": "entity", "id": "ent-" + "0" * 20, "type": "person", "name": "X", "aliases": [],
              "mentions": [{"document": "doc-" + "0" * 20, "start": 0, "end": 1}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, SCHEMA)


@pytest.mark.model
def test_model_export_keeps_provenance_on_the_sample_corpus(model_workspace):
    records = _check_export(model_workspace[1])
    names = {r["name"] for r in records if r["kind"] == "entity"}
    assert "Basra" in names
    claims = [r for r in records if r["kind"] == "claim"]
    described = [c for c in claims if c["source"] and c["source"]["anonymous"]]
    assert described and all(c["source"]["attributes"]["role"] for c in described)
    for c in claims:
        for part in (c["content"] or {}).get("parts") or []:
            assert c["content"]["start"] <= part["start"] < part["end"] <= c["content"]["end"]
    # The commander's posts, from "the brigade's commander, Jalil Sabah al-Darraji".
    entity_of = {r["id"]: r["name"] for r in records if r["kind"] == "entity"}
    relations = [r for r in records if r["kind"] == "relation"]
    assert ("leads", "commander", "Jalil Sabah al-Darraji", "Nur al-Huda Brigade") in {
        (r["type"], r["role"], entity_of.get(r["subject"]["entity"]),
         r["object"] and entity_of.get(r["object"]["entity"])) for r in relations}


@pytest.mark.model
def test_a_claim_record_says_what_it_asserts_clause_by_clause(model_workspace):
    records = _check_export(model_workspace[1])
    entity_of = {r["id"]: r["name"] for r in records if r["kind"] == "entity"}
    # "The Ministry of Interior did not train, arm or pay a single fighter of this brigade."
    said = [(p["predicate"], p["polarity"], [entity_of.get(a["entity"]) for a in p["arguments"]])
            for r in records if r["kind"] == "claim" for p in r.get("propositions") or []]
    assert any(pred == "train" and polarity == "negative" and "Ministry of Interior" in names
               for pred, polarity, names in said), said


@pytest.mark.model
def test_model_export_dates_the_posts_a_report_begins_and_ends(model_workspace):
    records = _check_export(model_workspace[1])
    entity_of = {r["id"]: r["name"] for r in records if r["kind"] == "entity"}
    relations = [(r["type"], entity_of.get(r["subject"]["entity"]),
                  r["object"] and entity_of.get(r["object"]["entity"]), r["start_date"], r["end_date"])
                 for r in records if r["kind"] == "relation"]
    # "Governor Faris al-Oqaily dismissed the Zubair police chief, Colonel Hamid Sabbar, on
    # Wednesday" (the report is dated Friday 2025-06-20).
    assert ("dismissed", "Hamid Sabbar", "Faris al-Oqaily", None, "2025-06-18") in relations
    # "deputy commander of the Basra Operations Command since 2023"
    assert ("member_of", "Qais Abdul-Razzaq", "Basra Operations Command", "2023", None) in relations
    (dismissal,) = [r for r in records if r["kind"] == "relation" and r["type"] == "dismissed"]
    assert dismissal["dates"]["end"]["span"]["text"] == "Wednesday"
    assert dismissal["dates"]["end"]["precision"] == "day"
