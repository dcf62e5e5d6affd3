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

from crosscheck.store import queries

FORMAT_VERSION = "1"


def records(engine: Engine) -> Iterator[dict[str, Any]]:
    """Export records in a stable order: documents, entities, then value mentions."""
    for doc in queries.iter_documents(engine):
        yield {"kind": "document", **{k: doc[k] for k in queries.DOCUMENT_FIELDS}}
    for entity, mentions in queries.iter_entities(engine):
        spellings: dict[str, int] = {}
        for m in mentions:
            spellings[m["text"]] = spellings.get(m["text"], 0) + 1
        titles = sorted({m["attrs"]["title"] for m in mentions if m["attrs"].get("title")})
        yield {
            "kind": "entity",
            "id": entity["id"],
            "type": entity["type"],
            "name": entity["name"],
            "aliases": sorted(s for s in spellings if s != entity["name"]),
            "titles": titles,
            "mentions": [
                {"document": m["document"], "start": m["start"], "end": m["end"], "text": m["text"]}
                for m in mentions
            ],
        }
    for value in queries.iter_values(engine):
        yield {
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


def write(engine: Engine, out: TextIO) -> int:
    n = 0
    for record in records(engine):
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=False))
        out.write("\n")
        n += 1
    return n
