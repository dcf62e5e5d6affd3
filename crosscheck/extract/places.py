"""Places inside places, as the report says them: "the town of Mahawil in Babil province",
"Iraq's Babil province", "the Ashar district of Basra", "Tal Afar, in Nineveh province".

Each becomes a relation ``located_in`` from the inner place to the outer one. The assessment
reads them as a place hierarchy: a bombing "in Mahawil" and one "in Babil province" can be one
event, and "in Basra" against "in the Ashar district" is no contradiction. Only what the
words and the parse say; no place is known from elsewhere. "Mahawil, north of Hilla" puts
Mahawil near Hilla, not in it, and gives nothing.
"""

from __future__ import annotations

from crosscheck.extract.stages import stage
from crosscheck.model import Mention, Relation

VERSION = "1"
# Nouns that name a kind of place ("the town of X", "the X district of Y"); the words of
# ``events.yml``'s place nouns that are areas, not buildings.
AREA_NOUNS = {"town", "city", "village", "district", "province", "governorate", "region", "area", "suburb",
              "neighbourhood", "neighborhood", "county", "state", "municipality", "subdistrict",
              "sub-district", "quarter", "capital", "outskirts", "countryside", "desert", "island", "valley",
              "plain"}
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
        if c.dep_ == "prep" and c.lower_ == "of" and token.lower_ in AREA_NOUNS \
                and _mention_at(token, offset, places) is not None:
            # "the Ashar district of Basra": the district is a mention, Basra its city.
            out += [m for g in c.children if g.dep_ == "pobj"
                    and (m := _described_place(g, offset, places)) is not None]
        if c.dep_ == "appos" and c.lower_ in AREA_NOUNS:
            # "Mahawil, a town in Babil": the apposition's place.
            out += _outer_of(c, offset, places)
    return out


@stage("places", version=VERSION, requires=["parse", "mentions"], assigns=["relations"])
def add_places(analysis, parsed) -> None:
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
