"""An entity's profile: everything the store knows of one person, organisation or place.

Each part is bounded (the latest first, with the total), so that the page of an entity named
in thousands of reports costs about what a rare one does."""

from __future__ import annotations

import functools
import math
from collections import Counter

from sqlalchemy import Engine, Text, and_, bindparam, cast, delete, func, insert, or_, select, true

from crosscheck.errors import NotFoundError, message
from crosscheck.resolve.names import alias_kind
from crosscheck.store import evidence, grading, queries
from crosscheck.store.schema import (
    aliases,
    claims,
    documents,
    entities,
    entity_summaries,
    events,
    mentions,
    relations,
    sentences,
    source_grades,
)

# Each list of a profile shows this many, the latest first; the claims board, the timeline
# and the link chart go further.
LIMIT = 20


def profile(engine: Engine, entity_id: str, limit: int = LIMIT) -> dict:
    """The entity (after resolution) with its names (kind, uses, a span of each), titles,
    relations, events, claims by and about it (each with its grade), the pairs those claims
    are in, its grade as a source, and the documents that name it, latest first; each list
    bounded by ``limit``."""
    with engine.connect() as conn:
        entity_id = queries.canonical(conn, entity_id)
        row = conn.execute(select(entities).where(entities.c.id == entity_id)).first()
        if row is None:
            raise NotFoundError(message("unknown_entity", query=entity_id))
        ids = queries.members(conn, entity_id)
        stored = conn.execute(select(entity_summaries)
                              .where(entity_summaries.c.entity_id == entity_id)).first()
        # (A workspace resolved before summaries were kept gets one made on the spot.)
        summary = (dict(stored._mapping) if stored
                   else summarise(conn, dict.fromkeys(ids, entity_id))[entity_id])
        docs = latest_documents(conn, ids, limit, named_in=summary["documents"])
        grade = conn.execute(select(source_grades.c.reliability, source_grades.c.reason)
                             .where(source_grades.c.source == f"entity:{entity_id}")).first()
        said_by = claims_by(conn, ids, limit, summary["claims_by"], summary["documents"])
        about = claims_about(conn, ids, limit, named_in=summary["documents"], known=summary["claims_about"])
        graded = grading.credibility_of(conn, said_by + about)
        for c in said_by + about:
            c["grade"] = graded[c["id"]]
        paired = evidence.pairs_of(conn, [c["id"] for c in said_by + about], limit=limit)
        happened = _events(conn, ids, [d["id"] for d in docs], limit)
        related = _relations(conn, ids, limit, summary.get("relations"), summary["documents"])
        examples = _examples(conn, ids, docs[:10])
        names = _kinds(conn, row.name, ids, summary["names"])
    return {
        "id": row.id, "type": row.type, "name": row.name,
        "mentions": summary["mentions"], "documents_count": summary["documents"],
        "names": names, "titles": summary["titles"][:limit],
        "relations": related,
        "events": happened,
        "claims_by": said_by, "claims_about": about, "pairs": paired,
        "claims_by_count": summary["claims_by"], "claims_about_count": summary["claims_about"],
        "reliability": {"letter": grade.reliability, "reason": grade.reason} if grade else None,
        "documents": docs,
        "examples": examples,
    }


def summarise(conn, heads: dict[str, str] | None = None) -> dict[str, dict]:
    """Each entity's counts (mentions, documents, claims by and about it), names (most used
    first, each with where it is first used) and titles, by the entity its mentions resolve
    to: ``heads`` maps an entity to its head (all of the store's, after resolution, when not
    given)."""
    merged = queries.canonical_ids(conn) if heads is None else heads
    title = mentions.c.attrs["title"].as_string()
    which = mentions.c.entity_id.is_not(None) if heads is None else mentions.c.entity_id.in_(list(heads))
    q = (select(mentions.c.entity_id, mentions.c.text, mentions.c.document_id, mentions.c.start,
                mentions.c.stage, title.label("title")).where(which)
         .order_by(mentions.c.document_id, mentions.c.start))
    found: dict[str, dict] = {}
    for eid, text, doc, start, stage, title_ in conn.execute(q).yield_per(5000):
        head = merged.get(eid, eid)
        s = found.get(head)
        if s is None:
            s = found[head] = {"entity_id": head, "mentions": 0, "documents": set(), "names": {},
                               "titles": Counter()}
        s["mentions"] += 1
        s["documents"].add(doc)
        if stage != "references":
            name = s["names"].get(text)
            if name is None:
                name = s["names"][text] = {"text": text, "mentions": 0, "document": doc, "start": start}
            name["mentions"] += 1
        if title_:
            s["titles"][title_] += 1
    by = select(claims.c.source_entity_id, func.count()).group_by(claims.c.source_entity_id)
    about = select(claims.c.id, mentions.c.entity_id).distinct().join(mentions, queries.inside_content())
    if heads is not None:
        by = by.where(claims.c.source_entity_id.in_(list(heads)))
        about = about.where(mentions.c.entity_id.in_(list(heads)))
    else:
        by = by.where(claims.c.source_entity_id.is_not(None))
        about = about.where(mentions.c.entity_id.is_not(None))
    said_by: Counter = Counter()
    for eid, n in conn.execute(by):
        said_by[merged.get(eid, eid)] += n
    said_about: dict[str, set] = {}
    for claim_id, eid in conn.execute(about).yield_per(5000):
        said_about.setdefault(merged.get(eid, eid), set()).add(claim_id)
    related: Counter = Counter()
    r = relations.c
    ends = (or_(r.subject_entity_id.is_not(None), r.object_entity_id.is_not(None)) if heads is None
            else or_(r.subject_entity_id.in_(list(heads)), r.object_entity_id.in_(list(heads))))
    for a, b in conn.execute(select(r.subject_entity_id, r.object_entity_id).where(ends)):
        for head in {merged.get(a, a), merged.get(b, b)} - {None}:
            related[head] += 1
    for head, s in found.items():
        s["relations"] = related.get(head, 0)
        s["claims_by"] = said_by.get(head, 0)
        s["claims_about"] = len(said_about.get(head, ()))
        s["documents"] = len(s["documents"])
        s["names"] = sorted(s["names"].values(), key=lambda n: (-n["mentions"], n["text"]))
        s["titles"] = [{"title": t, "mentions": n} for t, n in sorted(s["titles"].items(),
                                                                      key=lambda kv: (-kv[1], kv[0]))]
    if heads is not None:
        for head in set(heads.values()) - set(found):
            found[head] = {"entity_id": head, "mentions": 0, "documents": 0, "names": [], "titles": [],
                           "claims_by": said_by.get(head, 0), "claims_about": len(said_about.get(head, ())),
                           "relations": related.get(head, 0)}
    return found


def store_summaries(conn) -> int:
    """Recompute every entity's summary (resolution calls this after each run)."""
    found = summarise(conn)
    conn.execute(delete(entity_summaries))
    if found:
        conn.execute(insert(entity_summaries), list(found.values()))
    return len(found)


def _kinds(conn, name: str, ids: list[str], names: list[dict]) -> list[dict]:
    """The other names, each with its kind: as the text gave it, else told by its form."""
    given = dict(conn.execute(select(aliases.c.alias_text, func.min(aliases.c.kind))
                              .where(aliases.c.entity_id.in_(ids)).group_by(aliases.c.alias_text)).all())
    texts = [n["text"] for n in names]
    return [{**n, "kind": alias_kind(n["text"], [t for t in texts if t != n["text"]], given.get(n["text"])),
             "end": n["start"] + len(n["text"])} for n in names if n["text"] != name]


# An entity named in more documents than this is found by walking the documents latest
# first (it is soon met); a rarer one by gathering its own documents and sorting them.
WALK_FROM = 500


def _after(last: dict | None):
    """Documents after ``last`` in the order latest first (undated ones last), for walking
    page by page without an OFFSET that reads every page before."""
    d = documents.c
    if last is None:
        return true()
    if last["date"] is None:
        return and_(d.date.is_(None), d.id < last["id"])
    return or_(d.date < last["date"], and_(d.date == last["date"], d.id < last["id"]), d.date.is_(None))


def latest_documents(conn, ids: list[str], limit: int, offset: int = 0, named_in: int = 0,
                     after: dict | None = None) -> list[dict]:
    """The documents that name the entity (in ``named_in`` documents, if known), latest
    first (after the document ``after``, if given), with how often each does."""
    cols = (documents.c.id, documents.c.title, documents.c.date, documents.c.outlet)
    order = (documents.c.date.desc().nulls_last(), documents.c.id.desc())
    if named_in > WALK_FROM:
        named = (select(mentions.c.id).where(mentions.c.document_id == documents.c.id,
                                             mentions.c.entity_id.in_(ids)).exists())
        q = select(*cols).where(named, _after(after)).order_by(*order).limit(limit).offset(offset)
        rows = [dict(r._mapping) for r in conn.execute(q)]
        n = dict(conn.execute(select(mentions.c.document_id, func.count())
                              .where(mentions.c.entity_id.in_(ids),
                                     mentions.c.document_id.in_([r["id"] for r in rows]))
                              .group_by(mentions.c.document_id)).all())
        return [{**r, "mentions": n.get(r["id"], 0)} for r in rows]
    q = _gathered_documents_query() if after is None else _gathered_documents_query().where(_after(after))
    return [dict(r) for r in conn.execute(q, {"ids": ids, "n": limit, "skip": offset}).mappings()]


@functools.cache
def _gathered_documents_query():
    """An entity's documents gathered, counted and sorted latest first (built once)."""
    per = (select(mentions.c.document_id, func.count().label("mentions"))
           .where(mentions.c.entity_id.in_(bindparam("ids", expanding=True)))
           .group_by(mentions.c.document_id).subquery())
    return (select(documents.c.id, documents.c.title, documents.c.date, documents.c.outlet, per.c.mentions)
            .join(per, per.c.document_id == documents.c.id)
            .order_by(documents.c.date.desc().nulls_last(), documents.c.id.desc())
            .limit(bindparam("n")).offset(bindparam("skip")))


@functools.cache
def _examples_queries():
    """The entity's mentions in some documents (in order), those documents' texts and their
    sentences (built once)."""
    ids, docs = bindparam("ids", expanding=True), bindparam("docs", expanding=True)
    m = mentions.c
    return (select(m.document_id, m.start, m.end, m.text).where(m.document_id.in_(docs), m.entity_id.in_(ids))
            .order_by(m.document_id, m.start),
            select(documents.c.id, documents.c.text).where(documents.c.id.in_(docs)),
            select(sentences.c.document_id, sentences.c.start, sentences.c.end)
            .where(sentences.c.document_id.in_(docs)))


def _examples(conn, ids: list[str], docs: list[dict]) -> list[dict]:
    """The entity's first mention in each of these documents, in its sentence."""
    if not docs:
        return []
    values = {"ids": ids, "docs": [d["id"] for d in docs]}
    named, texts_of, sentences_of = _examples_queries()
    found: dict[str, tuple[int, int, str]] = {}
    for d, s, e, t in conn.execute(named, values):  # in order: the first is each document's first
        found.setdefault(d, (s, e, t))
    texts = dict(conn.execute(texts_of, values).all())
    bounds: dict[str, list[tuple[int, int]]] = {}
    for d, s, e in conn.execute(sentences_of, values):
        bounds.setdefault(d, []).append((s, e))
    out = []
    for d in docs:
        if d["id"] not in found:
            continue
        start, end, text = found[d["id"]]
        s, e = next(((s, e) for s, e in bounds.get(d["id"], []) if s <= start and end <= e), (start, end))
        out.append({"document": d["id"], "title": d["title"], "start": start, "end": end, "text": text,
                    "sentence": texts[d["id"]][s:e]})
    return out


_CLAIM_COLUMNS = (claims.c.id, claims.c.document_id, claims.c.source_text, claims.c.source_entity_id,
                  claims.c.cue_text, claims.c.content_start, claims.c.content_end, claims.c.content_text,
                  claims.c.stance, claims.c.anonymous, claims.c.cue_start)


@functools.cache
def _claims_query(shape: str):
    """The latest claims of one shape (built once; the ids, documents and limit are bound):
    ``by`` the entity, ``about`` it (its content names it), and each of those ``_in`` some
    documents."""
    ids, docs = bindparam("ids", expanding=True), bindparam("docs", expanding=True)
    named = claims.alias("named")  # (an alias: not the outer query's claims)
    inside = (select(named.c.id).join(mentions, queries.inside_content(named))
              .where(mentions.c.entity_id.in_(ids)))
    where = {"by": claims.c.source_entity_id.in_(ids),
             "by_in": and_(claims.c.document_id.in_(docs), claims.c.source_entity_id.in_(ids)),
             "about": claims.c.id.in_(inside),
             "about_in": claims.c.id.in_(inside.where(named.c.document_id.in_(docs)))}[shape]
    return (select(*_CLAIM_COLUMNS, documents.c.title.label("document_title"),
                   documents.c.date.label("document_date"), entities.c.name.label("source_entity_name"))
            .join(documents, documents.c.id == claims.c.document_id)
            .outerjoin(entities, entities.c.id == claims.c.source_entity_id).where(where)
            # (the order the entity's documents are walked in: latest first, then by id)
            .order_by(documents.c.date.desc().nulls_last(), claims.c.document_id.desc(), claims.c.cue_start)
            .limit(bindparam("n")))


def _claims(conn, shape: str, ids: list[str], limit: int, docs: list[str] | None = None) -> list[dict]:
    values = {"ids": ids, "n": limit, **({"docs": docs} if docs is not None else {})}
    return [dict(r) for r in conn.execute(_claims_query(shape), values).mappings()]


def counts_of(conn, entity_id: str) -> dict:
    """In how many documents the entity (a head) is named, how many claims it made and how
    many name it, by its summary (0, 0, None: not known, without one)."""
    s = entity_summaries.c
    q = select(s.documents, s.claims_by, s.claims_about).where(s.entity_id == entity_id)
    row = conn.execute(q).first()
    return dict(row._mapping) if row else {"documents": 0, "claims_by": 0, "claims_about": None}


# Past this many claims by or about an entity (or relations of it), its latest ones are found
# by walking its documents latest first; below it, by gathering them all and sorting.
WALK_CLAIMS = 300


def claims_by(conn, ids: list[str], limit: int, known: int = 0, named_in: int = 0) -> list[dict]:
    """The latest claims the entity made (``known``: how many there are, if known)."""
    if known > WALK_CLAIMS:
        return _walk(conn, ids, limit, named_in, lambda docs, n: _claims(conn, "by_in", ids, n, docs),
                     _batch(limit, known, named_in))
    return _claims(conn, "by", ids, limit)


def claims_about(conn, ids: list[str], limit: int, batch: int | None = None, named_in: int = 0,
                 known: int | None = None) -> list[dict]:
    """The latest claims whose content names the entity (``known``: how many there are, if
    known): none to look for, a few gathered and sorted, or many found by walking the
    entity's documents latest first, ``batch`` at a time, until ``limit`` claims are found."""
    if known == 0:
        return []
    if known is not None and known <= WALK_CLAIMS:
        return _claims(conn, "about", ids, limit)
    return _walk(conn, ids, limit, named_in, lambda docs, n: _claims(conn, "about_in", ids, n, docs),
                 batch or _batch(limit, known, named_in))


def _batch(limit: int, known: int | None, named_in: int) -> int:
    """How many documents to look in at a time for ``limit`` claims, from how many there are
    (``known``) in how many documents: enough for one batch to find them, as a rule."""
    if not known or not named_in:
        return 2 * limit
    return max(limit, min(400, math.ceil(1.5 * limit * named_in / known)))


def _walk(conn, ids: list[str], limit: int, named_in: int, fetch, batch: int = 200) -> list[dict]:
    """What ``fetch(document ids, n)`` finds (at most n) in the entity's documents, walked
    latest first ``batch`` at a time, until ``limit`` are found."""
    found: list[dict] = []
    last = None
    while len(found) < limit:
        docs = latest_documents(conn, ids, batch, named_in=named_in, after=last)
        if not docs:
            break
        found += fetch([d["id"] for d in docs], limit - len(found))
        last = docs[-1]
    return found


def _events(conn, ids: list[str], document_ids: list[str], limit: int) -> list[dict]:
    """Events of the entity's latest documents where it is a place or a participant."""
    if not document_ids:
        return []
    # Only events whose places or participants hold one of the ids in their words, before
    # any is decoded (the check on the decoded ones below is the exact one).
    held = or_(*(cast(col, Text).contains(i, autoescape=True) for i in ids
                 for col in (events.c.places, events.c.participants)))
    q = (select(events, documents.c.title.label("document_title"), documents.c.date.label("document_date"))
         .join(documents, documents.c.id == events.c.document_id)
         .where(events.c.document_id.in_(document_ids), held)
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


@functools.cache
def _relations_query(within_documents: bool):
    """The latest relations the entity is an end of (in some documents), built once."""
    ids = bindparam("ids", expanding=True)
    cols = [relations.c[c] for c in queries.RELATION_COLUMNS]
    mine = or_(relations.c.subject_entity_id.in_(ids), relations.c.object_entity_id.in_(ids))
    if within_documents:
        mine = and_(relations.c.document_id.in_(bindparam("docs", expanding=True)), mine)
    return (select(*cols, documents.c.title.label("document_title"), documents.c.date.label("document_date"))
            .join(documents, documents.c.id == relations.c.document_id).where(mine)
            .order_by(documents.c.date.desc().nulls_last(), relations.c.document_id.desc(),
                      relations.c.evidence_start)
            .limit(bindparam("n")))


def _relations(conn, ids: list[str], limit: int, known: int | None = None, named_in: int = 0) -> list[dict]:
    """The entity's latest relations, as subject or object, both ends after resolution
    (``known``: how many there are; many are found by walking its documents)."""
    if known == 0:
        return []
    if known is not None and known > WALK_CLAIMS:
        return _walk(conn, ids, limit, named_in,
                     lambda docs, n: queries.relation_rows(conn, _relations_query(True),
                                                           {"ids": ids, "docs": docs, "n": n}),
                     _batch(limit, known, named_in))
    return queries.relation_rows(conn, _relations_query(False), {"ids": ids, "n": limit})
