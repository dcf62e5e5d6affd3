"""Competing hypotheses over the store: the analyst's hypotheses, the ratings of statements
against them (confirmed by the analyst, or suggested from the comparison of claims), and
the matrix (``crosscheck.assess.ach``) with each item weighted by its grades.

A rating is suggested two ways. A statement that says what the hypothesis says (the same
words, ``compare.same_words``) is consistent with it, or inconsistent when one of the two
is negated. And a statement the analyst rated passes its rating on: whatever corroborates
it gets the same suggestion, whatever contradicts it the opposite. A suggestion never
replaces the analyst's rating and counts only once confirmed.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, delete, insert, select

from crosscheck.assess import ach, compare
from crosscheck.assess.compare import Statement
from crosscheck.errors import NotFoundError, UsageError, message
from crosscheck.model import content_id
from crosscheck.store import assessment, grading
from crosscheck.store.schema import ach_ratings, assessment_pairs, hypotheses

_OPPOSITE = {"C": "I", "CC": "II", "I": "C", "II": "CC", "N": "N"}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def add(engine: Engine, text: str) -> str:
    """State a hypothesis; its id is a hash of its words, so stating it twice adds nothing."""
    text = " ".join(text.split())
    if not text:
        raise UsageError(message("empty_hypothesis"))
    hid = content_id("hyp", text.lower())
    with engine.begin() as conn:
        if conn.scalar(select(hypotheses.c.id).where(hypotheses.c.id == hid)) is None:
            conn.execute(insert(hypotheses).values(id=hid, text=text, created_at=_now()))
    return hid


def remove(engine: Engine, hypothesis: str) -> None:
    hid = _find(engine, hypothesis)
    with engine.begin() as conn:
        conn.execute(delete(ach_ratings).where(ach_ratings.c.hypothesis == hid))
        conn.execute(delete(hypotheses).where(hypotheses.c.id == hid))


def listed(engine: Engine) -> list[dict]:
    with engine.connect() as conn:
        q = select(hypotheses).order_by(hypotheses.c.created_at, hypotheses.c.id)
        return [dict(r._mapping) for r in conn.execute(q)]


def _find(engine: Engine, hypothesis: str) -> str:
    """A hypothesis by id, by the start of its id, or by its number in the list (1, 2, ...)."""
    found = listed(engine)
    if hypothesis.isdigit() and 1 <= int(hypothesis) <= len(found):
        return found[int(hypothesis) - 1]["id"]
    matches = [h["id"] for h in found if h["id"].startswith(hypothesis)]
    if len(matches) == 1:
        return matches[0]
    raise NotFoundError(message("unknown_hypothesis", query=hypothesis))


def rate(engine: Engine, hypothesis: str, statement: str, code: str, why: str | None = None) -> None:
    """The analyst's rating of a statement against a hypothesis (C, I, N; CC, II)."""
    hid = _find(engine, hypothesis)
    try:
        rating = ach.Rating(code)
    except ValueError as e:
        raise UsageError(message("bad_rating", detail=e)) from e
    with engine.connect() as conn:
        if statement not in {s.id for s in assessment.statements(conn)}:
            raise NotFoundError(message("unknown_statement", query=statement))
    _write(engine, hid, statement, rating.code, True, why)


def _write(engine: Engine, hid: str, statement: str, code: str, confirmed: bool, why: str | None) -> None:
    with engine.begin() as conn:
        conn.execute(delete(ach_ratings).where(ach_ratings.c.hypothesis == hid,
                                               ach_ratings.c.statement == statement))
        conn.execute(insert(ach_ratings).values(hypothesis=hid, statement=statement, rating=code,
                                                confirmed=confirmed, why=why, rated_at=_now()))


def suggest(engine: Engine, hypothesis: str) -> int:
    """Suggest ratings against a hypothesis from the comparison (see the module's docstring);
    returns how many were suggested. The analyst's ratings are left as they are."""
    hid = _find(engine, hypothesis)
    with engine.connect() as conn:
        text = conn.scalar(select(hypotheses.c.text).where(hypotheses.c.id == hid))
        found = [s for s in assessment.statements(conn) if s.stance in compare.POSITIVE + compare.NEGATIVE]
        rated = {r.statement: r
                 for r in conn.execute(select(ach_ratings).where(ach_ratings.c.hypothesis == hid))}
        pairs = [dict(r._mapping) for r in conn.execute(select(assessment_pairs))]
    stated = Statement("hypothesis", "", None, "analyst", "analyst", "asserts", (0, len(text)), text)
    suggestions: dict[str, tuple[str, str]] = {}
    for s in found:
        whole = Statement(s.id, s.document, s.outlet, s.source, s.source_kind, s.stance, s.span, s.text)
        if (same := compare.same_words(stated, whole)) is not None:
            code = "C" if same[1] == same[2] else "I"
            why = "says what the hypothesis says" if code == "C" else "says the opposite"
            suggestions[s.id] = (code, why)
    for p in pairs:
        for me, other in ((p["a"], p["b"]), (p["b"], p["a"])):
            if other in rated and rated[other].confirmed and me not in suggestions:
                code = rated[other].rating if p["kind"] == "corroboration" else _OPPOSITE[rated[other].rating]
                suggestions[me] = (code, f"{p['kind']} with {other}, rated {rated[other].rating}")
    n = 0
    for sid, (code, why) in suggestions.items():
        if sid in rated and rated[sid].confirmed:
            continue
        _write(engine, hid, sid, code, False, why)
        n += 1
    return n


def matrix(engine: Engine) -> ach.Matrix:
    """The hypotheses and every statement rated against one, each weighted by its grades."""
    with engine.connect() as conn:
        statements = assessment.statements(conn)
        rows = [dict(r._mapping) for r in conn.execute(select(ach_ratings))]
    found = {s.id: s for s in statements}
    graded = grading.credibility(engine, statements)  # the statements read once for both
    hyps = [ach.Hypothesis(h["id"], h["text"]) for h in listed(engine)]
    items = []
    for sid in dict.fromkeys(r["statement"] for r in rows):
        s, g = found.get(sid), graded.get(sid)
        if s is None or g is None:
            continue  # a statement no longer stored (its report was re-ingested differently)
        weight = ach.weight_of(g["credibility"]["value"], g["reliability"]["letter"])
        items.append(ach.Item(sid, f"{s.source_name}: {s.text}", weight))
    kept = {i.id for i in items}
    ratings = {(r["statement"], r["hypothesis"]): ach.Rating(r["rating"], suggested=not r["confirmed"],
                                                             confirmed=r["confirmed"])
               for r in rows if r["statement"] in kept}
    return ach.Matrix(hyps, items, ratings)
