"""The name-matching benchmark: its pair kinds, split and scorer on invented names, rigour's
baseline on a hand-made pair, and the loaders on the real data (skipped without it)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import names  # noqa: E402
from bench.corpora import DataAbsent  # noqa: E402
from bench.names import Group, Pair  # noqa: E402


def test_pair_kinds_do_not_use_the_matcher():
    assert names.pair_kind("Qais Wahid al-Rubaie", "Qays Waheed Rubaii") == "spelling"
    assert names.pair_kind("Qais al-Rubaie", "Qais Wahid al-Rubaie") == "partial"
    assert names.pair_kind("Qais al-Rubaie", "Abu Muntadhar") == "other"


def test_split_is_a_stable_half():
    ids = [f"ofac:{i}" for i in range(400)]
    dev = [i for i in ids if names.split_of(i) == "dev"]
    assert 150 < len(dev) < 250
    assert dev == [i for i in ids if names.split_of(i) == "dev"]


def test_negatives_share_a_surname_and_are_not_namesakes():
    groups = [Group("1", ("Qais Wahid al-Rubaie",)), Group("2", ("Haidar Jasim al-Rubaie",)),
              Group("3", ("Qays Wahid al-Rubaie",)), Group("4", ("Sattar Jabbar al-Khafaji",))]
    pairs = names.negatives(groups, 10, random.Random(1))
    assert {(p.a, p.b) for p in pairs} == {
        ("Haidar Jasim al-Rubaie", "Qais Wahid al-Rubaie"),
        ("Haidar Jasim al-Rubaie", "Qays Wahid al-Rubaie"),
    }
    assert all(not p.same and p.kind == "negative" for p in pairs)


def test_score_counts_same_on_spelling_pairs_and_negatives():
    pairs = [Pair("a", "b", True, "spelling"), Pair("c", "d", True, "spelling"),
             Pair("e", "f", False, "negative"), Pair("g", "h", True, "partial")]
    r = names.score(pairs, ["same", "review", "same", "review"])
    assert (r["tp"], r["fp"], r["precision"], r["recall"], r["f1"]) == (1, 1, 0.5, 0.5, 0.5)
    assert r["review_pos"] == 1 and r["partial"] == {"pairs": 1, "same": 0, "review": 1}


def test_rigour_baseline_scores_equal_names_one_and_unrelated_names_low():
    assert names.rigour_score("Qais al-Rubaie", "Qais al-Rubaie") == pytest.approx(1.0)
    assert names.rigour_score("Qais al-Rubaie", "Sattar Jabbar al-Khafaji") < 0.7


@pytest.mark.data
def test_loaders_and_both_systems_on_a_slice_of_dev():
    try:
        groups = names.ofac_groups("dev")[:60]
        words = names.netranslit_groups("dev")
    except DataAbsent as e:
        pytest.skip(str(e))
    assert groups and all(g.id.startswith("ofac:") and names.split_of(g.id) == "dev" for g in groups)
    assert not any(n.count(",") == 1 for g in groups for n in g.names)  # "SURNAME, Given" put in order
    assert any(len(g.names) > 1 for g in words)
    pos = [p for p in names.positives(groups, random.Random(0)) if p.kind == "spelling"]
    assert pos
    for system in names.SYSTEMS.values():
        decisions = [system(p.a, p.b) for p in pos]
        assert set(decisions) <= {"same", "review", "different"}
    ours = names.score(pos, [names.ours(p.a, p.b) for p in pos])
    assert ours["recall"] > 0.5
