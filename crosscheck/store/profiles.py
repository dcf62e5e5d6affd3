"""An entity's profile: everything the store knows of one person, organisation or place.

Each part is bounded (the latest first, with the total), so that the page of an entity named
in thousands of reports costs about what a rare one does."""

from __future__ import annotations

from sqlalchemy import Engine, and_, distinct, func, or_, select

from crosscheck.errors import NotFoundError, message
from crosscheck.resolve.names import alias_kind
from crosscheck.store import evidence, grading, queries
from crosscheck.store.schema import (
    aliases,
    claims,
    documents,
    entities,
    events,
    mentions,
    relations,
    source_grades,
)

LIMIT = 50


def profile(engine: Engine, entity_id: str, limit: int = LIMIT) -> dict:
    """The entity (after resolution) with its names (kind, uses, a span of each), titles,
    relations, events, claims by and about it, the pairs those claims are in, its grade as a
    source, and the documents that name it; each list bounded by ``limit``."""
    with engine.connect() as conn:
        entity_id = queries.canonical(conn, entity_id)
        row = conn.execute(select(entities).where(entities.c.id == entity_id)).first()
        if row is None:
            raise NotFoundError(message("unknown_entity", query=entity_id))
        ids = queries.members(conn, entity_id)
        mine = mentions.c.entity_id.in_(ids)
        totals = conn.execute(select(func.count(), func.count(distinct(mentions.c.document_id)))
                              .where(mine)).one()
        names = _names(conn, row.name, ids)
        title = mentions.c.attrs["title"].as_string()
        titles = conn.execute(select(title, func.count()).where(mine, title.is_not(None))
                              .group_by(title).order_by(func.count().desc(), title).limit(limit)).all()
        docs = conn.execute(
            select(documents.c.id, documents.c.title, documents.c.date, documents.c.outlet,
                   func.count().label("mentions"))
            .join(mentions, mentions.c.document_id == documents.c.id).where(mine)
            .group_by(documents.c.id, documents.c.title, documents.c.date, documents.c.outlet)
            .order_by(documents.c.date.desc().nulls_last(), documents.c.id).limit(limit)).all()
        grade = conn.execute(select(source_grades.c.reliability, source_grades.c.reason)
                             .where(source_grades.c.source == f"entity:{entity_id}")).first()
        said_by = _claims(conn, claims.c.source_entity_id.in_(ids), limit)
        about = _claims_about(conn, ids, limit)
        shown = [c["id"] for c in said_by + about]
        graded = grading.credibility_of(conn, said_by + about)
        for c in said_by + about:
            c["grade"] = graded[c["id"]]
        paired = evidence.pairs_of(conn, shown, limit=limit)
        happened = _events(conn, ids, [d.id for d in docs], limit)
        related = _relations(conn, ids, limit)
        mentions_shown = queries.entity_detail(engine, entity_id, mention_limit=10).mentions \
            if totals[0] else []
    return {
        "id": row.id, "type": row.type, "name": row.name,
        "mentions": totals[0], "documents_count": totals[1],
        "names": names, "titles": [{"title": t, "mentions": n} for t, n in titles],
        "relations": related,
        "events": happened,
        "claims_by": said_by, "claims_about": about, "pairs": paired,
        "reliability": {"letter": grade.reliability, "reason": grade.reason} if grade else None,
        "documents": [dict(d._mapping) for d in docs],
        "examples": [{"document": m.document, "title": m.document_title, "start": m.start, "end": m.end,
                      "text": m.text, "sentence": m.sentence} for m in mentions_shown],
    }


def _names(conn, name: str, ids: list[str]) -> list[dict]:
    """Each other name the entity goes by: its kind (as the text gave it, else told by its
    form), how often it is used, and where first."""
    rows = conn.execute(
        select(mentions.c.text, func.count(), func.min(mentions.c.document_id))
        .where(mentions.c.entity_id.in_(ids), mentions.c.stage != "references")
        .group_by(mentions.c.text).order_by(func.count().desc(), mentions.c.text)).all()
    given = dict(conn.execute(select(aliases.c.alias_text, func.min(aliases.c.kind))
                              .where(aliases.c.entity_id.in_(ids)).group_by(aliases.c.alias_text)).all())
    texts = [t for t, _, _ in rows]
    out = []
    for text, n, first in rows:
        if text == name:
            continue
        start = conn.execute(select(func.min(mentions.c.start)).where(
            mentions.c.document_id == first, mentions.c.text == text, mentions.c.entity_id.in_(ids))).scalar()
        out.append({"text": text, "kind": alias_kind(text, [t for t in texts if t != text], given.get(text)),
                    "mentions": n, "document": first, "start": start, "end": start + len(text)})
    return out


_CLAIM_COLUMNS = (claims.c.id, claims.c.document_id, claims.c.source_text, claims.c.source_entity_id,
                  claims.c.cue_text, claims.c.content_start, claims.c.content_end, claims.c.content_text,
                  claims.c.stance, claims.c.anonymous, claims.c.cue_start)


def _claims(conn, where, limit: int) -> list[dict]:
    q = (select(*_CLAIM_COLUMNS, documents.c.title.label("document_title"),
                documents.c.date.label("document_date"), entities.c.name.label("source_entity_name"))
         .join(documents, documents.c.id == claims.c.document_id)
         .outerjoin(entities, entities.c.id == claims.c.source_entity_id).where(where)
         .order_by(documents.c.date.desc().nulls_last(), claims.c.document_id, claims.c.cue_start)
         .limit(limit))
    return [dict(r._mapping) for r in conn.execute(q)]


def _claims_about(conn, ids: list[str], limit: int) -> list[dict]:
    """Claims whose content names the entity, found from its mentions (indexed by entity)."""
    inside = (select(claims.c.id)
              .join(mentions, and_(mentions.c.document_id == claims.c.document_id,
                                   mentions.c.start >= claims.c.content_start,
                                   mentions.c.end <= claims.c.content_end))
              .where(mentions.c.entity_id.in_(ids)))
    return _claims(conn, claims.c.id.in_(inside), limit)


def _events(conn, ids: list[str], document_ids: list[str], limit: int) -> list[dict]:
    """Events of the entity's latest documents where it is a place or a participant."""
    if not document_ids:
        return []
    q = (select(events, documents.c.title.label("document_title"), documents.c.date.label("document_date"))
         .join(documents, documents.c.id == events.c.document_id)
         .where(events.c.document_id.in_(document_ids))
         .order_by(func.coalesce(events.c.date, documents.c.date).desc().nulls_last(), events.c.id))
    members = set(ids)
    out = []
    for r in conn.execute(q):
        e = dict(r._mapping)
        roles = [p.get("role") for p in e["participants"] or [] if p.get("entity") in members]
        if any(p.get("entity") in members for p in e["places"]):
            roles.append("place")
        if roles:
            e["roles"] = roles
            out.append(e)
        if len(out) >= limit:
            break
    return out


def _relations(conn, ids: list[str], limit: int) -> list[dict]:
    """The entity's latest relations, as subject or object, both ends after resolution."""
    cols = [relations.c[c] for c in queries.RELATION_COLUMNS]
    q = (select(*cols, documents.c.title.label("document_title"), documents.c.date.label("document_date"))
         .join(documents, documents.c.id == relations.c.document_id)
         .where(or_(relations.c.subject_entity_id.in_(ids), relations.c.object_entity_id.in_(ids)))
         .order_by(documents.c.date.desc().nulls_last(), relations.c.document_id, relations.c.evidence_start)
         .limit(limit))
    return queries.relation_rows(conn, q)
