"""Accounts tied only by their reports' story (real pipeline, written text): arrests told
with no place in two outlets' reports on one seizure are one arrest; a roundup's arrests
are not."""

import pytest

REPORTS = {
    "01-dw.md": ("Desert Wire", "2026-05-06",
                 "RUTBA (Desert Wire) - Customs officers at the Trebil crossing seized two refrigerated "
                 "trucks carrying more than a million captagon pills hidden in crates of tomatoes on "
                 "Tuesday, a customs official said.\n\nThe four drivers were detained, the official said."),
    "02-ac.md": ("Anbar Chronicle", "2026-05-06",
                 "(Anbar Chronicle) - A customs spokesman said that captagon pills were found in crates "
                 "of tomatoes loaded on two refrigerated trucks at the Trebil crossing.\n\nThree drivers "
                 "had been arrested, the spokesman said."),
    "03-dw.md": ("Desert Wire", "2026-05-07",
                 "(Desert Wire) - Police in Ramadi arrested six men suspected of stealing cables on "
                 "Monday.\n\nIn Falluja, police arrested two men on Wednesday after a fight at a "
                 "wedding, a police officer said."),
    "04-ac.md": ("Anbar Chronicle", "2026-05-07",
                 "(Anbar Chronicle) - The provincial council met in Ramadi to discuss the budget for "
                 "schools and the repair of roads damaged by the floods."),
}


@pytest.mark.model
def test_accounts_tied_only_by_their_reports_story_are_one_happening(assessed, pairs_between):
    engine = assessed(REPORTS)
    assert ("contradiction", "figures") in pairs_between(engine, "four drivers", "Three drivers")
    # The roundup tells two arrests, on two days in two towns: neither is the drivers'.
    assert not pairs_between(engine, "drivers", "six men")
    assert not pairs_between(engine, "drivers", "two men")
