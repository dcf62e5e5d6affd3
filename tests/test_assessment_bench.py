"""The assessment corpus (written for crosscheck, in the repository) and the bench's scoring."""

import pytest
import yaml

from bench import assessment
from crosscheck.assess.compare import Statement


def test_every_annotated_quote_is_once_in_its_report_and_the_split_covers_the_corpus():
    reports = {p.stem: p.read_text(encoding="utf-8").split("---", 2)[2]
               for p in (assessment.CORPUS / "reports").glob("*.md")}
    pairs = assessment.annotations()
    assert len({p["id"] for p in pairs}) == len(pairs) >= 100
    for p in pairs:
        for side in ("a", "b"):
            assert reports[p[side]["doc"]].count(p[side]["quote"]) == 1, (p["id"], side)
    split = yaml.safe_load((assessment.CORPUS / "split.yml").read_text(encoding="utf-8"))
    assert set(split["dev"]) | set(split["held"]) == set(reports)
    assert not set(split["dev"]) & set(split["held"])


@pytest.mark.parametrize("name", [n for n in assessment.CORPORA if n != "dev"])
def test_the_test_corpora_are_well_formed_and_one_split(name):
    corpus = assessment.CORPORA[name]
    reports = {p.stem: p.read_text(encoding="utf-8").split("---", 2)[2]
               for p in (corpus / "reports").glob("*.md")}
    pairs = assessment.annotations(corpus)
    assert len(reports) >= 30 and len({p["id"] for p in pairs}) == len(pairs) >= 100
    for p in pairs:
        assert p["kind"] in ("corroboration", "contradiction", "none")
        for side in ("a", "b"):
            assert reports[p[side]["doc"]].count(p[side]["quote"]) == 1, (p["id"], side)
    assert set(assessment.split_of(corpus)) == set(reports)
    assert set(assessment.split_of(corpus).values()) == {"all"}


def test_a_pair_is_right_only_with_both_sides_and_its_kind():
    text = "A bomb killed 14 people. Police said 17 died. Nobody claimed it."
    statements = [Statement(i, "d1", "X", f"s{i}", "named", "asserts", span, text[slice(*span)])
                  for i, span in (("a", (0, 24)), ("b", (25, 44)), ("c", (45, 63)))]
    gold = [{"id": "x1", "kind": "contradiction", "reason": "figures",
             "a": {"doc": "r1", "quote": "killed 14 people"}, "b": {"doc": "r1", "quote": "17 died"}}]
    sides = {"a_statement": {"text": ""}, "b_statement": {"text": ""}, "detail": ""}
    predicted = [
        {"kind": "contradiction", "a": "a", "b": "b", "reason": "figures", "independence": "independent"},
        {"kind": "contradiction", "a": "a", "b": "c", "reason": "denial", "independence": "weak", **sides},
        {"kind": "corroboration", "a": "a", "b": "b", "reason": "same", "independence": "weak", **sides},
    ]
    scored = assessment.score(gold, predicted, statements, {"r1": "d1"}, {"d1": text})
    assert scored["contradiction"]["precision"] == 0.5 and scored["contradiction"]["recall"] == 1.0
    assert scored["contradiction"]["label_agreement"] == 1.0
    assert scored["corroboration"]["predicted"] == 1 and scored["corroboration"]["precision"] == 0.0
