"""Resolution across documents over the store: read the facts, apply ``resolve.across``,
write the merges and the review queue; record, list and undo the analyst's judgements."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from crosscheck.errors import UsageError
from crosscheck.model import content_id
from crosscheck.resolve import across
from crosscheck.store import profiles
from crosscheck.store.schema import aliases, entities, judgements, mentions, merges, resolution_pairs

VERDICTS = ("same", "different", "unsure")


@dataclass
class Outcome:
    entities: int
    merged: int  # pairs that joined clusters
    clusters: int  # clusters of two entities or more
    review: int
    refused: int


def facts(conn: Connection) -> list[across.EntityFacts]:
    out: dict[str, across.EntityFacts] = {}
    q = (select(entities.c.id, entities.c.type, entities.c.name, func.count(mentions.c.id))
         .join(mentions, mentions.c.entity_id == entities.c.id)
         .group_by(entities.c.id, entities.c.type, entities.c.name))
    for eid, type_, name, n in conn.execute(q):
        out[eid] = across.EntityFacts(eid, type_, name, n)
    named: dict[str, set[str]] = {}
    for eid, doc in conn.execute(select(mentions.c.entity_id, mentions.c.document_id).distinct()
                                 .where(mentions.c.entity_id.is_not(None))):
        if eid in out:
            out[eid].documents.add(doc)
            named.setdefault(doc, set()).add(eid)
    for ids in named.values():
        across.add_context(out, ids)
    q = select(aliases.c.entity_id, aliases.c.alias_text, aliases.c.document_id, aliases.c.kind)
    for eid, text, doc, kind in conn.execute(q.order_by(aliases.c.document_id, aliases.c.alias_start)):
        if eid in out and kind in across.GIVEN_KINDS:
            out[eid].given_names.setdefault(text, doc)
    return sorted(out.values(), key=lambda e: e.id)


def active_judgements(conn: Connection) -> list[across.Judgement]:
    rows = conn.execute(select(judgements.c.entity_a, judgements.c.entity_b, judgements.c.verdict)
                        .where(judgements.c.undone_at.is_(None)).order_by(judgements.c.created_at))
    return [across.Judgement(a, b, v) for a, b, v in rows]


def run(engine: Engine, matcher: across.Matcher | None = None) -> Outcome:
    """Recompute the merges and the queue from the stored extractions and judgements."""
    with engine.begin() as conn:
        found = facts(conn)
        result = across.resolve(found, active_judgements(conn), matcher)
        conn.execute(delete(merges))
        conn.execute(delete(resolution_pairs))
        if result.canonical:
            conn.execute(insert(merges),
                         [{"entity_id": e, "canonical_id": c} for e, c in result.canonical.items()])
        rows = {}
        statuses = (("refused", result.refused), ("review", result.review), ("merged", result.merged))
        for status, found_pairs in statuses:
            for c in found_pairs:
                rows[(c.a, c.b)] = {"entity_a": c.a, "entity_b": c.b, "status": status, "score": c.score,
                                    "reason": c.reason, "why": c.why}
        if rows:
            conn.execute(insert(resolution_pairs), list(rows.values()))
        profiles.store_summaries(conn)
    return Outcome(len(found), len(result.merged), len(set(result.canonical.values())), len(result.review),
                   len(result.refused))


def judge(engine: Engine, a: str, b: str, verdict: str, note: str | None = None) -> str:
    """Record an analyst's judgement on two entities (ids) and return its id; run ``run`` after."""
    if verdict not in VERDICTS:
        raise UsageError(f"a judgement is one of {', '.join(VERDICTS)}, not '{verdict}'")
    if a == b:
        raise UsageError("an entity is always the same as itself: name two different entities")
    a, b = across.pair(a, b)
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    jid = content_id("jdg", a, b, verdict, now)
    with engine.begin() as conn:
        q = select(entities.c.id, entities.c.key).where(entities.c.id.in_([a, b]))
        keys = dict(conn.execute(q).all())
        missing = [x for x in (a, b) if x not in keys]
        if missing:
            raise UsageError(f"no entity with id {missing[0]}")
        conn.execute(insert(judgements).values(id=jid, entity_a=a, entity_b=b, key_a=keys[a], key_b=keys[b],
                                               verdict=verdict, note=note, created_at=now))
    return jid


def undo(engine: Engine, judgement_id: str) -> None:
    """Undo a judgement: it stays on record, marked undone, and no longer counts."""
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    with engine.begin() as conn:
        done = conn.execute(update(judgements).where(judgements.c.id == judgement_id,
                                                     judgements.c.undone_at.is_(None))
                            .values(undone_at=now)).rowcount
    if not done:
        raise UsageError(f"no judgement {judgement_id} to undo (see `crosscheck judgements`)")


def list_judgements(engine: Engine, include_undone: bool = False) -> list[dict]:
    q = select(judgements).order_by(judgements.c.created_at)
    if not include_undone:
        q = q.where(judgements.c.undone_at.is_(None))
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def pairs(engine: Engine, status: str = "review") -> list[dict]:
    """The pairs last computed with a status (review, merged, refused), best score first, with
    both entities' names."""
    a, b = entities.alias("a"), entities.alias("b")
    q = (select(resolution_pairs, a.c.name.label("name_a"), b.c.name.label("name_b"), a.c.type.label("type"))
         .join(a, a.c.id == resolution_pairs.c.entity_a).join(b, b.c.id == resolution_pairs.c.entity_b)
         .where(resolution_pairs.c.status == status)
         .order_by(resolution_pairs.c.score.desc(), a.c.name, b.c.name))
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]
