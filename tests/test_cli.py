"""The command line, driven in-process: output, --json, and exit codes."""

import io
import json
from pathlib import Path

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
    # The kunya is given as another name of the commander in some reports: one entity.
    assert code == 0 and "Jalil Sabah al-Darraji" in out and "Abu Zainab al-Fayhawi" not in out
    code, out, _ = run(capsys, "--workspace", ws, "entities", "--json", "-n", "0")
    rows = json.loads(out)
    assert {"id", "name", "type", "mentions", "documents"} <= set(rows[0])
    assert rows == sorted(rows, key=lambda r: -r["mentions"]) or rows[0]["mentions"] >= rows[-1]["mentions"]


def test_show_by_spelling_lists_aliases_and_sentences(sample_workspace, capsys):
    ws = str(sample_workspace[0])
    code, out, _ = run(capsys, "-w", ws, "show", "Abu Zainab")
    assert code == 0
    assert "Jalil Sabah al-Darraji" in out and "aliases: Abu Zainab al-Fayhawi (kunya, " in out
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
    assert "11 documents" in out and "top person entities" in out
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


@pytest.fixture
def own_workspace(tmp_path, tiny_extractor):
    """The sample reports in a workspace of the test's own, for commands that change it."""
    from crosscheck.demo import sample_files
    from crosscheck.ingest.batch import ingest
    from crosscheck.store import db

    path = tmp_path / "ws"
    ingest(db.open_workspace(path, create_missing=True), sample_files(), tiny_extractor)
    return str(path)


def test_match_two_names_and_a_file_of_pairs(capsys, tmp_path):
    code, out, _ = run(capsys, "match", "Hafidh al-Zubaidi", "Hafiz Al-Zubaydi")
    assert code == 0 and out.startswith("same") and "dh/z" in out
    code, out, _ = run(capsys, "match", "Hafidh al-Zubaidi", "Karim al-Zubaidi", "--json")
    assert json.loads(out)["decision"] == "different"
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("# name\tname\nAbdul Rahman Saleh\tAbd al-Rahman Salih\nal-Zubaidi\tHafidh al-Zubaidi\n",
                     encoding="utf-8")
    code, out, _ = run(capsys, "match", "--pairs", str(pairs))
    rows = [line.split("\t") for line in out.splitlines()]
    assert code == 0 and [r[3] for r in rows] == ["same", "review"]
    pairs.write_text("only one name\n", encoding="utf-8")
    code, _, err = run(capsys, "match", "--pairs", str(pairs))
    assert code == 2 and "line 1" in err


def test_split_undo_and_merge_are_kept_and_replayed(own_workspace, capsys):
    ws = own_workspace
    code, out, _ = run(capsys, "-w", ws, "split", "Jalil Sabah al-Darraji", "Abu Zainab al-Fayhawi",
                       "--note", "two men")
    assert code == 0 and "different" in out
    jid = out.split()[1].rstrip(":")
    code, out, _ = run(capsys, "-w", ws, "entities", "--type", "person")
    assert "Jalil Sabah al-Darraji" in out and "Abu Zainab al-Fayhawi" in out
    # Recomputing replays the judgement, and so does ingesting another report...
    run(capsys, "-w", ws, "resolve")
    code, out, _ = run(capsys, "-w", ws, "entities", "--type", "person")
    assert "Abu Zainab al-Fayhawi" in out
    report = Path(ws).parent / "more.txt"
    report.write_text("Abu Zainab al-Fayhawi was seen in Basra, residents said.\n", encoding="utf-8")
    code, out, _ = run(capsys, "-w", ws, "ingest", str(report), "--date", "2024-06-01")
    assert code == 0 and "1 added" in out
    code, out, _ = run(capsys, "-w", ws, "entities", "--type", "person")
    assert "Abu Zainab al-Fayhawi" in out
    # ...and undoing it lets the alias merge again.
    code, out, _ = run(capsys, "-w", ws, "judgements", "--json")
    assert [(j["id"], j["verdict"], j["note"]) for j in json.loads(out)] == [(jid, "different", "two men")]
    code, out, _ = run(capsys, "-w", ws, "judgements", "--undo", jid)
    assert code == 0
    code, out, _ = run(capsys, "-w", ws, "entities", "--type", "person")
    assert "Abu Zainab al-Fayhawi" not in out
    code, out, _ = run(capsys, "-w", ws, "judgements", "--all", "--json")
    assert json.loads(out)[0]["undone_at"]
    # An analyst's "same" joins what no rule would.
    code, out, _ = run(capsys, "-w", ws, "merge", "Ammar Jawad", "Jalil Sabah al-Darraji")
    code, out, _ = run(capsys, "-w", ws, "show", "Ammar Jawad", "--json")
    assert json.loads(out)["name"] == "Jalil Sabah al-Darraji"
    code, _, err = run(capsys, "-w", ws, "judgements", "--undo", "jdg-nothing")
    assert code == 2 and "no judgement" in err


def test_review_walks_the_queue_and_records_the_answers(own_workspace, capsys, tmp_path, monkeypatch):
    ws = own_workspace
    report = tmp_path / "short.txt"
    report.write_text("Yesterday al-Darraji spoke to reporters in Basra.\n", encoding="utf-8")
    code, out, _ = run(capsys, "-w", ws, "ingest", str(report), "--date", "2024-05-01")
    assert code == 0 and "pairs to review" in out
    code, out, _ = run(capsys, "-w", ws, "review", "--json")
    queue = json.loads(out)
    pair = next(p for p in queue if {p["name_a"], p["name_b"]} == {"al-Darraji", "Jalil Sabah al-Darraji"})
    assert pair["status"] == "review" and "partial name" in " ".join(pair["why"])
    # Answer "same" to that pair and skip the others.
    answers = "".join("s\n" if p is pair else "n\n" for p in queue)
    monkeypatch.setattr("sys.stdin", io.StringIO(answers))
    code, out, _ = run(capsys, "-w", ws, "review")
    assert code == 0
    code, out, _ = run(capsys, "-w", ws, "judgements", "--json")
    assert [j["verdict"] for j in json.loads(out)] == ["same"]
    code, out, _ = run(capsys, "-w", ws, "show", "al-Darraji", "--json")
    assert json.loads(out)["name"] == "Jalil Sabah al-Darraji"


@pytest.mark.model
def test_relations_and_posts_of_an_entity(model_workspace, capsys):
    ws = str(model_workspace[0])
    code, out, _ = run(capsys, "-w", ws, "relations", "Ammar Jawad")
    assert code == 0 and "Ammar Jawad: spokesman (member of Nur al-Huda Brigade)" in out
    code, out, _ = run(capsys, "-w", ws, "relations", "Ammar Jawad", "--json")
    rows = json.loads(out)
    assert rows and all(r["evidence_text"] and r["subject_name"] == "Ammar Jawad" for r in rows)
    code, out, _ = run(capsys, "-w", ws, "show", "Ammar Jawad")
    assert "posts:   spokesman (member of Nur al-Huda Brigade)" in out
    # A post that ended, and who ended it, with the date read against the report's.
    code, out, _ = run(capsys, "-w", ws, "show", "Hamid Sabbar")
    # ("the Zubair police chief": Zubair is a district of Basra in places.yml, so the post leads it.)
    assert "posts:   police chief (leads Zubair, until 2025-06-18)" in out
    assert "relations: Hamid Sabbar: police chief (dismissed by Faris al-Oqaily, until 2025-06-18)" in out
    code, out, _ = run(capsys, "-w", ws, "relations", "Qais Abdul-Razzaq")
    assert "deputy commander (member of Basra Operations Command, since 2023)" in out


def test_timeline_lists_events_by_date(sample_workspace, capsys):
    ws = str(sample_workspace[0])
    code, out, _ = run(capsys, "-w", ws, "timeline", "--json")
    rows = json.loads(out)
    assert code == 0 and rows and {"attack", "die"} <= {r["type"] for r in rows}
    dated = [r["date"] or r["document_date"] for r in rows if r["date"] or r["document_date"]]
    assert dated == sorted(dated)
    code, out, _ = run(capsys, "-w", ws, "timeline")
    assert code == 0 and "attack" in out

