"""The grading table, one test per rule; overrides, reliabilities, the Admiralty code, and the
checks a table must pass when it is loaded."""

import copy

import pytest
import yaml

from crosscheck.assess import grades
from crosscheck.assess.grades import (
    Evidence,
    TableError,
    check_table,
    credibility,
    override,
    rating,
    reliability,
)

# One case per rule of grades.yml, in table order: the evidence that reaches it, the grade and
# the reason it gives.
RULE_CASES = [
    ("declined", Evidence(independent=3, reliability="A", stance="declines"), 6,
     "the source declined to comment: there is nothing to judge"),
    ("confirmed", Evidence(independent=2), 1, "confirmed by 2 independent sources"),
    ("probably_true", Evidence(independent=1, weak=4), 2,
     "corroborated by 1 independent source, contradicted by none"),
    ("probably_true_weakly_corroborated", Evidence(weak=2, reliability="C"), 2,
     "corroborated by 2 sources of weak independence, from a source rated C"),
    ("possibly_true_weakly_corroborated", Evidence(weak=1, reliability="D"), 3,
     "corroborated only by 1 source of weak independence, from a source rated D"),
    ("corroboration_outweighs_contradiction", Evidence(independent=3, contradicted=1), 2,
     "corroborated by 3 independent sources, contradicted by 1"),
    ("contested", Evidence(independent=2, contradicted=2), 3,
     "contested: corroborated by 2 independent sources, contradicted by 2"),
    ("improbable", Evidence(contradicted=2, reliability="A"), 5,
     "contradicted by 2 independent sources, corroborated by none"),
    ("doubtful", Evidence(independent=1, contradicted=2), 4,
     "more independent sources contradict it (2) than corroborate it (1)"),
    ("possibly_true_denied_by_subject", Evidence(denied_by_subject=True, reliability="B"), 3,
     "uncorroborated, from a source rated B; denied by its subject, who has a stake in it"),
    ("possibly_true", Evidence(reliability="a"), 3,
     "uncorroborated and uncontradicted, from a source rated A"),
    ("cannot_be_judged", Evidence(), 6, "uncorroborated, from a source rated F: nothing to judge it by"),
]


def table_data():
    with grades.TABLE.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


@pytest.mark.parametrize(("rule", "evidence", "value", "reason"), RULE_CASES, ids=[c[0] for c in RULE_CASES])
def test_each_rule_gives_its_grade_and_reason(rule, evidence, value, reason):
    grade = credibility(evidence)
    assert (grade.rule, grade.value, grade.reason, grade.overridden) == (rule, value, reason, False)
    assert grade.label == grades.load().credibility[value]


def test_every_rule_of_the_table_has_a_case():
    assert [r.name for r in grades.load().rules] == [c[0] for c in RULE_CASES]


@pytest.mark.parametrize(("evidence", "rule"), [
    (Evidence(contradicted=1), "doubtful"),                         # one against, none for
    (Evidence(weak=2, contradicted=1, reliability="A"), "doubtful"),  # weak does not outweigh
    (Evidence(weak=1, contradicted=2), "doubtful"),                 # weakly corroborated: not improbable
    (Evidence(independent=1, contradicted=1), "contested"),
    (Evidence(independent=2, contradicted=1), "contested"),
    (Evidence(independent=2, denied_by_subject=True), "confirmed"),  # a denial is not a contradiction
    (Evidence(denied_by_subject=True), "cannot_be_judged"),           # nor a reason to believe it
    (Evidence(reliability="E"), "cannot_be_judged"),
    (Evidence(stance="denies", reliability="B"), "possibly_true"),    # a denial is graded like any claim
])
def test_edge_cases_between_rules(evidence, rule):
    assert credibility(evidence).rule == rule


@pytest.mark.parametrize("evidence", [c[1] for c in RULE_CASES], ids=[c[0] for c in RULE_CASES])
def test_repetitions_never_raise_a_grade(evidence):
    fields = {k: getattr(evidence, k) for k in ("independent", "weak", "contradicted", "denied_by_subject",
                                                "reliability", "stance")}
    assert credibility(Evidence(repeated=10, **fields)).value == credibility(evidence).value


def test_a_claim_repeated_by_many_outlets_stays_uncorroborated():
    grade = credibility(Evidence(repeated=12, reliability="F"))
    assert (grade.value, grade.rule) == (6, "cannot_be_judged")


def test_a_table_may_not_ask_about_repetitions():
    data = table_data()
    data["rules"][1]["when"] = {"min_repeated": 3}
    with pytest.raises(TableError, match="repetitions .* never raise a grade"):
        check_table(data)


def test_override_keeps_the_computed_grade_and_needs_a_reason():
    computed = credibility(Evidence())
    grade = override(computed, 2, "  the analyst has seen the footage ")
    assert (grade.value, grade.label, grade.reason, grade.overridden, grade.computed, grade.rule) == (
        2, "probably true", "the analyst has seen the footage", True, 6, "cannot_be_judged")
    assert override(grade, 4, "the footage is older").computed == 6
    for reason in ("", "   ", None):
        with pytest.raises(ValueError, match="needs a reason"):
            override(computed, 2, reason)
    for value in (0, 7, 2.0, True, "2"):
        with pytest.raises(ValueError, match="not a credibility"):
            override(computed, value, "because")


def test_reliability_is_f_until_the_analyst_sets_it_with_a_reason():
    assert reliability() == grades.Reliability("F", "reliability cannot be judged",
                                               "reliability cannot be judged: no record of this source yet")
    why = "right about the brigade's moves since 2019"
    r = reliability(" b ", f" {why}")
    assert (r.letter, r.label, r.reason) == ("B", "usually reliable", why)
    with pytest.raises(ValueError, match="a reliability of A needs a reason"):
        reliability("A")
    for letter in ("G", "AB", "", 1):
        with pytest.raises(ValueError, match="is not a reliability; use a letter from A"):
            reliability(letter, "because")
    with pytest.raises(ValueError, match="is not a reliability"):
        Evidence(reliability="Z")


def test_the_admiralty_code_combines_both():
    assert rating(reliability("B", "long record"), credibility(Evidence(independent=1))) == "B2"
    assert rating("f", 6) == "F6"
    with pytest.raises(ValueError):
        rating("B", 7)


def test_evidence_rejects_bad_counts_and_stances():
    with pytest.raises(ValueError, match="Evidence.independent must be a count"):
        Evidence(independent=-1)
    with pytest.raises(ValueError, match="unknown stance 'says'"):
        Evidence(stance="says")


def test_stances_are_those_of_the_cue_lexicon():
    with (grades.HERE.parent / "extract" / "cues.yml").open(encoding="utf-8") as f:
        cues = yaml.safe_load(f)
    assert set(grades.load().stances) == set(cues["verbs"])


def _broken(path, value):
    data = table_data()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize(("path", "value", "message"), [
    (("rules", 1, "when"), {"min_independant": 2}, r"rule 2 \(confirmed\): unknown condition 'min_indep"),
    (("rules", 1, "grade"), 7, r"rule 2 \(confirmed\): grade 7 is not a credibility"),
    (("rules", 1, "grade"), 0, "grade 0 is not a credibility"),
    (("rules", 1, "grade"), "1", "grade '1' is not a credibility"),
    (("rules", 1, "reason"), "confirmed by {sources}", "cannot fill the reason"),
    (("rules", 1, "when"), {"reliability_in": ["A", "G"]}, "reliability_in must list some of A, B"),
    (("rules", 1, "when"), {"min_independent": "two"}, "min_independent must be a whole number"),
    (("rules", 1, "when"), {"denied_by_subject": "yes"}, "denied_by_subject must be true or false"),
    (("rules", 1, "name"), "declined", "the name is used twice"),
    (("rules", -1, "when"), {"max_independent": 0}, "the last rule .* must have no conditions"),
    (("rules",), [], "'rules' must be a non-empty list"),
    (("reliability", "G"), "guessed", "'reliability' must label exactly the letters A to F"),
    (("weights", "credibility", 3), 1.5, "weights.credibility.3 is 1.5"),
    (("ach_ratings", "I", "inconsistency"), -1, r"ach_ratings.I needs a label and an inconsistency"),
])
def test_a_bad_table_is_refused_with_what_to_fix(path, value, message):
    with pytest.raises(TableError, match=message):
        check_table(_broken(path, value))


def test_a_bad_table_file_names_the_file(tmp_path):
    path = tmp_path / "grades.yml"
    data = copy.deepcopy(table_data())
    data["rules"][0]["grade"] = 9
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(TableError, match=f"{path}: rule 1 \\(declined\\): grade 9"):
        grades.load(path)


def test_a_table_passed_in_is_used_and_must_end_in_a_catch_all():
    rules = (grades.Rule("all_confirmed", {}, 1, "confirmed by fiat"),)
    assert credibility(Evidence(), rules).reason == "confirmed by fiat"
    with pytest.raises(TableError, match="no rule matched"):
        credibility(Evidence(), (grades.Rule("never", {"min_independent": 5}, 1, "x"),))
