"""Sources and grades over the store: the registry of sources (named people and
organisations, described anonymous sources, outlets) with the reliability the analyst set,
and each statement's credibility from its corroborations and contradictions
(``crosscheck.assess.grades``), with the analyst's overrides on top.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, delete, insert, or_, select

from crosscheck.assess import compare, grades
from crosscheck.assess.compare import Statement
from crosscheck.errors import NotFoundError, UsageError, message
from crosscheck.store import assessment
from crosscheck.store.schema import (
    assessment_pairs,
    credibility_overrides,
    documents,
    source_grades,
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _reliabilities(conn) -> dict[str, grades.Reliability]:
    rows = conn.execute(select(source_grades.c.source, source_grades.c.reliability, source_grades.c.reason))
    return {key: grades.reliability(letter, reason) for key, letter, reason in rows}


def sources(engine: Engine, found: list[Statement] | None = None) -> list[dict]:
    """Every source of a statement: its key, kind, name (an entity's name, an anonymous
    source's description with its report, an outlet's name), how many statements and
    reports, and its reliability (F until the analyst grades it)."""
    with engine.connect() as conn:
        found = assessment.statements(conn) if found is None else found
        graded = _reliabilities(conn)
        titles = dict(conn.execute(select(documents.c.id, documents.c.title)).all())
        outlets = dict(conn.execute(select(documents.c.id, documents.c.outlet)
                                    .where(documents.c.outlet.is_not(None))).all())
    by_key: dict[str, dict] = {}
    for s in found:
        entry = by_key.setdefault(s.source, {"source": s.source, "kind": s.source_kind, "name": None,
                                             "statements": 0, "documents": set()})
        entry["statements"] += 1
        entry["documents"].add(s.document)
        if entry["name"] is None:
            entry["name"] = s.source_name if s.source_kind != "anonymous" else \
                f"{s.source_name} ({titles.get(s.document) or s.document})"
    # Every outlet is a source, whether or not a report speaks in its own voice.
    for doc, outlet in outlets.items():
        key = compare.outlet_key(outlet)
        entry = by_key.setdefault(key, {"source": key, "kind": "outlet", "name": outlet, "statements": 0,
                                        "documents": set()})
        entry["documents"].add(doc)
    out = []
    for entry in by_key.values():
        reliability = graded.get(entry["source"]) or grades.reliability()
        out.append({**entry, "documents": len(entry["documents"]), "reliability": asdict(reliability)})
    return sorted(out, key=lambda e: (-e["statements"], e["source"]))


def find_source(engine: Engine, query: str) -> str:
    """A source key from a key, an entity's name or an outlet's name."""
    keys = {e["source"]: e for e in sources(engine)}
    if query in keys:
        return query
    low = query.lower().removeprefix("the ").strip()
    found = [k for k, e in keys.items() if (e["name"] or "").lower().removeprefix("the ").strip() == low]
    if len(found) == 1:
        return found[0]
    if not found:
        raise NotFoundError(message("unknown_source", query=query))
    raise NotFoundError(message("ambiguous_source", query=query, count=len(found), keys=", ".join(found)))


def grade_source(engine: Engine, source: str, letter: str, reason: str) -> grades.Reliability:
    """Set a source's reliability (A-F, with a reason); the last grade stands."""
    key = find_source(engine, source)
    try:
        graded = grades.reliability(letter, reason)
    except ValueError as e:
        raise UsageError(message("bad_grade", detail=e)) from e
    with engine.begin() as conn:
        conn.execute(delete(source_grades).where(source_grades.c.source == key))
        conn.execute(insert(source_grades).values(source=key, reliability=graded.letter, reason=graded.reason,
                                                  graded_at=_now()))
    return graded


def credibility(engine: Engine, statements: list[Statement] | None = None) -> dict[str, dict]:
    """Each statement's credibility: computed by the rule table from its pairs and its
    source's reliability, or the analyst's override; with the Admiralty code ("B2")."""
    with engine.connect() as conn:
        found = {s.id: s for s in (assessment.statements(conn) if statements is None else statements)}
        graded = _reliabilities(conn)
        pairs = [dict(r._mapping) for r in conn.execute(select(assessment_pairs))]
        overrides = {r.statement: r for r in conn.execute(select(credibility_overrides))}
    counts = _counts(pairs, lambda me, other: compare.denied_by_subject(found.get(me), found.get(other)))
    return {sid: _graded(s.source, s.stance, counts[sid], graded, overrides.get(sid))
            for sid, s in found.items()}


def _counts(pairs: list[dict], denied: Callable[[str, str], bool]) -> dict[str, dict]:
    """Per statement, what its pairs say of it: corroborations by independence, contradictions,
    and whether the one it is about denies it (``denied(me, other)``)."""
    counts: dict[str, dict] = defaultdict(lambda: {"independent": 0, "weak": 0, "repeated": 0,
                                                   "contradicted": 0, "denied_by_subject": False})
    for p in pairs:
        for me, other in ((p["a"], p["b"]), (p["b"], p["a"])):
            c = counts[me]
            if p["kind"] == "corroboration":
                c[{"independent": "independent", "weak": "weak", "none": "repeated"}[p["independence"]]] += 1
            elif denied(me, other):
                c["denied_by_subject"] = True
            elif p["independence"] != "none":
                c["contradicted"] += 1
    return counts


def _graded(source: str, stance: str, counts: dict, graded: dict, override) -> dict:
    reliability = graded.get(source) or grades.reliability()
    stance = stance if stance in grades.load().stances else "asserts"
    grade = grades.credibility(grades.Evidence(**counts, reliability=reliability.letter, stance=stance))
    if override is not None:
        grade = grades.override(grade, override.credibility, override.reason)
    return {"credibility": asdict(grade), "reliability": asdict(reliability),
            "code": grades.rating(reliability, grade), "source": source}


def credibility_of(conn: Connection, claims: list[dict]) -> dict[str, dict]:
    """The grades of some claims (dicts with id, document_id, stance, source_entity_id,
    source_text, anonymous), as ``credibility`` gives them, read from the stored pairs (each
    keeps its sides' sources and denials) rather than recomputed: cheap enough for a page."""
    if not claims:
        return {}
    ids = [c["id"] for c in claims]
    p = assessment_pairs.c
    q = select(assessment_pairs).where(or_(p.a.in_(ids), p.b.in_(ids)))
    pairs = [dict(r._mapping) for r in conn.execute(q)]
    denied = ({(r["a"], r["b"]) for r in pairs if r["a_denied"]}
              | {(r["b"], r["a"]) for r in pairs if r["b_denied"]})
    counts = _counts(pairs, lambda me, other: (me, other) in denied)
    keys = {r[side]: r[f"{side}_source_key"] for r in pairs for side in ("a", "b") if r[f"{side}_source_key"]}
    graded = _reliabilities(conn)
    overrides = {r.statement: r for r in conn.execute(select(credibility_overrides)
                                                      .where(credibility_overrides.c.statement.in_(ids)))}
    missing = [c for c in claims if c["id"] not in keys]
    if missing:
        keys.update(assessment.source_keys(conn, missing))
    # Many claims share their evidence (an ungraded source, no pair): grade each kind once.
    once: dict[tuple, dict] = {}
    out = {}
    for c in claims:
        source = keys[c["id"]]
        graded_as = graded.get(source)
        key = (graded_as, c["stance"], tuple(sorted(counts[c["id"]].items())))
        if c["id"] in overrides:
            out[c["id"]] = _graded(source, c["stance"], counts[c["id"]], graded, overrides[c["id"]])
            continue
        if key not in once:
            once[key] = _graded(source, c["stance"], counts[c["id"]], graded, None)
        out[c["id"]] = {**once[key], "source": source}
    return out


def grade_statement(engine: Engine, statement: str, value: int, reason: str) -> dict:
    """Override a statement's credibility (1-6, with a reason); the computed grade is kept."""
    current = credibility(engine)
    if statement not in current:
        raise NotFoundError(message("unknown_statement", query=statement))
    try:
        grades.override(grades.credibility(grades.Evidence()), value, reason)
    except ValueError as e:
        raise UsageError(message("bad_grade", detail=e)) from e
    with engine.begin() as conn:
        conn.execute(delete(credibility_overrides).where(credibility_overrides.c.statement == statement))
        conn.execute(insert(credibility_overrides).values(statement=statement, credibility=value,
                                                          reason=reason, graded_at=_now()))
    return credibility(engine)[statement]
