"""Events: attacks and bombings, deaths and injuries, arrests, jailbreaks, dismissals and appointments,
protests, elections and thwarted plots, with their place, date, participants and figures
("killed 14 people and wounded 40", "between 300 and 400").

A trigger is a word or phrase of ``events.yml``. The dependency parse gives the rest:

- **participants**: who did it and to whom, by the words around the trigger ("militants
  attacked the base", "the base was attacked by militants", "the attack on the base", "the
  killing of X", "X died", "IS claimed the bombing"). ``events.yml`` says, per event type,
  which role the doer and the one it was done to take (``roles``), and which mention types
  may fill each role. For an attack, what was attacked is its ``target``, a person as much as
  a building (as KAIROS has it); the people killed, wounded or arrested are the ``victim`` of
  the die, injure or arrest event the report gives with it. For an arrest the same two roles
  are kept without judgement: ``perpetrator`` is who made the arrest (KAIROS' Jailer),
  ``victim`` who was held (its Detainee). A participant is a mention of the sentence: the
  phrase itself ("Ahmed Karim", "the brigade", "he"), the name in apposition ("the
  brigade's commander, Salman Ouda"), or, when a plural phrase or one of a body names no
  one, the organisation or group named in it ("IS militants", "gunmen from the brigade";
  but "a Russian general" is not Russia). Where no mention fills the role, the words that
  describe the participant do ("two officers", "a police checkpoint", "gunmen"), with no
  entity; never what did the harm ("a roadside bomb killed two": no perpetrator). On
  WikiEvents dev this took argument F1 from 0.136 to 0.332: its victims are mostly
  described ("people", "members").
- **place**: a place mention inside a phrase opened by "in", "at", "near", ... attached to
  the trigger, its subject or object, or a word above it in its clause ("a bomb exploded in
  a market in Kut", "killed a general in Syria", "killed in attacks near Kut"), or named
  before a trigger noun ("the Kut bombing"), or a kind of place described ("in a crowded
  market", ``place_nouns``); when the parse gives none, the place mention of
  the sentence nearest the trigger (``place_fallback``: on WikiEvents dev the parse alone
  finds the gold place for 9 of 28 matched triggers, with the fallback 15).
- **date**: the date mention of the trigger's own clause nearest it ("dismissed the chief on
  Wednesday, a week after a car bomb killed 12": Wednesday dates the dismissal only).

Mentions of one type in one report with the same place and date (or none) are one event,
with every trigger kept as evidence and the participants of all, unless each names a
different perpetrator. Figures are read from a number next to a figure word ("14 people were
killed", "killed 14", "40 wounded"). Without a parse (``parsed`` empty) events have no
participants and the nearest place.

A unit's size is an event of its own, ``strength``, with the unit as participant ``unit``
and the date of the clause that gives the size ("X was founded in 2014 as a brigade of
between 300 and 400 fighters, growing to 2,500 by 2019": {"size": [300, 400]} in 2014,
{"size": [2500]} by 2019); only where the unit is a mention and the size a number.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from crosscheck.extract import dateline, lexicon
from crosscheck.extract.stages import stage
from crosscheck.model import PARTICIPANT_ROLES, Event, Mention

VERSION = "17"
_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
# "one" to "ninety-nine" as words ("Fourteen people were killed", "twenty-three"), and "a dozen".
_NUMBER_WORDS = {**{w: i + 1 for i, w in enumerate(_UNITS)}, **{w: i + 10 for i, w in enumerate(_TEENS)},
                 **{t: 20 + 10 * i for i, t in enumerate(_TENS)},
                 **{f"{t}{sep}{u}": 20 + 10 * i + j + 1 for i, t in enumerate(_TENS)
                    for j, u in enumerate(_UNITS) for sep in ("-", " ")},
                 "a dozen": 12, "a hundred": 100}
# "dozens", "hundreds", "scores" are not numbers: such a figure is left out, not guessed.
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_SCALED = re.compile(r"(?P<n>\d+(?:\.\d+)?|[a-z]+)\s+(?P<scale>thousand|million|billion)")
_RANGE = re.compile(r"(?:between\s+)?(?P<a>[\d,]+)\s*(?:-|to|and|–)\s*(?P<b>[\d,]+)")
_WINDOW = 4  # words between a number and its figure word
_QUALIFIER = re.compile(r"^(?:(?:about|around|approximately|roughly|some|nearly|almost|over|up to|upwards of|"
                        r"at least|at most|no more than|no fewer than|more than|fewer than|less than)\s+)+")
# Dependents of a noun that name whose it is: "IS militants", "the brigade's fighters". Before
# a trigger noun they name who did it ("the IRA's bombing", "Russian airstrikes"), except a
# compound, which as often names the event by its place ("the Boston Marathon bombing").
_MODIFIERS = {"compound", "poss", "nmod", "det"}
_BEFORE = (_MODIFIERS - {"compound"}) | {"amod"}
_ARGUMENTS = {"nsubj", "nsubjpass", "dobj"}
_RELATIVE = {"who", "which", "that", "whom"}
_NO_ONE = {"nobody", "none", "noone"}
# Clauses of their own: a date in one of them is another clause's ("a week after a bomb
# killed 12").
_CLAUSES = {"advcl", "ccomp", "relcl", "acl", "conj", "parataxis", "csubj", "xcomp", "pcomp"}


@functools.cache
def _lexicon() -> dict[str, Any]:
    data = lexicon.load("events.yml")
    words: dict[str, str] = {}
    phrases: list[tuple[str, str]] = []
    for type_, triggers in data["types"].items():
        for t in triggers:
            if " " in t:
                phrases.append((t, type_))
            else:
                words.setdefault(t, type_)
    longest_first = sorted((p for p, _ in phrases), key=len, reverse=True)
    phrase = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in longest_first) + r")\b", re.IGNORECASE)
    figures = {w: kind for kind, ws in data["figures"].items() for w in ws}
    parts = data["participants"]
    roles = {r for by_type in parts["roles"].values() for r in by_type.values()} | set(parts["types"])
    assert roles <= set(PARTICIPANT_ROLES), roles
    return {"words": words, "phrases": dict(phrases), "phrase": phrase, "not_before": set(data["not_before"]),
            "figures": figures, "part_of": set(data["part_of"]), "toll_verbs": set(data["toll_verbs"]),
            "escape_context": set(data["escape_context"]),
            "roles": parts["roles"],
            "place_preps": set(data["place_preps"]),
            "place_fallback": data["place_fallback"], "place_nouns": set(data["place_nouns"]),
            "instrument_verbs": set(data["instrument_verbs"]),
            "types": {role: set(types) for role, types in parts["types"].items()},
            # the word lists: undergoer, done_to_preps, doer_preps, member_preps, doer_verbs, ...
            **{name: set(words) for name, words in parts.items() if isinstance(words, list)},
            **{name: set(words) for name, words in data["strength"].items()}}


def number_of(text: str) -> list[int] | None:
    """ "14" -> [14]; "1,200" -> [1200]; "between 300 and 400" -> [300, 400]; "six" -> [6];
    "some 3,000" -> [3000] (whether a figure is a bound is read from its words where it is
    compared, crosscheck.store.assessment)."""
    low = _QUALIFIER.sub("", text.lower().strip()).strip()
    m = _RANGE.fullmatch(low)
    if m:
        return [int(m["a"].replace(",", "")), int(m["b"].replace(",", ""))]
    digits = low.replace(",", "")
    if digits.isdigit():
        return [int(digits)]
    if low in _NUMBER_WORDS:
        return [_NUMBER_WORDS[low]]
    m = _SCALED.fullmatch(digits)
    if m:  # "1.2 million", "two million", "3 thousand"
        base = float(m["n"]) if m["n"][0].isdigit() else _NUMBER_WORDS.get(m["n"])
        if base is not None:
            return [round(base * _SCALES[m["scale"]])]
    return None


def _nearest(mentions: list[Mention], at: int) -> Mention | None:
    return min(mentions, key=lambda m: abs(m.start - at), default=None)


@stage("events", version=VERSION, requires=["parse", "sentences", "mentions"], assigns=["events"])
def add_events(analysis, parsed) -> None:
    lex = _lexicon()
    text = analysis.document.text
    pieces = [(offset, doc, offset + len(doc.text)) for offset, doc in parsed]
    filed = m.end() if (m := dateline.find(text)) else 0
    found: list[Event] = []
    for sent in analysis.sentences:
        triggers = _triggers(text, sent, lex)
        inside = [x for x in analysis.mentions if sent.start <= x.start and x.end <= sent.end]
        # (And a number in words the model took for an age or a time: "put the number of
        # wounded at eighteen".)
        numbers = [x for x in inside if x.type == "quantity" or x.label in ("CARDINAL", "QUANTITY")
                   or (x.label in ("DATE", "TIME") and re.fullmatch(r"[a-z]+(?:-[a-z]+)?", x.text.lower())
                       and number_of(x.text) is not None)]
        piece = next(((o, d) for o, d, end in pieces if o <= sent.start and sent.end <= end), None)
        parse = _Parse(piece[1], piece[0], inside) if piece else None
        if parse:
            triggers += _instrument_verbs(sent, parse, lex, {s for s, _ in triggers})
        if not triggers and not (numbers and piece):
            continue
        if parse:
            found += [e for n in numbers if (e := _strength(n, parse, lex))]
        # The dateline's place is where the report was filed, not where it happened.
        places = [x for x in inside if x.type == "place" and x.start >= filed and not _road_end(x, text)]
        dates = [x for x in inside if x.type == "date"]
        figures, figure_spans = _figures(text, sent, numbers, lex)
        words = set(re.findall(r"[a-z]+", text[sent.start:sent.end].lower()))
        for span, type_ in sorted(triggers):
            token = parse.token(span) if parse else None
            place = _place(token, parse, lex) if token is not None else []
            guessed = []
            if not place and (lex["place_fallback"] or token is None):
                place = guessed = [m for m in [_nearest(places, span[0])] if m is not None]
            date = _clause_date(token, parse, dates, {s for s, _ in triggers}) if token is not None \
                else _nearest(dates, span[0])
            event = Event(type_, [span], sorted({(m.start, m.end) for m in place}),
                          [(date.start, date.end)] if date else [], stage_version=VERSION,
                          guessed_places=[(m.start, m.end) for m in guessed])
            if token is not None and type_ in lex["roles"]:
                event.participants = _participants(token, type_, parse, lex)
            if type_ == "escape" and not lex["escape_context"] & words:
                continue  # "he narrowly escaped the blast"
            if type_ in ("attack", "die", "injure", "arrest", "escape"):
                event.figures, event.figure_spans = dict(figures), list(figure_spans)
            found.append(event)
    analysis.events.extend(_merge(found, text))


def _instrument_verbs(sent, parse: _Parse, lex, taken: set) -> list[tuple[tuple[int, int], str]]:
    """Verbs that are an attack only when what did it is a weapon: "an explosive device
    targeted a convoy", "a drone hit the checkpoint" (not "the sanctions targeted officials")."""
    span = parse.doc.char_span(sent.start - parse.offset, sent.end - parse.offset, alignment_mode="expand")
    out = []
    for t in span if span is not None else ():
        if t.lower_ not in lex["instrument_verbs"] or not t.tag_.startswith("VB"):
            continue
        if any(c.dep_ == "nsubj" and c.lower_ in lex["instruments"] for c in t.children):
            at = (parse.offset + t.idx, parse.offset + t.idx + len(t.text))
            if at not in taken:
                out.append((at, "attack"))
    return out


def _triggers(text: str, sent, lex) -> list[tuple[tuple[int, int], str]]:
    s_text = text[sent.start:sent.end]
    triggers: list[tuple[tuple[int, int], str]] = []
    for m in lex["phrase"].finditer(s_text):
        triggers.append(((sent.start + m.start(), sent.start + m.end()), lex["phrases"][m[0].lower()]))
    for m in re.finditer(r"[A-Za-z][\w-]*", s_text):
        span = (sent.start + m.start(), sent.start + m.end())
        type_ = lex["words"].get(m[0].lower())
        if type_ is None or any(a <= span[0] < b for (a, b), _ in triggers):
            continue
        after = re.match(r"\s+(\w+)", s_text[m.end():])
        if after and after[1].lower() in lex["not_before"]:
            continue
        triggers.append((span, type_))
    return triggers


class _Parse:
    """One sentence's parse, with its mentions found by token: ``within[i]`` is the mention
    token ``i`` is part of."""

    def __init__(self, doc, offset: int, mentions: list[Mention]):
        self.doc, self.offset = doc, offset
        self.within: dict[int, Mention] = {}
        for m in mentions:
            span = doc.char_span(m.start - offset, m.end - offset, alignment_mode="expand")
            for t in span if span is not None else ():
                self.within.setdefault(t.i, m)

    def token(self, span: tuple[int, int]):
        words = self.doc.char_span(span[0] - self.offset, span[1] - self.offset, alignment_mode="expand")
        return words.root if words is not None and len(words) else None


def _children(token, deps: set[str], words: set[str] | None = None) -> list:
    return [c for c in token.children if c.dep_ in deps and (words is None or c.lower_ in words)]


def _objects_of(token, preps: set[str]) -> list:
    """The nouns of the phrases opened by ``preps`` under ``token`` ("attack [on] the base")."""
    return [o for p in _children(token, {"prep", "agent"}, preps) for o in _children(p, {"pobj"})]


def _fillers(token, role: str, parse: _Parse, lex) -> list[Mention]:
    """The mentions a phrase headed by ``token`` gives for ``role``: the phrase itself, or,
    when it names no one, what is named in it ("IS militants", "gunmen from the brigade")."""
    types = lex["types"][role]
    if token.lower_ in _RELATIVE and token.head.dep_ == "relcl":
        token = token.head.head  # "the gunmen who attacked"
    out: list[Mention] = []
    for t in [token, *token.conjuncts]:
        if t.lower_ in _NO_ONE or any(c.dep_ == "det" and c.lower_ == "no" for c in t.children):
            continue  # "No group has claimed the attack"
        m = parse.within.get(t.i)
        if m is not None:
            out += [m] if m.type in types else []
            continue
        before = len(out)
        # "the commander, Salman Ouda"; "Salman Abedi, the Briton who ..."; "14 people,
        # including Ali Hassan and Omar Salem"
        same = _children(t, {"appos"}) + ([t.head] if t.dep_ == "appos" else [])
        same += [w for o in _objects_of(t, lex["including"]) for w in (o, *o.conjuncts)]
        # Only many or a body stand for who is named in them: "IS militants", "the Islamic State
        # group" are IS; "a Russian general", "the brigade's commander" are not the brigade.
        named = [c for c in t.children if c.dep_ in _MODIFIERS] + _objects_of(t, lex["member_preps"])
        many = t.tag_ in ("NNS", "NNPS") or t.lower_ in lex["collective"]
        for c in same + (named if many else []):
            m = parse.within.get(c.i)
            if m is not None and m.type in types and (c in same or m.type in lex["named_in"]):
                out.append(m)
        if (len(out) == before and role in lex["described"] and t.pos_ == "NOUN"
                and not (role in ("perpetrator", "target") and t.lower_ in lex["instruments"])):
            out.append(_described(t, parse))
    return out


def _clause_date(trigger, parse: _Parse, dates: list[Mention],
                 starts: frozenset[int] | set[int] = frozenset()) -> Mention | None:
    """The date mention of the trigger's own clause, nearest it: "the governor dismissed the
    chief on Wednesday, a week after a car bomb killed 12" dates the dismissal, not the
    killing. The clause is the trigger's verb, or the verb above a trigger noun, with its
    words less the clauses of its own that do not hold the trigger; a sentence with no
    verb above the trigger is one clause."""
    governed = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
    # A passing reference takes only a date in its own words ("the March 3 bombing"):
    # "funerals for the victims of the bombing were held on Wednesday" (under a noun);
    # "figures continued to circulate on Thursday about the bombing", "police arrested three
    # men on Monday over the bombing" (under a verb: its date is its own doing's, unless the
    # verb is an event of its own, "killed in the bombing on Tuesday"). Bodies are found,
    # received and buried after the death: "buried the bodies on Wednesday".
    under_noun = trigger.dep_ == "pobj" and governed.pos_ in ("NOUN", "PROPN")
    under_verb = governed.pos_ == "VERB" and parse.offset + governed.idx not in starts \
        and (trigger.dep_ == "pobj" or trigger.lemma_.lower() == "body")
    if trigger.pos_ in ("NOUN", "PROPN") and (under_noun or under_verb):
        own = {t.i for t in trigger.subtree}
        return _nearest([m for m in dates if any(parse.within.get(i) is m for i in own)],
                        parse.offset + trigger.idx)
    verb = trigger if trigger.tag_.startswith("VB") else next(
        (t for t in trigger.ancestors if t.tag_.startswith("VB")), None)
    if verb is None:
        return _nearest(dates, parse.offset + trigger.idx)
    inside = {t.i for t in verb.subtree}
    for t in verb.subtree:
        if t != verb and t.dep_ in _CLAUSES and trigger not in t.subtree:
            inside -= {w.i for w in t.subtree}
    own = [m for m in dates if any(parse.within.get(i) is m for i in inside)]
    return _nearest(own, parse.offset + trigger.idx)


def _described(noun, parse: _Parse) -> Mention:
    """A participant the report describes but does not name ("two policemen", "a suicide
    bomber", "the checkpoint"): the noun with the words before it, as a mention of type
    ``described`` that belongs to no entity."""
    first = min((c.left_edge for c in noun.lefts if c.dep_ not in ("punct", "cc")), key=lambda t: t.i,
                default=noun)
    # Not across a dash or a comma ("ZUBAIR, Basra - At least 12 people").
    stops = [t.i for t in noun.doc[first.i:noun.i] if t.is_punct and t.text not in ("'", "’")]
    if stops:
        first = noun.doc[max(stops) + 1]
    start = parse.offset + first.idx
    end = parse.offset + noun.idx + len(noun.text)
    words = parse.doc.text[first.idx:noun.idx + len(noun.text)]
    return Mention(start, end, words, "", "described", "events", VERSION)


def _participants(trigger, type_: str, parse: _Parse, lex) -> dict[str, list[tuple[int, int]]]:
    doer, done_to = lex["roles"][type_]["doer"], lex["roles"][type_]["done_to"]
    found: dict[str, list] = {}

    def add(role: str | None, tokens) -> None:
        for t in tokens:
            if role:
                found.setdefault(role, []).extend(_fillers(t, role, parse, lex))

    t = trigger
    if t.tag_.startswith("VB"):
        subjects, passive = _children(t, {"nsubj"}), _children(t, {"nsubjpass"})
        if not subjects and not passive:
            # "stormed the base and killed two", "attacked the base, killing two", "tried to attack"
            if t.dep_ == "conj" and t.tag_ == "VBN" and _children(t.head, {"nsubjpass"}):
                passive = _children(t.head, {"nsubjpass"})
            elif t.dep_ in ("conj", "advcl", "xcomp") and t.head.tag_.startswith("VB"):
                subjects = _children(t.head, {"nsubj"})
            elif t.dep_ == "acl" and (t.tag_ == "VBN" or _children(t, {"agent"})):
                passive = [t.head]  # "people killed in the blast", "X, shot dead by police"
            elif t.dep_ == "acl" and t.tag_ == "VBG":
                subjects = [t.head]  # "gunmen attacking the base"
        add(done_to if t.lower_ in lex["undergoer"] else doer, subjects)
        add(done_to, passive + _children(t, {"dobj"}))
        add(doer, _objects_of(t, lex["doer_preps"]))
    elif t.pos_ in ("NOUN", "PROPN"):
        add(done_to, _objects_of(t, lex["done_to_preps"]))
        add(doer, _objects_of(t, lex["doer_preps"]))
        add(lex["roles"][type_].get("named_before"), _children(t, _BEFORE))
        if verb := _doing(t, lex):
            add(doer, _children(verb, {"nsubj"}) + _objects_of(verb, {"by"}))
    elif t.dep_ == "oprd" and t.head.tag_.startswith("VB"):
        return _participants(t.head, type_, parse, lex)  # "police shot him dead": as "killed him"
    elif t.dep_ in ("amod", "acomp"):  # "the wounded soldiers", "two soldiers were dead"
        add(done_to, [t.head] if t.dep_ == "amod" else _children(t.head, {"nsubj"}))
    if type_ == "attack" and not found.get("target"):
        # What a bomb went off at, or what the verb of a bomb's clause hit: "a car bomb
        # exploded at an army checkpoint", "a booby-trapped car targeted an army checkpoint".
        verb = t if t.tag_.startswith("VB") else t.head if t.dep_ in ("nsubj", "nsubjpass") else None
        if verb is not None:
            hit = _objects_of(verb, {"at", "on", "through", "into"}) + _children(verb, {"dobj"})
            hit = [g for o in hit for g in ([o] if o.lower_ != "one" else _objects_of(o, {"of"}))]  # "one of"
            facilities = [o for o in hit if _lemma(o) in lex["place_nouns"] and o.i != t.i]
            add("target", facilities[:1])
    out: dict[str, list[tuple[int, int]]] = {}
    for role, mentions in found.items():
        spans = sorted({(m.start, m.end) for m in mentions})
        if spans:
            out[role] = spans
    return out


def _doing(noun, lex):
    """The verb whose subject (or "by" phrase) did what ``noun`` names: "IS carried out the
    attack", "the attack was carried out by IS", "IS claimed responsibility for the attack",
    "launched a series of attacks"; else None."""
    t = noun
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in lex["series"]:
        t = t.head.head
    if any(c.dep_ == "neg" for c in t.head.children):
        return None  # "IS did not claim the attack"
    if t.dep_ in ("dobj", "nsubjpass") and t.head.lower_ in lex["doer_verbs"]:
        return t.head
    if t.dep_ == "pobj" and t.head.head.lower_ in lex["claims"] and t.head.head.dep_ == "dobj":
        return t.head.head.head if t.head.head.head.lower_ in lex["claim_verbs"] else None
    return None


def _place(trigger, parse: _Parse, lex) -> list[Mention]:
    """The place mentions the parse gives: named before a trigger noun ("the Kut bombing"), or
    in a phrase opened by a place word ("in a market in Kut") under the trigger, under its
    subject or object, or under a word above it up to the verb of its clause, the first of
    these that has one."""
    if trigger.pos_ in ("NOUN", "PROPN"):
        before = [parse.within.get(c.i) for c in _children(trigger, _MODIFIERS)]
        if found := [m for m in before if m is not None and m.type == "place"]:
            return found
    # "killed in Syria"; "killed a general in Syria", "a bomb in the market killed"; "were
    # killed in attacks" (for "attacks"). Further up is another clause, and another place.
    own = [c for c in trigger.children if c.dep_ in _ARGUMENTS]
    above = []
    for t in trigger.ancestors:  # up to the verb of the trigger's clause, no further
        above.append(t)
        if t.tag_.startswith("VB"):
            break
    # ... and under the object of that verb or of the trigger: "targeted a checkpoint at the
    # entrance of Musayyib", "tore through a column near Gwer".
    objects = [o for t in above for o in t.children if o.dep_ == "dobj" and o.i != trigger.i]
    objects += [o for t in [trigger, *above] for o in _objects_of(t, {"through", "into"})]
    for group in ([trigger], own, above + objects):
        places = []
        for t in group:
            for obj in _objects_of(t, lex["place_preps"]):
                inside = [parse.within.get(w.i) for w in obj.subtree]
                named = [m for m in inside if m is not None and m.type == "place"
                         and not _road_end(m, parse.doc.text, parse.offset)][:1]
                # "in a crowded market", "at a checkpoint": a place the report describes.
                if not named and _lemma(obj) in lex["place_nouns"] and parse.within.get(obj.i) is None \
                        and obj.tag_ != "NNS":  # "on roads they used to guard": no one place
                    named = [_described(obj, parse)]
                places += named
        if places:
            return _most_precise(places)
    return []


_ROAD = re.compile(r"(?:-[A-Z][\w'-]*)? (?:highway|road|motorway|expressway)\b", re.IGNORECASE)


def _road_end(m: Mention, text: str, offset: int = 0) -> bool:
    """Whether a place names an end of a road ("on the Balad-Samarra highway", "the
    Kirkuk-Baghdad road"): the road runs between two towns, the event is at neither.
    ``text`` begins at ``offset`` of the document."""
    start, end = m.start - offset, m.end - offset
    joined = text[start - 1:start] == "-" or text[end:end + 1] == "-"
    # (The model may take the road's noun into the name: "Samarra highway".)
    return joined and bool(_ROAD.match(text, end) or _ROAD.search(text[start:end] + " "))


def _lemma(token) -> str:
    return (token.lemma_ or token.lower_).lower()  # "convoys": convoy


def _most_precise(places: list[Mention]) -> list[Mention]:
    """The places less those that hold another of them ("in Musayyib ..., in Babil province":
    Musayyib), as the gazetteer's places say."""
    from crosscheck.extract.places import canonical, known

    keys = {id(m): canonical(m.text) for m in places}
    inner = {k for k in keys.values() if k}
    held = {a for k in inner for a in known().get(k, ())}
    return [m for m in places if keys[id(m)] not in held] or places


def _strength(number: Mention, parse: _Parse, lex) -> Event | None:
    """A unit's size: "the brigade had 2,500 fighters", "X was founded as a brigade of between
    300 and 400 fighters, growing to 2,500 by 2019", "the militia's 1,200 fighters"; with the
    date of the clause that gives it. None unless a unit is named (as for "a brigade of 300
    fighters") and the number is a number ("hundreds of fighters" is not guessed)."""
    size = number_of(number.text)
    token = parse.token((number.start, number.end))
    if size is None or token is None:
        return None
    noun = token.head if token.dep_ == "nummod" and token.head.lower_ in lex["members"] else token
    grows = noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lower_ in lex["grows"]
    # "put the force's strength at around 1,500": the measure says what the number counts.
    measured = noun.dep_ == "pobj" and noun.head.lower_ == "at" and any(
        c.dep_ == "dobj" and c.lower_ in lex["measures"] for c in noun.head.head.children)
    # "the number of the force's fighters has reached two thousand": what the measure counts.
    reached = noun.dep_ == "dobj" and noun.head.lower_ in lex["grows"]
    counted = [c for c in (noun.head.children if reached else ())
               if c.dep_ == "nsubj" and c.lower_ in lex["measures"]]
    if noun is token and not (grows or measured or counted):
        return None  # a bare number counts members only where a unit grows to it or it is measured
    unit, verb = [], None
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":  # "a brigade of 300 fighters"
        whole = noun.head.head
        unit = _fillers(whole, "unit", parse, lex)
        if not unit and whole.dep_ == "pobj" and whole.head.lower_ == "as":
            verb = whole.head.head  # "founded as a brigade of 300 fighters"
    elif grows or noun.dep_ == "dobj" and noun.head.lower_ in lex["has"]:
        verb = noun.head.head if grows else noun.head  # "grew to 2,500", "had 300 fighters"
    elif _children(noun, {"poss"}):  # "the militia's 1,200 fighters"
        unit = _fillers(_children(noun, {"poss"})[0], "unit", parse, lex)
    elif noun.dep_ == "nsubj" and noun.head.lower_ in lex["serves"]:  # "800 men serve in the regiment"
        unit = [m for o in _objects_of(noun.head, {"in", "with"}) for m in _fillers(o, "unit", parse, lex)]
    elif counted:  # "the number of the force's fighters" / "the brigade's strength" has reached
        measure = counted[0]
        whole = [o for o in _objects_of(measure, {"of"})] or [measure]
        unit = [m for w in whole for p in [w, *_children(w, {"poss"})]
                for m in _fillers(p, "unit", parse, lex)]
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "at":  # "puts the brigade's strength at 1,200 men"
        measure = [c for c in noun.head.head.children if c.dep_ == "dobj" and c.lower_ in lex["measures"]]
        unit = [m for c in measure for p in _children(c, {"poss"}) for m in _fillers(p, "unit", parse, lex)]
    if verb is not None and not unit:
        subject = _children(verb, {"nsubj", "nsubjpass"})
        if not subject and verb.dep_ in ("advcl", "conj", "xcomp"):  # "..., growing to 2,500"
            subject = _children(verb.head, {"nsubj", "nsubjpass"})
        unit = [m for t in subject for m in _fillers(t, "unit", parse, lex)]
    if not unit:
        return None
    clause = verb if verb is not None else next((t for t in noun.ancestors if t.tag_.startswith("VB")), None)
    dates = [m for c in (clause.children if clause is not None else ())
             if c.dep_ in ("prep", "npadvmod") and noun not in c.subtree
             for m in (parse.within.get(w.i) for w in c.subtree) if m is not None and m.type == "date"]
    span = (number.start, max(number.end, parse.offset + noun.idx + len(noun.text)))  # "300 fighters"
    return Event("strength", [span], dates=sorted({(m.start, m.end) for m in dates})[:1],
                 figures={"size": size}, figure_spans=[(number.start, number.end)],
                 participants={"unit": sorted({(m.start, m.end) for m in unit})}, stage_version=VERSION)


Figures = tuple[dict[str, list[int]], list[tuple[int, int]]]


# "put the number of X killed at four", "estimated the toll at 17": what is counted, then "at N".
_PUT_AT = re.compile(r"\b(?:put|puts|putting|placed|places|placing|estimated|estimates|set|sets)\s+"
                     r"(?:the|its|their)\s+(?:\w+\s+)?(?:number|toll|tally|count|figure)\b(.*)\bat\s*$",
                     re.IGNORECASE)


def _figures(text: str, sent, numbers: list[Mention], lex) -> Figures:
    figures: dict[str, list[int]] = {}
    spans = []
    for n in numbers:
        value = number_of(n.text)
        if value is None:
            continue
        after = re.findall(r"[a-z]+", text[n.end:sent.end].lower())[:_WINDOW]
        if after[:2] == ["of", "the"]:
            continue  # "three of the wounded died": some of a figure
        preceding = re.findall(r"[a-z]+", text[sent.start:n.start].lower())[::-1]  # nearest first
        before = preceding[:2]
        if set(preceding[:4]) & lex["part_of"]:
            continue  # "among the dead were three children": some of the dead, not the toll
        # The nearest figure word not yet given a number: "killed 14 people and wounded 40",
        # "14 people were killed and 30 others wounded".
        nearest = [w for i in range(_WINDOW) for w in (before[i:i + 1] + after[i:i + 1])]
        kind = next((lex["figures"][w] for w in nearest
                     if w in lex["figures"] and lex["figures"][w] not in figures), None)
        toll = "toll" in text[sent.start:n.start].lower()
        if kind is None and toll and set(before[:2]) & lex["toll_verbs"]:
            kind = "killed"  # "the death toll ... has risen to 17"
        if kind is None and before[:1] and before[0] in lex["toll_verbs"] - {"to", "at"}:
            # "the number of wounded had reached 29": what reached it, before the verb and
            # its auxiliaries.
            kind = next((lex["figures"][w] for w in preceding[1:_WINDOW + 1]
                         if w in lex["figures"] and lex["figures"][w] not in figures), None)
        put = _PUT_AT.search(text[sent.start:n.start]) if before[:1] == ["at"] else None
        if kind is None and put:
            # "put the number of soldiers killed in the attack at four"
            kind = next((lex["figures"][w] for w in re.findall(r"[a-z]+", put[1].lower())
                         if w in lex["figures"]), None)
        if kind and kind not in figures:
            figures[kind] = value
            spans.append((n.start, n.end))
    return figures, spans


def _merge(events: list[Event], text: str) -> list[Event]:
    """Mentions of one type with the same place and date (by their words) are one event,
    unless both name who did it and not the same ("IS attacks ..., prompting Russian
    airstrikes")."""
    merged: dict[tuple, list[Event]] = {}

    def words(spans):
        return tuple(sorted({text[a:b].lower() for a, b in spans}))

    def apart(a: Event, b: Event) -> bool:
        doers = [set(words(e.participants.get("perpetrator", []))) for e in (a, b)]
        # A unit's size is the event itself: another size is another statement of strength.
        # Two counts of one thing are two accounts ("four soldiers had died", "put the number
        # of dead at five"), each with its own figure.
        counts = any(a.figures[k] != b.figures[k] for k in set(a.figures) & set(b.figures))
        return all(doers) and not doers[0] & doers[1] \
            or (a.type == "strength" or counts) and a.figures != b.figures

    out: list[Event] = []
    for e in events:
        key = (e.type, words(e.places), words(e.dates))
        into = next((m for m in merged.get(key, []) if not apart(m, e)), None)
        if into is None:
            merged.setdefault(key, []).append(e)
            out.append(e)
            continue
        into.triggers += e.triggers
        into.places = sorted(set(into.places + e.places))
        # A place is a guess only where no mention of the event gives it.
        into.guessed_places = sorted((set(into.guessed_places) | set(e.guessed_places))
                                     - (set(into.places) - set(into.guessed_places))
                                     - (set(e.places) - set(e.guessed_places)))
        into.dates = sorted(set(into.dates + e.dates))
        for kind, value in e.figures.items():
            into.figures.setdefault(kind, value)
        into.figure_spans = sorted(set(into.figure_spans + e.figure_spans))
        for role, spans in e.participants.items():
            into.participants[role] = sorted(set(into.participants.get(role, []) + spans))
    return out
