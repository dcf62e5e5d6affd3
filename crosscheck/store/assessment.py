"""Assessment over the store: read every statement (claims, and facts in a report's own
voice), compare them (``crosscheck.assess.compare``), write the corroborations and
contradictions; list them and the sources.

The pairs are recomputed from the stored extractions on every run; the analyst's grades
(``source_grades``, ``credibility_overrides``) are kept apart and read over them.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import Connection, Engine, delete, insert, or_, select

from crosscheck.assess import clauses as meaning
from crosscheck.assess import compare, stories
from crosscheck.assess.clauses import Arg, Clause
from crosscheck.assess.compare import EventFact, Figure, Pair, Statement
from crosscheck.extract import lexicon
from crosscheck.extract.events import number_of
from crosscheck.extract.places import canonical as canonical_place
from crosscheck.extract.places import demonyms
from crosscheck.extract.places import known as places_known
from crosscheck.extract.propositions import COUNT_NOUNS
from crosscheck.model import content_id
from crosscheck.resolve.names import singular
from crosscheck.store.queries import canonical, canonical_ids, members
from crosscheck.store.schema import (
    assessment_pairs,
    claims,
    documents,
    entities,
    events,
    mentions,
    propositions,
    relations,
    sentences,
)


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
    merged = _one_name_one_thing(conn, canonical_ids(conn))
    outlets = _outlets(conn)
    docs = {r.id: r for r in conn.execute(select(documents.c.id, documents.c.outlet, documents.c.date,
                                                  documents.c.text))}
    names = dict(conn.execute(select(entities.c.id, entities.c.name)).all())
    types = {merged.get(i, i): t for i, t in conn.execute(select(entities.c.id, entities.c.type))
             if merged.get(i, i) == i}
    named: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    places: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    q = select(mentions.c.document_id, mentions.c.start, mentions.c.end, mentions.c.entity_id,
               mentions.c.type)
    for doc, start, end, eid, type_ in conn.execute(q.where(mentions.c.entity_id.is_not(None))):
        named[doc].append((start, end, merged.get(eid, eid)))
        if type_ == "place":
            places[doc].append((start, end, merged.get(eid, eid)))
    bounds: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc, start, end in conn.execute(select(sentences.c.document_id, sentences.c.start, sentences.c.end)):
        bounds[doc].append((start, end))

    said: dict[str, list[dict]] = defaultdict(list)
    for r in conn.execute(select(propositions).order_by(propositions.c.document_id, propositions.c.at_start)):
        said[r.document_id].append(dict(r._mapping))

    kept = set(said)  # the reports whose propositions the store has

    country = _countries(docs, places, names)
    roles = _roles(conn, merged)
    heads = _heads(conn, merged)
    bodies = _bodies(conn, merged, types)

    known = places_known()
    towns = {doc: _towns(found, names, known) for doc, found in places.items()}

    def clauses_in(document: str, span: tuple[int, int], speaker: str | None = None) -> list[Clause]:
        # "We" in what a named source says: the body it speaks for, where one is known (the
        # source itself, if it is one; else the one body the reports put it in).
        ours = speaker if types.get(speaker or "") == "organization" else (
            next(iter(bodies[speaker])) if speaker and len(bodies.get(speaker, ())) == 1 else None)
        holding = dict(roles.get(document) or {})
        if len(towns.get(document, ())) == 1:
            # "the town" in a report that names one town (not a province or a country).
            holding.update({w: towns[document] for w in _TOWN_WORDS})
        if ours is not None:
            # "our commander" in what a body's spokesman says: the one the reports name as its
            # commander.
            holding.update({f"our {w}": people for (body, w), people in heads.items() if body == ours})
        return _clauses(said.get(document, []), span, merged, types, speaker, country.get(document),
                        holding, ours, lambda a: _owner(a, named[document], types, bounds[document]))

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
        speaker = source.removeprefix("entity:") if kind == "named" else None
        chain = [by_id[v] for v in r["via"] if v in by_id]
        cited = {compare.outlet_key(o) for c in [r, *chain]
                 if (o := outlet_of(merged.get(c["source_entity_id"], c["source_entity_id"])))}
        start, end, words = r["content_start"], r["content_end"], r["content_text"]
        if start is None:  # a refusal to comment: no content, the cue stands for it
            start, end, words = r["cue_start"], r["cue_end"], r["cue_text"]
        shown = (start, end)
        if r["stance"] in compare.NEGATIVE and compare.points_back_words(words or ""):
            # "Al-Saadi rejected the claim, telling the paper that every rifle was handed
            # over": the evidence of a denial that points back is its sentence.
            shown = next(((a, b) for a, b in bounds[doc.id] if a <= r["cue_start"] < b), shown)
        said_in = [] if r["content_start"] is None else clauses_in(doc.id, (start, end), speaker)
        if _seeking(r["cue_text"]):
            # "Rights groups called for his release": what is sought is not said to be so.
            said_in = [replace(c, modality="irrealis") for c in said_in]
        s = Statement(r["id"], r["document_id"], doc.outlet, source, kind, r["stance"], shown,
                      words or "",
                      entities=frozenset(e for a, b, e in named[r["document_id"]] if start <= a and b <= end),
                      cited=frozenset(cited), source_name=source_name,
                      props=_predicate(doc.text, (start, end), named[r["document_id"]]),
                      clauses=said_in,
                      parsed=doc.id in kept)
        claimed[r["document_id"]].append((start, end, s))
        if not (r["source_entity_id"] or r["source_text"]) and (r["via"] or _hearsay(r["cue_text"])):
            # "dismissed as lies accusations that its forces shelled the market", "after
            # reports that he was being held": what is answered or rumoured, whose source the
            # report does not give; not the outlet's word (nor its own account).
            continue
        out.append(s)
    facts = _facts(conn, docs, bounds, merged, places, roles, names)
    tuning = compare.settings()
    linked = stories.linked({d: r.text for d, r in docs.items()},
                            {d: {e for _, _, e in found} for d, found in named.items()},
                            tuning["story_similarity"], tuning["max_story_share"],
                            max(tuning["min_posting_limit"], int(tuning["max_posting_share"] * len(docs))))
    _tell_stories(facts, linked)
    by_sentence: dict[tuple[str, tuple[int, int]], Statement] = {}
    for document, anchor, sentence, fact in facts:
        inside = [s for a, b, s in claimed[document] if a <= anchor < b]
        for s in inside:
            # (Its figures where the claim gives them: "23 inmates had escaped during the attack"
            # does not say the four dead its sentence counts after it.)
            s.events.append(replace(fact, figures=_counted_in(s.text, fact.figures)))
        # A happening the report tells again inside what someone says ("The attack killed two
        # guards ... A medic said two guards had been killed in the attack") is that claim's
        # too where the claim says it happened (a clause of its own headed by the word), with
        # the figures the claim gives (see below), not those told before.
        # (So is a happening a source puts at a count: "put the death toll at three", with
        # that count.)
        for a, b, s in claimed[document]:
            said_again = [(x, y) for x, y in fact.at if x != anchor and a <= x < b]
            if s in inside or not said_again:
                continue
            if any(_placed(c.predicate, c.args) for c in s.clauses):
                s.events.append(replace(fact, figures=_counted_in(s.text, fact.figures), update=False))
            elif any(x <= c.at < y for x, y in said_again for c in s.clauses):
                s.events.append(replace(fact, figures={}, update=False))
        if inside:
            continue
        if (document, sentence) in by_sentence:  # "X was dismissed on Sunday": an event and a relation
            by_sentence[document, sentence].events.append(fact)
            continue
        doc = docs[document]
        voice = doc.outlet or _NO_OUTLET
        statement = Statement(fact.id, document, doc.outlet, compare.outlet_key(voice), "outlet", "asserts",
                              sentence, doc.text[sentence[0]:sentence[1]], source_name=voice,
                              entities=frozenset(x for a, b, x in named[document]
                                                 if sentence[0] <= a and b <= sentence[1]),
                              events=[fact], kind="fact",
                              props=_predicate(doc.text, sentence, named[document]),
                              # its own voice: not what it quotes in the same sentence
                              clauses=[c for c in clauses_in(document, sentence)
                                       if not any(a <= c.at < b for a, b, _ in claimed[document])],
                              parsed=document in kept)
        by_sentence[document, sentence] = statement
        out.append(statement)
    out.extend(_own_voice(docs, bounds, said, claimed, by_sentence, named, clauses_in))
    lex = meaning.meaning()
    counted_by = lexicon.load("events.yml")["counts"]  # the figure each type of event counts
    for s in out:
        s.story = linked.get(s.document, frozenset())
        a, b = s.span
        inside = [(x - a, y - a, e) for x, y, e in named[s.document] if a <= x and y <= b]
        s.links = compare.cause_links(docs[s.document].text[a:b], inside)
        # Whether each statement says its events happened or only refers to them ("the March
        # 21 attack", "the soldiers killed in the attack"): a clause of its own is headed by
        # one of the event's words.
        # (Not a doing only tied to its doer: "denied any involvement in the car bomb
        # explosion" refers to the explosion; it does not tell its toll.)
        told = [c for c in s.clauses if not c.given]
        heads = {c.at for c in told} | {h for c in told for h in c.core_at}
        # A count told through its noun ("put the death toll from the clashes at eleven", "the
        # number of martyrs had reached eleven") tells the figures, though the happening is
        # only referred to; not a count in a description ("the two guards who died").
        words = re.findall(r"[\w,]+", s.text.lower())
        by_noun = bool(COUNT_NOUNS & set(words))
        numbers = {n for w in words for n in (number_of(w.strip(",")) or ())} if by_noun else set()
        s.events = [replace(e, asserted=not s.clauses or any(a <= h < b for h in heads for a, b in e.at),
                            counted=bool(e.figures) and all({f.low, f.high} & numbers
                                                            for f in e.figures.values()))
                    for e in s.events]
        for e in s.events:
            # A count far from its verb ("Six heroes of our valiant army were martyred"): the
            # count of who it was done to, as the clause of the event's word gives it.
            kind = counted_by.get(e.type)
            if kind is not None and kind in e.figures and not e.victims:
                # "that two tribesmen were killed": who the count is of, as the clause says.
                told = {x.lemma for c in s.clauses if any(a <= c.at < b for a, b in e.at)
                        for x in c.args if x.figure == e.figures[kind] and x.lemma in lex["kinds"]}
                if len(told) == 1:
                    e.victims = frozenset(lex["kinds"][w] for w in told)
            if kind is None or kind in e.figures:
                continue
            for c in s.clauses:
                if any(a <= c.at < b for a, b in e.at):
                    counted = [x for x in c.args if x.role in ("patient", "agent") and x.figure is not None]
                    if counted:
                        e.figures = {**e.figures, kind: counted[0].figure}
                        word = counted[0].lemma
                        if word in lex["kinds"] and not e.victims:
                            e.victims = frozenset([lex["kinds"][word]])
                        break
        for e in s.events:  # (the figures as the clauses gave them)
            e.part, e.toll = e.part or _a_share(s.text, e.figures), _a_toll(s.text, e.figures)
    return out


def _own_voice(docs: dict, bounds: dict, said: dict, claimed: dict, by_sentence: dict, named: dict,
               clauses_in) -> list[Statement]:
    """What a report says in its own voice besides the events it tells ("He has been replaced
    by his deputy", "No group has claimed responsibility"): each sentence with a clause of
    its own, outside what it quotes, that says something of someone or something, as a
    statement of the report's outlet. (An outlet's own accounts are not compared with each
    other: see ``crosscheck.assess.compare.own_voice``.)"""
    m = meaning.meaning()
    out = []
    for document in said:
        doc = docs[document]
        voice = doc.outlet or _NO_OUTLET
        for sentence in bounds[document]:
            if (document, sentence) in by_sentence:
                continue
            own = [c for c in clauses_in(document, sentence)
                   if not any(a <= c.at < b for a, b, _ in claimed[document]) and c.modality == "asserted"
                   and any(x.entity or x.lemma not in m["generic"] for x in c.args if x.role in meaning.CORE)]
            if not own:
                continue
            out.append(Statement(content_id("own", document, sentence[0]), document, doc.outlet,
                                 compare.outlet_key(voice), "outlet", "asserts", sentence,
                                 doc.text[sentence[0]:sentence[1]], source_name=voice,
                                 entities=frozenset(x for a, b, x in named[document]
                                                    if sentence[0] <= a and b <= sentence[1]),
                                 kind="fact", props=_predicate(doc.text, sentence, named[document]),
                                 clauses=own, parsed=True))
    return out


def _countries(docs: dict, places: dict[str, list[tuple[int, int, str]]],
               names: dict[str, str]) -> dict[str, str]:
    """The country each report is set in, where its places say (the gazetteer's countries):
    the one most of its known places lie in."""
    known = places_known()
    out = {}
    for doc in docs:
        votes: Counter[str] = Counter()
        for _, _, eid in places.get(doc, []):
            key = canonical_place(names.get(eid, ""))
            if key is None:
                continue
            above = known.get(key, ())
            votes.update([k for k in above if not known.get(k)] or ([] if above else [key]))
        if votes:
            out[doc] = votes.most_common(1)[0][0]
    return out


def _one_name_one_thing(conn: Connection, merged: dict[str, str]) -> dict[str, str]:
    """The merges, and entities of one name but two types taken as one: the model labels an
    unfamiliar place or group a person in one report and a place in the next ("Diwaniyah"),
    and what a statement says of it is still said of one thing. A group's name less a
    generic last word (compare.yml's ``loose_org_heads``) is its name too."""
    by_name: dict[str, list[str]] = defaultdict(list)
    loose = compare.settings()["loose_org_heads"]
    groups: set[str] = set()
    for eid, key, type_ in conn.execute(select(entities.c.id, entities.c.key, entities.c.type)):
        name = key.split(":", 1)[-1]
        by_name[name].append(merged.get(eid, eid))
        words = name.split()
        if type_ == "organization" and len(words) > 2 and words[-1] in loose:
            # "the Desert Shield Forces" and "the Desert Shield": one group (the group stands
            # for both, whatever the model called the shorter name).
            by_name[" ".join(words[:-1])].append(merged.get(eid, eid))
            groups.add(merged.get(eid, eid))
    out = dict(merged)
    for ids in by_name.values():
        heads = sorted(set(ids), key=lambda e: (e not in groups, e))
        for eid in heads[1:]:
            out[eid] = heads[0]
    for eid, head in merged.items():
        out[eid] = out.get(head, head)
    return out


# Relations that are happenings with a date: a dismissal ends a post, an appointment starts one.
_RELATION_EVENTS = {"dismissed": ("dismissal", "end"), "appointed": ("appointment", "start")}


def _facts(conn: Connection, docs: dict, bounds: dict, merged: dict[str, str],
           places: dict[str, list[tuple[int, int, str]]], roles: dict | None = None,
           place_names: dict[str, str] | None = None) -> list[tuple]:
    """The events, and the dismissals and appointments the relations give, each as
    (document, offset it is said at, its sentence, EventFact), in the order of the reports."""
    found = []
    roles = roles or {}
    ids = conn.scalars(select(entities.c.id).where(entities.c.type == "person"))
    persons = frozenset(merged.get(i, i) for i in ids)

    def sentence_at(document: str, at: int, end: int) -> tuple[int, int]:
        return next(((a, b) for a, b in bounds[document] if a <= at < b), (at, end))

    for e in conn.execute(select(events)):
        e = dict(e._mapping)
        trigger = e["evidence"][0]
        sentence = sentence_at(e["document_id"], trigger["start"], trigger["end"])
        found.append((e["document_id"], trigger["start"], sentence,
                      _event_fact(e, docs[e["document_id"]], sentence, merged, persons,
                                  roles.get(e["document_id"]))))
    q = select(relations).where(relations.c.type.in_(_RELATION_EVENTS),
                                relations.c.subject_entity_id.is_not(None))
    for r in conn.execute(q):
        family, end = _RELATION_EVENTS[r.type]
        when = (r.dates or {}).get(end) or {}
        subject = merged.get(r.subject_entity_id, r.subject_entity_id)
        fact = EventFact(r.id, family, date=when.get("date"), precision=when.get("precision"),
                         at=((r.evidence_start, r.evidence_end),),  # the words that say so
                         report_date=docs[r.document_id].date, dated=bool(when.get("date")), placed=False,
                         participants=frozenset([subject]))
        found.append((r.document_id, r.evidence_start, sentence_at(r.document_id, r.evidence_start,
                                                                    r.evidence_end), fact))
    found.sort(key=lambda f: (f[0], f[1]))
    # A report tells of one happening at a time: "At least 12 people were killed" after "a car
    # bomb exploded in the Bab al-Hussein market on Tuesday" is that bombing's toll.
    # ... and where the toll comes first ("Four soldiers were killed ..., the army said. The
    # convoy was hit near Qayyarah"), the happening told next.
    # ... but a sentence that opens "In a separate incident", "Elsewhere" tells another.
    apart = {id(fact) for document, _, sentence, fact in found
             if _SEPARATE.match(docs[document].text, sentence[0])}
    for order in (found, found[::-1]):
        known: dict[tuple[str, str], EventFact] = {}  # (document, family) -> its nearest told event
        for document, _, _, fact in order:
            before = known.get((document, fact.family))
            told = fact.placed or any(p.startswith("~") for p in fact.participants)
            if fact.plural or id(fact) in apart:
                continue  # "arrests of faction commanders are rare": none in particular
            if before is not None and not fact.places:
                fact.places, fact.placed, fact.place_names = before.places, False, before.place_names
            if before is not None and not told:
                fact.participants |= before.participants  # "the treacherous attack": the one told before
                fact.people |= before.people
                if not fact.date:
                    fact.date, fact.precision, fact.dated = before.date, before.precision, False
            if told:
                known[document, fact.family] = fact
    # Every place named in the sentences that tell of a family's events in a report: "in the
    # Bab al-Hussein market in central Hilla" puts the bombing in Hilla as well.
    area: dict[tuple[str, str], frozenset[str]] = defaultdict(frozenset)
    for document, _, sentence, fact in found:
        if id(fact) in apart:
            continue
        area[document, fact.family] |= fact.places if fact.placed else frozenset()
        area[document, fact.family] |= frozenset(e for a, b, e in places[document]
                                                 if sentence[0] <= a and b <= sentence[1])
    # ... and in the sentences that name the fighting by its noun ("accounts of the clan
    # fighting in the Qurna district still differ"): its deaths are told there.
    fighting = {w for w, kind in meaning.meaning()["kinds"].items() if kind == "fighting"}
    for document in {f[0] for f in found}:
        text = docs[document].text
        for start, end in bounds.get(document, ()):
            if fighting & {singular(w) for w in re.findall(r"[a-z]+", text[start:end].lower())}:
                area[document, "violence"] |= frozenset(e for a, b, e in places[document]
                                                        if start <= a and b <= end)
    # The figures of a sentence are all its events' ("a car bomb killed three soldiers"): so
    # are the people they count.
    counted: dict[tuple[str, tuple[int, int]], frozenset[str]] = defaultdict(frozenset)
    for document, _, sentence, fact in found:
        counted[document, sentence] |= fact.victims
    for document, _, sentence, fact in found:
        if fact.figures and not fact.victims:
            fact.victims = counted[document, sentence]
    # One happening per sentence and family: what a sentence's events were done to is its
    # deaths' too ("four soldiers were killed when a bomb struck an army convoy").
    targets: dict[tuple[str, tuple[int, int], str], frozenset[str]] = defaultdict(frozenset)
    for document, _, sentence, fact in found:
        targets[document, sentence, fact.family] |= {p for p in fact.participants if p.startswith("~")}
    for document, _, sentence, fact in found:
        fact.participants |= targets[document, sentence, fact.family]
        fact.people |= targets[document, sentence, fact.family]
    within = _hierarchy(conn, merged)
    known = places_known()
    place_names = place_names or {}
    for document, _, sentence, fact in found:
        fact.area = fact.places if id(fact) in apart else area[document, fact.family]
        fact.regions = frozenset(r for p in fact.places for r in within.get(p, ()))
        fact.regions |= frozenset(f"gz:{r}" for p in fact.places if p.startswith("gz:")
                                  for r in known.get(p[3:], ()))
        # The provinces of its places, and of the known places its sentence puts it near
        # ("near Gwer, north of Makhmour": Nineveh).
        near = frozenset(f"gz:{k}" for a, b, e in places[document] if sentence[0] <= a and b <= sentence[1]
                         for k in [canonical_place(place_names.get(e, ""))] if k)
        held = fact.regions | frozenset(f"gz:{r}" for p in near for r in known.get(p[3:], ())) | near
        fact.provinces = frozenset(r for r in held if r.startswith("gz:") and known.get(r[3:]))
        fact.setting = _setting(places[document], place_names, known)
    return found


def _tell_stories(facts: list[tuple], linked: dict[str, frozenset[str]]) -> None:
    """Each event's report, and the other reports that tell its story (``stories.linked``)
    where its report tells one happening of its family: not a roundup's two bombings on two
    days, or in two places neither of which holds the other."""
    told: dict[tuple[str, str], list[EventFact]] = defaultdict(list)
    for document, _, _, fact in facts:
        told[document, fact.family].append(fact)
    for (document, _), found in told.items():
        days = {f.day for f in found if f.day and f.dated}
        placed = [f for f in found if f.named_places and f.placed]
        several = len(days) > 1 or any(not x.nested(y) for i, x in enumerate(placed) for y in placed[i + 1:])
        for f in found:
            f.report = document
            f.story = frozenset() if several else linked.get(document, frozenset())


def _setting(named: list[tuple[int, int, str]], place_names: dict[str, str],
             known: dict[str, frozenset[str]]) -> frozenset[str]:
    """The provinces a report's known places lie in (or are), anywhere in it: where it is set."""
    keys = {k for _, _, e in named if (k := canonical_place(place_names.get(e, "")))}
    held = keys | {r for k in keys for r in known.get(k, ())}
    return frozenset(f"gz:{r}" for r in held if known.get(r))


def _known_places(names) -> frozenset[str]:
    """The places of crosscheck's gazetteer (``places.yml``) that names spell, as keys: one
    place however it is spelt ("Musayyib", "al-Musayab") and whatever type the model gave it."""
    return frozenset(f"gz:{key}" for name in names if (key := canonical_place(name)))


def _hierarchy(conn: Connection, merged: dict[str, str]) -> dict[str, set[str]]:
    """Each place and every place the reports put it in ("the town of Mahawil in Babil
    province", "Babil province, Iraq"), through any number of steps."""
    parents: dict[str, set[str]] = defaultdict(set)
    q = select(relations.c.subject_entity_id, relations.c.object_entity_id).where(
        relations.c.type == "located_in", relations.c.subject_entity_id.is_not(None),
        relations.c.object_entity_id.is_not(None))
    for inner, outer in conn.execute(q):
        inner, outer = merged.get(inner, inner), merged.get(outer, outer)
        if inner != outer:
            parents[inner].add(outer)
    out: dict[str, set[str]] = {}
    for place in parents:
        seen, todo = set(), list(parents[place])
        while todo:
            p = todo.pop()
            if p not in seen and p != place:
                seen.add(p)
                todo.extend(parents.get(p, ()))
        out[place] = seen
    return out




# How a clause is put that says it is not a fact ("if he sold", "to sell", a question).
_IRREALIS = {"if", "whether", "unless", "to", "?", "!"}
_FIRST_PERSON = {"i", "me", "my", "myself", "mine"}
_FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}


def _roles(conn: Connection, merged: dict[str, str]) -> dict[str, dict[str, set[str]]]:
    """For each report, who holds each role it names ("the commander, Salim al-Juburi";
    "Governor X"): role word -> the entities with it."""
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    q = select(relations.c.document_id, relations.c.role, relations.c.subject_entity_id).where(
        relations.c.type.in_(("leads", "member_of", "holds_post")), relations.c.role.is_not(None),
        relations.c.subject_entity_id.is_not(None))
    for doc, role, subject in conn.execute(q):
        words = _role_words(role)
        if words:
            out[doc][singular(words[-1])].add(merged.get(subject, subject))
    return out


_NOT_THE_ROLE = {"deputy", "vice", "assistant", "acting", "former", "ex", "dismissed", "late"}


def _role_words(role: str) -> list[str]:
    """A role's words, or none where a qualifier makes it another role ("deputy commander"
    is not "the commander")."""
    words = role.lower().replace("-", " ").split()
    return [] if _NOT_THE_ROLE & set(words) else words


def _heads(conn: Connection, merged: dict[str, str]) -> dict[tuple[str, str], set[str]]:
    """Who holds each role in each body, as any report says ("Col. X, commander of the Y
    Brigade"): (body, role word) -> the entities with it."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    q = select(relations.c.object_entity_id, relations.c.role, relations.c.subject_entity_id).where(
        relations.c.type.in_(("leads", "member_of", "holds_post")), relations.c.role.is_not(None),
        relations.c.subject_entity_id.is_not(None), relations.c.object_entity_id.is_not(None))
    for body, role, subject in conn.execute(q):
        words = _role_words(role)
        if words:
            out[merged.get(body, body), singular(words[-1])].add(merged.get(subject, subject))
    return out


_TOWN_WORDS = ("town", "city", "village", "district", "subdistrict")


def _towns(named: list[tuple[int, int, str]], names: dict[str, str],
           known: dict[str, frozenset[str]]) -> set[str]:
    """The places a report names that are neither a country nor a province: its towns,
    villages and districts (and places the gazetteer does not know)."""
    out = set()
    for _, _, eid in named:
        key = canonical_place(names.get(eid, ""))
        if key is None or any(known.get(r) for r in known.get(key, ())):
            out.add(eid)  # unknown, or inside a province
    return out


def _bodies(conn: Connection, merged: dict[str, str], types: dict[str, str]) -> dict[str, set[str]]:
    """The organisations each person leads or belongs to, as the reports say (any report)."""
    out: dict[str, set[str]] = defaultdict(set)
    q = select(relations.c.subject_entity_id, relations.c.object_entity_id).where(
        relations.c.type.in_(("leads", "member_of")), relations.c.subject_entity_id.is_not(None),
        relations.c.object_entity_id.is_not(None))
    for subject, body in conn.execute(q):
        body = merged.get(body, body)
        if types.get(body) == "organization":
            out[merged.get(subject, subject)].add(body)
    return out


def _clauses(rows: list[dict], span: tuple[int, int], merged: dict[str, str], types: dict[str, str],
             speaker: str | None = None, country: str | None = None,
             holding: dict[str, set[str]] | None = None, ours: str | None = None,
             owner=None) -> list[Clause]:
    """The propositions said inside ``span`` as clauses to compare: each with its polarity
    and modality as the span puts them (a "denied that" inside the span turns the clause; one
    outside it, the claim's own cue, is the statement's stance) and its arguments' entities
    after resolution. Clauses that only carry another ("said", "told") are left out."""
    m = meaning.meaning()
    start, end = span
    # What a description says of its noun besides the noun ("weapons seized from an arms
    # cache"): where it came from, where it went, belongs to the noun wherever it is used.
    described: dict[int, list[dict]] = defaultdict(list)
    for r in rows:
        if r["form"] == "description" and start <= r["at_start"] < end:
            nouns = [a["head_start"] for a in r["arguments"] if a["role"] in meaning.CORE]
            for n in nouns:
                described[n].extend(a for a in r["arguments"] if a["role"] not in meaning.CORE)
    unreal = {r["at_start"]: r["modality"] in _IRREALIS for r in rows}
    out = []
    for r in rows:
        if not start <= r["at_start"] < end or r["predicate"] in m["carriers"] or r["form"] == "description":
            continue  # what only carries another clause, or takes its noun as given
        if r["form"] in ("nominal", "tied") and not any(g["complement"] for g in r["governors"]):
            continue  # "a dispute over the training of the brigade" refers to it; "denied the sale" says it
        sign = -1 if r["negated"] else 1
        modality = "irrealis" if r["modality"] in _IRREALIS else "habitual" if r["modality"] == "habitually" \
            else "possible" if r["modality"] else "asserted"
        reported = False
        for g in r["governors"]:
            if not (g["complement"] and start <= g["at"] < end):
                continue
            if g["lemma"] in _reporting():
                reported = True  # "..., with the spokesman saying the union levies no fee"
            if g["lemma"] in m["denying"] and not g["negated"]:
                sign = -sign
            elif g["lemma"] in m["alleging"]:
                modality = "alleged"
            elif g["lemma"] in m["seeking"] or (unreal.get(g["at"]) and g["lemma"] not in m["light"]):
                # What is sought ("called for his release"), or what an aim is of ("paid to
                # secure his release"), is not said to have happened. (Not "had nothing to do
                # with the killing": a light verb's "to" is no aim.)
                modality = "irrealis"
        # "Held in Erbil, not in Sulaymaniyah": where it was not is not said of it.
        given = [a for a in r["arguments"] if not (a.get("negative") and a["role"] not in meaning.CORE)]
        roles = {a["role"] for a in given}
        for a in r["arguments"]:
            given.extend(x for x in described.get(a["head_start"], ()) if x["role"] not in roles)
        args = []
        for a in given:
            entity = _entity(a, merged, speaker, ours)
            holders = (holding or {}).get(a["lemma"], ())
            if entity is None and "our" in a["modifiers"]:
                holders = (holding or {}).get(f"our {a['lemma']}", ())
            if entity is None and len(holders) == 1:
                # "a commander of the battalions" where the report names one commander.
                entity = next(iter(holders))
            if entity is None and a["role"] == "agent" and owner is not None:
                entity = owner(a)  # "the men of the brigade shelled": the brigade did
            if entity is None and a["role"] == "agent" and "our" in a["modifiers"] \
                    and a["lemma"] in m["acting_for"]:
                entity = ours  # "our forces had nothing to do with the attack": the speaker's body
            modifiers = frozenset(a["modifiers"])
            if country and any(demonyms().get(w) == country for w in modifiers):
                modifiers |= {"domestic"}  # "Iraqi officers" in a report from Iraq: its own
            args.append(Arg(a["role"], a["lemma"], entity, types.get(entity or ""), modifiers,
                            meaning.Figure.of(a["number"], a["bound"]), a["text"],
                            none=bool(a.get("negative")) and a["role"] in meaning.CORE))
        days = frozenset(d["date"] for d in r["dates"] if d["date"] and d["precision"] == "day")
        generic = r["form"] in ("gerund", "nominal", "tied") and not any(a.role == "agent" for a in args)
        # (And a count it gives in any role: "puts the brigade's strength at 1,200 men".)
        core_at = frozenset(a["head_start"] for a in r["arguments"]
                            if a["role"] in meaning.CORE or a["number"])
        out.append(Clause(r["predicate"], tuple(args), sign, modality, days, r["at_start"], generic=generic,
                          reported=reported,
                          core_at=core_at, given=r["form"] == "tied"))
        if (put := _placed(r["predicate"], args)) is not None:
            # "put the contract's value at $184 million" says what "its value is $96
            # million" says: the value is so much.
            out.append(Clause("be", put, sign, modality, days, r["at_start"], reported=reported,
                              core_at=core_at))
    return out


_AMOUNTING = frozenset({"stand", "amount", "come"})  # "stood at", "amounted to", "came to"


@functools.cache
def _placing() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The placing verbs (and those a count stands at), what they put somewhere (counts, and
    loads: "put the cargo at 900,000 litres") and the prepositions of where (cues.yml)."""
    placing = lexicon.load("cues.yml")["placing"]
    counted = frozenset(placing["counts"]) | meaning.meaning()["loads"]
    return frozenset(placing["verbs"]) | _AMOUNTING, counted, frozenset(placing["preps"])


def _placed(predicate: str, args: Sequence[Arg]) -> tuple[Arg, Arg] | None:
    """What a placing verb's object is put at, as a subject and its attribute ("put the
    value at $184 million": value, $184 million), or what a count stood at ("the value stood
    at $184 million"), or None (``placing`` in cues.yml)."""
    verbs, counted, preps = _placing()
    if predicate not in verbs:
        return None
    # ("The value stood at $184 million", "the consignment amounted to 2,400 sacks": its subject.)
    role = "agent" if predicate in _AMOUNTING else "patient"
    thing = next((x for x in args if x.role == role and x.lemma in counted), None)
    amount = next((x for x in args if x.role in preps and x.figure is not None), None)
    if thing is None or amount is None:
        return None
    return replace(thing, role="agent"), replace(amount, role="attribute")


@functools.cache
def _reporting() -> frozenset[str]:
    """The verbs by which a statement quotes someone saying something (cues.yml's asserting
    and confirming verbs, less those that ask for it)."""
    verbs = lexicon.load("cues.yml")["verbs"]
    return frozenset(verbs["asserts"] + verbs["confirms"]) - meaning.meaning()["seeking"]


def _seeking(cue: str | None) -> bool:
    """Whether a claim's cue asks for its content ("called for", "demanded", "urged"; meaning.yml's
    ``seeking``), rather than saying it is so."""
    words = re.findall(r"[a-z]+", (cue or "").lower())
    return any(w in meaning.meaning()["seeking"] or compare.stem(w) in _seeking_stems() for w in words[:2])


@functools.cache
def _seeking_stems() -> frozenset[str]:
    return frozenset(compare.stem(x) for x in meaning.meaning()["seeking"])


def _hearsay(cue: str | None) -> bool:
    """Whether a claim's cue is a noun for what is said by others ("reports that", "accusations
    that"; compare.yml's ``back_references``)."""
    words = re.findall(r"[a-z]+", (cue or "").lower())
    return bool(words) and words[0] in compare.settings()["back_references"] - {"it", "this", "that", "them"}


def _owner(argument: dict, named: list[tuple[int, int, str]], types: dict[str, str],
           bounds: list[tuple[int, int]]) -> str | None:
    """The body a doer acts for (``acting_for`` in meaning.yml), where its phrase names it
    ("the men of the brigade", "the brigade's artillery"; not "his men", who are not he)
    or "its"/"their" points to the body named last before it in its sentence ("a spokesman
    for the brigade dismissed accusations that its forces shelled the market"). Not of a
    counted doer ("200 of the brigade's fighters"): a count is of the men, not of the body."""
    if argument["lemma"] not in meaning.meaning()["acting_for"] or argument["number"]:
        return None
    start, end, head = argument["start"], argument["end"], argument["head_start"]
    inside = [(a, e) for a, b, e in named if start <= a and b <= end and not a <= head < b
              and types.get(e) == "organization"]
    if inside:
        return min(inside)[1]
    if not {"its", "their"} & set(argument["modifiers"]):
        return None
    sentence = next(((a, b) for a, b in bounds if a <= start < b), (start, start))
    before = [(a, e) for a, b, e in named
              if sentence[0] <= a and b <= start and types.get(e) == "organization"]
    return max(before)[1] if before else None


def _entity(argument: dict, merged: dict[str, str], speaker: str | None,
            ours: str | None = None) -> str | None:
    """The entity an argument names; "I" and "me" in what a named source says are the source,
    "we" and "us" the body it speaks for."""
    if argument["entity"]:
        return merged.get(argument["entity"], argument["entity"])
    if argument["lemma"] in _FIRST_PLURAL:
        return ours
    if argument["lemma"] == "it" and argument["role"] == "agent" and ours is not None:
        return ours  # "the movement's spokesman said it had abducted no one": the movement
    return speaker if argument["lemma"] in _FIRST_PERSON else None


def _predicate(text: str, span: tuple[int, int], names: list[tuple[int, int, str]]) -> list:
    """What a statement says of the entities it names, proposition by proposition: its
    content words less the words of their names ("the Nur al-Huda Brigade was trained
    abroad": train, abroad)."""
    start, end = span
    chars = list(text[start:end])
    for a, b, _ in names:
        if start <= a and b <= end:
            chars[a - start:b - start] = " " * (b - a)
    return compare.propositions("".join(chars))


_NO_OUTLET = "the report (no outlet)"
_IDENTIFYING = ("victim", "target", "unit")  # the participant roles that tell one happening


def source_keys(conn: Connection, claims: list[dict]) -> dict[str, str]:
    """Each claim's source key, as ``statements`` gives it (claims: dicts with id,
    document_id, source_entity_id, source_text, anonymous)."""
    merged = canonical_ids(conn)
    outlets = _outlets(conn)
    eids = {merged.get(c["source_entity_id"], c["source_entity_id"]) for c in claims} - {None}
    names = dict(conn.execute(select(entities.c.id, entities.c.name).where(entities.c.id.in_(eids))).all())
    docs = dict(conn.execute(select(documents.c.id, documents.c.outlet)
                             .where(documents.c.id.in_({c["document_id"] for c in claims}))).all())

    def outlet_of(entity_id: str | None) -> str | None:
        return outlets.get(names.get(entity_id or "", "").lower().removeprefix("the ").strip())

    return {c["id"]: _source(c, merged, outlet_of, docs.get(c["document_id"]), names)[0] for c in claims}


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


_BOUND = re.compile(r"(?P<bound>at least|no more than|more than|over|upwards of|no fewer than|nearly|almost|"
                    r"about|around|some|roughly|approximately|up to|at most|fewer than|less than)\s+$",
                    re.IGNORECASE)


def _event_fact(e: dict, doc, sentence: tuple[int, int], merged: dict[str, str],
                persons: frozenset[str] = frozenset(),
                holding: dict[str, set[str]] | None = None) -> EventFact:
    text = doc.text[sentence[0]:sentence[1]]
    # A place the event took only as the nearest of its sentence is a guess: it tells its
    # report's area, not where the event was ("the bodies were taken to Mosul").
    e = {**e, "places": [p for p in e["places"] if not p.get("guessed")]}
    for p in e["participants"] or []:
        # "detained a commander of the battalions" where the report names one commander.
        words = re.findall(r"[a-z]+", p["text"].lower())[:4]
        holders = [h for w in words if len(h := (holding or {}).get(singular(w), ())) == 1]
        if not p["entity"] and holders:
            p["entity"] = next(iter(holders[0]))
    places = frozenset(merged.get(p["entity"], p["entity"]) if p["entity"] else _described(p["text"])
                       for p in e["places"]) | _known_places(p["text"] for p in e["places"])
    # Who it happened to tells which happening it is: a named victim or target, the target an
    # attack is described by ("an army checkpoint"), the unit whose size is given; not "14
    # people", and not who did it (one armed group acts in many places).
    participants = frozenset(
        merged.get(p["entity"], p["entity"]) if p["entity"] else _described(p["text"])
        for p in e["participants"] or []
        if p["role"] in _IDENTIFYING and (p["entity"] or p["role"] == "target"))
    # A named target is also a kind of thing: "Border Post 9" is a border post, as another
    # report's "a border guard post near al-Ubaidi" is.
    kinds = set(meaning.meaning()["kinds"].values())
    participants |= frozenset(key for p in e["participants"] or []
                              if p["role"] == "target" and p["entity"]
                              and (key := _described(p["text"]))[1:].partition("/")[0] in kinds)
    figures = {kind: _figure(values, text) for kind, values in (e["figures"] or {}).items()}
    update = compare.updated(text)
    people = frozenset(x for x in participants if x in persons or x.startswith("~"))
    # What the figures count, where the victims are described ("three soldiers"): soldier.
    lex = meaning.meaning()
    words = [singular(p["text"].lower().split()[-1]) for p in e["participants"] or []
             if p["role"] == "victim" and not p["entity"] and p["text"].strip()]
    victims = frozenset(lex["kinds"][w] for w in words if w in lex["kinds"])  # "heroes": not told
    return EventFact(e["id"], e["type"], places, e["date"], e["precision"], doc.date,
                     {k: f for k, f in figures.items() if f is not None}, update,
                     dated=bool(e["date"]) and not _named_by_day(e.get("date_text"), text),
                     placed=bool(places), participants=participants, people=people,
                     place_names=frozenset(p["text"] for p in e["places"]),
                     at=tuple((t["start"], t["end"]) for t in e["evidence"]), victims=victims,
                     plural=all(_PLURAL.fullmatch(t["text"].lower()) for t in e["evidence"]),
                     later=e["type"] == "die" and all(t["text"].lower() in _DIED for t in e["evidence"]),
                     risen=compare.risen_to(text) if update else None, part=_a_share(text, figures),
                     modes=compare.attack_modes(text) if e["type"] in _VIOLENT else frozenset())


# "three of his soldiers", "two of our men", "one of the brigade's fighters" (not "three of
# them", "two of the wounded": of those the happening hit).
_SHARE = re.compile(r"\b([\w,-]+) of (?:his|her|their|our|its|the [\w-]+['’]s?)\s", re.IGNORECASE)


def _counted_in(text: str, figures: dict) -> dict:
    """The figures whose count the text gives (a number of it within the figure's range)."""
    if not figures:
        return figures
    words = [w.strip(",.") for w in re.findall(r"[\w,.-]+", text.lower())]
    said = words + [" ".join(words[i:i + 2]) for i in range(len(words) - 1)]  # ("two thousand")
    numbers = {n for w in said for n in (number_of(w) or ())}
    return {kind: f for kind, f in figures.items()
            if any(f.low <= n and (f.high is None or n <= f.high) for n in numbers)}


def _counted_as(pattern: re.Pattern, sentence: str, figures: dict) -> bool:
    """Whether the number a match of ``pattern`` takes (its first group that matched) is a
    figure's count."""
    counted = {f.low for f in figures.values() if f is not None}
    words = (next(g for g in m.groups() if g) for m in pattern.finditer(sentence))
    return any((n := number_of(w.strip(",."))) and n[0] in counted for w in words)


def _a_share(sentence: str, figures: dict) -> bool:
    """Whether a figure of the sentence counts a share of one side's men (``_SHARE``)."""
    return _counted_as(_SHARE, sentence, figures)


# "six people", "eleven dead", "put the toll at six", "the number of martyrs had reached
# eleven": a count of everyone a happening killed or hurt.
_TOLL = re.compile(r"\b([\w,-]+) (?:people|persons|civilians|dead|killed|casualties)\b"
                   r"|\b(?:toll|number of \w+|tally)\b(?:\s+\w+){0,6}?\s+"
                   r"(?:at|to|reached|is|was|stands at)\s+([\w,-]+)",
                   re.IGNORECASE)


def _a_toll(sentence: str, figures: dict) -> bool:
    """Whether a figure of the sentence counts everyone hit (``_TOLL``)."""
    return _counted_as(_TOLL, sentence, figures)


def _named_by_day(date_text: str | None, sentence: str) -> bool:
    """Whether the sentence gives the date only in a name for the happening, the day's
    possessive ("12 people were killed in Tuesday's explosion"): that tells which happening
    it is, not on which day it was, as "the blast happened on Monday" does."""
    if not date_text:
        return False
    said = re.escape(date_text.strip())
    return bool(re.search(rf"\b{said}['’]s\b", sentence)) and not re.search(rf"\b{said}\b(?!['’]s)", sentence)


_VIOLENT = ("attack", "die", "injure")  # the happenings an attack's mode tells apart


def _described(words: str) -> str:
    """A described place or participant as a key, by its kind of thing and the force it belongs
    to: "an army checkpoint", "a checkpoint of the army at the entrance of Tuz" ->
    "~checkpoint/army"; "an Iraqi army supply column", "an army convoy" -> "~vehicle/army"."""
    lex = meaning.meaning()
    kept = [w for w in re.findall(r"[a-z]+", words.lower())
            if w not in ("a", "an", "the") and not number_of(w)]
    if not kept:
        return "~"
    # The head: the last word before a preposition ("a checkpoint of the army at ...").
    words = re.findall(r"[a-z]+", words.lower())

    def head_end(words: list[str]) -> int:  # the first preposition after the first word
        return next((i for i, w in enumerate(words) if w in _PREPOSITIONS and i > 0), len(words))

    cut = head_end(words)
    if cut < len(words) - 1 and words[cut] == "of" and words[cut - 1] in _quantity_nouns():
        # "a number of homes", "a group of gunmen": the homes, the gunmen.
        words = words[cut + 1:]
        cut = head_end(words)
    chunk = [w for w in words[:cut] if w not in ("a", "an", "the") and not number_of(w)] or kept
    head = singular(chunk[-1])
    force = next((w for w in kept if w in _FORCES), None)
    key = "~" + lex["kinds"].get(head, head)
    return f"{key}/{force}" if force else key


# Event words in the plural: "arrests", "attacks", "bombings", "killings" (not "dies", "kills").
_PLURAL = re.compile(r"(?:arrests|attacks|bombings|killings|assassinations|explosions|blasts|detentions|"
                     r"abductions|kidnappings|strikes|airstrikes|shootings|clashes|raids|deaths|dismissals)")


# Deaths told by the one who died ("died of his wounds"), not by the attack that killed.
_DIED = frozenset(("died", "die", "dies", "perished", "succumbed"))


# A sentence that tells another happening than the report's: "In a separate incident, a
# roadside bomb killed two civilians", "Elsewhere, ...", "Separately, ...".
_SEPARATE = re.compile(r"\W*(?:in\s+(?:a\s+separate|another|an\s+unrelated)\s+(?:incident|attack|development)"
                       r"|separately|elsewhere|meanwhile,\s+in)\b", re.IGNORECASE)


@functools.cache
def _quantity_nouns() -> frozenset[str]:
    """Nouns that count what follows their "of" (``quantity_nouns`` in propositions.yml)."""
    return frozenset(lexicon.load("propositions.yml")["quantity_nouns"])


# Who a target belongs to, where a described one says: an army checkpoint is not a police one.
_FORCES = ("army", "police", "military", "border", "peshmerga", "federal", "militia", "navy", "air")
_PREPOSITIONS = ("of", "at", "in", "on", "near", "from", "to", "with", "for", "by", "outside", "inside")


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
            if word in ("up to", "at most", "fewer than", "less than", "no more than"):
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
            by_id = {s.id: s for s in found}
            conn.execute(insert(assessment_pairs), [_row(p, by_id) for p in pairs])
    return Outcome(len(found), sum(p.kind == "corroboration" for p in pairs),
                   sum(p.kind == "contradiction" for p in pairs))


def _row(p: Pair, by_id: dict[str, Statement]) -> dict:
    prefix = "cor" if p.kind == "corroboration" else "con"
    row = {"id": content_id(prefix, p.kind, p.a, p.b, p.reason), "kind": p.kind, "a": p.a, "b": p.b,
           "reason": p.reason, "independence": p.independence, "strength": p.strength,
           "detail": p.detail, "version": compare.VERSION}
    for side, sid, oid in (("a", p.a, p.b), ("b", p.b, p.a)):
        s = by_id.get(sid)
        row.update({f"{side}_document": s and s.document, f"{side}_start": s and s.span[0],
                    f"{side}_end": s and s.span[1], f"{side}_source": s and s.source_name,
                    f"{side}_source_key": s and s.source, f"{side}_stance": s and s.stance,
                    f"{side}_denied": p.kind == "contradiction"
                    and compare.denied_by_subject(s, by_id.get(oid))})
    return row


def pairs(engine: Engine, kind: str | None = None, statement: str | None = None,
          about: str | None = None, found: list[Statement] | None = None) -> list[dict]:
    """The stored pairs, each side with its report, source and words; with ``about`` (an
    entity id), only those where either side names that entity (or one merged into it).
    ``found``: the statements, where the caller has read them already."""
    q = select(assessment_pairs)
    if kind:
        q = q.where(assessment_pairs.c.kind == kind)
    if statement:
        q = q.where(or_(assessment_pairs.c.a == statement, assessment_pairs.c.b == statement))
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(q.order_by(assessment_pairs.c.kind,
                                                                  assessment_pairs.c.id))]
        by_id = {s.id: s for s in (statements(conn) if found is None else found)} if rows else {}
        ids = set(members(conn, canonical(conn, about))) if about else set()
        docs = {r.id: r for r in conn.execute(select(documents.c.id, documents.c.title, documents.c.date))}
        # A denial that points back shows its sentence ("Al-Saadi rejected the claim, telling
        # the paper ..."), not the words it was read by: its text is the document's there.
        widened = {s.id: s.document for r in rows for side in ("a", "b")
                   if (s := by_id.get(r[side])) is not None and len(s.text) != s.span[1] - s.span[0]}
        texts = dict(conn.execute(select(documents.c.id, documents.c.text)
                                  .where(documents.c.id.in_(set(widened.values())))).all()) if widened else {}
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
                "start": s.span[0], "end": s.span[1],
                "text": texts[s.document][s.span[0]:s.span[1]] if s.id in widened else s.text}
        kept.append(r)
    return kept
