"""FollowTheMoney export: what Aleph and OpenSanctions tools load.

Documents become ``Article`` entities, people ``Person``, organisations
``Organization``, places ``Address`` (FtM's entity for a named location), and
each entity's presence in a document a ``Mention`` that links the two, so that
the evidence survives the export; claims become ``Note``s; relations between two
entities become ``Directorship`` (leads), ``Employment`` (a staff role: spokesman, official,
officer, adviser), ``Membership`` (any other member of) or ``UnknownLink`` (founded,
appointed, dismissed, trained by, reports to, accused of, ...), with the role, the dates it
began and ended, and the article as proof.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import chain
from typing import TextIO

from followthemoney import model
from followthemoney.proxy import EntityProxy
from sqlalchemy import Engine

from crosscheck.store import queries

SCHEMATA = {"person": "Person", "organization": "Organization", "place": "Address"}


def proxies(engine: Engine) -> Iterator[EntityProxy]:
    for doc in queries.iter_documents(engine):
        article = model.make_entity("Article")
        article.id = doc["id"]
        article.add("title", doc["title"])
        article.add("fileName", doc["path"].rsplit("/", 1)[-1] if doc["path"] else None)
        article.add("publisher", doc["outlet"])
        article.add("author", doc["author"])
        article.add("publishedAt", doc["date"])
        article.add("language", doc["language"])
        article.add("contentHash", doc["sha256"])
        yield article
    for entity, mentions in queries.iter_entities(engine):
        schema = SCHEMATA.get(entity["type"])
        if schema is None:
            continue  # events, laws, works: no FtM thing to name them yet
        proxy = model.make_entity(schema)
        proxy.id = entity["id"]
        proxy.add("name", entity["name"])
        if schema == "Address":
            proxy.add("full", entity["name"])
        spellings = sorted({m["text"] for m in mentions if not m["reference"]} - {entity["name"]})
        proxy.add("alias", spellings)
        if schema == "Person":
            proxy.add("position", sorted({m["attrs"]["title"] for m in mentions if m["attrs"].get("title")}))
        yield proxy
        for doc_id in sorted({m["document"] for m in mentions}):
            mention = model.make_entity("Mention")
            mention.id = f"{entity['id']}.{doc_id}"
            mention.add("resolved", entity["id"])
            mention.add("document", doc_id)
            names = {m["text"] for m in mentions if m["document"] == doc_id and not m["reference"]}
            mention.add("name", sorted(names))
            mention.add("detectedSchema", schema)
            yield mention


def claim_notes(engine: Engine) -> Iterator[EntityProxy]:
    """Each claim as a ``Note`` on the entity that made it (or on the article, when the
    source is anonymous or unnamed): who, the cue, and what was said."""
    for c in queries.iter_claims(engine):
        note = model.make_entity("Note")
        note.id = c["id"]
        note.add("entity", c["source_entity_id"] or c["document_id"])
        who = c["source_text"] or "(no source given)"
        note.add("name", f"{who} {c['cue_text']}")
        note.add("description", c["content_text"])
        note.add("summary", f"stance: {c['stance']}" + ("; anonymous source" if c["anonymous"] else ""))
        note.add("proof", c["document_id"])
        yield note


# relation type -> (FtM schema, the property of the subject, of the object)
LINKS = {"leads": ("Directorship", "director", "organization"),
         "member_of": ("Membership", "member", "organization"),
         "employment": ("Employment", "employee", "employer")}
# The role words of a member that make the link an employment: staff, not rank and file.
STAFF = {"spokesman", "spokeswoman", "spokesperson", "official", "officer", "employee", "aide", "agent",
         "envoy", "ambassador", "judge", "adviser", "advisor", "counsellor", "counselor", "consultant",
         "deputy", "representative"}


def _link_type(r: dict) -> str:
    head = (r["role"] or "").lower().split()[-1:] or [""]
    if r["type"] == "advises" or (r["type"] == "member_of" and head[0] in STAFF):
        return "employment"
    return r["type"]


def relation_links(engine: Engine) -> Iterator[EntityProxy]:
    """Each relation between two entities as the FtM interval that fits it; a post held with
    no organisation stays a ``position`` of the person."""
    for r in queries.iter_relations(engine):
        if not (r["subject_entity_id"] and r["object_entity_id"]):
            continue
        schema, subject, object_ = LINKS.get(_link_type(r), ("UnknownLink", "subject", "object"))
        link = model.make_entity(schema)
        link.id = r["id"]
        link.add(subject, r["subject_entity_id"])
        link.add(object_, r["object_entity_id"])
        kind = r["type"].replace("_", " ")
        link.add("role", r["role"] if schema != "UnknownLink" else f"{kind}: {r['role'] or ''}".rstrip(": "))
        link.add("startDate", r["start_date"])
        link.add("endDate", r["end_date"])
        link.add("description", r["evidence_text"])
        link.add("proof", r["document_id"])
        yield link


def write(engine: Engine, out: TextIO) -> int:
    n = 0
    for proxy in chain(proxies(engine), claim_notes(engine), relation_links(engine)):
        out.write(json.dumps(proxy.to_dict(), ensure_ascii=False))
        out.write("\n")
        n += 1
    return n
