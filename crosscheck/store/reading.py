"""Reading a report as the workbench shows it: the documents, and one document with the
marks its facts leave on its text (mentions and the entities they resolve to, claims with
their source, cue and content, events with their triggers)."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from crosscheck.errors import NotFoundError, message
from crosscheck.store.queries import DOCUMENT_FIELDS, canonical_ids, counts
from crosscheck.store.schema import claims, documents, entities, events, mentions, resolution_pairs

READ_CLAIM_COLUMNS = ("id", "cue_start", "cue_end", "cue_text", "source_start", "source_end",
                      "source_text", "source_entity_id", "content_start", "content_end", "content_text",
                      "stance", "anonymous", "attrs", "via")


def overview(engine: Engine) -> dict:
    """What the workspace holds, in a few numbers, and the latest documents."""
    found = counts(engine)
    with engine.connect() as conn:
        found["claims"] = conn.scalar(select(func.count()).select_from(claims))
        found["events"] = conn.scalar(select(func.count()).select_from(events))
        found["review"] = conn.scalar(select(func.count()).select_from(resolution_pairs)
                                      .where(resolution_pairs.c.status == "review"))
    return {"counts": found, "documents": list_documents(engine, limit=10)["documents"]}


def list_documents(engine: Engine, limit: int = 50, offset: int = 0) -> dict:
    """Documents, newest first, with how many mentions and claims each has; and the total."""
    n_mentions = (select(func.count()).where(mentions.c.document_id == documents.c.id)
                  .scalar_subquery().label("mentions"))
    n_claims = (select(func.count()).where(claims.c.document_id == documents.c.id)
                .scalar_subquery().label("claims"))
    cols = [documents.c[f] for f in DOCUMENT_FIELDS if f not in ("sha256", "path")]
    q = (select(*cols, documents.c.length, n_mentions, n_claims)
         .order_by(documents.c.date.desc().nulls_last(), documents.c.title, documents.c.id)
         .limit(limit).offset(offset))
    with engine.connect() as conn:
        total = conn.scalar(select(func.count()).select_from(documents))
        rows = [dict(r._mapping) for r in conn.execute(q)]
    return {"total": total, "limit": limit, "offset": offset, "documents": rows}


def document(engine: Engine, document_id: str) -> dict:
    """One document: its metadata and text, and every mark on the text (mentions, claims,
    events), each with its span; a mention carries the entity it resolves to."""
    with engine.connect() as conn:
        row = conn.execute(select(documents).where(documents.c.id == document_id)).first()
        if row is None:
            raise NotFoundError(message("unknown_document", query=document_id))
        merged = canonical_ids(conn)
        found = conn.execute(
            select(mentions.c.start, mentions.c.end, mentions.c.text, mentions.c.type, mentions.c.label,
                   mentions.c.entity_id, mentions.c.attrs)
            .where(mentions.c.document_id == document_id).order_by(mentions.c.start, mentions.c.end)).all()
        ids = {merged.get(m.entity_id, m.entity_id) for m in found if m.entity_id}
        names = dict(conn.execute(select(entities.c.id, entities.c.name)
                                  .where(entities.c.id.in_(ids))).all()) if ids else {}
        said = [dict(r._mapping) for r in conn.execute(
            select(*(claims.c[name] for name in READ_CLAIM_COLUMNS))
            .where(claims.c.document_id == document_id).order_by(claims.c.cue_start))]
        happened = [dict(r._mapping) for r in conn.execute(
            select(events.c.id, events.c.type, events.c.date, events.c.date_text, events.c.figures,
                   events.c.evidence).where(events.c.document_id == document_id))]
    marks = []
    for m in found:
        entity = merged.get(m.entity_id, m.entity_id) if m.entity_id else None
        marks.append({"start": m.start, "end": m.end, "text": m.text, "type": m.type, "label": m.label,
                      "entity": entity, "entity_name": names.get(entity),
                      "reference": "refers_to" in (m.attrs or {})})
    for c in said:
        c["source_entity_id"] = merged.get(c["source_entity_id"], c["source_entity_id"])
    meta = {f: getattr(row, f) for f in DOCUMENT_FIELDS}
    return {**meta, "length": row.length, "text": row.text, "mentions": marks, "claims": said,
            "events": happened}
