"""The assessment commands, driven in-process over two reports written for the test: a
bombing's toll told two ways, a brigade's training said by two outlets' sources and denied
by its spokesman."""

import json

import pytest

from crosscheck.cli import main

REPORTS = {
    "tigris.md": """---
title: "Car bomb kills 14 in Hilla market"
outlet: "Tigris Post"
date: 2025-03-04
---
HILLA, Iraq (Tigris Post) - A car bomb killed 14 people in the Hilla vegetable market on Monday, police said.

Two police officers told Tigris Post that the Falcon Brigade was trained by foreign instructors.
""",
    "babil.md": """---
title: "Hilla bombing toll reaches 17"
outlet: "Babil Daily"
date: 2025-03-05
---
HILLA - A car bomb killed 17 people in the Hilla vegetable market on Monday, the health directorate said.

An intelligence officer told Babil Daily that the Falcon Brigade had been trained by foreign instructors.

The brigade's spokesman, Karim Hadi, denied that the Falcon Brigade had been trained by foreign instructors.
""",
}


def run(capsys, *argv):
    try:
        main(list(argv))
        code = 0
    except SystemExit as e:
        code = e.code or 0
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def workspace(tmp_path_factory, model_extractor):
    from crosscheck.ingest.batch import ingest
    from crosscheck.store import db

    folder = tmp_path_factory.mktemp("assess")
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = folder / "ws"
    engine = db.open_workspace(path, create_missing=True)
    report = ingest(engine, sorted(folder.glob("*.md")), model_extractor)
    assert report.assessment and report.assessment["contradictions"] >= 1
    return str(path)


@pytest.mark.model
def test_contradictions_show_both_sides_with_the_reason(workspace, capsys):
    code, out, _ = run(capsys, "-w", workspace, "contradictions", "--json")
    rows = json.loads(out)
    reasons = {(r["reason"], r["detail"]) for r in rows}
    assert ("figures", "killed 14 against 17") in reasons or ("figures", "killed 17 against 14") in reasons
    denial = [r for r in rows if r["reason"] == "denial"]
    assert denial and {r["a_statement"]["stance"] for r in denial} | {r["b_statement"]["stance"]
                                                                      for r in denial} >= {"denies"}
    code, out, _ = run(capsys, "-w", workspace, "contradictions")
    assert code == 0 and "contradiction (figures)" in out and "Karim Hadi denies" in out


@pytest.mark.model
def test_two_outlets_sources_corroborate_independently(workspace, capsys):
    code, out, _ = run(capsys, "-w", workspace, "corroborations", "--json")
    training = [r for r in json.loads(out)
                if "trained" in r["a_statement"]["text"] and "trained" in r["b_statement"]["text"]
                and r["a_statement"]["stance"] == r["b_statement"]["stance"] == "asserts"]
    assert training and training[0]["independence"] == "independent"
    code, out, _ = run(capsys, "-w", workspace, "corroborations", "--about", "Falcon Brigade")
    assert code == 0 and "independent sources" in out


@pytest.mark.model
def test_grading_a_source_and_overriding_a_claim(workspace, capsys):
    code, out, _ = run(capsys, "-w", workspace, "sources", "--json")
    names = {r["name"]: r for r in json.loads(out)}
    assert names["Tigris Post"]["reliability"]["letter"] == "F"
    code, _, err = run(capsys, "-w", workspace, "grade", "Tigris Post", "--reliability", "B")
    assert code == 2 and "reason" in err
    code, out, _ = run(capsys, "-w", workspace, "grade", "Tigris Post", "--reliability", "B",
                       "--reason", "accurate on the stories checked")
    assert code == 0 and "B (usually reliable)" in out
    code, out, _ = run(capsys, "-w", workspace, "sources")
    assert "B  Tigris Post" in out
    code, out, _ = run(capsys, "-w", workspace, "claims", "--by", "Karim Hadi", "--json")
    claim = json.loads(out)[0]
    code, out, _ = run(capsys, "-w", workspace, "grade", claim["id"], "--credibility", "5",
                       "--reason", "contradicted by the ministry's records")
    assert code == 0 and "set by the analyst" in out and "5" in out
    code, out, _ = run(capsys, "-w", workspace, "grade", "clm-nope")
    assert code == 2


@pytest.mark.model
def test_competing_hypotheses_suggested_confirmed_and_ranked(workspace, capsys):
    run(capsys, "-w", workspace, "ach", "add", "The Falcon Brigade was trained by foreign instructors")
    run(capsys, "-w", workspace, "ach", "add", "The Falcon Brigade trained itself")
    code, out, _ = run(capsys, "-w", workspace, "ach", "suggest", "1")
    assert code == 0 and int(out.split()[0]) >= 2
    code, out, _ = run(capsys, "-w", workspace, "ach", "show", "--json")
    matrix = json.loads(out)
    suggested = [r for r in matrix["ratings"] if not r["confirmed"]]
    assert {r["code"] for r in suggested} >= {"C", "I"}  # the officers agree, the spokesman denies
    # Nothing counts until the analyst confirms: both hypotheses score 0.
    assert {h["score"] for h in matrix["hypotheses"]} == {0}
    first = matrix["hypotheses"][0]["id"]
    for r in suggested:
        run(capsys, "-w", workspace, "ach", "rate", "1", r["item"], r["code"])
        run(capsys, "-w", workspace, "ach", "rate", "2", r["item"], "I" if r["code"] == "C" else "C")
    code, out, _ = run(capsys, "-w", workspace, "ach", "show", "--json")
    ranked = {h["id"]: h for h in json.loads(out)["hypotheses"]}
    assert ranked[first]["rank"] == 1  # two independent sources against one denial
    code, out, _ = run(capsys, "-w", workspace, "ach", "show", "--csv")
    lines = out.splitlines()
    assert lines[0].startswith("item,evidence,weight,") and lines[-1].startswith("score,")
