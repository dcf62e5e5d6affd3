"""The JSONL export: one object per line, each with a ``kind``.

The format is documented in ``docs/export-format.md``; its JSON Schema is
``crosscheck/export/schema.json``. Spans are always {document, start, end, text}
over the stored text of the document.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from sqlalchemy import Engine

from crosscheck.extract.claims import DESCRIPTION
from crosscheck.store import assessment, grading, queries

FORMAT_VERSION = "1"
# What a date mention carries (crosscheck.extract.dates): its value and how it was read.
DATE_FIELDS = ("value", "precision", "approximate", "relative", "unresolved")


def records(engine: Engine) -> Iterator[dict[str, Any]]:
    """Export records in a stable order: documents, entities, claims, relations, events (by
    date), value mentions, then the assessment: sources, corroborations, contradictions."""
    with engine.connect() as conn:
        statements = assessment.statements(conn)  # read once for grades, sources and pairs
    graded = grading.credibility(engine, statements)
    for doc in queries.iter_documents(engine):
        yield {"kind": "document", **{k: doc[k] for k in queries.DOCUMENT_FIELDS}}
    with engine.connect() as conn:
        given = queries.given_kinds(conn)
    for entity, mentions in queries.iter_entities(engine):
        spellings: dict[str, int] = {}
        for m in mentions:
            if not m["reference"]:
                spellings[m["text"]] = spellings.get(m["text"], 0) + 1
        titles = sorted({m["attrs"]["title"] for m in mentions if m["attrs"].get("title")})
        yield {
            "kind": "entity",
            "id": entity["id"],
            "type": entity["type"],
            "name": entity["name"],
            "aliases": sorted(s for s in spellings if s != entity["name"]),
            "names": [
                {"text": u.text, "kind": u.kind,
                 "spans": [{"document": d, "start": st, "end": en, "text": u.text} for d, st, en in u.spans]}
                for u in queries.alias_uses(entity["name"], mentions, given)
            ],
            "titles": titles,
            "mentions": [
                {"document": m["document"], "start": m["start"], "end": m["end"], "text": m["text"]}
                for m in mentions if not m["reference"]
            ],
            "references": [
                {"document": m["document"], "start": m["start"], "end": m["end"], "text": m["text"]}
                for m in mentions if m["reference"]
            ],
        }
    by_id = {s.id: s for s in statements}
    for claim in queries.iter_claims(engine):
        record = {**claim_record(claim), "grade": _grade(graded.get(claim["id"]))}
        if claim["id"] in by_id:
            record["propositions"] = propositions(by_id[claim["id"]])
        yield record
    for r in queries.iter_relations(engine):
        yield relation_record(r)
    for e in queries.timeline(engine):
        record = event_record(e)
        if e["id"] in graded:  # a fact in the report's own voice is a statement too
            record["grade"] = _grade(graded[e["id"]])
        yield record
    for value in queries.iter_values(engine):
        record = {
            "kind": "mention",
            "id": value["id"],
            "type": value["type"],
            "label": value["label"],
            "span": {
                "document": value["document_id"],
                "start": value["start"],
                "end": value["end"],
                "text": value["text"],
            },
        }
        if date := (value["attrs"] or {}).get("date"):
            record["date"] = {k: date.get(k) for k in DATE_FIELDS}
        yield record
    for source in grading.sources(engine, statements):
        yield {"kind": "source", "id": source["source"], "type": source["kind"], "name": source["name"],
               "statements": source["statements"], "documents": source["documents"],
               "reliability": source["reliability"]}
    for p in assessment.pairs(engine, found=statements):
        yield pair_record(p)


def propositions(statement) -> list[dict[str, Any]]:
    """What a statement asserts, clause by clause, as the assessment compares it."""
    out = []
    for c in statement.clauses:
        modality = "alleged" if statement.stance == "alleges" and c.modality == "asserted" else c.modality
        out.append({
            "predicate": c.predicate,
            "polarity": "positive" if statement.signed(c) > 0 else "negative",
            "modality": modality,
            "arguments": [{"role": a.role, "text": a.text, "entity": a.entity,
                           "count": [a.figure.low, a.figure.high] if a.figure else None} for a in c.args],
            "days": sorted(c.days),
        })
    return out


def _grade(g: dict | None) -> dict | None:
    """A statement's grades: its credibility (computed or overridden), its source's
    reliability letter and the two as one code ("B2")."""
    if g is None:
        return None
    return {"code": g["code"], "source": g["source"], "reliability": g["reliability"]["letter"],
            "credibility": g["credibility"]}


def pair_record(p: dict) -> dict[str, Any]:
    """A corroboration or a contradiction: the two statements (claim or event ids), why, how
    independent their sources are, and each side's words."""
    sides = [p["a_statement"], p["b_statement"]]
    return {
        "kind": p["kind"],
        "id": p["id"],
        "statements": [p["a"], p["b"]],
        "reason": p["reason"],
        "independence": p["independence"],
        "strength": p["strength"],
        "detail": p["detail"],
        "spans": [_span(s["document"], s["start"], s["end"], s["text"]) if s else None for s in sides],
    }


def _span(document: str, start: int | None, end: int | None, text: str | None) -> dict | None:
    if start is None:
        return None
    return {"document": document, "start": start, "end": end, "text": text}


# Source attributes exported as such; the rest of a claim's attrs stay internal.
SOURCE_ATTRIBUTES = ("plural", "former", "pronoun", "anonymity", "refers_to")


def claim_record(c: dict) -> dict[str, Any]:
    doc = c["document_id"]
    source = _span(doc, c["source_start"], c["source_end"], c["source_text"])
    if source is not None:
        attrs = c["attrs"] or {}
        refers_to = attrs.get("refers_to")
        source.update({
            "entity": c["source_entity_id"],
            "anonymous": bool(c["anonymous"]),
            "attributes": {
                **{k: bool(attrs.get(k)) for k in SOURCE_ATTRIBUTES if k != "refers_to"},
                **{k: attrs.get(k) for k in DESCRIPTION},  # text, or null
                "refers_to": {"start": refers_to[0], "end": refers_to[1]} if refers_to else None,
            },
        })
    content = _span(doc, c["content_start"], c["content_end"], c["content_text"])
    parts = (c["attrs"] or {}).get("content_parts")
    if content is not None:
        # A quotation interrupted by "she said": its pieces, without the interruption.
        content["parts"] = [{"start": a, "end": b} for a, b in parts] if parts else None
    return {
        "kind": "claim",
        "id": c["id"],
        "document": doc,
        "source": source,
        "cue": _span(doc, c["cue_start"], c["cue_end"], c["cue_text"]),
        "content": content,
        "stance": c["stance"],
        "via": list(c["via"] or []),
    }


def write(engine: Engine, out: TextIO) -> int:
    n = 0
    for record in records(engine):
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=False))
        out.write("\n")
        n += 1
    return n


def relation_record(r: dict) -> dict[str, Any]:
    doc = r["document_id"]

    def end(name: str) -> dict | None:
        if r[f"{name}_start"] is None:
            return None
        # Both ends lie inside the evidence, whose text is at hand.
        at = r["evidence_start"]
        text = r["evidence_text"][r[f"{name}_start"] - at : r[f"{name}_end"] - at]
        return {"entity": r[f"{name}_entity_id"],
                "span": _span(doc, r[f"{name}_start"], r[f"{name}_end"], text)}

    return {
        "kind": "relation",
        "id": r["id"],
        "type": r["type"],
        "subject": end("subject"),
        "object": end("object"),
        "role": r["role"],
        "start_date": r.get("start_date"),
        "end_date": r.get("end_date"),
        "dates": {k: _date_words(doc, v) for k, v in (r.get("dates") or {}).items() if v},
        "evidence": _span(doc, r["evidence_start"], r["evidence_end"], r["evidence_text"]),
    }


def _date_words(doc: str, d: dict) -> dict:
    """A relation's start or end: the resolved date, its precision and the words."""
    return {"date": d["date"], "precision": d["precision"],
            "span": _span(doc, d["start"], d["end"], d["text"])}


def event_record(e: dict) -> dict[str, Any]:
    doc = e["document_id"]
    return {
        "kind": "event",
        "id": e["id"],
        "type": e["type"],
        "date": e["date"],
        "date_text": e["date_text"],
        "precision": e["precision"],
        "places": [{"entity": p["entity"], "span": _span(doc, p["start"], p["end"], p["text"]),
                    "guessed": bool(p.get("guessed"))} for p in e["places"]],
        "participants": [{"role": p["role"], "entity": p["entity"],
                          "span": _span(doc, p["start"], p["end"], p["text"])}
                         for p in e.get("participants") or []],
        "figures": e["figures"],
        "evidence": [_span(doc, t["start"], t["end"], t["text"]) for t in e["evidence"]],
    }

