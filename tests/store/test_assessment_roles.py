"""Who a body's spokesman means by "our commander" (real pipeline, written text)."""

import pytest

from crosscheck.store import assessment, db

REPORTS = {
    "01-tp.md": ("Tigris Post", "2026-03-02",
                 "BASRA (Tigris Post) - Col. Mabrouk Hudairi, the commander of the Southern Gate Brigade, "
                 "was dismissed on Thursday, the defence ministry said."),
    "02-bm.md": ("Basra Monitor", "2026-03-03",
                 "BASRA (Basra Monitor) - \"Nobody has dismissed our commander,\" the Southern Gate Brigade "
                 "said in a statement on Friday."),
}


@pytest.mark.model
def test_our_commander_in_a_bodys_words_is_the_one_the_reports_name(tmp_path, model_extractor):
    from crosscheck.ingest.batch import ingest

    paths = []
    for name, (outlet, date, body) in REPORTS.items():
        path = tmp_path / name
        path.write_text(f'---\noutlet: "{outlet}"\ndate: {date}\n---\n{body}\n', encoding="utf-8")
        paths.append(path)
    engine = db.open_workspace(tmp_path / "ws", create_missing=True)
    ingest(engine, paths, model_extractor)
    assessment.run(engine)
    pairs = [(p["kind"], p["reason"]) for p in assessment.pairs(engine)
             if "our commander" in p["a_statement"]["text"] + p["b_statement"]["text"]]
    assert pairs == [("contradiction", "denial")]
