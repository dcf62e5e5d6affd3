"""Where a toll told with no place happened (real pipeline, written text): in the fighting
the report names by its noun."""

import pytest

from crosscheck.store import assessment

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
def test_a_toll_with_no_place_is_the_fighting_its_report_names(assessed):
    engine = assessed(REPORTS)
    def between(p, one, other):
        a, b = p["a_statement"]["text"], p["b_statement"]["text"]
        return (one in a and other in b) or (other in a and one in b)

    pairs = {(p["kind"], p["reason"]) for p in assessment.pairs(engine)
             if between(p, "Six people", "nine people")}
    assert pairs == {("contradiction", "figures")}


RETOLD = {
    "01-bp.md": ("Border Press", "2026-05-04",
                 "QAIM (Border Press) - Rockets struck a border post near al-Qaim late on Sunday. The attack "
                 "killed two border guards, an officer said.\n\nA medic at the town's hospital said two "
                 "guards had been killed in the attack and that their bodies were brought in overnight."),
    "02-jc.md": ("Jazira Chronicle", "2026-05-04",
                 "(Jazira Chronicle) - Three border guards were killed when rockets hit a border post near "
                 "al-Qaim late on Sunday, the commander of the border regiment said."),
}


@pytest.mark.model
def test_a_happening_told_again_inside_a_claim_is_that_claims_with_its_own_figures(assessed):
    engine = assessed(RETOLD)
    medic = [(p["kind"], p["reason"]) for p in assessment.pairs(engine)
             if any(p[f"{s}_statement"]["text"].startswith("two guards had been killed") for s in "ab")]
    assert ("contradiction", "figures") in medic


TOLLS = {
    "01-eo.md": ("Euphrates Observer", "2027-08-12",
                 "(Euphrates Observer) - Seven people have been killed in two days of clashes between tribal "
                 "fighters and an armed group in the town of al-Mayadin, a monitoring group said."),
    "02-nr.md": ("Nahr Review", "2027-08-13",
                 "(Nahr Review) - Fighting continued in al-Mayadin on Friday. A doctor at the town's "
                 "hospital put the death toll from the clashes at 11."),
}


@pytest.mark.model
def test_a_toll_told_through_its_noun_is_a_figure_told(assessed, pairs_between):
    engine = assessed(TOLLS)
    assert ("contradiction", "figures") in pairs_between(engine, "death toll")


COUNTED = {
    "01-sp.md": ("Samarra Post", "2027-10-14",
                 "(Samarra Post) - Clashes broke out near al-Dour on Friday between a tribe and an armed "
                 "group. A local official said that two tribesmen were killed.\n\nThree soldiers were "
                 "killed near al-Dour on Friday when a bomb hit their patrol, the army said."),
    "02-tw.md": ("Tikrit Wire", "2027-10-14",
                 "(Tikrit Wire) - A bomb hit an army patrol near al-Dour on Friday, killing three soldiers, "
                 "a police officer said."),
}


@pytest.mark.model
def test_a_count_is_of_whom_its_clause_says(assessed, pairs_between):
    # "two tribesmen were killed": tribesmen, as the clause says, not the three soldiers of
    # the bombing the same report tells.
    engine = assessed(COUNTED)
    assert ("contradiction", "figures") not in pairs_between(engine, "two tribesmen")


SEPARATE = {
    "01-lw.md": ("Levant Wire", "2030-03-08",
                 "SARMADA, Syria (Levant Wire) - A car bomb exploded in Sarmada's vegetable market on "
                 "Thursday, killing 11 people, a health official said.\n\nIn a separate incident, a roadside "
                 "bomb killed two civilians on the road between Afrin and Jindires on Tuesday, residents "
                 "said."),
    "02-nc.md": ("North Chronicle", "2030-03-09",
                 "(North Chronicle) - Thirteen people were killed in the car bombing in the market of "
                 "Sarmada, a civil defence officer said."),
}


@pytest.mark.model
def test_a_separate_incident_is_not_the_reports_happening(assessed, pairs_between):
    engine = assessed(SEPARATE)
    assert ("contradiction", "figures") in pairs_between(engine, "11 people", "Thirteen")
    assert not pairs_between(engine, "two civilians", "Thirteen")
