"""The evidence side by side: stored corroborations and contradictions with what each side
says, read from the stored claims and events (the comparison itself is not recomputed)."""

from __future__ import annotations

import functools

from sqlalchemy import Engine, and_, case, func, or_, select

from crosscheck.store.schema import assessment_pairs, claims, documents

SIDE_FIELDS = ("document", "start", "end", "source", "stance")
PAIR_FIELDS = ("id", "kind", "a", "b", "reason", "independence", "strength", "detail")


def pairs(engine: Engine, kind: str | None = None, limit: int = 50, offset: int = 0) -> dict:
    """A page of pairs, strongest first, and how many there are of each kind."""
    with engine.connect() as conn:
        totals = dict(conn.execute(select(assessment_pairs.c.kind, func.count())
                                   .group_by(assessment_pairs.c.kind)).all())
        return {"totals": totals, "pairs": pairs_of(conn, None, kind, limit, offset)}


@functools.cache
def _pairs_query():
    """The pairs with both sides' words, reports' titles and dates (built once: a statement
    this size costs more to build than to run)."""
    p = assessment_pairs.c
    da, db = documents.alias("da"), documents.alias("db")
    ca, cb = claims.alias("ca"), claims.alias("cb")

    def words(d, c, side: str):
        # A claim's own words where the side is just them (no report text to read), else the
        # report's words over the side's span (an event's sentence, a widened denial).
        start, end = p[f"{side}_start"], p[f"{side}_end"]
        refusal = and_(c.c.content_start.is_(None), c.c.cue_start == start, c.c.cue_end == end)
        return case((and_(c.c.content_start == start, c.c.content_end == end), c.c.content_text),
                    (refusal, c.c.cue_text),
                    else_=func.substr(d.c.text, start + 1, end - start)).label(f"{side}_text")

    return (select(p.id, p.kind, p.a, p.b, p.reason, p.independence, p.strength, p.detail,
                   *(p[f"{side}_{f}"] for side in ("a", "b") for f in SIDE_FIELDS),
                   words(da, ca, "a"), words(db, cb, "b"), da.c.title.label("a_title"),
                   da.c.date.label("a_date"), db.c.title.label("b_title"), db.c.date.label("b_date"))
            .outerjoin(da, da.c.id == p.a_document).outerjoin(db, db.c.id == p.b_document)
            .outerjoin(ca, ca.c.id == p.a).outerjoin(cb, cb.c.id == p.b))


def pairs_of(conn, statement_ids: list[str] | None, kind: str | None = None, limit: int = 50,
             offset: int = 0) -> list[dict]:
    """Corroborations and contradictions (of ``kind``; those the statements are a side of,
    where given), strongest first, each side with its report, source, stance and words."""
    if statement_ids is not None and not statement_ids:
        return []
    p = assessment_pairs.c
    q = _pairs_query()
    if statement_ids is not None:
        q = q.where(or_(p.a.in_(statement_ids), p.b.in_(statement_ids)))
    if kind:
        q = q.where(p.kind == kind)
    q = q.order_by(p.kind, p.strength.desc(), p.id).limit(limit).offset(offset)
    rows = []
    for r in conn.execute(q):
        row = {k: getattr(r, k) for k in PAIR_FIELDS}
        for side in ("a", "b"):
            m = r._mapping
            row[f"{side}_statement"] = None if m[f"{side}_document"] is None else {
                "id": m[side], "document": m[f"{side}_document"], "title": m[f"{side}_title"],
                "date": m[f"{side}_date"], "source": m[f"{side}_source"], "stance": m[f"{side}_stance"],
                "start": m[f"{side}_start"], "end": m[f"{side}_end"], "text": m[f"{side}_text"]}
        rows.append(row)
    return rows
