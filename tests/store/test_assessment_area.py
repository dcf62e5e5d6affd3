"""Where a toll told with no place happened (real pipeline, written text): in the fighting
the report names by its noun."""

import pytest

from crosscheck.store import assessment, db

REPORTS = {
    "01-tp.md": ("Tigris Post", "2026-03-04",
                 "BASRA (Tigris Post) - Six people were killed on Tuesday when two clans fought with machine "
                 "guns in the Qurna district of Basra province, a police officer said."),
    "02-bm.md": ("Basra Monitor", "2026-03-05",
                 "(Basra Monitor) - Accounts of the clan fighting in the Qurna district of Basra province "
                 "still differ.\n\nAccording to a tribal elder, nine people were killed in the fighting.\n\n"
                 "Seven of the wounded were still in hospital, a health official said."),
}


@pytest.mark.model
def test_a_toll_with_no_place_is_the_fighting_its_report_names(tmp_path, model_extractor):
    from crosscheck.ingest.batch import ingest

    paths = []
    for name, (outlet, date, body) in REPORTS.items():
        path = tmp_path / name
        path.write_text(f'---\noutlet: "{outlet}"\ndate: {date}\n---\n{body}\n', encoding="utf-8")
        paths.append(path)
    engine = db.open_workspace(tmp_path / "ws", create_missing=True)
    ingest(engine, paths, model_extractor)
    assessment.run(engine)
    found = assessment.pairs(engine)
    sides = [(p["a_statement"]["text"], p["b_statement"]["text"]) for p in found]
    pairs = {(p["kind"], p["reason"]) for p, (a, b) in zip(found, sides, strict=True)
             if ("Six people" in a and "nine people" in b) or ("nine people" in a and "Six people" in b)}
    assert pairs == {("contradiction", "figures")}
