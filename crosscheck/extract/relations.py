"""Relations between people and organisations, as a report states them.

- A name's own words: the post a title names ("Governor Hafidh al-Zubaidi": holds the post
  of governor) and a role in apposition ("Salman Ouda, the commander of the Rapid Response
  Brigades": leads them; "the brigade's spokesman, Ammar Jawad": member of it; "Karim
  Dawood, the governor's security adviser": holds that post). The role's head noun gives the
  type when an organisation is named in the role; a role with no organisation is a post.
- A verb and its arguments in the parse ("the governor dismissed the police chief, Salman
  Ouda, on March 3": Ouda dismissed by the governor, and his post as police chief ended on
  March 3; "the brigade was trained by the Revolutionary Guards"; "X accused Y of selling
  seized weapons"). The verb's form gives the type, its voice which argument is which.
- A unit's place in another ("the brigade, a unit of the Interior Ministry"; "is part of").

Words are data (``relations.yml``). Each relation keeps the words that say so as its
evidence, and the date mentions that say when it began (``since``) or ended (``until``).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from crosscheck.extract import lexicon
from crosscheck.extract.stages import stage
from crosscheck.model import Mention, Relation

VERSION = "2"
_MODIFIERS = {"compound", "amod", "nmod"}
# Between an organisation and a name: "'s" perhaps, then one to three lower-case words of a
# role, the last its head ("captain", "security adviser", "deputy commander").
_BETWEEN = re.compile(r"(?:['\u2019]s)?[ ]+(?P<role>(?:[a-z][\w-]*[ ]+){0,2}(?P<head>[a-z][\w-]*))[ ]+")
_BEFORE_LIMIT = 40


@functools.cache
def _lexicon() -> dict[str, Any]:
    data = lexicon.load("relations.yml")
    verbs: dict[str, list[tuple[str, dict]]] = {}
    for type_, spec in data["verbs"].items():
        for form in spec["forms"]:
            verbs.setdefault(form, []).append((type_, spec))
    return {"types": set(data["types"]),
            "roles": {word: type_ for type_, words in data["roles"].items() for word in words},
            "verbs": verbs, "part_nouns": set(data["part_nouns"]), "not_roles": set(data["not_roles"]),
            "deputies": set(data["deputies"])}


def reads(type_: str) -> str:
    """How a relation type reads from its subject to its object: "dismissed by"."""
    return lexicon.load("relations.yml")["reads"].get(type_, type_.replace("_", " "))


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
    dates = [m for m in analysis.mentions if m.type == "date"]
    found: dict[tuple, Relation] = {}
    # Where each parsed piece ends (a Doc's text is built anew each time it is asked for).
    pieces = [(offset, doc, offset + len(doc.text)) for offset, doc in parsed]

    def add(relation: Relation) -> None:
        """One relation per type, ends and role; a later finding adds the dates it gives."""
        kept = found.setdefault((relation.type, relation.subject, relation.object, relation.role), relation)
        kept.since = kept.since or relation.since
        kept.until = kept.until or relation.until

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
                type_ = _type_of(head, word, lex) if org is not None else "holds_post"
                span = (offset + role_span[0], offset + role_span[1])
                ends = [span, subject] + ([(org.start, org.end)] if org is not None else [])
                evidence = (min(a for a, _ in ends), max(b for _, b in ends))
                add(Relation(type_, subject, (org.start, org.end) if org is not None else None,
                             text[span[0]:span[1]], evidence, VERSION,
                             since=_date_after(head, "since", offset, dates)))
    ends = _Ends([m for m in analysis.mentions if m.type in _END_TYPES], dates)
    for offset, doc, _ in pieces:
        for token in doc:
            if token.lower_ in lex["verbs"] and token.pos_ in ("VERB", "ADJ"):
                for relation in _from_verb(token, offset, text, ends, lex):
                    add(relation)
            elif token.lower_ in lex["part_nouns"] and token.pos_ == "NOUN":
                if relation := _from_part_noun(token, offset, ends):
                    add(relation)
    analysis.relations.extend(found.values())


_END_TYPES = ("person", "organization", "place")
# The clauses a verb's date is not looked for in: they have their own verbs.
_CLAUSES = {"ccomp", "advcl", "relcl", "xcomp", "acl", "conj", "parataxis", "csubj"}
_ROLE_WORDS = 12  # at most this many words of a role or charge ("of selling seized weapons")
_SINCE = {"since", "from"}
_UNTIL = {"until", "till", "to", "through"}
_RELATIVES = {"which", "who", "that", "whom"}
_POST_WORDS = {"post", "position", "job", "role", "office", "seat"}


class _Ends:
    """The mentions a relation can join (people, organisations, places, and the references
    to them), looked up by the parse token they contain; and the report's date mentions."""

    def __init__(self, mentions: list[Mention], dates: list[Mention]):
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self.dates = dates

    def at(self, token, offset: int) -> Mention | None:
        """The mention the token is part of; for a role noun with a name in apposition ("the
        police chief, Salman Ouda"), the name's."""
        found = self._within(offset + token.idx)
        if found is not None:
            return found
        for child in token.children:
            if child.dep_ == "appos":
                return self.at(child, offset)
        # An apposition the parser missed: "the director of Babil police, Major General Nasir
        # al-Rubaiy, last Thursday": a name right after the phrase and its comma.
        edge, doc = token.right_edge, token.doc
        if token.pos_ == "NOUN" and edge.i + 2 < len(doc) and doc[edge.i + 1].text == ",":
            for t in doc[edge.i + 2: edge.i + 6]:  # past a title: ", Major General Nasir ..."
                after = self._within(offset + t.idx)
                if after is not None:
                    return after if after.type == "person" else None
                if not t.text[:1].isupper():
                    break
        return None

    def _within(self, at: int) -> Mention | None:
        for m in self.mentions:  # sorted by start: stop past the offset
            if m.start > at:
                return None
            if at < m.end:
                return m
        return None

    def all_at(self, token, offset: int) -> list[Mention]:
        """The token's mention and those of its conjuncts ("by Iran and Hezbollah")."""
        found = [self.at(t, offset) for t in [token, *token.conjuncts]]
        return [m for m in found if m is not None]


def _span(m: Mention) -> tuple[int, int]:
    return (m.start, m.end)


def _date_after(head, word: str, offset: int, dates: list[Mention]) -> tuple[int, int] | None:
    """The date a preposition ("since", "until") in the role's phrase introduces."""
    for prep in head.subtree:
        if prep.lower_ == word and prep.dep_ == "prep":
            start, end = offset + prep.idx, offset + prep.right_edge.idx + len(prep.right_edge)
            inside = [d for d in dates if start <= d.start and d.end <= end]
            if inside:
                return _span(inside[0])
    return None


def _clause_dates(verb, offset: int, dates: list[Mention]) -> list[tuple[tuple[int, int], str | None]]:
    """The date mentions among the verb's own words (not those of a clause of its own),
    nearest first, each with the preposition nearest above it ("since", "from", "until",
    "in") if any: "from March 2010 to June 2014" gives "from" and "to"."""
    ranges = [(offset + verb.idx, offset + verb.idx + len(verb))]
    for child in verb.children:
        if child.dep_ not in _CLAUSES:
            last = child.right_edge
            ranges.append((offset + child.left_edge.idx, offset + last.idx + len(last)))
    found = []
    for d in dates:
        if not any(a <= d.start and d.end <= b for a, b in ranges):
            continue
        span = verb.doc.char_span(d.start - offset, d.end - offset, alignment_mode="expand")
        token, prep = (span.root if span is not None and len(span) else None), None
        while token is not None and token != verb and token.head != token:
            if token.dep_ == "prep":
                prep = token.lower_
                break
            token = token.head
        found.append((d, prep))
    found.sort(key=lambda dp: abs(dp[0].start - offset - verb.idx))
    return [(_span(d), prep) for d, prep in found]


def _when(spec: dict, dates: list[tuple[tuple[int, int], str | None]]) -> dict:
    """When the relation began and ended: a preposition says ("from 2010 to 2014", "since
    2023", "until March"), else the verb says what its nearest date is (an appointment
    begins, a dismissal ends)."""
    when: dict = {}
    for date, prep in dates:
        key = "since" if prep in _SINCE else "until" if prep in _UNTIL else None
        if key:
            when.setdefault(key, date)
    if dates and spec.get("date") and spec["date"] not in when and dates[0][1] not in _SINCE | _UNTIL:
        when[spec["date"]] = dates[0][0]
    return when


def _words(token, offset: int, text: str) -> tuple[int, int] | None:
    """The span of a phrase: the token's subtree up to a preposition other than "of" or a
    clause of its own ("head of the directorate | in 2019"), at most ``_ROLE_WORDS`` words."""
    tokens = []
    for t in list(token.subtree)[:_ROLE_WORDS]:
        if t.i > token.i and ((t.dep_ == "prep" and t.lower_ != "of") or t.dep_ in _CLAUSES):
            break
        tokens.append(t)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if not tokens:
        return None
    return offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1])


def _arguments(verb) -> tuple[list, list, bool]:
    """(who the verb acts on, who acts, passive?) as parse tokens: "X dismissed Y", "Y was
    dismissed by X", "the brigade, trained by X", and a conjoined verb's shared subject."""
    deps = {c.dep_ for c in verb.children}
    passive = bool(deps & {"nsubjpass", "auxpass"}) or (verb.dep_ == "acl" and verb.tag_ == "VBN")
    # The subject nearest the verb (a dateline can make the parser find several).
    subjects = sorted((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")),
                      key=lambda c: abs(c.i - verb.i))[:1]
    if not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ in ("acl", "relcl") and passive:
        subjects = [verb.head]
    if verb.dep_ == "relcl":  # "the brigade, which has been accused of": the brigade
        subjects = [verb.head if s.lower_ in _RELATIVES else s for s in subjects]
    if not subjects and verb.dep_ == "acomp":  # "is accountable to"
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd") and c.pos_ in ("PROPN", "PRON", "NOUN")]
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if passive and not agents:  # "was named interior minister by X": "by" under the post
        agents = [p for c in verb.children if c.dep_ == "oprd" for p in _preposition(c, ["by"])]
    if passive:
        return subjects, agents, True
    return objects[:1], subjects, False


def _preposition(verb, words: list[str], deps: tuple[str, ...] = ("pobj",)) -> list:
    """The objects of the verb's prepositions among ``words`` ("reports to X")."""
    return [p for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in words
            for p in c.children if p.dep_ in deps]


def _from_verb(verb, offset: int, text: str, ends: _Ends, lex) -> list[Relation]:
    out: list[Relation] = []
    if any(c.dep_ == "neg" or c.lower_ in ("never", "nor", "neither") for c in verb.subtree
           if c.i < verb.i and (c.head == verb or c.dep_ in ("preconj", "cc"))):
        return out  # "was never charged", "neither he nor his allies have been charged"
    patients, actors, _ = _arguments(verb)
    if verb.dep_ == "acl" and not actors:
        return out  # "a man named Hussein", "a letter named the commander": a name, not an act
    for type_, spec in lex["verbs"][verb.lower_]:
        if any(c.dep_ == "prep" and c.lower_ in spec.get("not_prep", ()) for c in verb.children):
            continue  # "nominated for an award", "named after his father"
        if "prep" in spec:
            pobjs = _preposition(verb, spec["prep"])
            if "through" in spec:  # "with the help of X"
                pobjs = [o for p in pobjs if p.lower_ in spec["through"] for o in _preposition(p, ["of"])]
            subjects = patients if type_ == "formed_with" else actors or patients
            objects = [m for p in pobjs for m in ends.all_at(p, offset)]
            if "through" not in spec and not subjects:
                subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            pairs = [(s, o) for t in subjects for s in ends.all_at(t, offset) for o in objects]
        elif spec.get("post"):  # "X served as deputy commander of Y": the post only, below
            pairs = [(s, None) for t in actors for s in ends.all_at(t, offset)]
        elif spec.get("founder"):
            pairs = [(s, o) for t in actors for s in ends.all_at(t, offset)
                     for p in patients for o in ends.all_at(p, offset)]
        else:
            by = [m for t in actors for m in ends.all_at(t, offset)]
            pairs = [(s, o) for t in patients for s in ends.all_at(t, offset) for o in (by or [None])]
        if not pairs:
            continue
        role_tokens = ([p for w in spec.get("role", []) for p in _preposition(verb, [w], ("pobj", "pcomp"))]
                       + [c for c in verb.children if c.dep_ == "oprd" and c not in patients])
        # "to the post of interior minister", "from his position as governor": the post's name.
        role_tokens = [next(iter(_preposition(t, ["of", "as"])), t) if t.lower_ in _POST_WORDS else t
                       for t in role_tokens]
        if role_tokens and (role_tokens[0].lower_ in lex["not_roles"]
                            or any(c.dep_ == "relcl" for c in role_tokens[0].children)):
            continue  # "named X as the man who received the shipment" names no post
        role_span = _words(role_tokens[0], offset, text) if role_tokens else None
        role_from_patient = False
        if type_ in ("appointed", "dismissed") and not role_tokens:
            # "dismissed the police chief, Salman Ouda": the post is the noun the name is in
            # apposition to.
            role_tokens = [t for t in patients if t.pos_ == "NOUN" and _role_head(t, lex)]
            if role_tokens:
                _, (a, b) = _role(role_tokens[0])
                role_span, role_from_patient = (offset + a, offset + b), True
        if (type_ == "dismissed" and role_tokens and not role_from_patient
                and not _is_post(role_tokens[0], lex)):
            continue  # "removed X from the ballot": no post ended
        if not role_tokens and verb.lower_ in spec.get("needs_role", ()):
            continue  # "removed Stein": from what, the report does not say here
        when = _when(spec, _clause_dates(verb, offset, ends.dates))
        for subject, object_ in pairs:
            if object_ is not None and _span(subject) == _span(object_):
                continue
            if (spec.get("post") or type_ in ("appointed", "dismissed")) and subject.type != "person":
                continue
            spans = [(offset + verb.idx, offset + verb.idx + len(verb)), _span(subject)]
            spans += [_span(object_)] if object_ is not None else []
            spans += [role_span] if role_span else []
            evidence = (min(a for a, _ in spans), max(b for _, b in spans))
            role = text[role_span[0]:role_span[1]] if role_span else None
            if not spec.get("post"):
                out.append(Relation(type_, _span(subject), _span(object_) if object_ is not None else None,
                                    role, evidence, VERSION, **when))
            if (spec.get("post") or type_ in ("appointed", "dismissed")) and role_tokens:
                if post := _post(role_tokens[0], subject, evidence, offset, ends, lex, when):
                    out.append(post)
    return out


def _type_of(head, word: str, lex) -> str:
    """The relation a role makes with its organisation: a deputy of the head is a member."""
    type_ = lex["roles"][word]
    if type_ == "leads" and any(t.lower_ in lex["deputies"] for t in head.lefts):
        return "member_of"
    return type_


def _is_post(token, lex) -> bool:
    """Whether a role word names a post ("governor", "his post", "office")."""
    return token.lower_ in _POST_WORDS or _role_head(token, lex) is not None


def _role_head(token, lex) -> str | None:
    word = token.lower_
    if word not in lex["roles"] and word.endswith("s") and word[:-1] in lex["roles"]:
        word = word[:-1]
    return word if word in lex["roles"] else None


def _post(head, subject: Mention, evidence, offset: int, ends: _Ends, lex, when) -> Relation | None:
    """The post an appointment or dismissal names ("as head of the directorate": leads it)."""
    word = _role_head(head, lex)
    if word is None:
        return None
    org = next((m for c in head.children if c.dep_ == "poss"
                for m in [ends.at(c, offset)] if m is not None and m.type != "person"), None)
    if org is None:
        org = next((m for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj"
                    for m in [ends.at(p, offset)] if m is not None and m.type != "person"), None)
    if org is None:
        org = next((m for c in head.children if c.dep_ == "compound"
                    for m in [ends.at(c, offset)] if m is not None and m.type != "person"), None)
    role, _ = _role(head)
    return Relation(_type_of(head, word, lex) if org is not None else "holds_post", _span(subject),
                    _span(org) if org is not None else None, role, evidence, VERSION, **when)


def _from_part_noun(noun, offset: int, ends: _Ends) -> Relation | None:
    """ "the brigade, a unit of the Interior Ministry"; "the brigade is part of the PMF"."""
    if ends.at(noun, offset) is not None:  # a word of a name ("the Defence Ministry's Office")
        return None
    objects = [m for p in _preposition(noun, ["of"]) for m in [ends.at(p, offset)]
               if m is not None and m.type == "organization"]
    if noun.dep_ == "appos":
        whole = [noun.head]
    elif noun.dep_ == "attr":
        whole = [c for c in noun.head.children if c.dep_ == "nsubj"]
    else:
        return None
    # The unit is an organisation, whatever the tagger took its name for.
    subjects = [m for t in whole for m in [ends.at(t, offset)] if m is not None and m.type != "place"]
    if not objects or not subjects or _span(subjects[0]) == _span(objects[0]):
        return None
    spans = [_span(subjects[0]), _span(objects[0])]
    return Relation("attached_to", spans[0], spans[1], noun.text,
                    (min(a for a, _ in spans), max(b for _, b in spans)), VERSION)
