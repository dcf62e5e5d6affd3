"""Assessment over the store: read every statement (claims, and facts in a report's own
voice), compare them (``crosscheck.assess.compare``), write the corroborations and
contradictions; list them and the sources.

The pairs are recomputed from the stored extractions on every run; the analyst's grades
(``source_grades``, ``credibility_overrides``) are kept apart and read over them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, delete, insert, or_, select

from crosscheck.assess import compare
from crosscheck.assess.compare import EventFact, Figure, Pair, Statement
from crosscheck.extract.events import number_of
from crosscheck.model import content_id
from crosscheck.store.queries import _canonical, canonical_ids, members
from crosscheck.store.schema import assessment_pairs, claims, documents, entities, events, mentions, sentences


@dataclass
class Outcome:
    statements: int
    corroborations: int
    contradictions: int


def _outlets(conn: Connection) -> dict[str, str]:
    """Known outlets by lower-cased name: every document's outlet."""
    names = conn.scalars(select(documents.c.outlet).distinct().where(documents.c.outlet.is_not(None)))
    return {n.lower().removeprefix("the ").strip(): n for n in names if n and n.strip()}


def statements(conn: Connection) -> list[Statement]:
    """Every claim and every event outside a claim, as comparable statements."""
    merged = canonical_ids(conn)
    outlets = _outlets(conn)
    docs = {r.id: r for r in conn.execute(select(documents.c.id, documents.c.outlet, documents.c.date,
                                                  documents.c.text))}
    names = dict(conn.execute(select(entities.c.id, entities.c.name)).all())
    named: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for doc, start, end, eid in conn.execute(select(mentions.c.document_id, mentions.c.start, mentions.c.end,
                                                    mentions.c.entity_id).where(mentions.c.entity_id.is_not(None))):
        named[doc].append((start, end, merged.get(eid, eid)))
    bounds: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc, start, end in conn.execute(select(sentences.c.document_id, sentences.c.start, sentences.c.end)):
        bounds[doc].append((start, end))

    def outlet_of(entity_id: str | None) -> str | None:
        name = names.get(entity_id or "", "").lower().removeprefix("the ").strip()
        return outlets.get(name)

    rows = [dict(r._mapping) for r in conn.execute(select(claims).order_by(claims.c.document_id,
                                                                             claims.c.cue_start))]
    by_id = {r["id"]: r for r in rows}
    out: list[Statement] = []
    claimed: dict[str, list[tuple[int, int, Statement]]] = defaultdict(list)
    for r in rows:
        doc = docs[r["document_id"]]
        source, kind, source_name = _source(r, merged, outlet_of, doc.outlet, names)
        chain = [by_id[v] for v in r["via"] if v in by_id]
        cited = {compare.outlet_key(o) for c in [r, *chain]
                 if (o := outlet_of(merged.get(c["source_entity_id"], c["source_entity_id"])))}
        start, end, words = r["content_start"], r["content_end"], r["content_text"]
        if start is None:  # a refusal to comment: no content, the cue stands for it
            start, end, words = r["cue_start"], r["cue_end"], r["cue_text"]
        s = Statement(r["id"], r["document_id"], doc.outlet, source, kind, r["stance"], (start, end),
                      words or "",
                      entities=frozenset(e for a, b, e in named[r["document_id"]] if start <= a and b <= end),
                      cited=frozenset(cited), source_name=source_name,
                      words=_predicate(doc.text, (start, end), named[r["document_id"]]))
        out.append(s)
        claimed[r["document_id"]].append((start, end, s))
    for e in conn.execute(select(events)):
        e = dict(e._mapping)
        doc = docs[e["document_id"]]
        trigger = e["evidence"][0]
        sentence = next(((a, b) for a, b in bounds[e["document_id"]] if a <= trigger["start"] < b),
                        (trigger["start"], trigger["end"]))
        fact = _event_fact(e, doc, sentence, merged)
        inside = [s for a, b, s in claimed[e["document_id"]] if a <= trigger["start"] < b]
        if inside:
            for s in inside:
                s.events.append(fact)
            continue
        voice = doc.outlet or _NO_OUTLET
        out.append(Statement(e["id"], e["document_id"], doc.outlet, compare.outlet_key(voice), "outlet",
                             "asserts", sentence, doc.text[sentence[0]:sentence[1]], source_name=voice,
                             entities=frozenset(x for a, b, x in named[e["document_id"]]
                                                if sentence[0] <= a and b <= sentence[1]),
                             events=[fact], kind="fact",
                             words=_predicate(doc.text, sentence, named[e["document_id"]])))
    return out


def _predicate(text: str, span: tuple[int, int], names: list[tuple[int, int, str]]) -> frozenset[str]:
    """What a statement says of the entities it names: its content words less the words of
    their names ("the Nur al-Huda Brigade was trained abroad": train, abroad)."""
    start, end = span
    chars = list(text[start:end])
    for a, b, _ in names:
        if start <= a and b <= end:
            chars[a - start:b - start] = " " * (b - a)
    return compare.content_words("".join(chars))[0] or frozenset(["-"])


_NO_OUTLET = "the report (no outlet)"


def _source(claim: dict, merged: dict[str, str], outlet_of, doc_outlet: str | None,
            names: dict[str, str]) -> tuple[str, str, str]:
    """A claim's source key, kind and name: a named entity, an outlet, an anonymous source
    (one per report and description), or, for a claim with no source, the report's outlet."""
    eid = merged.get(claim["source_entity_id"], claim["source_entity_id"])
    if eid and (outlet := outlet_of(eid)):
        return compare.outlet_key(outlet), "outlet", outlet
    if eid and not claim["anonymous"]:
        return f"entity:{eid}", "named", names.get(eid, eid)
    if claim["source_text"]:
        words = " ".join(re.findall(r"\w+", claim["source_text"].lower()))
        return f"anonymous:{claim['document_id']}:{words}", "anonymous", claim["source_text"]
    return compare.outlet_key(doc_outlet or _NO_OUTLET), "outlet", doc_outlet or _NO_OUTLET


_BOUND = re.compile(r"(?P<bound>at least|more than|over|upwards of|no fewer than|nearly|almost|about|around|"
                    r"some|roughly|approximately|up to|at most|fewer than|less than)\s+$", re.IGNORECASE)


def _event_fact(e: dict, doc, sentence: tuple[int, int], merged: dict[str, str]) -> EventFact:
    text = doc.text[sentence[0]:sentence[1]]
    places = frozenset(merged.get(p["entity"], p["entity"]) if p["entity"] else p["text"].lower()
                       for p in e["places"])
    figures = {kind: _figure(values, text) for kind, values in (e["figures"] or {}).items()}
    update = bool(set(re.findall(r"[a-z]+", text.lower())) & compare.settings()["updates"])
    return EventFact(e["id"], e["type"], places, e["date"], e["precision"], doc.date,
                     {k: f for k, f in figures.items() if f is not None}, update)


def _figure(values: list[int], sentence: str) -> Figure | None:
    """The figure as a bound where its words say so ("at least 12" is 12 or more)."""
    if not values:
        return None
    if len(values) == 2:
        return Figure(values[0], values[1])
    n = values[0]
    for m in re.finditer(r"[\d,]+|[a-z]+", sentence.lower()):
        if number_of(m[0]) == [n] and (bound := _BOUND.search(sentence[: m.start()])):
            word = bound["bound"].lower()
            if word in ("up to", "at most", "fewer than", "less than"):
                return Figure(0, n)
            if word in ("at least", "more than", "over", "upwards of", "no fewer than"):
                return Figure(n, None)
            return Figure(int(n * 0.8), int(n * 1.2) + 1)  # "about 3,000"
    return Figure(n, n)


def run(engine: Engine) -> Outcome:
    """Recompute every corroboration and contradiction from the stored statements."""
    with engine.begin() as conn:
        found = statements(conn)
        pairs = compare.compare(found)
        conn.execute(delete(assessment_pairs))
        if pairs:
            conn.execute(insert(assessment_pairs), [_row(p) for p in pairs])
    return Outcome(len(found), sum(p.kind == "corroboration" for p in pairs),
                   sum(p.kind == "contradiction" for p in pairs))


def _row(p: Pair) -> dict:
    prefix = "cor" if p.kind == "corroboration" else "con"
    return {"id": content_id(prefix, p.kind, p.a, p.b, p.reason), "kind": p.kind, "a": p.a, "b": p.b,
            "reason": p.reason, "independence": p.independence, "strength": p.strength,
            "detail": p.detail, "version": compare.VERSION}


def pairs(engine: Engine, kind: str | None = None, statement: str | None = None,
          about: str | None = None) -> list[dict]:
    """The stored pairs, each side with its report, source and words; with ``about`` (an
    entity id), only those where either side names that entity (or one merged into it)."""
    q = select(assessment_pairs)
    if kind:
        q = q.where(assessment_pairs.c.kind == kind)
    if statement:
        q = q.where(or_(assessment_pairs.c.a == statement, assessment_pairs.c.b == statement))
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(q.order_by(assessment_pairs.c.kind,
                                                                  assessment_pairs.c.id))]
        by_id = {s.id: s for s in statements(conn)} if rows else {}
        ids = set(members(conn, _canonical(conn, about))) if about else set()
        docs = {r.id: r for r in conn.execute(select(documents.c.id, documents.c.title, documents.c.date))}
    kept = []
    for r in rows:
        sides = [by_id.get(r["a"]), by_id.get(r["b"])]
        if about and not any(s is not None and s.entities & ids for s in sides):
            continue
        for side, s in zip(("a", "b"), sides, strict=True):
            r[f"{side}_statement"] = None if s is None else {
                "id": s.id, "document": s.document, "title": docs[s.document].title,
                "date": docs[s.document].date, "outlet": s.outlet, "source": s.source,
                "source_name": s.source_name, "kind": s.kind, "stance": s.stance,
                "start": s.span[0], "end": s.span[1], "text": s.text}
        kept.append(r)
    return kept
