"""Clauses compared: whether two propositions say the same thing, the opposite, or
figures that cannot both hold.

A :class:`Clause` is a proposition of the extraction (``crosscheck.extract.propositions``)
as the assessment reads it: its predicate, its arguments with the entities they name (after
resolution), its polarity within the statement (a "not", a "denied that" above it) and its
modality. Two clauses say **the same thing** when their predicates mean the same (``same``
in ``meaning.yml``: "detained" and "arrested") or exclude each other (``contrary``: "sold"
and "handed over"; then one says the other is false), and their arguments agree: no two
named things differ in one role, and enough is shared to tell the proposition apart from
others on the topic (one entity, or two things of one kind, or a kind and the day; see
:func:`agreement`). Qualifiers that oppose ("foreign" against "local" instructors; "by
Iraqi hands alone" against any other) turn the comparison as a contrary predicate does.
Then the same polarity corroborates and opposite ones contradict (``denial``); counts of
one thing that cannot both hold contradict (``figures``), as do two days for one doing
(``date``). Pure; the words are data.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crosscheck.extract import lexicon

_HERE = Path(__file__).parent
CORE = ("agent", "patient", "attribute")
# What an argument agreeing is worth towards "the same proposition" (see agreement()).
_ENTITY, _KIND = 2, 1
_ENOUGH = 2


@dataclass(frozen=True)
class Figure:
    """A count as the report gives it: ``low`` to ``high`` (equal for an exact count; ``high``
    None for "at least")."""

    low: int
    high: int | None

    def agrees(self, other: Figure) -> bool:
        top_a = self.high if self.high is not None else float("inf")
        top_b = other.high if other.high is not None else float("inf")
        return self.low <= top_b and other.low <= top_a

    def one_count(self, other: Figure) -> bool:
        """Whether two figures tell one count: bounded both, agreeing, and one of them exact
        ("2,500" and "about 2,500"); not "at least 12" and 14, which can both hold without
        saying the same."""
        exact = self.low == self.high or other.low == other.high
        return self.high is not None and other.high is not None and self.agrees(other) and exact

    def __str__(self) -> str:
        if self.high is None:
            return f"at least {self.low}"
        return str(self.low) if self.low == self.high else f"{self.low}-{self.high}"

    @classmethod
    def of(cls, number: list[int] | None, bound: str | None) -> Figure | None:
        """From a proposition's argument: [400] "at least" is 400 or more; "about 3,000" is
        within a fifth of it."""
        if not number:
            return None
        if len(number) == 2:
            return cls(number[0], number[1])
        n = number[0]
        if bound == "at least":
            return cls(n, None)
        if bound == "at most":
            return cls(0, n)
        if bound == "about":
            return cls(int(n * 0.8), int(n * 1.2) + 1)
        return cls(n, n)


@dataclass(frozen=True)
class Arg:
    """An argument as compared: its role, the entity its head names (if any), its head's
    lemma, its qualifiers and the figure it counts."""

    role: str
    lemma: str
    entity: str | None = None
    kind: str | None = None  # the entity's type: person, organization, place
    modifiers: frozenset[str] = frozenset()
    figure: Figure | None = None
    text: str = ""
    # Said with a "no" ("no security agency arrested him", "not a single soldier"): nobody
    # of that kind (see ``_covers``).
    none: bool = False


@dataclass
class Clause:
    """A proposition inside one statement. ``sign``: -1 where the clause itself is negated or
    said under a denying verb inside the statement ("had denied that ..."); the statement's
    own stance is applied on top (``Statement.signed``). ``modality``: asserted, alleged
    ("accused him of selling"), possible ("may have sold"), habitual ("have repeatedly
    shelled": a habit, not one happening), irrealis ("if", "to", a question)."""

    predicate: str
    args: tuple[Arg, ...] = ()
    sign: int = 1
    modality: str = "asserted"
    days: frozenset[str] = frozenset()  # the day-precise dates of the clause itself
    at: int = 0
    # A doing named with no doer ("not paying taxes makes me smart", "the sale of rifles"):
    # what it says holds of anyone, so it can agree with a statement but not deny one.
    generic: bool = False
    # Where its doer and what it is done to are said: "a car bomb" of "a car bomb exploded",
    # which says (as the verb does) that the bombing happened.
    core_at: frozenset[int] = frozenset()
    # A doing taken as given, what is said being who did it ("had nothing to do with the
    # killing"): its sign is the doer's, not the happening's.
    given: bool = False
    # Said inside the statement by someone it quotes ("denied accusations, with the spokesman
    # saying the union does not levy any fee"): the statement's denial does not turn it.
    reported: bool = False
    text: str = ""
    phrases: frozenset[str] = field(default=frozenset(), compare=False)
    # Its meanings, once: the ``same`` groups of its predicate, and the sides of the
    # ``contrary`` pairs its phrases are on, as (pair, side).
    groups: frozenset[int] = field(default=frozenset(), compare=False)
    sides: frozenset[tuple[int, int]] = field(default=frozenset(), compare=False)
    meanings: frozenset[str] = field(default=frozenset(), compare=False)  # see senses()

    def __post_init__(self) -> None:
        # "be at home", "carry out duty": the predicate with each argument's words, for the
        # states that ``contrary`` names by a phrase.
        out = {self.predicate}
        kinds = meaning()["kinds"]
        cared = any(a.role in ("to", "into") and a.lemma in meaning()["cared_at"] for a in self.args)
        for a in self.args:
            if a.role in CORE:
                out.add(f"{self.predicate} {a.lemma}")
                if a.lemma in kinds:  # "took a single dinar": "take money"
                    out.add(f"{self.predicate} {kinds[a.lemma]}")
                if _a_person(a) and not cared:  # (not "was taken to hospital")
                    out.add(f"{self.predicate} person")  # "held al-Darraji", "took the activist", "took him"
            else:
                out.add(f"{self.predicate} {a.role} {a.lemma}")
                if a.lemma in kinds:  # "are in their positions": "be in post"
                    out.add(f"{self.predicate} {a.role} {kinds[a.lemma]}")
            out.update(f"{self.predicate} {m}" for m in a.modifiers if a.role == "attribute")
        self.phrases = frozenset(out)
        m = meaning()
        # "smuggle out" means what "smuggle" does, unless the phrase has a meaning of its own.
        groups = m["groups"]
        # A phrase may have a meaning its verb alone has not: "take from home" is "detain".
        self.groups = frozenset(groups.get(self.predicate) or groups.get(self.predicate.split()[0], ()))
        self.groups |= frozenset(g for p in self.phrases - {self.predicate} for g in groups.get(p, ()))
        self.sides = frozenset((i, side) for i, pair in enumerate(m["contrary"]) for side in (0, 1)
                               if self.phrases & pair[side])
        self.meanings = frozenset({f"w:{self.predicate}", *(f"g:{g}" for g in self.groups),
                                   *(f"c:{i}" for i, _ in self.sides)})


@functools.cache
def meaning() -> dict[str, Any]:
    data = lexicon.load(str(_HERE / "meaning.yml"))
    groups: dict[str, set[int]] = {}
    for i, words in enumerate(data["same"]):
        for w in words:
            groups.setdefault(w, set()).add(i)
    kinds = {w: kind for kind, words in data["kinds"].items() for w in words}
    return {"groups": groups, "kinds": kinds, "classes": _noun_classes(data["people"]),
            "contrary": [(frozenset(a), frozenset(b)) for a, b in data["contrary"]],
            # The pairs said only of things, not of people (see meaning.yml's ``of_things``).
            "of_things": frozenset(i for i, (a, b) in enumerate(data["contrary"])
                                   if set(data["of_things"]) & (set(a) | set(b))),
            "opposed": [(frozenset(a), frozenset(b)) for a, b in data["opposed"]],
            "exclusive": frozenset(data["exclusive"]), "generic": frozenset(data["generic"]),
            "cared_at": frozenset(data["cared_at"]),
            "anyone_not": frozenset(data["anyone_not"]),
            "light": frozenset(data["light"]), "units": frozenset(data["units"]),
            "unattributed": frozenset(data["unattributed"]),
            "acting_for": frozenset(w for w in kinds if kinds[w] in data["acting_for"])
            | frozenset(data["acting_for"]) | frozenset(data["units"]),
            "carriers": frozenset(data["carriers"]), "goods": frozenset(data["goods"]),
            "loads": frozenset(data["loads"]), "measures": frozenset(data["measures"]),
            "denying": frozenset(data["denying"]),
            "alleging": frozenset(data["alleging"]),
            "seeking": frozenset(data["seeking"]),
            "modes": {name: frozenset(words) for name, words in data["modes"].items()},
            "publication": {part: frozenset(words) for part, words in data["publication"].items()},
            "disagreement": {part: frozenset(words) for part, words in data["disagreement"].items()},
            "praised": {w: frozenset(kinds_) for w, kinds_ in data["praised"].items()},
            "whereabouts": (frozenset(data["whereabouts"]["preps"]), frozenset(data["whereabouts"]["kinds"]))}


def keys(clause: Clause) -> set[tuple[str, str]]:
    """What a clause can be found by: each meaning of its predicate (its ``same`` groups, the
    sides of a ``contrary`` pair it is on, or the word itself) with each thing an argument
    names (an entity, a kind, a word). Two clauses that share no key cannot say the same
    thing (see ``crosscheck.assess.compare.candidates``)."""
    m = meaning()
    things = set()
    for a in clause.args:
        if a.entity:
            things.add(a.entity)
        elif a.lemma not in m["generic"]:
            things.add(m["kinds"].get(a.lemma, a.lemma))
    out = {(s, t) for s in senses(clause) for t in things}
    # A count in a measure, whatever is done with it (see ``goods_counts``): "was carrying
    # 1.2 million litres" and "put the cargo at 900,000 litres".
    out.update(("measure", a.lemma) for a in clause.args
               if a.role in CORE and a.figure is not None and a.lemma in m["measures"])
    return out


def senses(clause: Clause) -> frozenset[str]:
    """The meanings two clauses must share to relate at all: the word, a ``same`` group, a
    ``contrary`` pair."""
    return clause.meanings


def _noun_classes(people: list[str]) -> dict[str, str]:
    """Common nouns by the type of entity they may stand for ("commander": person, "brigade":
    organization, "town": place), from the lexicons the extraction reads: one vocabulary."""
    from crosscheck.extract.places import AREA_NOUNS

    out: dict[str, str] = {}
    for w in lexicon.load("events.yml")["place_nouns"] + sorted(AREA_NOUNS):
        out[w] = "place"
    for w in lexicon.load("references.yml")["organization_heads"]:
        out[w] = "organization"
    relations = lexicon.load("relations.yml")
    titles = [t.lower() for t in lexicon.load("titles.yml")["titles"] if " " not in t and "." not in t]
    for w in [*lexicon.load("cues.yml")["anonymous"]["heads"], *people, *titles,
              *(r for roles in relations["roles"].values() for r in roles)]:
        out[w] = "person"
    return out


def relation(a: Clause, b: Clause) -> str | None:
    """How two clauses' predicates relate: "same" (one meaning), "contrary" (one excludes the
    other), "outcome" (two ways of one side of a ``contrary`` pair: "sold" and "left the
    depots"; enough to deny the one with the other, not to corroborate), or None."""
    contrary = any((i, 1 - side) in b.sides for i, side in a.sides)
    if contrary and a.predicate == b.predicate and a.predicate in meaning()["light"]:
        return "contrary"  # "was among the dead" and "is alive": one verb, what it takes differs
    if a.predicate == b.predicate or a.groups & b.groups:
        return "same"
    if contrary:
        return "contrary"
    if a.sides & b.sides:
        return "outcome"
    return None


def of_the_accounts(clause: Clause) -> bool:
    """Whether a clause says how accounts disagree ("accounts of the attack differ on several
    points"; ``disagreement`` in meaning.yml)."""
    m = meaning()["disagreement"]
    agents = {a.lemma for a in clause.args if a.role == "agent"}
    if not agents & m["accounts"] or clause.sign < 0:
        return False
    return clause.predicate in m["verbs"] or any(
        a.role == "attribute" and a.lemma in m["states"] for a in clause.args)


def _of_the_publication(clause: Clause) -> bool:
    """Whether a clause is what a report says of itself (``publication`` in meaning.yml)."""
    said = meaning()["publication"]
    return any(x.role == "patient" and (x.lemma in said["things"] or (
        clause.predicate in said["gathering"] and x.lemma in said["gathered"])) for x in clause.args)


def _of_things_only(a: Clause, b: Clause) -> bool:
    """Whether every ``contrary`` pair that relates the two clauses is one said of things."""
    pairs = {i for i, _ in a.sides} & {i for i, _ in b.sides}
    return bool(pairs) and pairs <= meaning()["of_things"]


def _a_person(x: Arg) -> bool:
    return x.kind == "person" or (x.entity is None and meaning()["classes"].get(x.lemma) == "person") \
        or x.lemma in ("he", "she", "him", "her", "i", "me")


def agreement(x: Arg, y: Arg) -> int | None:
    """What two arguments share: ``_ENTITY`` (they name one entity), ``_KIND`` (one word, or
    one kind of thing: "rifles" and "weapons"), 0 (nothing can be told, but they may be one:
    a pronoun; "the commander" and a person the report names), -1 (most likely two things:
    "the ideology" and "Clinton", "loopholes" and "the ideology"), or None (two different
    named things: not the same proposition)."""
    if x.entity and y.entity:
        return _ENTITY if x.entity == y.entity else None
    m = meaning()
    if x.lemma == y.lemma and x.figure is not None and y.figure is not None:
        return _KIND  # "nine people" and "12 people": one thing counted, even a general one
    if x.lemma in m["generic"] or y.lemma in m["generic"]:
        return 0
    kind_x, kind_y = m["kinds"].get(x.lemma), m["kinds"].get(y.lemma)
    if x.lemma == y.lemma or (kind_x is not None and kind_x == kind_y):
        return _KIND
    if (x.lemma in m["loads"] and kind_y in m["goods"]) or (y.lemma in m["loads"] and kind_x in m["goods"]):
        return 0  # "the shipment" and "the drugs": the goods may be its load
    units = m["units"]
    if (x.lemma in units and kind_y == "fighter" and y.lemma not in m["unattributed"]) \
            or (y.lemma in units and kind_x == "fighter" and x.lemma not in m["unattributed"]):
        return _KIND  # "the brigade" and "its fighters" (not "gunmen")
    armed = m["praised"]
    if (x.lemma in armed and kind_y in armed[x.lemma]) or (y.lemma in armed and kind_x in armed[y.lemma]) \
            or (x.lemma in armed and y.lemma in armed):
        return _KIND  # "not one hero has left his post" and "our men have not left"
    if x.lemma in units and y.lemma in units:
        return -1  # a battalion and a brigade
    classes = m["classes"]
    if x.entity or y.entity:
        named, noun = (x, y) if x.entity else (y, x)
        if named.kind == "organization" and named.lemma in noun.modifiers:
            return _KIND  # "Asayish officers" and "the Asayish": its men act for it
        if named.kind == "person" and noun.figure is not None and noun.figure.low > 1:
            return -1  # "two men" are not one named man
        return 0 if classes.get(noun.lemma) == (named.kind or classes.get(noun.lemma)) else -1
    cx, cy = classes.get(x.lemma), classes.get(y.lemma)
    if cx is not None and cx == cy and x.modifiers & y.modifiers - m["generic"]:
        return _KIND  # "the brigade's fighters" and "the sons of the brigade"
    return 0 if cx is not None and cx == cy else -1


def _one_count(a: Clause, b: Clause, matched: list[tuple[Arg, Arg, int]]) -> bool:
    """Whether two clauses that each count what they are about give one count of it: "nine
    people were killed" and "at least five people were killed" can both hold without saying
    the same, nor do "four members of one family" and "three people" (as for events, see
    ``compare.event_agrees``). Clauses that count nothing, or one side only, are not held to it."""
    if not any(x.role in CORE and x.figure is not None for x in a.args) \
            or not any(y.role in CORE and y.figure is not None for y in b.args):
        return True
    # (Two equal bounds are one count too: "at least 12" both.)
    return any(x.figure is not None and y.figure is not None
               and (x.figure == y.figure or x.figure.one_count(y.figure)) for x, y, _ in matched)


def one_doing(a: Clause, b: Clause) -> bool:
    """Whether two clauses may tell one doing: one meaning (a ``same`` group, a side of a
    ``contrary`` pair, or one predicate that is no light verb: "has no checkpoint" and "has
    2,000 fighters" are two things), and no two things done to ("took a dinar" and "received
    guests")."""
    m = meaning()
    if relation(a, b) not in ("same", "outcome"):
        return False
    # (A light verb's own group is no meaning: "had more than 250" and "continues as it always
    # has"; what it takes may give it one: "took him".)
    own = set(m["groups"].get(a.predicate, ())) if a.predicate in m["light"] else set()
    own |= set(m["groups"].get(b.predicate, ())) if b.predicate in m["light"] else set()
    one_word = a.predicate == b.predicate and a.predicate not in m["light"]
    if not ((a.groups & b.groups) - own or a.sides & b.sides or one_word):
        return False
    for x in a.args:
        for y in b.args:
            if x.role == y.role == "patient" and ((agree := agreement(x, y)) is None or agree < 0):
                return False
    return True


def same_count(a: Clause, b: Clause, floor: int) -> bool:
    """Whether two clauses count one thing alike in one role: one figure (of at least
    ``floor``) on arguments that agree ("all 14 trucks were taken" / "the fighters took all
    14 trucks"; "eleven people had been detained" / "arrested 11 men")."""
    return any(x.role == y.role and x.figure is not None and x.figure == y.figure and x.figure.low >= floor
               and (agreement(x, y) or 0) > 0 for x in a.args for y in b.args)


def _whereabouts(clause: Clause) -> set[str]:
    """The kinds of place a clause says it was done at: "at his home" (dwelling), "at a
    checkpoint" (post); meaning.yml's ``whereabouts``."""
    kinds = meaning()["kinds"]
    preps, places = meaning()["whereabouts"]
    return {kinds[a.lemma] for a in clause.args
            if a.role in preps and a.entity is None and kinds.get(a.lemma) in places}


def _phrase_meanings(clause: Clause) -> set[int]:
    """The ``same`` groups a clause has by its predicate with what it takes ("hold person":
    detain), not by its predicate alone."""
    groups = meaning()["groups"]
    return {g for p in clause.phrases - {clause.predicate} for g in groups.get(p, ())}


def _absorbed(clause: Clause, groups: frozenset[int]) -> set[int]:
    """The arguments (their positions) that give a clause one of ``groups`` with its
    predicate, where the predicate alone has none of them: "the strike" of "carried out the
    strike" (attack), "the drone" of "launched the drone". They are part of what was done,
    not a thing it was done to: they agree with the other clause's or say nothing. (Not a
    person: "seized him" is still about whom.)"""
    m = meaning()
    if groups & frozenset(m["groups"].get(clause.predicate, ())):
        return set()
    out = set()
    for i, a in enumerate(clause.args):
        if a.role not in CORE or _a_person(a):
            continue
        words = {a.lemma, m["kinds"].get(a.lemma)} - {None}
        if any(groups & frozenset(m["groups"].get(f"{clause.predicate} {w}", ())) for w in words):
            out.add(i)
    return out


def a_load(clause: Clause) -> bool:
    """Whether a clause says what a load is ("the cargo", "the consignment amounted to")."""
    return any(x.role in CORE and x.lemma in meaning()["loads"] for x in clause.args)


def goods_counts(a: Clause, b: Clause, measured: bool = False) -> str | None:
    """Two counts of one kind of goods (``goods`` in meaning.yml) that cannot both hold, in
    two clauses put as facts, as a detail ("drug 4600000 against 6000000"); else None.
    ``measured``: only counts in a measure ("litres", "sacks")."""
    m = meaning()
    if a.sign < 0 or b.sign < 0 or "irrealis" in (a.modality, b.modality):
        return None
    for x in a.args:
        kind = _goods_kind(x)
        if x.figure is None or kind is None or x.role not in CORE \
                or (measured and x.lemma not in m["measures"]):
            continue
        for y in b.args:
            if y.figure is None or y.role not in CORE or x.lemma != y.lemma or x.figure.agrees(y.figure):
                continue
            other = _goods_kind(y)
            # A measure with the goods it measures on one side only ("1.2 million litres of
            # diesel" / "900,000 litres") measures them on both.
            if other == kind or (x.lemma in m["measures"] and "measure" in (kind, other)):
                return f"{x.lemma} {x.figure} against {y.figure}"
    return None


def _goods_kind(x: Arg) -> str | None:
    """The kind of goods an argument counts: its own ("pills": drug), or, for a measure, that
    of what it measures ("litres of diesel": fuel; "litres" alone: "measure"); else None."""
    m = meaning()
    kind = m["kinds"].get(x.lemma)
    if kind in m["goods"]:
        return kind
    if x.lemma in m["measures"]:
        goods = next((k for w in x.modifiers if (k := m["kinds"].get(w)) in m["goods"]), None)
        # (Litres of something else, "litres of milk", are not known to be the goods.)
        return goods or (None if x.modifiers - m["generic"] else "measure")
    return None


def _covers(every: Arg, one: Arg) -> bool:
    """Whether an argument said of every thing of a kind ("no security agency", "any foreign
    party") takes in what the other side names: a named body, or a thing qualified alike."""
    if not (every.none or "any" in every.modifiers):
        return False
    m = meaning()
    if one.entity:  # ("not a single weapon" takes in no named man)
        return one.kind is not None and m["classes"].get(every.lemma) == one.kind
    return bool((every.modifiers & one.modifiers) - {"any"} - m["generic"])


def opposed(x: Arg, y: Arg) -> bool:
    """Qualifiers that exclude each other: "foreign" and "local" instructors, or one side
    alone ("by Iraqi hands alone") and another filler on the other."""
    m = meaning()
    if x.lemma in m["generic"] or y.lemma in m["generic"]:
        return False  # "only she would have access" says nothing against "you can"
    for left, right in m["opposed"]:
        if (x.modifiers & left and y.modifiers & right) or (x.modifiers & right and y.modifiers & left):
            return True
    for one, other in ((x, y), (y, x)):
        if one.modifiers & m["exclusive"]:
            mine = (one.modifiers - m["exclusive"]) | {one.lemma}
            theirs = other.modifiers | {other.lemma}
            if not (mine & theirs) and not (one.entity and one.entity == other.entity):
                return True
    return False


@dataclass(frozen=True)
class Said:
    """What two clauses say of each other (see :func:`compare`)."""

    opposite: bool  # one says the other is false (before the statements' polarity)
    reason: str  # same, figures, date, place
    detail: str
    # Enough to call a conflict: every role both fill agrees (or is in dispute), both have a
    # doer or are finite clauses, and both are put as facts (not "if", "to", a question).
    firm: bool
    # Enough to call an agreement: every role both fill agrees, one meaning (not only one
    # outcome), and neither is put as a condition, a question or an infinitive.
    agreeable: bool = True


def compare(a: Clause, b: Clause, shared_entities: bool = False,
            common: frozenset[str] = frozenset(), one_happening: bool = False) -> Said | None:
    """Whether two clauses say the same thing (a :class:`Said`), or None where they are not
    about the same thing. ``shared_entities``: the statements name an entity in common
    (counts as one thing shared); ``common``: entities so often named that one in common
    counts as a word in common; ``one_happening``: the statements tell one happening, so two
    days for the doing dispute its date without a named thing in common."""
    rel = relation(a, b)
    if rel is None:
        return None
    m = meaning()
    if _of_the_publication(a) or _of_the_publication(b):
        return None  # "will update this page", "has gathered reports on the shelling"
    if (a.modality == "habitual") != (b.modality == "habitual") and (a.days or b.days):
        return None  # "drones have struck vehicles many times" and "a drone struck a car on Tuesday"
    modes_a = {name for name, words in m["modes"].items() if a.phrases & words}
    modes_b = {name for name, words in m["modes"].items() if b.phrases & words}
    if modes_a and modes_b and not modes_a & modes_b:
        return None  # "planted the bomb" and "fired the shell": two attacks
    flip = rel == "contrary"
    matched: list[tuple[Arg, Arg, int]] = []
    contrasted: tuple[Arg, Arg] | None = None
    unknown = False  # a role both fill, most likely by two things
    untold = False  # a role both fill that cannot be told the same ("he" and "you")
    shared = a.groups & b.groups
    skip_a, skip_b = (_absorbed(a, shared), _absorbed(b, shared)) if rel == "same" else (set(), set())
    for i, x in enumerate(a.args):
        for j, y in enumerate(b.args):
            if rel == "same" and x.role != y.role:
                continue
            if i in skip_a or j in skip_b:
                if (agree := agreement(x, y)) is not None and agree > 0:
                    matched.append((x, y, agree))  # "opened fire" both: one thing done
                continue
            if rel != "same" and not (x.role in CORE and y.role in CORE) \
                    and not (x.role != "agent" and y.role != "agent" and x.lemma in m["kinds"]
                             and m["kinds"].get(x.lemma) == m["kinds"].get(y.lemma)):
                # One outcome or its contrary: said of one thing in any core role, or of one
                # kind of thing in any role ("handed over its checkpoints" / "are in their
                # positions").
                continue
            if rel == "same" and x.role in CORE and {x.lemma, y.lemma} & m["anyone_not"]:
                continue  # "nobody has dismissed him": whoever the other names
            if rel == "same" and x.role in CORE and opposed(x, y):
                contrasted = (x, y)
                continue
            agree = agreement(x, y)
            if (agree is None or agree <= 0) and rel == "same" and x.role == "agent" \
                    and (_covers(x, y) or _covers(y, x)):
                # "No security agency arrested him" / "the National Security Service did";
                # "denied that any foreign party had trained" / "foreign instructors trained".
                matched.append((x, y, _KIND))
                continue
            if agree is None:
                if rel == "same" and x.role in CORE:
                    return None  # the same doing, to or by someone else
                continue
            if agree > 0:
                matched.append((x, y, _KIND if agree == _ENTITY and x.entity in common else agree))
            elif rel == "same" and x.role in CORE:
                unknown = unknown or agree < 0
                untold = True
    if contrasted is not None and any(x.role == contrasted[0].role for x, _, _ in matched):
        contrasted = None  # "the superior candidate" and "the only candidate": the role agrees
    # (Of a state, "is alive" and "was among the dead", the subject is what it is said of.)
    states = a.predicate in m["light"] and b.predicate in m["light"] and rel == "contrary"
    if rel != "same" and not states and not any(x.role != "agent" or y.role != "agent"
                                                for x, y, _ in matched):
        return None  # "sold the weapons" and "kept the proceeds": one doer, two things done
    if rel != "same" and _of_things_only(a, b) and any(_a_person(x) or _a_person(y) for x, y, _ in matched):
        return None  # "he was left at a farm" and "he will return to work": not goods
    # "The attack was ...": what it is and what is said of it must agree; unless what the
    # predicate takes gives it one meaning on both sides ("is being held" and "had been held",
    # of one person: both say he is in custody).
    meant = states or (a.predicate == b.predicate and bool(_phrase_meanings(a) & _phrase_meanings(b)))
    if a.predicate in m["light"] and not meant and not (
            any(x.role == "agent" for x, _, _ in matched) and any(x.role != "agent" for x, _, _ in matched)):
        return None
    if (a.given or b.given) and not any(x.role == "agent" and (n == _ENTITY or x.lemma == y.lemma)
                                        for x, y, n in matched):
        # "The battalion had nothing to do with the killing" says who did not kill, not that
        # no one did; against "gunmen killed him" it says nothing.
        return None
    real = a.modality != "irrealis" and b.modality != "irrealis"
    firm = real and not (unknown or untold or a.generic or b.generic)
    agreeable = real and not unknown and rel != "outcome" and _one_count(a, b, matched)
    score = sum(n for _, _, n in matched) + (1 if shared_entities else 0)
    if a.days and b.days and not a.days & b.days:
        # Two days for one doing to one named thing ("was dismissed on Saturday" / "on Sunday").
        named = one_happening or any(n == _ENTITY and x.role in CORE for x, _, n in matched)
        detail = f"{', '.join(sorted(a.days))} against {', '.join(sorted(b.days))}"
        return Said(False, "date", detail, firm, agreeable) if named and not flip else None
    if a.days & b.days:
        score += 1
    one_person = any(n == _ENTITY and x.role == "patient" and x.kind == "person" for x, _, n in matched)
    where_a, where_b = _whereabouts(a), _whereabouts(b)
    if rel == "same" and one_person and where_a and where_b and not where_a & where_b \
            and a.predicate not in m["light"] and b.predicate not in m["light"]:
        # One doing to one named person in two kinds of place ("detained at his home" /
        # "seized at a checkpoint"); not what a state says ("is being held at the directorate").
        detail = f"{', '.join(sorted(where_a))} against {', '.join(sorted(where_b))}"
        return Said(False, "place", detail, firm, agreeable)
    if contrasted is not None:
        score += 1  # both answer who or what fills the role: "trained by foreign instructors"
    if score < _ENOUGH:
        return None
    if contrasted is not None:
        x, y = contrasted
        detail = f"{a.predicate}: {x.text or x.lemma} against {y.text or y.lemma}"
        return Said(not flip, "same", detail, firm, agreeable)
    for x, y, n in matched:
        if x.figure is not None and y.figure is not None and score - n >= 1 and rel == "same" \
                and not x.figure.agrees(y.figure):
            return Said(False, "figures", f"{x.lemma} {x.figure} against {y.figure}", firm, agreeable)
    word = a.predicate if a.predicate == b.predicate else f"{a.predicate}/{b.predicate}"
    shared = [y.text or y.lemma for _, y, _ in matched]
    detail = f"{word}: " + ", ".join(dict.fromkeys(shared)) if shared else word
    return Said(flip, "same", detail, firm, agreeable)
