"""What reports say in their own voice, compared across reports (real pipeline, written text)."""

import pytest

from crosscheck.store import assessment

REPORTS = {
    "01-tp.md": ("Tigris Post", "2026-03-02",
                 "BASRA (Tigris Post) - Karim Hadi Salman has left Iraq for Jordan. "
                 "The port authority has published no account of the seizure."),
    "02-bm.md": ("Basra Monitor", "2026-03-03",
                 "BASRA (Basra Monitor) - The port official Karim Hadi Salman left Iraq for Jordan "
                 "last week, according to people close to him. "
                 "Basra Monitor could not verify the reason for his departure."),
    "03-tp.md": ("Tigris Post", "2026-03-04",
                 "BASRA (Tigris Post) - Dock workers at Umm Qasr went on strike on Tuesday. "
                 "The port authority has published no account of the seizure."),
}


@pytest.mark.model
def test_a_reports_own_account_is_compared_but_not_an_outlets_own_twice(assessed):
    engine = assessed(REPORTS)
    pairs = assessment.pairs(engine)
    texts = {(p["kind"], p["a_statement"]["text"][:30], p["b_statement"]["text"][:30]) for p in pairs}
    left = [p for p in pairs if "left Iraq" in p["a_statement"]["text"] + p["b_statement"]["text"]]
    assert left and all(p["kind"] == "corroboration" for p in left), texts
    # One outlet's background, repeated in two of its reports, is one account.
    assert not any("no account" in p["a_statement"]["text"] + p["b_statement"]["text"]
                   for p in pairs), texts
