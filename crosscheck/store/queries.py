"""Reading the store: the functions the CLI, the web and the exports call."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import Engine, and_, distinct, func, or_, select

from crosscheck.errors import NotFoundError, message
from crosscheck.resolve.names import name_key
from crosscheck.store.schema import claims, documents, entities, mentions, sentences

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
class EntityDetail:
    id: str
    type: str
    name: str
    aliases: list[tuple[str, int]] = field(default_factory=list)  # (spelling, mentions)
    titles: list[tuple[str, int]] = field(default_factory=list)
    mentions: list[MentionInContext] = field(default_factory=list)


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        out = {
            "documents": conn.scalar(select(func.count()).select_from(documents)),
            "entities": conn.scalar(select(func.count()).select_from(entities)),
            "mentions": conn.scalar(select(func.count()).select_from(mentions)),
        }
        for type_, n in conn.execute(select(entities.c.type, func.count()).group_by(entities.c.type)):
            out[f"entities.{type_}"] = n
        for type_, n in conn.execute(
            select(mentions.c.type, func.count())
            .where(mentions.c.entity_id.is_(None))
            .group_by(mentions.c.type)
        ):
            out[f"values.{type_}"] = n
    return out


def list_entities(
    engine: Engine, type_: str | None = None, limit: int | None = 50, offset: int = 0
) -> list[EntitySummary]:
    """Entities by number of mentions, most mentioned first."""
    n_mentions = func.count(mentions.c.id).label("n_mentions")
    n_docs = func.count(distinct(mentions.c.document_id)).label("n_documents")
    q = (
        select(entities.c.id, entities.c.type, entities.c.name, n_mentions, n_docs)
        .join(mentions, mentions.c.entity_id == entities.c.id)
        .group_by(entities.c.id, entities.c.type, entities.c.name)
        .order_by(n_mentions.desc(), n_docs.desc(), entities.c.name)
        .offset(offset)
    )
    if type_:
        q = q.where(entities.c.type == type_)
    if limit:
        q = q.limit(limit)
    with engine.connect() as conn:
        return [EntitySummary(*row) for row in conn.execute(q)]


def find_entity(engine: Engine, query: str) -> str:
    """The id of the entity that ``query`` names: an id, a name, or a spelling of it."""
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
            # Last resort: part of a name ("Darraji" for "Jalil Sabah al-Darraji").
            ids = conn.scalars(select(entities.c.id).where(entities.c.key.like(f"%{key}%"))).all()
    if not ids:
        raise NotFoundError(message("unknown_entity", query=query))
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
            .where(mentions.c.entity_id == entity_id)
            .group_by(mentions.c.text)
            .order_by(func.count().desc(), mentions.c.text)
        ).all()
    return [(text, n) for text, n in rows if text != name]


def entity_detail(engine: Engine, entity_id: str, mention_limit: int | None = None) -> EntityDetail:
    """An entity with its aliases, titles and each mention in its sentence."""
    with engine.connect() as conn:
        row = conn.execute(select(entities).where(entities.c.id == entity_id)).first()
        if row is None:
            raise NotFoundError(message("unknown_entity", query=entity_id))
        titles: dict[str, int] = {}
        for (attrs,) in conn.execute(select(mentions.c.attrs).where(mentions.c.entity_id == entity_id)):
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
            .where(mentions.c.entity_id == entity_id)
            .order_by(documents.c.date.nulls_last(), mentions.c.document_id, mentions.c.start)
        )
        if mention_limit:
            q = q.limit(mention_limit)
        found = [
            MentionInContext(m.document_id, m.start, m.end, m.text, m.label, m.attrs or {}, m.sentence,
                             m.title)
            for m in conn.execute(q)
        ]
    return EntityDetail(
        id=row.id,
        type=row.type,
        name=row.name,
        aliases=aliases(engine, entity_id, row.name),
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
    """Each entity with its mentions (document, start, end, text, attrs), in a stable order."""
    with engine.connect() as conn:
        q = (
            select(entities.c.id, entities.c.type, entities.c.name, mentions.c.document_id,
                   mentions.c.start, mentions.c.end, mentions.c.text, mentions.c.label, mentions.c.attrs)
            .join(mentions, mentions.c.entity_id == entities.c.id)
            .order_by(entities.c.id, mentions.c.document_id, mentions.c.start)
        )
        current, ment = None, []
        for row in conn.execute(q).yield_per(2000):
            if current is not None and row.id != current["id"]:
                yield current, ment
                current, ment = None, []
            if current is None:
                current = {"id": row.id, "type": row.type, "name": row.name}
            ment.append({"document": row.document_id, "start": row.start, "end": row.end,
                         "text": row.text, "label": row.label, "attrs": row.attrs or {}})
        if current is not None:
            yield current, ment


def iter_values(engine: Engine) -> Iterator[dict]:
    """Typed mentions that are not entities: dates, times, money, quantities, groups."""
    with engine.connect() as conn:
        q = (
            select(mentions.c.id, mentions.c.type, mentions.c.label, mentions.c.document_id,
                   mentions.c.start, mentions.c.end, mentions.c.text)
            .where(mentions.c.entity_id.is_(None))
            .order_by(mentions.c.document_id, mentions.c.start)
        )
        for row in conn.execute(q).yield_per(2000):
            yield dict(row._mapping)


CLAIM_COLUMNS = (
    "id", "document_id", "cue_start", "cue_end", "cue_text", "source_start", "source_end", "source_text",
    "source_entity_id", "content_start", "content_end", "content_text", "stance", "anonymous", "attrs", "via",
)


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
    if by:
        q = q.where(claims.c.source_entity_id == by)
    if about:
        q = q.where(
            select(mentions.c.id)
            .where(mentions.c.document_id == claims.c.document_id)
            .where(mentions.c.entity_id == about)
            .where(mentions.c.start >= claims.c.content_start)
            .where(mentions.c.end <= claims.c.content_end)
            .exists()
        )
    if anonymous is not None:
        q = q.where(claims.c.anonymous == anonymous)
    if stance:
        q = q.where(claims.c.stance == stance)
    if limit:
        q = q.limit(limit)
    with engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(q)]


def iter_claims(engine: Engine) -> Iterator[dict]:
    cols = [claims.c[name] for name in CLAIM_COLUMNS]
    with engine.connect() as conn:
        q = select(*cols).order_by(claims.c.document_id, claims.c.cue_start)
        for row in conn.execute(q).yield_per(2000):
            yield dict(row._mapping)
