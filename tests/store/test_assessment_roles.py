"""Who a body's spokesman means by "our commander" (real pipeline, written text)."""

import pytest

REPORTS = {
    "01-tp.md": ("Tigris Post", "2026-03-02",
                 "BASRA (Tigris Post) - Col. Mabrouk Hudairi, the commander of the Southern Gate Brigade, "
                 "was dismissed on Thursday, the defence ministry said."),
    "02-bm.md": ("Basra Monitor", "2026-03-03",
                 "BASRA (Basra Monitor) - \"Nobody has dismissed our commander,\" the Southern Gate Brigade "
                 "said in a statement on Friday."),
}


@pytest.mark.model
def test_our_commander_in_a_bodys_words_is_the_one_the_reports_name(assessed, pairs_between):
    engine = assessed(REPORTS)
    assert pairs_between(engine, "our commander") == [("contradiction", "denial")]


ABDUCTION = {
    "01-nw.md": ("Northern Wire", "2026-07-02",
                 "KIRKUK (Northern Wire) - Fighters of the Falcon Battalion abducted Salem "
                 "Ghafiri in Hawija on Monday, a police officer said."),
    "02-tg.md": ("The Gazette", "2026-07-03",
                 "KIRKUK - Haidar Mosawi, the spokesman of the Falcon Battalion, said on Tuesday that it "
                 "had not abducted Salem Ghafiri."),
}


@pytest.mark.model
def test_it_in_a_bodys_words_is_the_body(assessed, pairs_between):
    # "it had not abducted him" in the battalion's spokesman's words: the battalion, as "we"
    # would be.
    engine = assessed(ABDUCTION)
    assert ("contradiction", "denial") in pairs_between(engine, "it had not abducted", "Fighters")
