"""Heuer's ACH: weights, ranking by weighted inconsistency, diagnosticity and the exports."""

import io
import json

import pytest

from crosscheck.assess.ach import (
    Hypothesis,
    Item,
    Matrix,
    Rating,
    diagnosticity,
    score,
    to_csv,
    to_json,
    weight_of,
)
from crosscheck.assess.grades import Evidence, credibility


def matrix():
    """Three hypotheses about a brigade, five items. E4 is consistent with all (not diagnostic);
    E5 is only suggested by the comparison, not yet confirmed.

            weight  H1   H2   H3
        E1  1.0     C    I    I
        E2  0.5     I    C    II
        E3  0.25    N    I    C
        E4  1.0     C    C    C
        E5  0.765   I?   C?   -
    """
    return Matrix(
        [Hypothesis("H1", "the whole brigade moved to Nineveh"),
         Hypothesis("H2", "only a detachment moved"),
         Hypothesis("H3", "the brigade never left Basra")],
        [Item("E1", "convoy seen on the Baghdad road", 1.0),
         Item("E2", "brigade flag raised in Basra barracks", 0.5),
         Item("E3", "commander quoted in Mosul", 0.25),
         Item("E4", "the brigade exists", 1.0),
         Item("E5", "new checkpoints in Nineveh", weight_of(2, "B"))],
        {("E1", "H1"): "C", ("E1", "H2"): "I", ("E1", "H3"): "I",
         ("E2", "H1"): "I", ("E2", "H2"): "C", ("E2", "H3"): "II",
         ("E3", "H1"): "N", ("E3", "H2"): "i", ("E3", "H3"): Rating.suggest("C").confirm(),
         ("E4", "H1"): "C", ("E4", "H2"): "C", ("E4", "H3"): "C",
         ("E5", "H1"): Rating.suggest("I"), ("E5", "H2"): Rating.suggest("C")})


def test_weight_is_credibility_times_reliability():
    assert weight_of(1, "A") == 1.0
    assert weight_of(2, "B") == 0.765       # 0.85 x 0.9
    assert weight_of(6, "F") == 0.1875      # 0.25 x 0.75
    assert weight_of(credibility(Evidence(contradicted=2)).value, "e") == 0.24  # 0.4 x 0.6
    with pytest.raises(ValueError):
        weight_of(7, "A")
    with pytest.raises(ValueError):
        weight_of(1, "G")


def test_hypotheses_rank_by_weighted_inconsistency_of_confirmed_ratings():
    # H1: E2 I 0.5                      = 0.5
    # H2: E1 I 1.0 + E3 I 0.25          = 1.25
    # H3: E1 I 1.0 + E2 II 2 x 0.5      = 2.0
    # E5 is only suggested: it does not count, and leaves each hypothesis one item unrated.
    got = [(s.hypothesis.id, s.inconsistency, s.rank, s.unrated) for s in score(matrix())]
    assert got == [("H1", 0.5, 1, 1), ("H2", 1.25, 2, 1), ("H3", 2.0, 3, 1)]


def test_suggested_ratings_count_only_when_asked():
    # H1 gains E5's suggested I: 0.5 + 0.765 = 1.265, and falls behind H2 (1.25).
    scores = score(matrix(), include_suggested=True)
    got = [(s.hypothesis.id, s.inconsistency, s.rank, s.unrated) for s in scores]
    assert got == [("H2", 1.25, 1, 0), ("H1", 1.265, 2, 0), ("H3", 2.0, 3, 1)]


def test_ties_share_a_rank():
    m = Matrix([Hypothesis("H1", "a"), Hypothesis("H2", "b"), Hypothesis("H3", "c")], [Item("E1", "x", 0.5)],
               {("E1", "H1"): "I", ("E1", "H2"): "C", ("E1", "H3"): "C"})
    assert [(s.hypothesis.id, s.rank) for s in score(m)] == [("H2", 1), ("H3", 1), ("H1", 3)]


def test_diagnosticity_is_the_spread_of_what_an_item_counts_against_each_hypothesis():
    # E1: 0, 1, 1 -> 1; E2: 0.5, 0, 1.0 -> 1; E3: 0, 0.25, 0 -> 0.25; E4: all 0 -> 0;
    # E5: nothing confirmed -> 0, or 0.765, 0, 0 (unrated) -> 0.765 with suggestions.
    assert diagnosticity(matrix()) == {"E1": 1.0, "E2": 1.0, "E3": 0.25, "E4": 0.0, "E5": 0.0}
    assert diagnosticity(matrix(), include_suggested=True)["E5"] == 0.765


def test_an_item_inconsistent_with_every_hypothesis_is_not_diagnostic():
    m = Matrix([Hypothesis("H1", "a"), Hypothesis("H2", "b")], [Item("E1", "x", 0.8)],
               {("E1", "H1"): "I", ("E1", "H2"): "I"})
    assert diagnosticity(m) == {"E1": 0.0}
    assert [s.inconsistency for s in score(m)] == [0.8, 0.8]


def test_ratings_are_checked_and_confirmed():
    assert Rating("ii").code == "II"
    assert Rating("n/a").code == "N"
    suggested = Rating.suggest("C")
    assert (suggested.counts(), suggested.counts(include_suggested=True)) == (False, True)
    assert suggested.confirm("I") == Rating("I", suggested=True, confirmed=True)
    assert (Rating("II").inconsistency, Rating("I").inconsistency, Rating("CC").inconsistency) == (2, 1, 0)
    with pytest.raises(ValueError, match="'X' is not an ACH rating"):
        Rating("X")
    with pytest.raises(ValueError, match="either suggested .* or confirmed"):
        Rating("C", suggested=False, confirmed=False)


def test_a_matrix_refuses_ratings_of_unknown_items_or_hypotheses():
    with pytest.raises(ValueError, match=r"rating \('E9', 'H1'\) names an item or hypothesis not in"):
        Matrix([Hypothesis("H1", "a")], [Item("E1", "x")], {("E9", "H1"): "C"})
    with pytest.raises(ValueError, match="hypothesis ids must be unique"):
        Matrix([Hypothesis("H1", "a"), Hypothesis("H1", "b")], [])
    with pytest.raises(ValueError, match="weight must be a number"):
        Item("E1", "x", -1)


def test_csv_has_a_row_per_item_and_a_row_of_scores():
    out = io.StringIO()
    to_csv(matrix(), out)
    assert out.getvalue() == (
        "item,evidence,weight,H1,H2,H3,diagnosticity\n"
        "E1,convoy seen on the Baghdad road,1,C,I,I,1\n"
        "E2,brigade flag raised in Basra barracks,0.5,I,C,II,1\n"
        "E3,commander quoted in Mosul,0.25,N,I,C,0.25\n"
        "E4,the brigade exists,1,C,C,C,0\n"
        "E5,new checkpoints in Nineveh,0.765,I?,C?,,0\n"
        "score,,,0.5,1.25,2,\n")


def test_json_gives_scores_ranks_weights_diagnosticity_and_ratings():
    data = to_json(matrix())
    json.dumps(data)
    assert data["include_suggested"] is False
    assert data["hypotheses"] == [
        {"id": "H1", "text": "the whole brigade moved to Nineveh", "score": 0.5, "rank": 1, "unrated": 1},
        {"id": "H2", "text": "only a detachment moved", "score": 1.25, "rank": 2, "unrated": 1},
        {"id": "H3", "text": "the brigade never left Basra", "score": 2.0, "rank": 3, "unrated": 1}]
    assert data["items"][4] == {"id": "E5", "text": "new checkpoints in Nineveh", "weight": 0.765,
                                "diagnosticity": 0.0}
    assert len(data["ratings"]) == 14
    assert data["ratings"][12] == {"item": "E5", "hypothesis": "H1", "code": "I", "suggested": True,
                                   "confirmed": False}
    assert data["ratings"][8] == {"item": "E3", "hypothesis": "H3", "code": "C", "suggested": True,
                                  "confirmed": True}
