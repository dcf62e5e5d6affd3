"""Writing analyses: one transaction per document, so an interrupted batch
leaves only whole documents behind and a re-run stores nothing twice."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, bindparam, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from crosscheck.model import Analysis, Claim, Document, Mention, content_id
from crosscheck.resolve.names import key_of, name_key
from crosscheck.store.schema import (
    aliases,
    claims,
    documents,
    entities,
    events,
    mentions,
    propositions,
    relations,
    sentences,
)

METADATA_FIELDS = ("title", "outlet", "author", "date", "date_source", "language")


def _insert_ignore(conn: Connection, table):
    """INSERT ... ON CONFLICT DO NOTHING, in the connection's dialect."""
    dialect = {"sqlite": sqlite, "postgresql": postgresql}[conn.dialect.name]
    return dialect.insert(table).on_conflict_do_nothing()


def has_document(conn: Connection, document_id: str) -> bool:
    return conn.execute(select(documents.c.id).where(documents.c.id == document_id)).first() is not None


def update_metadata(conn: Connection, document_id: str, values: dict) -> bool:
    """Set metadata given by hand on an already stored document; True if it changed."""
    values = {k: v for k, v in values.items() if k in METADATA_FIELDS and v is not None}
    if not values:
        return False
    row = conn.execute(select(*(documents.c[k] for k in values)).where(documents.c.id == document_id)).one()
    if all(row._mapping[k] == v for k, v in values.items()):
        return False
    conn.execute(update(documents).where(documents.c.id == document_id).values(**values))
    return True


def save(conn: Connection, analysis: Analysis, extractor: str) -> set[str]:
    """Store one analysis (document, sentences, mentions, entities). Returns touched entity ids."""
    doc: Document = analysis.document
    conn.execute(
        insert(documents).values(
            id=doc.id,
            sha256=doc.sha256,
            path=doc.path,
            format=doc.format,
            title=doc.title,
            outlet=doc.outlet,
            author=doc.author,
            date=doc.date,
            date_source=doc.date_source,
            language=doc.language,
            text=doc.text,
            length=len(doc.text),
            extractor=extractor,
            ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
    )
    if analysis.sentences:
        conn.execute(
            insert(sentences),
            [{"document_id": doc.id, "start": s.start, "end": s.end} for s in analysis.sentences],
        )
    entity_rows = {}
    mention_rows = []
    for m in analysis.mentions:
        entity_id = None
        if m.entity_key:
            entity_id = content_id("ent", m.entity_key)
            entity_rows.setdefault(
                entity_id, {"id": entity_id, "type": m.type, "key": m.entity_key, "name": m.text}
            )
        mention_rows.append(
            {
                "id": content_id("men", doc.id, m.start, m.end, m.label),
                "document_id": doc.id,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "label": m.label,
                "type": m.type,
                "name_key": name_key(m.text),
                "entity_id": entity_id,
                "stage": m.stage,
                "stage_version": m.stage_version,
                "attrs": m.attrs,
            }
        )
    if entity_rows:
        conn.execute(_insert_ignore(conn, entities), list(entity_rows.values()))
    if mention_rows:
        # Two stages can report the same span and label; the first one stands.
        conn.execute(_insert_ignore(conn, mentions), mention_rows)
    if analysis.claims:
        conn.execute(insert(claims), claim_rows(analysis))
    entity_at = _entity_at(analysis)
    if analysis.aliases:
        conn.execute(_insert_ignore(conn, aliases), alias_rows(analysis, entity_at))
    if analysis.relations:
        conn.execute(_insert_ignore(conn, relations), relation_rows(analysis, entity_at))
    if analysis.events:
        conn.execute(_insert_ignore(conn, events), event_rows(analysis, entity_at))
    if analysis.propositions:
        conn.execute(_insert_ignore(conn, propositions), proposition_rows(analysis, entity_at))
    return set(entity_rows)


def _entity_at(analysis: Analysis) -> dict[tuple[int, int], str]:
    """(start, end) of each resolved mention -> its entity's id."""
    return {(m.start, m.end): content_id("ent", m.entity_key) for m in analysis.mentions if m.entity_key}


def event_rows(analysis: Analysis, entity_at: dict[tuple[int, int], str]) -> list[dict]:
    """The events, each with the date its first dated mention resolved to and its places'
    entities."""
    doc = analysis.document
    by_span = {(m.start, m.end): m for m in analysis.mentions}
    rows = []
    for e in analysis.events:
        participants = [{"role": role, "entity": entity_at.get(p), "start": p[0], "end": p[1],
                         "text": doc.text[p[0]:p[1]]}
                        for role, spans in e.participants.items() for p in spans]
        dated = [(d, by_span[d].attrs["date"]) for d in e.dates
                 if d in by_span and (by_span[d].attrs.get("date") or {}).get("value")]
        date_span, date = dated[0] if dated else (None, None)
        places = [{"entity": entity_at.get(p), "start": p[0], "end": p[1], "text": doc.text[p[0]:p[1]],
                   "guessed": p in e.guessed_places} for p in e.places]
        rows.append({
            "id": content_id("evt", doc.id, e.type, e.triggers[0]),
            "document_id": doc.id,
            "type": e.type,
            "date": date["value"] if date else None,
            "date_text": doc.text[date_span[0]:date_span[1]] if date_span else None,
            "precision": date["precision"] if date else None,
            "places": places,
            "figures": e.figures,
            "evidence": [{"start": a, "end": b, "text": doc.text[a:b]} for a, b in e.triggers],
            "stage_version": e.stage_version,
            "participants": participants,
        })
    return rows


_POSSESSIVE = ("'s", "\u2019s")


def proposition_rows(analysis: Analysis, entity_at: dict[tuple[int, int], str]) -> list[dict]:
    """The propositions, each argument with the entity of the mention its head word is part
    of (a name, or a reference: "he", "the brigade"), and each date as resolved."""
    doc = analysis.document
    by_span = {(m.start, m.end): m for m in analysis.mentions}
    # The entity at each character of a resolved mention (a name, or a reference: "he").
    at_char: dict[int, str] = {}
    for m in analysis.mentions:
        if (m.start, m.end) in entity_at:
            for i in range(m.start, m.end):
                at_char.setdefault(i, entity_at[m.start, m.end])

    # (Not a pronoun: "his deputy, Lawin Tahir" names Tahir, not the man "his" is.)
    people = [(m.start, m.end, entity_at[m.start, m.end]) for m in analysis.mentions
              if m.type == "person" and (m.start, m.end) in entity_at
              and m.attrs.get("reference") != "pronoun"]

    def entity(head: tuple[int, int], phrase: tuple[int, int] | None = None) -> str | None:
        found = next((at_char[i] for i in range(head[0], head[1]) if i in at_char), None)
        if found is None and phrase is not None:
            # "the Tikrit journalist Laith Hamid al-Azzawi": the person the phrase names (not
            # one whose the role is: "Qaddour's deputy, Omar Faisal Darwish" names Darwish).
            found = next((e for a, b, e in people if phrase[0] <= a and b <= phrase[1]
                          and doc.text[b:b + 2] not in _POSSESSIVE), None)
        return found

    rows = []
    for p in analysis.propositions:
        arguments = [{"role": a.role, "start": a.span[0], "end": a.span[1], "head_start": a.head[0],
                      "head_end": a.head[1], "lemma": a.lemma, "modifiers": a.modifiers, "number": a.number,
                      "bound": a.bound, "negative": a.negative,
                      "entity": entity(a.head, a.span if _names_a_person(a.lemma) else None),
                      "text": doc.text[a.span[0]:a.span[1]]} for a in p.arguments]
        dates = []
        for d in p.dates:
            value = (by_span[d].attrs.get("date") or {}) if d in by_span else {}
            dates.append({"start": d[0], "end": d[1], "text": doc.text[d[0]:d[1]], "date": value.get("value"),
                          "precision": value.get("precision")})
        rows.append({
            "id": content_id("prp", doc.id, p.at, p.predicate),
            "document_id": doc.id,
            "at_start": p.at[0],
            "at_end": p.at[1],
            "start": p.span[0],
            "end": p.span[1],
            "predicate": p.predicate,
            "negated": p.negated,
            "modality": p.modality,
            "form": p.form,
            "arguments": arguments,
            "governors": [{"lemma": lemma, "at": at, "negated": neg, "complement": comp}
                          for lemma, at, neg, comp in p.governors],
            "dates": dates,
            "stage_version": p.stage_version,
        })
    return rows


def _names_a_person(lemma: str) -> bool:
    """Whether an argument's head is a word for a person ("journalist", "commander"), whose
    phrase may give the person's name."""
    from crosscheck.assess.clauses import meaning

    return meaning()["classes"].get(lemma) == "person"


def relation_rows(analysis: Analysis, entity_at: dict[tuple[int, int], str]) -> list[dict]:
    """The relations, each end with the entity of the mention at its span, and the dates it
    began and ended as the dates stage resolved them."""
    doc = analysis.document
    by_span = {(m.start, m.end): m for m in analysis.mentions}

    def when(span: tuple[int, int] | None) -> dict | None:
        if span is None:
            return None
        value = (by_span[span].attrs.get("date") or {}) if span in by_span else {}
        return {"date": value.get("value"), "precision": value.get("precision"),
                "start": span[0], "end": span[1], "text": doc.text[span[0]:span[1]]}

    rows = []
    for r in analysis.relations:
        dates = {"start": when(r.since), "end": when(r.until)}
        rows.append({
            "id": content_id("rel", doc.id, r.type, r.subject, r.object, r.role),
            "document_id": doc.id,
            "type": r.type,
            "subject_entity_id": entity_at.get(r.subject),
            "subject_start": r.subject[0],
            "subject_end": r.subject[1],
            "object_entity_id": entity_at.get(r.object) if r.object else None,
            "object_start": r.object[0] if r.object else None,
            "object_end": r.object[1] if r.object else None,
            "role": r.role,
            "evidence_start": r.evidence[0],
            "evidence_end": r.evidence[1],
            "evidence_text": doc.text[r.evidence[0] : r.evidence[1]],
            "stage_version": r.stage_version,
            "start_date": (dates["start"] or {}).get("date"),
            "end_date": (dates["end"] or {}).get("date"),
            "dates": dates,
        })
    return rows


def alias_rows(analysis: Analysis, entity_at: dict[tuple[int, int], str]) -> list[dict]:
    """The aliases the text gives, each with the entity of the mention it names again."""
    doc = analysis.document
    return [
        {
            "id": content_id("als", doc.id, a.alias, a.name, a.kind),
            "document_id": doc.id,
            "entity_id": entity_at.get(a.name),
            "kind": a.kind,
            "name_start": a.name[0],
            "name_end": a.name[1],
            "alias_start": a.alias[0],
            "alias_end": a.alias[1],
            "alias_text": doc.text[a.alias[0] : a.alias[1]],
            "cue_start": a.cue[0] if a.cue else None,
            "cue_end": a.cue[1] if a.cue else None,
            "stage_version": a.stage_version,
        }
        for a in analysis.aliases
    ]


def claim_id(document_id: str, claim: Claim) -> str:
    """One cue may introduce several contents ("said X, and that Y"): the id takes both."""
    content = claim.content or (-1, -1)
    return content_id("clm", document_id, claim.cue[0], claim.cue[1], content[0], content[1])


def _source_entity(span: tuple[int, int] | None, analysis: Analysis, text: str) -> str | None:
    """The entity a source names: a person inside it, or an organisation that is all of it
    ("the ministry said"); not the organisation a described source belongs to."""
    if span is None:
        return None
    inside = [m for m in analysis.mentions if m.entity_key and span[0] <= m.start and m.end <= span[1]]
    people = [m for m in inside if m.type == "person"]
    if people:
        return content_id("ent", people[0].entity_key)
    bare = text[span[0]:span[1]].removeprefix("the ").removeprefix("The ")
    whole: list[Mention] = [m for m in inside if m.text == bare]
    return content_id("ent", whole[0].entity_key) if whole else None


def claim_rows(analysis: Analysis) -> list[dict]:
    doc = analysis.document
    text = doc.text
    ids = [claim_id(doc.id, c) for c in analysis.claims]
    rows = []
    for claim, cid in zip(analysis.claims, ids, strict=True):
        source = claim.source
        entity = _source_entity(source, analysis, text)
        if entity is None and claim.attrs.get("refers_to"):
            entity = _source_entity(tuple(claim.attrs["refers_to"]), analysis, text)
        rows.append({
            "id": cid,
            "document_id": doc.id,
            "cue_start": claim.cue[0],
            "cue_end": claim.cue[1],
            "cue_text": text[claim.cue[0]:claim.cue[1]],
            "source_start": source[0] if source else None,
            "source_end": source[1] if source else None,
            "source_text": text[source[0]:source[1]] if source else None,
            "source_entity_id": entity,
            "content_start": claim.content[0] if claim.content else None,
            "content_end": claim.content[1] if claim.content else None,
            "content_text": text[claim.content[0]:claim.content[1]] if claim.content else None,
            "stance": claim.stance,
            "anonymous": bool(claim.attrs.get("anonymous")),
            "attrs": claim.attrs,
            "via": [ids[i] for i in claim.via],
            "stage_version": claim.stage_version,
        })
    return rows


def refresh_names(engine: Engine, entity_ids: Iterable[str], chunk: int = 500) -> None:
    """Name each entity by its most frequent full spelling among its mentions.

    "Full" means the mention's own key is the entity's key ("Salman Ouda", not the
    "Ouda" that was linked to him); ties go to the longer, then the first, form.
    """
    ids = sorted(entity_ids)
    for i in range(0, len(ids), chunk):
        part = ids[i : i + chunk]
        with engine.begin() as conn:
            rows = conn.execute(
                select(mentions.c.entity_id, mentions.c.text, func.count().label("n"))
                .where(mentions.c.entity_id.in_(part), mentions.c.stage != "references")
                .group_by(mentions.c.entity_id, mentions.c.text)
            ).all()
            keys = dict(
                conn.execute(select(entities.c.id, entities.c.key).where(entities.c.id.in_(part))).all()
            )
            best: dict[str, tuple] = {}
            for entity_id, text, n in rows:
                type_, key = keys[entity_id].split(":", 1)
                full = key == key_of(type_, text)
                rank = (full, n, len(text), _reverse(text))
                if entity_id not in best or rank > best[entity_id][0]:
                    best[entity_id] = (rank, text)
            if best:
                conn.execute(
                    update(entities).where(entities.c.id == bindparam("eid")).values(name=bindparam("ename")),
                    [{"eid": k, "ename": v[1]} for k, v in best.items()],
                )


def _reverse(text: str) -> tuple[int, ...]:
    # Sorts alphabetically-first highest, for a deterministic tie-break.
    return tuple(-ord(c) for c in text)
