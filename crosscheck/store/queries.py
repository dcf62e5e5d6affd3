"""Reading the store: the functions the CLI, the web and the exports call."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import Engine, and_, distinct, func, or_, select

from crosscheck.errors import NotFoundError, message
from crosscheck.resolve.names import alias_kind, name_key
from crosscheck.store.schema import aliases as alias_table
from crosscheck.store.schema import (
    claims,
    documents,
    entities,
    entity_summaries,
    events,
    mentions,
    merges,
    relations,
    sentences,
)

DOCUMENT_FIELDS = (
    "id", "path", "title", "outlet", "author", "date", "date_source", "language", "sha256", "format"
)


@dataclass
class EntitySummary:
    id: str
    type: str
    name: str
    mentions: int
    documents: int


@dataclass
class MentionInContext:
    document: str
    start: int
    end: int
    text: str
    label: str
    attrs: dict
    sentence: str
    document_title: str | None


@dataclass
class AliasUse:
    """One other name of an entity: its kind and where it is used (document, start, end)."""

    text: str
    kind: str
    spans: list[tuple[str, int, int]] = field(default_factory=list)


@dataclass
class EntityDetail:
    id: str
    type: str
    name: str
    aliases: list[tuple[str, int]] = field(default_factory=list)  # (spelling, mentions)
    names: list[AliasUse] = field(default_factory=list)
    titles: list[tuple[str, int]] = field(default_factory=list)
    mentions: list[MentionInContext] = field(default_factory=list)


def canonical_ids(conn) -> dict[str, str]:
    """Entity id -> the id of the entity it was merged into (``crosscheck resolve``); an
    entity that is not listed is its own."""
    return dict(conn.execute(select(merges.c.entity_id, merges.c.canonical_id)).all())


def members(conn, entity_id: str) -> list[str]:
    """The entity and every entity merged into it."""
    return [entity_id, *conn.scalars(select(merges.c.entity_id).where(merges.c.canonical_id == entity_id))]


def canonical(conn, entity_id: str) -> str:
    return conn.scalar(select(merges.c.canonical_id).where(merges.c.entity_id == entity_id)) or entity_id


# A mention's entity after resolution: the one its own entity was merged into, if any.
_resolved_id = func.coalesce(merges.c.canonical_id, mentions.c.entity_id)
_with_merges = mentions.outerjoin(merges, merges.c.entity_id == mentions.c.entity_id)


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        out = {
            "documents": conn.scalar(select(func.count()).select_from(documents)),
            "entities": conn.scalar(select(func.count()).select_from(entities))
            - conn.scalar(select(func.count()).select_from(merges)),
            "mentions": conn.scalar(select(func.count()).select_from(mentions)),
        }
        for type_, n in conn.execute(
            select(entities.c.type, func.count())
            .where(~select(merges.c.entity_id).where(merges.c.entity_id == entities.c.id).exists())
            .group_by(entities.c.type)
        ):
            out[f"entities.{type_}"] = n
        for type_, n in conn.execute(
            select(mentions.c.type, func.count())
            .where(mentions.c.entity_id.is_(None))
            .group_by(mentions.c.type)
        ):
            out[f"values.{type_}"] = n
    return out


def list_entities(
    engine: Engine, type_: str | None = None, limit: int | None = 50, offset: int = 0, name: str | None = None
) -> list[EntitySummary]:
    """Entities (after resolution) by number of mentions, most mentioned first; with ``name``,
    those whose name holds it (any case)."""
    with engine.connect() as conn:
        summarised = conn.execute(select(entity_summaries.c.entity_id).limit(1)).first() is not None
    if summarised:
        # Resolution keeps each entity's counts (store.profiles): no pass over every mention.
        s = entity_summaries.c
        per = select(s.entity_id.label("rid"), s.mentions.label("n_mentions"),
                     s.documents.label("n_documents")).subquery()
    else:
        per = (
            select(_resolved_id.label("rid"), func.count(mentions.c.id).label("n_mentions"),
                   func.count(distinct(mentions.c.document_id)).label("n_documents"))
            .select_from(_with_merges)
            .where(mentions.c.entity_id.is_not(None))
            .group_by(_resolved_id)
            .subquery()
        )
    q = (
        select(entities.c.id, entities.c.type, entities.c.name, per.c.n_mentions, per.c.n_documents)
        .join(per, per.c.rid == entities.c.id)
        .order_by(per.c.n_mentions.desc(), per.c.n_documents.desc(), entities.c.name)
        .offset(offset)
    )
    if type_:
        q = q.where(entities.c.type == type_)
    if name:
        q = q.where(func.lower(entities.c.name).contains(name.lower(), autoescape=True))
    if limit:
        q = q.limit(limit)
    with engine.connect() as conn:
        return [EntitySummary(*row) for row in conn.execute(q)]


def find_entity(engine: Engine, query: str, resolved: bool = True) -> str:
    """The id of the entity that ``query`` names: an id, a name, or a spelling of it; with
    ``resolved``, the entity it was merged into, else the entity of that very name."""
    with engine.connect() as conn:
        if conn.execute(select(entities.c.id).where(entities.c.id == query)).first():
            return query
        key = name_key(query)
        ids = conn.scalars(
            select(entities.c.id).where(
                or_(func.lower(entities.c.name) == query.lower(), entities.c.key.like(f"%:{key}"))
            )
        ).all()
        if not ids:
            ids = conn.scalars(
                select(mentions.c.entity_id)
                .where(and_(mentions.c.name_key == key, mentions.c.entity_id.is_not(None)))
                .distinct()
            ).all()
        if not ids:
            # Last resort: part of a name ("Darraji" for "Jalil Sabah al-Darraji"), or of one
            # of its other names ("Abu Karrar" of the kunya "Abu Karrar al-Hilli").
            ids = conn.scalars(select(entities.c.id).where(entities.c.key.like(f"%{key}%"))).all()
            ids = ids or conn.scalars(
                select(mentions.c.entity_id)
                .where(mentions.c.name_key.like(f"%{key}%"), mentions.c.entity_id.is_not(None),
                       mentions.c.stage != "references")
                .distinct()
            ).all()
    if not ids:
        raise NotFoundError(message("unknown_entity", query=query))
    if resolved:
        with engine.connect() as conn:
            ids = [canonical(conn, i) for i in ids]
    if len(set(ids)) > 1:
        with engine.connect() as conn:
            rows = conn.execute(
                select(entities.c.name, entities.c.type, entities.c.id).where(entities.c.id.in_(set(ids)))
            ).all()
        names = "; ".join(f"{n} ({t}, {i})" for n, t, i in sorted(rows))
        raise NotFoundError(message("ambiguous_entity", query=query, count=len(set(ids)), names=names))
    return ids[0]


def aliases(engine: Engine, entity_id: str, name: str) -> list[tuple[str, int]]:
    """The entity's other spellings among its mentions, with how often each is used."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(mentions.c.text, func.count())
            .where(mentions.c.entity_id.in_(members(conn, entity_id)), mentions.c.stage != "references")
            .group_by(mentions.c.text)
            .order_by(func.count().desc(), mentions.c.text)
        ).all()
    return [(text, n) for text, n in rows if text != name]


def given_kinds(conn, entity_ids: list[str] | None = None) -> dict[tuple[str, int, int], str]:
    """(document, start, end) of each alias the text gave -> its kind (of these entities, or all)."""
    t = alias_table.c
    q = select(t.document_id, t.alias_start, t.alias_end, t.kind)
    if entity_ids is not None:
        q = q.where(t.entity_id.in_(entity_ids))
    return {(d, s, e): k for d, s, e, k in conn.execute(q)}


def alias_uses(name: str, used: list[dict], given: dict[tuple[str, int, int], str]) -> list[AliasUse]:
    """The entity's other names among its mentions (dicts with document, start, end, text), each
    with its kind: as the text gave it, else told by its form (see ``alias_kind``)."""
    by_text: dict[str, AliasUse] = {}
    texts = sorted({m["text"] for m in used if not m.get("reference")})
    for m in used:
        if m["text"] == name or m.get("reference"):
            continue
        use = by_text.get(m["text"])
        kind = given.get((m["document"], m["start"], m["end"]))
        if use is None:
            others = [t for t in texts if t != m["text"]]
            use = by_text[m["text"]] = AliasUse(m["text"], alias_kind(m["text"], others, kind))
        elif kind and use.kind in ("spelling", "partial"):
            use.kind = kind
        use.spans.append((m["document"], m["start"], m["end"]))
    return sorted(by_text.values(), key=lambda u: (-len(u.spans), u.text))


def entity_detail(engine: Engine, entity_id: str, mention_limit: int | None = None) -> EntityDetail:
    """An entity with its aliases, titles and each mention in its sentence."""
    with engine.connect() as conn:
        entity_id = canonical(conn, entity_id)
        row = conn.execute(select(entities).where(entities.c.id == entity_id)).first()
        if row is None:
            raise NotFoundError(message("unknown_entity", query=entity_id))
        ids = members(conn, entity_id)
        titles: dict[str, int] = {}
        for (attrs,) in conn.execute(select(mentions.c.attrs).where(mentions.c.entity_id.in_(ids))):
            if title := (attrs or {}).get("title"):
                titles[title] = titles.get(title, 0) + 1
        # The sentence holding each mention, cut from the document in the database
        # (SUBSTR counts characters, from 1, on SQLite and PostgreSQL alike).
        sentence = func.coalesce(
            func.substr(documents.c.text, sentences.c.start + 1, sentences.c.end - sentences.c.start),
            mentions.c.text,
        )
        q = (
            select(
                mentions.c.document_id, mentions.c.start, mentions.c.end, mentions.c.text, mentions.c.label,
                mentions.c.attrs, sentence.label("sentence"), documents.c.title,
            )
            .join(documents, documents.c.id == mentions.c.document_id)
            .outerjoin(
                sentences,
                and_(
                    sentences.c.document_id == mentions.c.document_id,
                    sentences.c.start <= mentions.c.start,
                    sentences.c.end >= mentions.c.end,
                ),
            )
            .where(mentions.c.entity_id.in_(ids))
            .order_by(documents.c.date.nulls_last(), mentions.c.document_id, mentions.c.start)
        )
        if mention_limit:
            q = q.limit(mention_limit)
        found = [
            MentionInContext(m.document_id, m.start, m.end, m.text, m.label, m.attrs or {}, m.sentence,
                             m.title)
            for m in conn.execute(q)
        ]
        m_ = mentions.c
        q = (select(m_.document_id, m_.start, m_.end, m_.text, m_.stage)
             .where(mentions.c.entity_id.in_(ids))
             .order_by(mentions.c.document_id, mentions.c.start))
        used = [{"document": d, "start": st, "end": en, "text": t, "reference": stage == "references"}
                for d, st, en, t, stage in conn.execute(q)]
        names = alias_uses(row.name, used, given_kinds(conn, ids))
    return EntityDetail(
        id=row.id,
        type=row.type,
        name=row.name,
        aliases=aliases(engine, entity_id, row.name),
        names=names,
        titles=sorted(titles.items(), key=lambda kv: (-kv[1], kv[0])),
        mentions=found,
    )


def iter_documents(engine: Engine, with_text: bool = False) -> Iterator[dict]:
    cols = [documents.c[f] for f in DOCUMENT_FIELDS]
    if with_text:
        cols.append(documents.c.text)
    with engine.connect() as conn:
        for row in conn.execute(select(*cols).order_by(documents.c.date.nulls_last(), documents.c.id)):
            yield dict(row._mapping)


def iter_entities(engine: Engine) -> Iterator[tuple[dict, list[dict]]]:
    """Each entity (after resolution) with its mentions (document, start, end, text, attrs,
    and whether it is a reference: "he", "the brigade"), in a stable order."""
    head = entities.alias("head")
    with engine.connect() as conn:
        q = (
            select(head.c.id, head.c.type, head.c.name, mentions.c.document_id,
                   mentions.c.start, mentions.c.end, mentions.c.text, mentions.c.label, mentions.c.attrs)
            .select_from(_with_merges)
            .join(head, head.c.id == _resolved_id)
            .order_by(head.c.id, mentions.c.document_id, mentions.c.start)
        )
        current, ment = None, []
        for row in conn.execute(q).yield_per(2000):
            if current is not None and row.id != current["id"]:
                yield current, ment
                current, ment = None, []
            if current is None:
                current = {"id": row.id, "type": row.type, "name": row.name}
            attrs = row.attrs or {}
            ment.append({"document": row.document_id, "start": row.start, "end": row.end,
                         "text": row.text, "label": row.label, "attrs": attrs,
                         "reference": "refers_to" in attrs})
        if current is not None:
            yield current, ment


def iter_values(engine: Engine) -> Iterator[dict]:
    """Typed mentions that are not entities: dates, times, money, quantities, groups."""
    with engine.connect() as conn:
        q = (
            select(mentions.c.id, mentions.c.type, mentions.c.label, mentions.c.document_id,
                   mentions.c.start, mentions.c.end, mentions.c.text, mentions.c.attrs)
            .where(mentions.c.entity_id.is_(None))
            .order_by(mentions.c.document_id, mentions.c.start)
        )
        for row in conn.execute(q).yield_per(2000):
            yield dict(row._mapping)


CLAIM_COLUMNS = (
    "id", "document_id", "cue_start", "cue_end", "cue_text", "source_start", "source_end", "source_text",
    "source_entity_id", "content_start", "content_end", "content_text", "stance", "anonymous", "attrs", "via",
)


def inside_content(claim=claims):
    """The condition that joins a claim (the table, or an alias of it) to the mentions inside
    its content: what "a claim about an entity" means everywhere."""
    return and_(mentions.c.document_id == claim.c.document_id, mentions.c.start >= claim.c.content_start,
                mentions.c.end <= claim.c.content_end)


def list_claims(
    engine: Engine,
    about: str | None = None,
    by: str | None = None,
    anonymous: bool | None = None,
    stance: str | None = None,
    limit: int | None = None,
) -> list[dict]:
    """Claims in document order, filtered by the entity they mention (``about``), the
    entity that made them (``by``), anonymity and stance."""
    cols = [claims.c[name] for name in CLAIM_COLUMNS]
    q = (
        select(*cols, documents.c.title.label("document_title"), documents.c.date.label("document_date"),
               entities.c.name.label("source_entity_name"))
        .join(documents, documents.c.id == claims.c.document_id)
        .outerjoin(entities, entities.c.id == claims.c.source_entity_id)
        .order_by(documents.c.date.nulls_last(), claims.c.document_id, claims.c.cue_start)
    )
    if anonymous is not None:
        q = q.where(claims.c.anonymous == anonymous)
    if stance:
        q = q.where(claims.c.stance == stance)
    if limit:
        q = q.limit(limit)
    with engine.connect() as conn:
        if by:
            q = q.where(claims.c.source_entity_id.in_(members(conn, by)))
        if about:
            # Driven from the entity's mentions (indexed), not from every claim.
            inner = claims.alias("named")
            q = q.where(claims.c.id.in_(
                select(inner.c.id).join(mentions, inside_content(inner))
                .where(mentions.c.entity_id.in_(members(conn, about)))
            ))
        merged = canonical_ids(conn)
        found = [dict(row._mapping) for row in conn.execute(q)]
    for c in found:
        if c["source_entity_id"] in merged:
            c["source_entity_id"] = merged[c["source_entity_id"]]
            c["source_entity_name"] = None  # filled below
    return _named_sources(engine, found)


def _named_sources(engine: Engine, found: list[dict]) -> list[dict]:
    missing = {c["source_entity_id"] for c in found if c["source_entity_id"] and not c["source_entity_name"]}
    if missing:
        with engine.connect() as conn:
            q = select(entities.c.id, entities.c.name).where(entities.c.id.in_(missing))
            names = dict(conn.execute(q).all())
        for c in found:
            if c["source_entity_id"] in names:
                c["source_entity_name"] = names[c["source_entity_id"]]
    return found


def iter_claims(engine: Engine) -> Iterator[dict]:
    cols = [claims.c[name] for name in CLAIM_COLUMNS]
    with engine.connect() as conn:
        merged = canonical_ids(conn)
        q = select(*cols).order_by(claims.c.document_id, claims.c.cue_start)
        for row in conn.execute(q).yield_per(2000):
            claim = dict(row._mapping)
            claim["source_entity_id"] = merged.get(claim["source_entity_id"], claim["source_entity_id"])
            yield claim


RELATION_COLUMNS = (
    "id", "document_id", "type", "subject_entity_id", "subject_start", "subject_end", "object_entity_id",
    "object_start", "object_end", "role", "evidence_start", "evidence_end", "evidence_text",
    "start_date", "end_date", "dates",
)


def relation_rows(conn, q, values: dict | None = None) -> list[dict]:
    """Rows with both ends' entities after resolution, and their names (``values``: the
    statement's bound parameters, if any)."""
    merged = canonical_ids(conn)
    rows = [dict(r) for r in conn.execute(q, values or {}).mappings()]
    for r in rows:
        for end in ("subject", "object"):
            r[f"{end}_entity_id"] = merged.get(r[f"{end}_entity_id"], r[f"{end}_entity_id"])
    ids = {r[f"{end}_entity_id"] for r in rows for end in ("subject", "object")} - {None}
    names = dict(conn.execute(select(entities.c.id, entities.c.name).where(entities.c.id.in_(ids))).all())
    for r in rows:
        for end in ("subject", "object"):
            r[f"{end}_name"] = names.get(r[f"{end}_entity_id"])
    return rows


def entity_relations(engine: Engine, entity_id: str) -> list[dict]:
    """The relations of an entity (after resolution), as subject or object, by document date."""
    cols = [relations.c[c] for c in RELATION_COLUMNS]
    with engine.connect() as conn:
        ids = members(conn, canonical(conn, entity_id))
        q = (select(*cols, documents.c.title.label("document_title"), documents.c.date.label("document_date"))
             .join(documents, documents.c.id == relations.c.document_id)
             .where(or_(relations.c.subject_entity_id.in_(ids), relations.c.object_entity_id.in_(ids)))
             .order_by(documents.c.date.nulls_last(), relations.c.document_id, relations.c.evidence_start))
        return relation_rows(conn, q)


def iter_relations(engine: Engine) -> Iterator[dict]:
    cols = [relations.c[c] for c in RELATION_COLUMNS]
    with engine.connect() as conn:
        q = select(*cols).order_by(relations.c.document_id, relations.c.evidence_start, relations.c.id)
        yield from relation_rows(conn, q)


def timeline(engine: Engine, about: str | None = None, limit: int | None = None) -> list[dict]:
    """Events by date (their own, else their document's; undated last), each with its places'
    and participants' entities after resolution; with ``about``, only the events that happened
    in that place, had that entity as a participant, or whose sentences name it; at most
    ``limit`` of them, the earliest."""
    when = func.coalesce(events.c.date, documents.c.date)
    q = (select(events, documents.c.title.label("document_title"), documents.c.date.label("document_date"))
         .join(documents, documents.c.id == events.c.document_id)
         .order_by(when.nulls_last(), events.c.document_id, events.c.id))
    if limit and about is None:
        q = q.limit(limit)
    with engine.connect() as conn:
        ids = members(conn, canonical(conn, about)) if about is not None else []
        if about is not None:
            # Only the reports that name it can tell of it.
            q = q.where(events.c.document_id.in_(select(mentions.c.document_id)
                                                 .where(mentions.c.entity_id.in_(ids))))
        merged = canonical_ids(conn)
        kept: list[dict] = []
        # In date order, a thousand at a time, until ``limit`` are kept.
        for chunk in conn.execute(q).mappings().partitions(1000):
            rows = [dict(r) for r in chunk]
            for r in rows:
                r["places"] = [{**p, "entity": merged.get(p["entity"], p["entity"])} for p in r["places"]]
                r["participants"] = [{**p, "entity": merged.get(p["entity"], p["entity"])}
                                     for p in r["participants"] or []]
            if about is None:
                kept += rows
            else:
                part = {r["id"] for r in rows
                        if any(p["entity"] in ids for p in r["places"] + r["participants"])}
                part |= _named_near(conn, [r for r in rows if r["id"] not in part], ids)
                kept += [r for r in rows if r["id"] in part]
            if limit and len(kept) >= limit:
                break
        return kept[:limit] if limit else kept


def _named_near(conn, found: list[dict], ids: list[str]) -> set[str]:
    """The events among ``found`` with a trigger in a sentence that names one of the entities."""
    docs = list({e["document_id"] for e in found})
    if not docs:
        return set()
    named: dict[str, list[tuple[int, int]]] = {}
    for d, s, e in conn.execute(select(mentions.c.document_id, mentions.c.start, mentions.c.end)
                                .where(mentions.c.entity_id.in_(ids), mentions.c.document_id.in_(docs))):
        named.setdefault(d, []).append((s, e))
    bounds: dict[str, list[tuple[int, int]]] = {}
    for d, s, e in conn.execute(select(sentences.c.document_id, sentences.c.start, sentences.c.end)
                                .where(sentences.c.document_id.in_(docs))):
        bounds.setdefault(d, []).append((s, e))
    out = set()
    for event in found:
        doc = event["document_id"]
        for ev in event["evidence"]:
            sentence = next(((s, e) for s, e in bounds.get(doc, []) if s <= ev["start"] and ev["end"] <= e),
                            None)
            if sentence and any(sentence[0] <= a and b <= sentence[1] for a, b in named.get(doc, [])):
                out.add(event["id"])
                break
    return out

