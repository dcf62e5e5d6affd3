"""Heuer's Analysis of Competing Hypotheses (ACH) over claims.

The analyst states the hypotheses that could explain what was reported ("the brigade moved
to Nineveh", "only a detachment moved", "it never moved") and rates each item of evidence (a
claim) against each: consistent (C), inconsistent (I) or not applicable (N); as in Heuer's
software, CC and II say very consistent and very inconsistent. The comparison of claims may
suggest a rating; it counts once the analyst confirms it.

Heuer's point is that evidence is weighed by what it rules out: a hypothesis is ranked by
its weighted inconsistency (the fewer and lighter the items against it, the more likely it
is), not by how much agrees with it, since evidence consistent with one hypothesis is
usually consistent with the others. An item rated alike against every hypothesis is not
diagnostic: it cannot help choose, however credible it is. The weights, the codes and how
much each counts are data in ``grades.yml``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field, replace
from typing import Any, TextIO

from crosscheck.assess import grades


def codes() -> dict[str, dict[str, Any]]:
    """The rating codes with their labels and how much each counts against a hypothesis."""
    return grades.load().ach_ratings


def weight_of(credibility: int, reliability: str) -> float:
    """An item's weight: its claim's credibility factor times its source's reliability factor
    (``grades.yml``: credibility 1 -> 1.0 down to 6 -> 0.25; A -> 1.0 down to E -> 0.6, F 0.75).

    >>> weight_of(2, "B")
    0.765
    """
    weights = grades.load().weights
    value = grades.rating(reliability, credibility)
    return round(weights["credibility"][int(value[1])] * weights["reliability"][value[0]], 4)


@dataclass(frozen=True)
class Hypothesis:
    """A possible explanation the analyst states: ``Hypothesis("H1", "the brigade moved")``."""

    id: str
    text: str


@dataclass(frozen=True)
class Item:
    """An item of evidence (a claim) and its weight (``weight_of``; 1.0 if none is given)."""

    id: str
    text: str
    weight: float = 1.0

    def __post_init__(self) -> None:
        if isinstance(self.weight, bool) or not isinstance(self.weight, int | float) or self.weight < 0:
            raise ValueError(f"item {self.id!r}: weight must be a number, 0 or more, not {self.weight!r}")


@dataclass(frozen=True)
class Rating:
    """An item's rating against a hypothesis: a code (CC, C, N, I, II), whether the comparison
    suggested it and whether the analyst confirmed it. Typed by the analyst, it is confirmed.

    >>> Rating.suggest("i").confirm()
    Rating(code='I', suggested=True, confirmed=True)
    """

    code: str
    suggested: bool = False
    confirmed: bool = True

    def __post_init__(self) -> None:
        code = self.code.strip().upper() if isinstance(self.code, str) else self.code
        code = "N" if code in ("NA", "N/A") else code
        if code not in codes():
            raise ValueError(f"{self.code!r} is not an ACH rating; use one of {', '.join(codes())}")
        if not (self.suggested or self.confirmed):
            raise ValueError("a rating is either suggested by the comparison or confirmed by the analyst")
        object.__setattr__(self, "code", code)

    @classmethod
    def suggest(cls, code: str) -> Rating:
        """A rating the comparison suggests, not yet confirmed."""
        return cls(code, suggested=True, confirmed=False)

    def confirm(self, code: str | None = None) -> Rating:
        """The analyst's confirmation, with the code changed if the analyst disagrees."""
        return replace(self, code=code or self.code, confirmed=True)

    def counts(self, include_suggested: bool = False) -> bool:
        return self.confirmed or (include_suggested and self.suggested)

    @property
    def inconsistency(self) -> int:
        """How many times the item's weight this rating counts against the hypothesis."""
        return codes()[self.code]["inconsistency"]


@dataclass
class Matrix:
    """Hypotheses, items and the ratings, keyed by (item id, hypothesis id). A rating may be
    given as its code ("I"): it is then the analyst's, confirmed."""

    hypotheses: list[Hypothesis]
    items: list[Item]
    ratings: dict[tuple[str, str], Rating | str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for kind, things in (("hypothesis", self.hypotheses), ("item", self.items)):
            ids = [t.id for t in things]
            if len(set(ids)) != len(ids):
                raise ValueError(f"{kind} ids must be unique: {ids}")
        hypotheses, items = {h.id for h in self.hypotheses}, {i.id for i in self.items}
        ratings = {}
        for (item, hypothesis), r in self.ratings.items():
            if item not in items or hypothesis not in hypotheses:
                raise ValueError(f"rating ({item!r}, {hypothesis!r}) names an item or hypothesis not in the "
                                 "matrix; key ratings by (item id, hypothesis id)")
            ratings[item, hypothesis] = r if isinstance(r, Rating) else Rating(r)
        self.ratings = ratings

    def rating(self, item: str, hypothesis: str) -> Rating | None:
        return self.ratings.get((item, hypothesis))


@dataclass(frozen=True)
class Score:
    """A hypothesis's weighted inconsistency, its rank (1: fewest inconsistencies, most likely;
    ties share a rank) and how many items are not rated against it (or only suggested, when
    those do not count), which flatter it."""

    hypothesis: Hypothesis
    inconsistency: float
    rank: int
    unrated: int


def _against(matrix: Matrix, item: Item, hypothesis: Hypothesis, include_suggested: bool) -> float | None:
    """What the item counts against the hypothesis; None where it has no rating that counts."""
    r = matrix.rating(item.id, hypothesis.id)
    if r is None or not r.counts(include_suggested):
        return None
    return item.weight * r.inconsistency


def score(matrix: Matrix, include_suggested: bool = False) -> list[Score]:
    """The hypotheses ranked by weighted inconsistency, the sum over items of weight x 1 for
    I and x 2 for II; only confirmed ratings count, unless ``include_suggested``.

    >>> m = Matrix([Hypothesis("H1", "moved"), Hypothesis("H2", "stayed")], [Item("E1", "seen in Mosul")],
    ...            {("E1", "H1"): "C", ("E1", "H2"): "I"})
    >>> [(s.hypothesis.id, s.inconsistency, s.rank) for s in score(m)]
    [('H1', 0.0, 1), ('H2', 1.0, 2)]
    """
    totals = []
    for h in matrix.hypotheses:
        against = [_against(matrix, i, h, include_suggested) for i in matrix.items]
        totals.append((h, round(sum(a for a in against if a is not None), 6), against.count(None)))
    ranked = sorted(totals, key=lambda t: t[1])  # stable: ties keep the matrix's order
    scores: list[Score] = []
    for n, (h, total, unrated) in enumerate(ranked, 1):
        rank = scores[-1].rank if scores and scores[-1].inconsistency == total else n
        scores.append(Score(h, total, rank, unrated))
    return scores


def diagnosticity(matrix: Matrix, include_suggested: bool = False) -> dict[str, float]:
    """How much each item can tell the hypotheses apart: the spread (largest less smallest)
    of what it counts against each hypothesis, unrated counting 0. An item rated alike
    against all (or consistent with some and not applicable to others) scores 0.

    >>> m = Matrix([Hypothesis("H1", "moved"), Hypothesis("H2", "stayed")],
    ...            [Item("E1", "seen in Mosul", 0.5), Item("E2", "a convoy left")],
    ...            {("E1", "H1"): "C", ("E1", "H2"): "II", ("E2", "H1"): "C", ("E2", "H2"): "C"})
    >>> diagnosticity(m)
    {'E1': 1.0, 'E2': 0.0}
    """
    spread = {}
    for i in matrix.items:
        against = [_against(matrix, i, h, include_suggested) or 0.0 for h in matrix.hypotheses]
        spread[i.id] = round(max(against) - min(against), 6) if against else 0.0
    return spread


def _cell(r: Rating | None) -> str:
    if r is None:
        return ""
    return r.code if r.confirmed else f"{r.code}?"


def _number(x: float) -> str:
    return format(x, "g")


def to_csv(matrix: Matrix, out: TextIO, include_suggested: bool = False) -> None:
    """The matrix as CSV: a row per item (id, text, weight, its rating against each hypothesis,
    "?" after one only suggested, and its diagnosticity), then a row of scores."""
    spread = diagnosticity(matrix, include_suggested)
    scores = {s.hypothesis.id: s.inconsistency for s in score(matrix, include_suggested)}
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["item", "evidence", "weight", *(h.id for h in matrix.hypotheses), "diagnosticity"])
    for i in matrix.items:
        w.writerow([i.id, i.text, _number(i.weight),
                    *(_cell(matrix.rating(i.id, h.id)) for h in matrix.hypotheses), _number(spread[i.id])])
    w.writerow(["score", "", "", *(_number(scores[h.id]) for h in matrix.hypotheses), ""])


def to_json(matrix: Matrix, include_suggested: bool = False) -> dict[str, Any]:
    """The matrix as a JSON-ready dict: hypotheses (in the analyst's order) with score, rank and
    unrated count; items with weight and diagnosticity; every rating with its flags."""
    scores = {s.hypothesis.id: s for s in score(matrix, include_suggested)}
    spread = diagnosticity(matrix, include_suggested)
    return {
        "include_suggested": include_suggested,
        "hypotheses": [{"id": h.id, "text": h.text, "score": scores[h.id].inconsistency,
                        "rank": scores[h.id].rank, "unrated": scores[h.id].unrated}
                       for h in matrix.hypotheses],
        "items": [{"id": i.id, "text": i.text, "weight": i.weight, "diagnosticity": spread[i.id]}
                  for i in matrix.items],
        "ratings": [{"item": i.id, "hypothesis": h.id, "code": r.code, "suggested": r.suggested,
                     "confirmed": r.confirmed}
                    for i in matrix.items for h in matrix.hypotheses
                    if (r := matrix.rating(i.id, h.id)) is not None],
    }
