"""FollowTheMoney export: what Aleph and OpenSanctions tools load.

Documents become ``Article`` entities, people ``Person``, organisations
``Organization``, places ``Address`` (FtM's entity for a named location), and
each entity's presence in a document a ``Mention`` that links the two, so that
the evidence survives the export.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
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
        spellings = sorted({m["text"] for m in mentions} - {entity["name"]})
        proxy.add("alias", spellings)
        if schema == "Person":
            proxy.add("position", sorted({m["attrs"]["title"] for m in mentions if m["attrs"].get("title")}))
        yield proxy
        for doc_id in sorted({m["document"] for m in mentions}):
            mention = model.make_entity("Mention")
            mention.id = f"{entity['id']}.{doc_id}"
            mention.add("resolved", entity["id"])
            mention.add("document", doc_id)
            mention.add("name", sorted({m["text"] for m in mentions if m["document"] == doc_id}))
            mention.add("detectedSchema", schema)
            yield mention


def write(engine: Engine, out: TextIO) -> int:
    n = 0
    for proxy in proxies(engine):
        out.write(json.dumps(proxy.to_dict(), ensure_ascii=False))
        out.write("\n")
        n += 1
    return n
