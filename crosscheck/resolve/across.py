"""Across documents: which entities are one, with the analyst's judgements on top.

Each document's extraction names its entities by key (type and name key, see
``crosscheck.resolve.within``). Here the keys of different documents are compared:

- a name the text gave as another name of an entity ("Jalil al-Darraji, known as Abu
  Zainab") that is another entity's name elsewhere makes the two one (reason ``alias``);
- two names the matcher (``crosscheck.resolve.match``) calls the same make them one, and
  two it is unsure of go to the review queue (reason ``name``); an organisation's name
  translated or spelt another way ("Jaish al-Mahdi" / "the Mahdi Army") is one
  (``names.same_organization``, reason ``name``);
- never two entities that appear side by side in one document (that document tells them
  apart), and never two an analyst judged different;
- an analyst's "same" merges whatever the rules say; "unsure" leaves a pair apart and out
  of the queue. Judgements are kept apart from extraction and replayed on every run, so
  re-ingesting with a better model keeps them; undoing one replays the rest.

This module is pure: it takes the facts and returns the decisions; ``crosscheck.store.
resolution`` reads the facts from the store and writes the decisions back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from crosscheck.resolve.names import (
    key_of,
    known_body,
    name_key,
    organization_sense,
    same_organization,
    skeleton,
    translated,
)

VERSION = "2"
# Kinds of alias that name the entity as such (a partial name or a spelling are told by form).
GIVEN_KINDS = {"alias", "kunya", "birth_name", "epithet", "acronym", "former_name"}
ORGANIZATION_SCORE = 0.9  # an organisation's name translated or spelt another way (names.same_organization)
ALIAS_SCORE = 0.95  # an alias the text gives: as good as a name match, short of an analyst's word
# A doubtful name pair ("Bush" / "Reggie Bush") whose entities are named beside this many of
# the same other entities (a team, a city, a colleague) is taken as one.
CONTEXT_MIN = 2
CONTEXT_CAP = 0.75  # the score of such a pair, at most: below every name match the matcher makes
_CONTEXT_LIMIT = 200  # a document naming more entities than this says little about each


@dataclass
class EntityFacts:
    """What resolution knows of one entity (one key): its documents and the names given for it."""

    id: str
    type: str
    name: str
    mentions: int
    documents: set[str] = field(default_factory=set)
    given_names: dict[str, str] = field(default_factory=dict)  # alias text -> a document that gave it
    context: set[str] = field(default_factory=set)  # ids of the entities named in the same documents


@dataclass(frozen=True)
class Judgement:
    a: str  # entity ids
    b: str
    verdict: str  # "same", "different", "unsure"


@dataclass
class Candidate:
    a: str
    b: str
    score: float
    decision: str  # "same", "review", "different"
    reason: str  # "alias", "name", "analyst"
    why: list[str] = field(default_factory=list)


@dataclass
class Resolution:
    canonical: dict[str, str]  # entity id -> the id of the entity it is merged into (members only)
    merged: list[Candidate]  # the pairs that joined clusters, in the order they did
    review: list[Candidate]  # doubtful pairs no judgement has settled
    refused: list[Candidate]  # pairs the rules or the matcher wanted, kept apart by a constraint


Matcher = Callable[[str, str], "tuple[float, str, list[str]]"]


def facts_of(analyses: Iterable) -> list[EntityFacts]:
    """The facts of the entities of analyses whose mentions have their keys (``within.link``):
    what ``crosscheck.store.resolution`` reads from the store, for use without one. An
    entity's id is its key."""
    out: dict[str, EntityFacts] = {}
    for analysis in analyses:
        doc = analysis.document.id
        for m in analysis.mentions:
            if m.entity_key:
                e = out.setdefault(m.entity_key, EntityFacts(m.entity_key, m.type, m.text, 0))
                e.mentions += 1
                e.documents.add(doc)
                # The entity's name is a mention that spells its key in full, as the store names it.
                key = m.entity_key.split(":", 1)[1]
                if key_of(m.type, m.text) == key and key_of(m.type, e.name) != key:
                    e.name = m.text
        keyed = {(m.start, m.end): m.entity_key for m in analysis.mentions if m.entity_key}
        add_context(out, set(keyed.values()))
        text = analysis.document.text
        for a in analysis.aliases:
            key = keyed.get(a.name)
            if key and a.kind in GIVEN_KINDS:
                out[key].given_names.setdefault(text[a.alias[0] : a.alias[1]], doc)
    return list(out.values())


def add_context(facts: dict[str, EntityFacts], named: set[str]) -> None:
    """Record that the entities ``named`` (ids) are named in one document."""
    if len(named) > _CONTEXT_LIMIT:
        return
    for e in named:
        if e in facts:
            facts[e].context |= named - {e}


def default_matcher(a: str, b: str) -> tuple[float, str, list[str]]:
    from crosscheck.resolve.match import compare

    m = compare(a, b)
    return m.score, m.decision, list(m.reasons)


def pair(a: str, b: str) -> tuple[str, str]:
    """Two entity ids in a fixed order: the key of the pair, whichever way it is named."""
    return (a, b) if a < b else (b, a)


def _new_pairs(blocks: dict, max_block: int, seen: set[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """Each pair of entity ids that share a block, once and in a fixed order, less those in
    ``seen`` (which it fills); a block of more than ``max_block`` is passed over (a word shared
    by hundreds of names says nothing)."""
    for members in blocks.values():
        if len(members) > max_block:
            continue
        for i, x in enumerate(members):
            for y in members[i + 1 :]:
                xy = pair(x, y)
                if x != y and xy not in seen:
                    seen.add(xy)
                    yield xy


def _blocks(entities: Iterable[EntityFacts]) -> dict[tuple[str, str], list[str]]:
    """People whose names share the consonant skeleton of a word (other than particles), the
    cheap test before the matcher: "Zubaidi" and "Zubaydi" share the skeleton "dbd",
    "Hafidh", "Hafiz" and "Hafez" the skeleton "fd". (Organisations are blocked by what their
    names mean: ``_organization_blocks``.)"""
    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for e in entities:
        if e.type != "person":
            continue
        for word in set(name_key(e.name).split()):
            if len(word) < 3 or word in _PARTICLES:
                continue
            blocks[(e.type, skeleton(word))].append(e.id)
    return blocks


def _organization_blocks(entities: Iterable[EntityFacts]) -> dict[tuple[int, str], list[str]]:
    """Organisations whose names have as many words and share a meaning of one of them
    (``names.organization_sense``): "Kataib Hezbollah" and "the Hezbollah Brigades" share
    "brigade" and the sound of "Hezbollah"."""
    blocks: dict[tuple[int, str], list[str]] = defaultdict(list)
    for e in entities:
        if e.type == "organization":
            sense = organization_sense(e.name)
            for meaning in set().union(*sense) if sense else ():
                blocks[(len(sense), meaning)].append(e.id)
            body = known_body(e.name)
            if body is not None:  # "Daesh", "the Islamic State": one well-known body
                blocks[(0, f"known:{body}")].append(e.id)
    return blocks


_PARTICLES = {"al", "el", "abu", "abou", "bin", "ibn", "abd", "abdul", "abdel", "the", "of", "and", "umm"}


def candidates(entities: list[EntityFacts], matcher: Matcher | None = None,
               max_block: int = 200) -> list[Candidate]:
    """Pairs of entities that may be one, with a score, a decision and why."""
    matcher = matcher or default_matcher
    by_id = {e.id: e for e in entities}
    by_key = {(e.type, key_of(e.type, e.name)): e.id for e in entities}
    found: dict[tuple[str, str], Candidate] = {}
    for e in entities:
        for alias, document in e.given_names.items():
            other = by_key.get((e.type, key_of(e.type, alias)))
            if other and other != e.id:
                a, b = pair(e.id, other)
                found[(a, b)] = Candidate(a, b, ALIAS_SCORE, "same", "alias",
                                          [f"'{alias}' is given as another name of {e.name} in {document}"])
    for xy in _new_pairs(_blocks(entities), max_block, set(found)):
        ex, ey = by_id[xy[0]], by_id[xy[1]]
        score, decision, why = matcher(ex.name, ey.name)
        if decision == "review":
            shared = (ex.context & ey.context) - {ex.id, ey.id}
            if len(shared) >= CONTEXT_MIN:
                names = sorted(by_id[i].name for i in shared if i in by_id)[:3]
                why = [*why, f"named beside the same {len(shared)} others: {', '.join(names)}"]
                # Below the name matches, so that those are made first; more shared
                # context first among these.
                score, decision = min(CONTEXT_CAP, score + 0.01 * len(shared)), "same"
        if decision in ("same", "review"):
            found[xy] = Candidate(xy[0], xy[1], score, decision, "name", why)
    for xy in _new_pairs(_organization_blocks(entities), max_block, set(found)):
        ex, ey = by_id[xy[0]], by_id[xy[1]]
        if same_organization(ex.name, ey.name):
            how = "a translation" if translated(ex.name, ey.name) else "a spelling"
            found[xy] = Candidate(xy[0], xy[1], ORGANIZATION_SCORE, "same", "name",
                                  [f"'{ey.name}' is {how} of '{ex.name}'"])
    return sorted(found.values(), key=lambda c: (-c.score, c.a, c.b))


def resolve(entities: list[EntityFacts], judgements: Iterable[Judgement] = (),
            matcher: Matcher | None = None) -> Resolution:
    """Merge what the candidates and the analyst's judgements say is one, under the constraints."""
    by_id = {e.id: e for e in entities}
    verdicts: dict[tuple[str, str], str] = {}
    for j in judgements:  # in order: a later judgement on the same pair replaces an earlier one
        if j.a in by_id and j.b in by_id:
            verdicts[pair(j.a, j.b)] = j.verdict
    cluster = {e.id: e.id for e in entities}
    members = {e.id: {e.id} for e in entities}
    docs = {e.id: set(e.documents) for e in entities}
    apart = {p for p, v in verdicts.items() if v == "different"}

    def find(x: str) -> str:
        while cluster[x] != x:
            cluster[x] = cluster[cluster[x]]
            x = cluster[x]
        return x

    def blocked(x: str, y: str) -> str | None:
        rx, ry = find(x), find(y)
        if rx == ry:
            return None
        if any(pair(p, q) in apart for p in members[rx] for q in members[ry]):
            return "judged different by an analyst"
        shared = docs[rx] & docs[ry]
        if shared:
            return f"both named in {sorted(shared)[0]}, as different entities"
        return None

    def union(x: str, y: str) -> None:
        rx, ry = find(x), find(y)
        if len(members[rx]) < len(members[ry]):
            rx, ry = ry, rx
        cluster[ry] = rx
        members[rx] |= members.pop(ry)
        docs[rx] |= docs.pop(ry)

    merged, review, refused = [], [], []
    # The analyst's "same" first: it stands even against a shared document.
    for (a, b), verdict in verdicts.items():
        if verdict == "same" and find(a) != find(b):
            if not any(pair(p, q) in apart for p in members[find(a)] for q in members[find(b)]):
                union(a, b)
                merged.append(Candidate(a, b, 1.0, "same", "analyst", ["judged the same by an analyst"]))
    for c in candidates(entities, matcher):
        verdict = verdicts.get((c.a, c.b))
        if verdict in ("different", "unsure"):
            continue
        if find(c.a) == find(c.b):
            continue
        why_not = blocked(c.a, c.b)
        if why_not:
            c.why.append(f"kept apart: {why_not}")
            refused.append(c)
        elif c.decision == "same":
            union(c.a, c.b)
            merged.append(c)
        else:
            review.append(c)
    # Each cluster is named by its most mentioned entity.
    canonical: dict[str, str] = {}
    for ids in members.values():
        if len(ids) < 2:
            continue
        head = max(ids, key=lambda i: (by_id[i].mentions, -len(by_id[i].name), by_id[i].name))
        canonical.update({i: head for i in ids if i != head})
    review = [c for c in review if find(c.a) != find(c.b)]
    return Resolution(canonical, merged, review, refused)
