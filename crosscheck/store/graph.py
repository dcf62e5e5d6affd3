"""The link chart's data: entities as nodes; relations between them, and claims (a source
asserting or denying something that names another), as edges; the events they took part in
as nodes of their own; so a chart can start anywhere and grow a node's neighbours on demand."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Engine, func, or_, select

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
        edges: dict[tuple[str, str, str], dict] = {}
        if entity_id is None:
            centre, ids, rows = None, None, []
            top = _busiest(conn, limit)
            if since or until:
                rows = _relations_among(conn, top)
            else:
                edges = _relation_edges_among(conn, top, merged)
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
            counted = profiles.counts_of(conn, centre)
            for a, b, stance, when in _said(conn, ids, limit, counted):
                a, b = merged.get(a, a), merged.get(b, b)
                if a == b or not _in_dates(when, since, until):
                    continue
                edge = edges.setdefault((a, b, stance), {"id": f"{stance}:{a}:{b}", "source": a, "target": b,
                                                         "type": stance, "role": "claim", "count": 0,
                                                         "first": when, "last": when})
                edge["count"] += 1
        happened = (_events(conn, ids, merged, since, until, limit, counted["documents"])
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
    named = conn.execute(select(claims.c.id, mentions.c.entity_id).join(mentions, queries.inside_content())
                         .where(claims.c.id.in_([c["id"] for c in latest]), mentions.c.entity_id.is_not(None))
                         ).all()
    out = []
    by_id = {c["id"]: c for c in latest}
    for claim_id, entity in named:
        c = by_id[claim_id]
        if c["source_entity_id"]:
            out.append((c["source_entity_id"], entity, c["stance"], c["document_date"]))
    return out


def _busiest(conn, limit: int) -> list[str]:
    """The entities in the most relations with another (a place to start), each end counted
    from its own index."""
    r = relations.c
    degree: dict[str, int] = defaultdict(int)
    for end in (r.subject_entity_id, r.object_entity_id):
        for e, n in conn.execute(select(end, func.count()).where(r.object_entity_id.is_not(None))
                                 .group_by(end)):
            degree[e] += n
    return sorted(degree, key=lambda i: (-degree[i], i))[:limit]


def _relations_among(conn, top: list[str]) -> list:
    """Every relation between two of these entities, one row each."""
    r = relations.c
    return conn.execute(
        select(r.id, r.type, r.subject_entity_id, r.object_entity_id, r.role, r.start_date, r.end_date,
               documents.c.date.label("document_date"))
        .join(documents, documents.c.id == r.document_id)
        .where(r.subject_entity_id.in_(top), r.object_entity_id.in_(top))).all() if top else []


def _relation_edges_among(conn, top: list[str], merged: dict[str, str]) -> dict[tuple[str, str, str], dict]:
    """The relations between these entities as edges, counted and dated in the database."""
    if not top:
        return {}
    r = relations.c
    when = func.coalesce(r.start_date, documents.c.date)
    q = (select(r.type, r.subject_entity_id, r.object_entity_id, func.min(r.role), func.count(),
                func.min(when), func.max(when))
         .join(documents, documents.c.id == r.document_id)
         .where(r.subject_entity_id.in_(top), r.object_entity_id.in_(top))
         .group_by(r.type, r.subject_entity_id, r.object_entity_id))
    edges: dict[tuple[str, str, str], dict] = {}
    for type_, a, b, role, n, first, last in conn.execute(q):
        a, b = merged.get(a, a), merged.get(b, b)
        if a == b:
            continue
        edge = edges.setdefault((a, b, type_), {"id": f"{type_}:{a}:{b}", "source": a, "target": b,
                                                "type": type_, "role": role, "count": 0, "first": first,
                                                "last": last})
        edge["count"] += n
        edge["first"] = min(filter(None, [edge["first"], first]), default=None)
        edge["last"] = max(filter(None, [edge["last"], last]), default=None)
    return edges


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
