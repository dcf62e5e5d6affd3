"""The batch: what lands, what is skipped, and re-runs that store nothing twice."""

import pytest
from sqlalchemy import func, select

from crosscheck.errors import UsageError
from crosscheck.ingest.batch import Overrides, ingest
from crosscheck.store.schema import documents, entities, mentions

REPORT = (
    "Major General Salman Jabbar Ouda told Reuters last March that 12 people died in Basra. "
    "Ouda said the Counter Terrorism Service (CTS) was not involved."
)


def _count(engine, table):
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(table))


def _write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_broken_file_is_reported_and_the_rest_lands(engine, tiny_extractor, tmp_path):
    good = _write(tmp_path, "a.txt", REPORT)
    other = _write(tmp_path, "b.md", "---\ndate: 2024-03-01\n---\nReuters said Ouda was in Basra.")
    broken = tmp_path / "c.txt"
    broken.write_bytes(b"\x00\x01binary")
    empty = _write(tmp_path, "d.txt", "")
    report = ingest(engine, [good, broken, other, empty], tiny_extractor)
    assert len(report.added) == 2
    assert {p for p, _ in report.failed} == {str(broken), str(empty)}
    assert all(reason for _, reason in report.failed)
    assert not report.ok
    assert _count(engine, documents) == 2


def test_ingesting_twice_changes_nothing(engine, tiny_extractor, tmp_path):
    _write(tmp_path, "a.txt", REPORT)
    first = ingest(engine, [tmp_path], tiny_extractor)
    counts = [_count(engine, t) for t in (documents, mentions, entities)]
    second = ingest(engine, [tmp_path], tiny_extractor)
    assert len(first.added) == 1 and second.added == [] and len(second.unchanged) == 1
    assert [_count(engine, t) for t in (documents, mentions, entities)] == counts


def test_an_interrupted_batch_finishes_on_rerun_without_duplicates(engine, tiny_extractor, tmp_path):
    for i in range(5):
        _write(tmp_path, f"{i}.txt", f"Report {i}. " + REPORT)

    class Interrupt(Exception):
        pass

    def stop_after_two(path, outcome):
        if outcome == "added" and _count(engine, documents) == 2:
            raise Interrupt

    with pytest.raises(Interrupt):
        ingest(engine, [tmp_path], tiny_extractor, progress=stop_after_two)
    assert _count(engine, documents) == 2
    report = ingest(engine, [tmp_path], tiny_extractor)
    assert len(report.added) == 3 and len(report.unchanged) == 2
    assert _count(engine, documents) == 5
    with engine.connect() as conn:
        n_distinct = conn.scalar(select(func.count(func.distinct(mentions.c.document_id))))
    assert n_distinct == 5


def test_the_same_text_in_two_files_is_stored_once(engine, tiny_extractor, tmp_path):
    a = _write(tmp_path, "a.txt", REPORT)
    b = _write(tmp_path, "copy.txt", REPORT)
    report = ingest(engine, [a, b], tiny_extractor)
    assert len(report.added) == 1
    assert any("same text" in w for w in report.warnings)


def test_metadata_given_by_hand_wins_and_is_recorded(engine, tiny_extractor, tmp_path):
    md = _write(tmp_path, "a.md", "---\ntitle: From file\ndate: 2024-03-01\n---\n" + REPORT)
    ingest(engine, [md], tiny_extractor, Overrides(date="2024-05-02", outlet="Tigris Monitor"))
    with engine.connect() as conn:
        row = conn.execute(select(documents)).one()
    assert (row.title, row.outlet, row.date, row.date_source) == (
        "From file", "Tigris Monitor", "2024-05-02", "option"
    )


def test_re_ingest_with_new_metadata_updates_only_the_metadata(engine, tiny_extractor, tmp_path):
    path = _write(tmp_path, "a.txt", REPORT)
    ingest(engine, [path], tiny_extractor)
    n_mentions = _count(engine, mentions)
    report = ingest(engine, [path], tiny_extractor, Overrides(date="2024-05"))
    assert len(report.updated) == 1
    assert _count(engine, mentions) == n_mentions
    with engine.connect() as conn:
        assert conn.execute(select(documents.c.date)).scalar() == "2024-05"


def test_a_report_without_a_date_is_stored_undated_with_a_warning(engine, tiny_extractor, tmp_path):
    path = _write(tmp_path, "a.txt", REPORT)
    report = ingest(engine, [path], tiny_extractor)
    assert any("no publication date" in w and str(path) in w for w in report.warnings)
    with engine.connect() as conn:
        assert conn.execute(select(documents.c.date)).scalar() is None


def test_bad_date_option_is_a_usage_error():
    with pytest.raises(UsageError, match="not a date"):
        Overrides(date="last March")


def test_entities_are_shared_across_documents_and_named_by_their_full_form(engine, tiny_extractor, tmp_path):
    _write(tmp_path, "a.txt", REPORT)
    _write(tmp_path, "b.txt", "In Basra, Salman Jabbar Ouda spoke to Reuters.")
    ingest(engine, [tmp_path], tiny_extractor)
    with engine.connect() as conn:
        names = dict(conn.execute(select(entities.c.name, entities.c.type)).all())
        ouda = conn.execute(
            select(func.count(func.distinct(mentions.c.document_id)))
            .join(entities, entities.c.id == mentions.c.entity_id)
            .where(entities.c.name == "Salman Jabbar Ouda")
        ).scalar()
    assert names["Salman Jabbar Ouda"] == "person"
    assert "Ouda" not in names  # the surname alone joined the full name
    assert names["Counter Terrorism Service"] == "organization" and "CTS" not in names
    assert ouda == 2


def test_a_date_the_file_states_about_itself_is_kept_with_a_warning(engine, tiny_extractor, tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph(REPORT)
    d.core_properties.created = __import__("datetime").datetime(2024, 3, 5, 10, 0)
    d.save(tmp_path / "memo.docx")
    report = ingest(engine, [tmp_path / "memo.docx"], tiny_extractor)
    assert any("2024-03-05" in w and "docx:core.created" in w and "--date" in w for w in report.warnings)
    with engine.connect() as conn:
        assert conn.execute(select(documents.c.date, documents.c.date_source)).one() == (
            "2024-03-05", "docx:core.created"
        )
