"""Places inside places, as the report says them: "the town of Mahawil in Babil province",
"Iraq's Babil province", "the Ashar district of Basra", "Tal Afar, in Nineveh province",
"Charlotte, N.C.".

Each becomes a relation ``located_in`` from the inner place to the outer one. The assessment
reads them as a place hierarchy: a bombing "in Mahawil" and one "in Babil province" can be one
event, and "in Basra" against "in the Ashar district" is no contradiction. Only what the
words and the parse say; no place is known from elsewhere. "Mahawil, north of Hilla" puts
Mahawil near Hilla, not in it, and gives nothing.

A name the model read as a person or an organisation is a place where the words say so ("the
town of Mahawil", "near Gwer", "Sarmada's vegetable market", "the market of Sarmada", "the
clashes in Darkush": a happening's "in", for a name read as an organisation that does not
end in a body's head word, "the Interior Ministry"), and so is every other mention of that
name in the report.
"""

from __future__ import annotations

import functools
import re

from crosscheck.extract import lexicon
from crosscheck.extract.consistency import name_ends
from crosscheck.extract.stages import stage
from crosscheck.model import Mention, Relation
from crosscheck.resolve.names import name_key, organization_heads, singular

VERSION = "6"
_DIVISIONS = ("province", "Province", "governorate", "Governorate")
_DIVISION = re.compile(r"\s+(?:province|governorate|district|city|town)$")


def place_key(text: str) -> str:
    """A place's name as a key: "Babil Province" -> "babil", "al-Musayyib" -> "musayyib"."""
    key = _DIVISION.sub("", name_key(text))
    return key[3:] if key.startswith("al ") else key


@functools.cache
def known() -> dict[str, frozenset[str]]:
    """The places of ``places.yml`` by key, each with the places it lies in (its governorate and
    country), every spelling a key of its own."""
    out: dict[str, frozenset[str]] = {}
    for country in lexicon.load("places.yml")["countries"]:
        top = place_key(country["names"][0])
        for name in country["names"]:
            out[place_key(name)] = frozenset()
        for gov in country["governorates"]:
            first = place_key(gov["names"][0])
            for name in gov["names"]:
                out[place_key(name)] = frozenset({top})
            for spellings in gov.get("districts", []):
                for name in spellings:
                    out[place_key(name)] = frozenset({first, top})
    return out


@functools.cache
def demonyms() -> dict[str, str]:
    """A country's adjective for its people ("iraqi") -> the country's key ("iraq")."""
    return {d.lower(): place_key(c["names"][0]) for c in lexicon.load("places.yml")["countries"]
            for d in c.get("demonyms", [])}


def canonical(text: str) -> str | None:
    """The key of the known place a name spells ("Musayab" -> "musayyib"), or None."""
    key = place_key(text)
    return _spellings().get(key)


@functools.cache
def _spellings() -> dict[str, str]:
    out: dict[str, str] = {}
    for country in lexicon.load("places.yml")["countries"]:
        for name in country["names"]:
            out[place_key(name)] = place_key(country["names"][0])
        for gov in country["governorates"]:
            for name in gov["names"]:
                out[place_key(name)] = place_key(gov["names"][0])
            for spellings in gov.get("districts", []):
                for name in spellings:
                    out[place_key(name)] = place_key(spellings[0])
    return out


def gazetteer_names() -> list[str]:
    """Every spelling of ``places.yml`` as written, and each governorate's with "province" and
    "governorate" after it, for the entity ruler."""
    names: list[str] = []
    for country in lexicon.load("places.yml")["countries"]:
        names += country["names"]
        for gov in country["governorates"]:
            for name in gov["names"]:
                names += [name, *(f"{name} {w}" for w in _DIVISIONS)]
            for spellings in gov.get("districts", []):
                names += spellings
    return names
# Nouns that name a kind of place ("the town of X", "the X district of Y"); the words of
# ``events.yml``'s place nouns that are areas, not buildings.
AREA_NOUNS = {"town", "city", "village", "district", "province", "governorate", "region", "area", "suburb",
              "neighbourhood", "neighborhood", "county", "state", "municipality", "subdistrict",
              "sub-district", "quarter", "capital", "outskirts", "countryside", "desert", "island", "valley",
              "plain"}
# What a place has that an organisation or a person does not: "Sarmada's vegetable market",
# "the market of Sarmada", "Hilla's outskirts" make Sarmada and Hilla places.
SITE_NOUNS = {"market", "marketplace", "souq", "souk", "bazaar", "outskirts", "streets", "countryside"}
# The ends of a place, which a person has not: "the western entrance of Nawa", "the edge of
# Ranya" (not a body's: "the entrance of the Interior Ministry").
EDGE_NOUNS = {"entrance", "entrances", "edge", "edges", "periphery", "approaches"}
_POSSESSED = (AREA_NOUNS - {"area", "state", "capital", "quarter", "region", "desert", "valley", "plain",
                            "island"}) | SITE_NOUNS
# Prepositions that put what precedes them inside what follows.
_INSIDE = {"in", "inside", "within"}


def _mention_at(token, offset: int, places: list[Mention]) -> Mention | None:
    at = offset + token.idx
    return next((m for m in places if m.start <= at < m.end), None)


def _described_place(token, offset: int, places: list[Mention]) -> Mention | None:
    """The place a phrase headed by ``token`` names: the token's own mention, or for "the town
    of Mahawil" / "the Ashar district" / "the town, Mahawil" the mention it introduces."""
    found = _mention_at(token, offset, places)
    if found is not None or token.lower_ not in AREA_NOUNS:
        return found
    for c in token.children:
        if c.dep_ in ("compound", "appos", "amod", "nmod"):
            if (m := _mention_at(c, offset, places)) is not None:
                return m
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj" and (m := _mention_at(g, offset, places)) is not None:
                    return m
    return None


def _outer_of(token, offset: int, places: list[Mention]) -> list[Mention]:
    """The places a phrase headed by ``token`` is said to be in: "... in Babil province",
    "Iraq's ...", "the X district of Y"."""
    out = []
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in _INSIDE:
            out += [m for g in c.children if g.dep_ == "pobj"
                    and (m := _described_place(g, offset, places)) is not None]
        if c.dep_ == "poss":
            out += [m for m in [_described_place(c, offset, places)] if m is not None]
        if c.dep_ == "prep" and c.lower_ == "of" and token.lower_ in AREA_NOUNS:
            # "the Ashar district of Basra": Basra (and "the town of X": X itself, left out).
            out += [m for g in c.children if g.dep_ == "pobj"
                    and (m := _described_place(g, offset, places)) is not None]
        if c.dep_ == "appos" and c.lower_ in AREA_NOUNS:
            # "Mahawil, a town in Babil": the apposition's place.
            out += _outer_of(c, offset, places)
        elif c.dep_ == "appos" and c.i > token.i and (m := _mention_at(c, offset, places)) is not None:
            # "Charlotte, N.C.", "Mosul, Iraq": a place, a comma, the place it is in.
            inner = _mention_at(token, offset, places)
            between = token.doc.text[inner.end - offset: m.start - offset] if inner is not None else ""
            if between.strip() == "," and m is not inner:
                out.append(m)
    return out


def _as_place(m: Mention, text: str) -> None:
    """Relabel a mention a place, its title given back to the name ("Hajj Ali", a village, is
    not a man named Ali with the title Hajj)."""
    m.attrs["model_label"] = m.label
    m.label, m.type = "GPE", "place"
    start = m.attrs.pop("title_start", None)
    m.attrs.pop("title_end", None)
    if m.attrs.pop("title", None) is not None and start is not None and start < m.start:
        m.start, m.text = start, text[start:m.end]


@functools.cache
def _toponym_heads() -> frozenset[str]:
    return frozenset(lexicon.load("places.yml")["toponym_heads"])


def _named_as_place(analysis, parsed) -> None:
    """A name the model read as a person or an organisation that the words call a place: "the
    village of Hajj Ali", "the town of Mahawil" (the GPE label, the model's kept as
    ``model_label``)."""
    names = {(m.start, m.end): m for m in analysis.mentions if m.type in ("person", "organization")}
    if not names:
        return
    heads = _toponym_heads()
    for m in names.values():
        words = m.text.split()
        if m.type == "person" and len(words) > 1 and words[0] in heads and "refers_to" not in m.attrs:
            _as_place(m, analysis.document.text)  # "Bir al-Abd", "Wadi al-Faregh": a well, a valley
    for offset, doc in parsed:
        for token in doc:
            if token.dep_ == "pobj" and (token.head.lower_ in _NEAR or (
                    token.head.lower_ == "of" and token.head.head.lower_ in _NEAR)):
                # "near Gwer", "north of Makhmour": only a place is near or north of something.
                m = next((n for (a, b), n in names.items() if a <= offset + token.idx < b), None)
                if m is not None and "refers_to" not in m.attrs:
                    _as_place(m, analysis.document.text)
            if token.dep_ == "pobj" and token.head.lower_ in ("in", "near") \
                    and token.head.head.lower_ in _happening_words():
                # "the clashes in Darkush", "killed in Sarmada": where a happening was.
                # (Not a person's name: a headline's "dies in ... Robert Buckley" is a misparse.)
                m = next((n for (a, b), n in names.items() if a <= offset + token.idx < b), None)
                if m is not None and m.type == "organization" and "refers_to" not in m.attrs \
                        and not m.attrs.get("gazetteer") and not _body_name(m.text):
                    _as_place(m, analysis.document.text)
            if token.dep_ == "poss" and token.head.lower_ in _POSSESSED:
                # "Sarmada's vegetable market", "Hilla's outskirts"
                m = next((n for (a, b), n in names.items() if a <= offset + token.idx < b), None)
                if m is not None and "refers_to" not in m.attrs and m.end <= offset + token.idx + len(token):
                    _as_place(m, analysis.document.text)
            if token.lower_ not in AREA_NOUNS | SITE_NOUNS | EDGE_NOUNS:
                continue
            for c in token.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    objects = [g for g in c.children if g.dep_ == "pobj"]
                else:
                    objects = [c] if c.dep_ == "appos" else []
                for o in objects:
                    first = offset + o.left_edge.idx
                    m = next((n for (a, b), n in names.items() if a <= offset + o.idx < b and first <= a),
                             None)
                    if m is not None and "refers_to" not in m.attrs and not (
                            token.lower_ in EDGE_NOUNS and m.type == "organization" and _body_name(m.text)):
                        _as_place(m, analysis.document.text)


# Buildings that are institutions: "died in Balad General Hospital" names no town.
_INSTITUTIONS = {"hospital", "clinic", "prison", "jail", "school", "university", "mosque", "church", "shrine",
                 "hotel", "camp", "base", "airbase", "barracks", "embassy", "headquarters", "bank", "stadium",
                 "airport", "office", "compound", "building"}


def _body_name(text: str) -> bool:
    """Whether a name ends in the head of an organisation's name or an institution's building
    ("the Interior Ministry", "the Thunder Brigade", "Balad General Hospital"): not a town,
    wherever something happened "in" it."""
    words = name_key(text).split()
    last = singular(words[-1]) if words else ""
    return last in organization_heads() or last in _INSTITUTIONS


@functools.cache
def _happening_words() -> frozenset[str]:
    """One-word triggers of violence, arrests and protests (``events.yml``): what happens
    "in" a place, not in a body."""
    types = lexicon.load("events.yml")["types"]
    return frozenset(w for t in ("attack", "die", "injure", "arrest", "protest") for w in types[t]
                     if " " not in w)


def _named_again_as_place(analysis) -> None:
    """Every mention of a name the words call a place elsewhere in the report (above, or its
    dateline: ``consistency``) that the model read as a person or an organisation ("the market
    of Sarmada ... Sarmada said"), unless a longer person's name in the report ends in it."""
    words = lambda m: tuple(m.text.casefold().split())  # noqa: E731
    called = {words(m) for m in analysis.mentions if m.type == "place" and m.attrs.get("model_label")}
    if not called:
        return
    people = [words(m) for m in analysis.mentions if m.type == "person" and "refers_to" not in m.attrs]
    ends = name_ends(people)
    for m in analysis.mentions:
        if m.type in ("person", "organization") and words(m) in called and words(m) not in ends \
                and "refers_to" not in m.attrs and not m.attrs.get("gazetteer"):
            _as_place(m, analysis.document.text)


# Where an unlabelled name can only be a place: "near Gwer", "east of Qayyarah" (not "in",
# "around" or "across": "in Cyberspace", "in the Times", "around Christmas").
_NEAR = {"near", "outside", "north", "south", "east", "west", "northeast", "northwest", "southeast",
         "southwest"}


def _unnamed_places(analysis, parsed) -> None:
    """A capitalised name the model left unlabelled where only a place can be: "near Gwer",
    "east of Qayyarah" (a GPE mention of this stage's own)."""
    taken = [(m.start, m.end) for m in analysis.mentions]
    for offset, doc in parsed:
        for token in doc:
            if token.dep_ != "pobj" or token.pos_ != "PROPN" or not token.is_title:
                continue
            prep = token.head
            where = prep.lower_ in _NEAR or (prep.lower_ == "of" and prep.head.lower_ in _NEAR)
            start, end = offset + token.idx, offset + token.idx + len(token.text)
            if not where or any(a < end and start < b for a, b in taken):
                continue
            # the whole name: "Hajj Ali", "Tal Afar"
            first = min((c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"),
                        key=lambda c: c.i, default=token)
            start = offset + first.idx
            analysis.mentions.append(Mention(start, end, analysis.document.text[start:end], "GPE", "place",
                                             "places", VERSION))
            taken.append((start, end))


@stage("places", version=VERSION, requires=["parse", "mentions"], assigns=["relations", "mentions"])
def add_places(analysis, parsed) -> None:
    _named_as_place(analysis, parsed)
    _named_again_as_place(analysis)
    _unnamed_places(analysis, parsed)
    places = [m for m in analysis.mentions if m.type == "place" and "refers_to" not in m.attrs]
    if len(places) < 2:
        return
    seen = {(r.type, r.subject, r.object) for r in analysis.relations}
    for offset, doc in parsed:
        for token in doc:
            inner = _described_place(token, offset, places)
            if inner is None:
                continue
            # The phrase's own head, and the area noun it stands in apposition to or is the
            # "of" of ("the town of Mahawil in Babil": "in Babil" hangs under "town").
            heads = [token]
            if token.dep_ in ("pobj", "appos", "compound") and token.head.lower_ in AREA_NOUNS | {"of"}:
                up = token.head.head if token.head.lower_ == "of" else token.head
                heads.append(up)
            for head in heads:
                for outer in _outer_of(head, offset, places):
                    if (outer.start, outer.end) == (inner.start, inner.end) or outer.text == inner.text:
                        continue
                    key = ("located_in", (inner.start, inner.end), (outer.start, outer.end))
                    if key in seen:
                        continue
                    seen.add(key)
                    start, end = min(inner.start, outer.start), max(inner.end, outer.end)
                    analysis.relations.append(Relation("located_in", (inner.start, inner.end),
                                                       (outer.start, outer.end), None, (start, end), VERSION))
