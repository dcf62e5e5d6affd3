"""Who did it: a doer named through the body it acts for, and what is only rumoured (real
pipeline, written text)."""

import pytest

from crosscheck.store import assessment

REPORTS = {
    "01-nw.md": ("Northern Wire", "2026-05-04",
                 "MOSUL (Northern Wire) - Shells struck the cattle market in Bartella on Sunday. "
                 "Major Kamal Sabri of the provincial police blamed the Falcon Battalion, saying its "
                 "gunners had targeted the market."),
    "02-tg.md": ("The Gazette", "2026-05-05",
                 "MOSUL - Haidar Mosawi, the spokesman of the Falcon Battalion, said the men of the "
                 "battalion had nothing to do with the shelling of the market. Questions grew after "
                 "reports that the battalion had moved its artillery east."),
}


@pytest.mark.model
def test_a_doer_named_through_its_body_is_the_body_and_a_rumour_is_no_statement(assessed, pairs_between):
    engine = assessed(REPORTS)
    # "its gunners had targeted the market" against "the men of the battalion had nothing to do
    # with the shelling": the battalion's doing, asserted and denied.
    assert pairs_between(engine, "gunners", "nothing to do") == [("contradiction", "denial")]
    with engine.connect() as conn:
        said = assessment.statements(conn)
    # "after reports that the battalion had moved its artillery": nobody's word, not the outlet's.
    assert not any(c.predicate == "move" for s in said for c in s.clauses)


SPOKEN = {
    "01-nw.md": ("Northern Wire", "2026-06-02",
                 "KIRKUK (Northern Wire) - A drone struck a fuel depot in Hawija on Monday. \"Everyone "
                 "knows it was the Sand Falcon that launched the drone,\" a witness said."),
    "02-tg.md": ("The Gazette", "2026-06-03",
                 "KIRKUK - \"Our forces had nothing to do with the attack on the depot,\" Karim Dawood, "
                 "the spokesman of the Sand Falcon Forces, said on Tuesday."),
}


@pytest.mark.model
def test_a_group_by_its_short_name_and_our_forces_in_its_spokesmans_words(assessed, pairs_between):
    # "the Sand Falcon" is "the Sand Falcon Forces"; "our forces" in its spokesman's words are
    # the group; launching a drone at the depot is the attack he denies.
    engine = assessed(SPOKEN)
    assert pairs_between(engine, "launched the drone", "nothing to do") == [("contradiction", "denial")]
