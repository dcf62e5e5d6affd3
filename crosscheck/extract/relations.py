"""Relations between people and organisations that a name's own words give: the post a
title names ("Governor Hafidh al-Zubaidi": holds the post of governor) and a role in
apposition ("Salman Ouda, the commander of the Rapid Response Brigades": leads them; "the
brigade's spokesman, Ammar Jawad": member of it; "Karim Dawood, the governor's security
adviser": holds that post).

The role's head noun gives the type (``relations.yml``) when an organisation is named in
the role; a role with no organisation is a post held. Each relation keeps the words that
say so as its evidence.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from crosscheck.extract import lexicon
from crosscheck.extract.stages import stage
from crosscheck.model import Mention, Relation

VERSION = "1"
_MODIFIERS = {"compound", "amod", "nmod"}
# Between an organisation and a name: "'s" perhaps, then one to three lower-case words of a
# role, the last its head ("captain", "security adviser", "deputy commander").
_BETWEEN = re.compile(r"(?:['\u2019]s)?[ ]+(?P<role>(?:[a-z][\w-]*[ ]+){0,2}(?P<head>[a-z][\w-]*))[ ]+")
_BEFORE_LIMIT = 40


@functools.cache
def _lexicon() -> dict[str, Any]:
    data = lexicon.load("relations.yml")
    return {"types": set(data["types"]),
            "roles": {word: type_ for type_, words in data["roles"].items() for word in words}}


def _span_root(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _role(head) -> tuple[str, tuple[int, int]]:
    """The role as written: the head noun with the modifiers before it ("security adviser")."""
    first = head
    for child in head.lefts:
        if child.dep_ in _MODIFIERS and child.ent_type_ not in ("ORG", "GPE", "PERSON"):
            first = min(first, child.left_edge, key=lambda t: t.i)
    words = head.doc[first.i : head.i + 1]
    return words.text, (words.start_char, words.end_char)


def _organization_in(head, exclude: tuple[int, int], offset: int, orgs: list[Mention]) -> Mention | None:
    """The organisation named in the role's phrase ("of the brigade", "the brigade's")."""
    start, end = offset + head.left_edge.idx, offset + head.right_edge.idx + len(head.right_edge.text)
    inside = [o for o in orgs if start <= o.start and o.end <= end
              and not (exclude[0] <= o.start and o.end <= exclude[1])]
    return inside[0] if inside else None


@stage("relations", version=VERSION, requires=["parse", "mentions"], assigns=["relations"])
def add_relations(analysis, parsed) -> None:
    lex = _lexicon()
    text = analysis.document.text
    people = [m for m in analysis.mentions if m.type == "person" and "refers_to" not in m.attrs]
    # An organisation, or a place standing for its government or its team ("the governor of
    # Basra", "Surrey captain Chris Lewis").
    orgs = [m for m in analysis.mentions if m.type in ("organization", "place")]
    found: dict[tuple, Relation] = {}
    # Where each parsed piece ends (a Doc's text is built anew each time it is asked for).
    pieces = [(offset, doc, offset + len(doc.text)) for offset, doc in parsed]

    def add(relation: Relation) -> None:
        found.setdefault((relation.type, relation.subject, relation.object, relation.role), relation)

    for person in people:
        subject = (person.start, person.end)
        # "Surrey captain Chris Lewis", "the brigade's commander Salman Ouda", "Interior
        # Ministry spokesman Saad Maan": an organisation, then a role, then the name.
        for org in orgs:
            if org.end <= person.start and person.start - org.end <= _BEFORE_LIMIT:
                between = _BETWEEN.fullmatch(text, org.end, person.start)
                word = between and between["head"].lower()
                if word and (word in lex["roles"] or word.rstrip("s") in lex["roles"]):
                    type_ = lex["roles"].get(word) or lex["roles"][word.rstrip("s")]
                    add(Relation(type_, subject, (org.start, org.end), between["role"],
                                 (org.start, person.end), VERSION))
        if title := person.attrs.get("title"):
            start = person.attrs.get("title_start", person.start)
            add(Relation("holds_post", subject, None, title, (min(start, person.start), person.end), VERSION))
        for offset, doc, end in pieces:
            if not (offset <= person.start and person.end <= end):
                continue
            root = _span_root(doc, person.start - offset, person.end - offset)
            if root is None:
                continue
            heads = [c for c in root.children if c.dep_ == "appos"]
            if root.dep_ == "appos":
                heads.append(root.head)
            for head in heads:
                # "one of the founders of the brigade": the role is what "one" is one of.
                if head.lower_ == "one":
                    of = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
                    pobj = [c for c in of[0].children if c.dep_ == "pobj"] if of else []
                    if pobj:
                        head = pobj[0]
                word = head.lower_
                if word.endswith("s") and word[:-1] in lex["roles"]:
                    word = word[:-1]
                if head.pos_ not in ("NOUN", "PROPN") or word not in lex["roles"]:
                    continue
                role, role_span = _role(head)
                org = _organization_in(head, subject, offset, orgs)
                type_ = lex["roles"][word] if org is not None else "holds_post"
                span = (offset + role_span[0], offset + role_span[1])
                ends = [span, subject] + ([(org.start, org.end)] if org is not None else [])
                evidence = (min(a for a, _ in ends), max(b for _, b in ends))
                add(Relation(type_, subject, (org.start, org.end) if org is not None else None,
                             text[span[0]:span[1]], evidence, VERSION))
    analysis.relations.extend(found.values())
