"""The link chart's data: entities as nodes; relations between them, and claims (a source
asserting or denying something that names another), as edges; the events they took part in
as nodes of their own; so a chart can start anywhere and grow a node's neighbours on demand."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Engine, and_, func, or_, select

from crosscheck.store import profiles, queries
from crosscheck.store.schema import claims, documents, entities, events, mentions, relations

NODE_TYPES = ("person", "organization", "place", "other", "event")


def _in_dates(date: str | None, since: str | None, until: str | None) -> bool:
    """Whether an ISO date (of any precision) can fall within [since, until]; undated things
    stay in, since a chart should not hide what it cannot place."""
    if not date:
        return True
    return (since is None or date >= since[: len(date)]) and (until is None or date[: len(until)] <= until)


def neighbourhood(engine: Engine, entity_id: str | None = None, types: set[str] | None = None,
                  since: str | None = None, until: str | None = None, limit: int = 60) -> dict:
    """Nodes and edges around one entity (its relations and events, at most ``limit`` of
    each), or, without one, the most connected entities and the edges between them.
    ``types`` keeps those node types; ``since``/``until`` (ISO dates) keep what is dated
    within them (a relation by its dates or its report's, an event by its own)."""
    types = set(types or NODE_TYPES)
    with engine.connect() as conn:
        merged = queries.canonical_ids(conn)
        if entity_id is None:
            centre, ids = None, None
            rows = _busiest_relations(conn, limit)
        else:
            centre = queries.canonical(conn, entity_id)
            ids = queries.members(conn, centre)
            r = relations.c
            rows = conn.execute(
                select(r.id, r.type, r.subject_entity_id, r.object_entity_id, r.role, r.start_date,
                       r.end_date, documents.c.date.label("document_date"))
                .join(documents, documents.c.id == r.document_id)
                .where(or_(r.subject_entity_id.in_(ids), r.object_entity_id.in_(ids)),
                       r.object_entity_id.is_not(None))
                .order_by(documents.c.date.desc().nulls_last()).limit(limit * 4)).all()
        edges: dict[tuple[str, str, str], dict] = {}
        for row in rows:
            a = merged.get(row.subject_entity_id, row.subject_entity_id)
            b = merged.get(row.object_entity_id, row.object_entity_id)
            when = row.start_date or row.document_date
            if a == b or not _in_dates(when, since, until):
                continue
            edge = edges.setdefault((a, b, row.type), {"id": f"{row.type}:{a}:{b}", "source": a, "target": b,
                                                       "type": row.type, "role": row.role, "count": 0,
                                                       "first": when, "last": when})
            edge["count"] += 1
            if when:
                edge["first"] = min(filter(None, [edge["first"], when]))
                edge["last"] = max(filter(None, [edge["last"], when]))
        if centre:
            known = profiles.counts_of(conn, centre)
            for a, b, stance, when in _said(conn, ids, limit, known):
                a, b = merged.get(a, a), merged.get(b, b)
                if a == b or not _in_dates(when, since, until):
                    continue
                edge = edges.setdefault((a, b, stance), {"id": f"{stance}:{a}:{b}", "source": a, "target": b,
                                                         "type": stance, "role": "claim", "count": 0,
                                                         "first": when, "last": when})
                edge["count"] += 1
        happened = (_events(conn, ids, merged, since, until, limit, known["documents"])
                    if centre and "event" in types else [])
        for e in happened:
            for p in e["links"]:
                edges[(p["entity"], e["id"], p["role"])] = {
                    "id": f"{p['role']}:{p['entity']}:{e['id']}", "source": p["entity"], "target": e["id"],
                    "type": p["role"], "role": p["role"], "count": 1, "first": e["date"], "last": e["date"]}
        linked = {x for (a, b, _) in edges for x in (a, b)} | ({centre} if centre else set())
        known = {r.id: r for r in conn.execute(
            select(entities.c.id, entities.c.type, entities.c.name).where(entities.c.id.in_(linked)))}
        weight = dict(conn.execute(
            select(mentions.c.entity_id, func.count()).where(mentions.c.entity_id.in_(list(known)))
            .group_by(mentions.c.entity_id)).all()) if known else {}
    nodes = {i: {"id": i, "type": r.type, "label": r.name, "mentions": weight.get(i, 0)}
             for i, r in known.items() if r.type in types or i == centre}
    for e in happened:
        nodes[e["id"]] = {"id": e["id"], "type": "event", "label": e["label"], "mentions": 0,
                          "date": e["date"]}
    kept = [e for e in edges.values() if e["source"] in nodes and e["target"] in nodes]
    kept.sort(key=lambda e: (-e["count"], e["id"]))
    kept = kept[: limit * 2]
    used = {x for e in kept for x in (e["source"], e["target"])} | ({centre} if centre in nodes else set())
    return {"centre": centre, "nodes": sorted((n for i, n in nodes.items() if i in used),
                                              key=lambda n: (-n["mentions"], n["id"])),
            "edges": kept}


def _said(conn, ids: list[str], limit: int, known: dict) -> list[tuple[str, str, str, str | None]]:
    """(source, entity named, stance, date) of the latest claims the entity made or is named
    in (those with a named source)."""
    latest = profiles.claims_about(conn, ids, limit * 2, named_in=known["documents"],
                                   known=known["claims_about"])
    latest += profiles.claims_by(conn, ids, limit * 2, known["claims_by"], known["documents"])
    inside = and_(mentions.c.document_id == claims.c.document_id, mentions.c.start >= claims.c.content_start,
                  mentions.c.end <= claims.c.content_end, mentions.c.entity_id.is_not(None))
    named = conn.execute(select(claims.c.id, mentions.c.entity_id).join(mentions, inside)
                         .where(claims.c.id.in_([c["id"] for c in latest]))).all()
    out = []
    by_id = {c["id"]: c for c in latest}
    for claim_id, entity in named:
        c = by_id[claim_id]
        if c["source_entity_id"]:
            out.append((c["source_entity_id"], entity, c["stance"], c["document_date"]))
    return out


def _busiest_relations(conn, limit: int) -> list:
    """The relations between the entities that have the most of them (a place to start)."""
    r = relations.c
    degree: dict[str, int] = defaultdict(int)
    for a, b, n in conn.execute(select(r.subject_entity_id, r.object_entity_id, func.count())
                                .where(r.object_entity_id.is_not(None))
                                .group_by(r.subject_entity_id, r.object_entity_id)):
        degree[a] += n
        degree[b] += n
    top = sorted(degree, key=lambda i: (-degree[i], i))[:limit]
    if not top:
        return []
    return conn.execute(
        select(r.id, r.type, r.subject_entity_id, r.object_entity_id, r.role, r.start_date, r.end_date,
               documents.c.date.label("document_date"))
        .join(documents, documents.c.id == r.document_id)
        .where(r.subject_entity_id.in_(top), r.object_entity_id.in_(top))).all()


def _events(conn, ids: list[str], merged: dict[str, str], since: str | None, until: str | None,
            limit: int, named_in: int) -> list[dict]:
    """The events of the entity's latest documents where it is a place or a participant,
    each with its links (every place and participant with an entity)."""
    docs = [d["id"] for d in profiles.latest_documents(conn, ids, limit, named_in=named_in)]
    if not docs:
        return []
    members = set(ids)
    out = []
    q = (select(events.c.id, events.c.type, events.c.date, events.c.places, events.c.participants,
                documents.c.date.label("document_date"))
         .join(documents, documents.c.id == events.c.document_id).where(events.c.document_id.in_(docs)))
    for r in conn.execute(q):
        links = [{"entity": merged.get(p["entity"], p["entity"]), "role": "place"} for p in r.places
                 if p.get("entity")]
        links += [{"entity": merged.get(p["entity"], p["entity"]), "role": p.get("role") or "participant"}
                  for p in r.participants or [] if p.get("entity")]
        when = r.date or r.document_date
        if not any(p["entity"] in members or p["entity"] in ids for p in links) or not _in_dates(when, since,
                                                                                                 until):
            continue
        out.append({"id": r.id, "label": f"{r.type} {r.date or ''}".strip(), "date": when, "links": links})
    out.sort(key=lambda e: (e["date"] or "", e["id"]), reverse=True)
    return out[:limit]
