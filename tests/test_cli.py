"""The command line, driven in-process: output, --json, and exit codes."""

import json

import pytest

from crosscheck.cli import main


def run(capsys, *argv):
    try:
        main(list(argv))
        code = 0
    except SystemExit as e:
        code = e.code or 0
    out, err = capsys.readouterr()
    return code, out, err


def test_entities_table_and_json(sample_workspace, capsys):
    ws = str(sample_workspace[0])
    code, out, _ = run(capsys, "--workspace", ws, "entities", "--type", "person")
    assert code == 0 and "Abu Zainab al-Fayhawi" in out
    code, out, _ = run(capsys, "--workspace", ws, "entities", "--json", "-n", "0")
    rows = json.loads(out)
    assert {"id", "name", "type", "mentions", "documents"} <= set(rows[0])
    assert rows == sorted(rows, key=lambda r: -r["mentions"]) or rows[0]["mentions"] >= rows[-1]["mentions"]


def test_show_by_spelling_lists_aliases_and_sentences(sample_workspace, capsys):
    ws = str(sample_workspace[0])
    code, out, _ = run(capsys, "-w", ws, "show", "Abu Zainab")
    assert code == 0
    assert "aliases:" in out and "Abu Zainab" in out
    code, out, _ = run(capsys, "-w", ws, "show", "Abu Zainab al-Fayhawi", "--json")
    detail = json.loads(out)
    assert detail["mentions"] and all(m["text"] in m["sentence"] for m in detail["mentions"])


def test_unknown_entity_is_a_clear_error(sample_workspace, capsys):
    code, _, err = run(capsys, "-w", str(sample_workspace[0]), "show", "Nobody At All")
    assert code == 2 and "no entity matches 'Nobody At All'" in err


def test_search_finds_documents_with_snippets(sample_workspace, capsys):
    code, out, _ = run(capsys, "-w", str(sample_workspace[0]), "search", "intelligence officers", "--json")
    hits = json.loads(out)
    assert code == 0 and hits and "[intelligence]" in hits[0]["snippet"]
    code, out, _ = run(capsys, "-w", str(sample_workspace[0]), "search", 'NEAR("x" -y')
    assert code == 0  # FTS syntax in user input is quoted, never an error


def test_missing_workspace(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("CROSSCHECK_WORKSPACE", raising=False)
    code, _, err = run(capsys, "-w", str(tmp_path / "none"), "entities")
    assert code == 2 and "no workspace at" in err
    code, _, err = run(capsys, "entities")
    assert code == 2 and "--workspace" in err


def test_bad_options_are_usage_errors(sample_workspace, capsys):
    code, _, err = run(capsys, "-w", str(sample_workspace[0]), "entities", "--type", "planet")
    assert code == 2 and "planet" in err
    code, _, err = run(capsys, "-w", str(sample_workspace[0]), "export", "--format", "xml")
    assert code == 2


def test_export_to_a_file(sample_workspace, capsys, tmp_path):
    target = tmp_path / "out.jsonl"
    code, _, err = run(capsys, "-w", str(sample_workspace[0]), "export", "-o", str(target))
    assert code == 0 and "wrote" in err
    assert all(json.loads(line)["kind"] for line in target.read_text().splitlines())


@pytest.mark.model
def test_ingest_reports_failures_with_exit_code_1(tmp_path, capsys):
    good = tmp_path / "a.txt"
    good.write_text("Two officials told Reuters that Salman Ouda was in Basra.", encoding="utf-8")
    bad = tmp_path / "b.pdf"
    bad.write_bytes(b"%PDF-1.4 truncated")
    ws = str(tmp_path / "ws")
    code, out, err = run(capsys, "-w", ws, "ingest", str(good), str(bad), "--date", "2024-03-01")
    assert code == 1
    assert "1 added" in out and "1 failed" in out
    assert f"{bad}:" in err and "PDF" in err
    code, out, _ = run(capsys, "-w", ws, "ingest", str(good), "--json")
    assert code == 0 and len(json.loads(out)["unchanged"]) == 1


@pytest.mark.model
def test_demo_prints_what_it_found(tmp_path, capsys):
    code, out, err = run(capsys, "-w", str(tmp_path / "demo"), "demo")
    assert code == 0
    assert "10 documents" in out and "top person entities" in out
    assert "no publication date" in err


def test_bad_database_url_is_a_clear_error(capsys):
    code, _, err = run(capsys, "--database", "not a url", "entities")
    assert code == 2 and "not a database URL" in err


@pytest.mark.model
def test_claims_filters(model_workspace, capsys):
    ws = str(model_workspace[0])
    code, out, _ = run(capsys, "-w", ws, "claims", "--json")
    everything = json.loads(out)
    assert code == 0 and len(everything) > 20
    assert {c["stance"] for c in everything} >= {"asserts", "denies", "declines"}
    code, out, _ = run(capsys, "-w", ws, "claims", "--stance", "denies", "--json")
    denials = json.loads(out)
    assert denials and all(c["stance"] == "denies" for c in denials)
    code, out, _ = run(capsys, "-w", ws, "claims", "--stance", "deny", "--json")
    assert json.loads(out) == denials
    code, out, _ = run(capsys, "-w", ws, "claims", "--anonymous", "--json")
    anonymous = json.loads(out)
    assert anonymous and all(c["source"]["anonymous"] for c in anonymous)
    assert len(anonymous) < len(everything)
    code, out, _ = run(capsys, "-w", ws, "claims", "--by", "Ammar Jawad", "--json")
    by = json.loads(out)
    assert by and all(c["source"]["entity"] == by[0]["source"]["entity"] for c in by)
    code, out, _ = run(capsys, "-w", ws, "claims", "--about", "Abu Zainab al-Fayhawi")
    assert code == 0 and "Abu Zainab" in out
    code, out, _ = run(capsys, "-w", ws, "claims", "--anonymous")
    # An anonymous source is printed with what its description says of it.
    assert code == 0 and "anonymous (" in out
