"""What is sought is not said to have happened (real pipeline, written text)."""

import pytest

RELEASE = {
    "01-nw.md": ("Northern Wire", "2026-05-04",
                 "MOSUL (Northern Wire) - The kidnappers of the trader Nabil Saeed Kanaan demanded $200,000 "
                 "for his release, a relative told Northern Wire on Monday."),
    "02-tg.md": ("The Gazette", "2026-05-05",
                 "MOSUL - The family of Nabil Kanaan paid 150,000 dinars to secure his release, a cousin "
                 "said on Tuesday."),
    "03-mc.md": ("Mosul Courier", "2026-05-08",
                 "MOSUL (Mosul Courier) - The trader Nabil Saeed Kanaan was released on Thursday, a police "
                 "officer told the Courier."),
    "04-rw.md": ("Rafidain Wire", "2026-05-08",
                 "MOSUL (Rafidain Wire) - Nabil Kanaan was freed on Thursday and is back with his family, "
                 "a security source said."),
    "05-nw.md": ("Northern Wire", "2026-05-06",
                 "MOSUL (Northern Wire) - Rights groups in Mosul on Wednesday called for the release of the "
                 "trader Nabil Saeed Kanaan."),
}


@pytest.mark.model
def test_a_release_demanded_or_paid_for_is_not_a_release(assessed, pairs_between):
    engine = assessed(RELEASE)
    # The two accounts of the release agree ...
    assert ("corroboration", "same") in pairs_between(engine, "was released on Thursday", "was freed")
    # ... and what was asked or paid for it says nothing of whether it happened.
    for sought in ("demanded $200,000", "to secure his release", "the release of the trader"):
        assert pairs_between(engine, sought, "was released on Thursday") == []
        assert pairs_between(engine, sought, "was freed") == []

