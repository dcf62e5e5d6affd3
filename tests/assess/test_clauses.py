"""Clauses compared on hand-built propositions (no model, no store): one rule each."""

from crosscheck.assess.clauses import (
    Arg,
    Clause,
    Figure,
    a_load,
    agreement,
    compare,
    goods_counts,
    keys,
    relation,
    same_count,
)

SAADI = "ent-saadi"


def clause(predicate, *args, sign=1, modality="asserted", days=(), generic=False, given=False):
    return Clause(predicate, tuple(args), sign, modality, frozenset(days), generic=generic, given=given)


def arg(role, lemma, entity=None, kind=None, modifiers=(), figure=None):
    return Arg(role, lemma, entity, kind, frozenset(modifiers), figure, lemma)


def test_one_meaning_in_other_words_is_the_same_and_a_contrary_is_its_denial():
    sold = clause("sell", arg("agent", "saadi", SAADI, "person"), arg("patient", "weapon"))
    traded = clause("trade", arg("agent", "saadi", SAADI, "person"), arg("patient", "rifle"))
    handed = clause("hand over", arg("patient", "rifle"), arg("to", "directorate"))
    left = clause("leave", arg("agent", "weapon"), arg("patient", "depot"), sign=-1)
    assert relation(sold, traded) == "same"
    assert relation(sold, handed) == "contrary"
    assert relation(sold, left) == "outcome"  # "sold" and "left the depots": one side
    said = compare(sold, traded)
    assert said is not None and not said.opposite and said.firm and said.agreeable
    # Handing the rifles over says the sale did not happen (said by the man the sale is
    # about: an entity in common): opposite, firm enough to deny.
    assert compare(sold, handed) is None  # rifles alone: not enough to tell it apart
    said = compare(sold, handed, shared_entities=True)
    assert said is not None and said.opposite and said.firm
    # One outcome in other words denies, but does not corroborate.
    said = compare(sold, left, shared_entities=True)
    assert said is not None and not said.opposite and not said.agreeable


def test_one_count_of_one_thing_in_one_role():
    # "the fighters seized all 14 trucks in the convoy" / "all 14 trucks were seized".
    took = clause("seize", arg("agent", "fighter"), arg("patient", "truck", figure=Figure(14, 14)))
    taken = clause("seize", arg("patient", "truck", figure=Figure(14, 14)))
    assert same_count(took, taken, floor=2)
    assert compare(took, taken) is None  # the trucks alone: not enough
    assert compare(took, taken, shared_entities=True) is not None
    # Another count, a count under the floor, or one thing against another: no.
    assert not same_count(took, clause("seize", arg("patient", "truck", figure=Figure(12, 12))), floor=2)
    assert not same_count(took, taken, floor=20)
    assert not same_count(took, clause("seize", arg("patient", "hostage", figure=Figure(14, 14))), floor=2)


def test_one_doer_of_two_doings_is_no_contrary():
    sold = clause("sell", arg("agent", "saadi", SAADI, "person"), arg("patient", "weapon"))
    kept = clause("keep", arg("agent", "saadi", SAADI, "person"), arg("patient", "proceed"))
    assert relation(sold, kept) == "contrary" and compare(sold, kept) is None


def test_the_same_doing_to_someone_else_is_another_proposition():
    a = clause("arrest", arg("patient", "hilali", "ent-hilali", "person"), arg("agent", "force"))
    b = clause("detain", arg("patient", "jiburi", "ent-jiburi", "person"), arg("agent", "force"))
    assert compare(a, b) is None


def test_opposed_qualifiers_and_an_exclusive_one_turn_the_comparison():
    foreign = clause("train", arg("patient", "fighter", modifiers=["brigade"]),
                     arg("agent", "instructor", modifiers=["foreign"]))
    local = clause("train", arg("patient", "fighter"), arg("agent", "instructor", modifiers=["local"]))
    alone = clause("train", arg("patient", "fighter", modifiers=["his"]),
                   arg("agent", "hand", modifiers=["iraqi", "alone"]))
    for other in (local, alone):
        said = compare(foreign, other)
        assert said is not None and said.opposite, other
    # "the superior candidate" and "the only candidate": the role agrees, no contrast.
    superior = clause("be", arg("agent", "clinton", "ent-c", "person"), arg("attribute", "candidate",
                                                                             modifiers=["superior"]))
    only = clause("be", arg("agent", "clinton", "ent-c", "person"), arg("attribute", "candidate",
                                                                        modifiers=["only"]))
    said = compare(superior, only)
    assert said is not None and not said.opposite


def test_counts_of_one_thing_that_cannot_both_hold_are_figures():
    more = clause("contain", arg("agent", "cache"), arg("patient", "rifle", figure=Figure(400, None)))
    ninety = clause("consist", arg("agent", "cache"), arg("patient", "rifle", figure=Figure(90, 90)))
    said = compare(more, ninety)
    assert said is not None and said.reason == "figures"
    some = clause("contain", arg("agent", "cache"), arg("patient", "rifle", figure=Figure(450, 450)))
    assert compare(more, some).reason == "same"  # "more than 400" agrees with 450
    # The count alone is not enough to tell the proposition apart: another thing must agree.
    bare = clause("contain", arg("patient", "rifle", figure=Figure(90, 90)))
    assert compare(more, bare) is None
    # Six soldiers killed and eleven wounded are two counts of one side, not two figures of one.
    killed = clause("kill", arg("patient", "soldier", figure=Figure(6, 6)), arg("in", "convoy"))
    wounded = clause("wound", arg("patient", "soldier", figure=Figure(11, 11)), arg("in", "convoy"))
    assert relation(killed, wounded) == "outcome"
    said = compare(killed, wounded, shared_entities=True)
    assert said is None or said.reason != "figures"


def test_that_something_happened_needs_more_than_its_kind():
    # "The fighting took place in the village" and "the clashes took place on Tuesday".
    there = clause("take place", arg("agent", "fighting"), arg("in", "village"))
    then = clause("take place", arg("agent", "clash"), arg("on", "tuesday"))
    assert compare(there, then) is None
    again = clause("break out", arg("agent", "clash"), arg("in", "village"))
    said = compare(there, again)
    assert said is not None and not said.opposite


def test_two_days_for_one_doing_to_one_named_person_are_a_date_conflict():
    a = clause("dismiss", arg("patient", "rubaie", "ent-r", "person"), days=["2025-03-08"])
    b = clause("remove", arg("patient", "rubaie", "ent-r", "person"), days=["2025-03-09"])
    said = compare(a, b)
    assert said is not None and said.reason == "date"
    c = clause("dismiss", arg("patient", "chief"), days=["2025-03-09"])
    assert compare(a, c) is None  # no one named in common: the day says nothing


def test_what_is_not_put_as_a_fact_can_agree_but_not_conflict():
    paid = clause("pay", arg("agent", "trump", "ent-t", "person"), arg("patient", "tax"))
    asked = clause("pay", arg("agent", "trump", "ent-t", "person"), arg("patient", "tax"), sign=-1,
                   modality="irrealis")  # "why didn't he pay?"
    said = compare(paid, asked)
    assert said is not None and not said.firm and not said.agreeable
    # "not paying taxes makes me smart": a doing with no doer.
    anyone = clause("pay", arg("patient", "tax"), sign=-1, generic=True)
    said = compare(paid, anyone, shared_entities=True)
    assert said is not None and not said.firm


def test_a_role_both_fill_with_two_different_things_blocks_agreement():
    by_her = clause("support", arg("agent", "machado", "ent-m", "person"),
                    arg("patient", "clinton", "ent-c", "person"))
    by_share = clause("support", arg("agent", "percent"), arg("patient", "clinton", "ent-c", "person"))
    said = compare(by_her, by_share)
    assert said is not None and not said.agreeable and not said.firm
    # "the commander" may be the commander the other report names: it does not block.
    by_role = clause("support", arg("agent", "commander"), arg("patient", "clinton", "ent-c", "person"))
    assert agreement(arg("agent", "commander"), arg("agent", "saadi", SAADI, "person")) == 0
    assert agreement(arg("agent", "ideology"), arg("agent", "saadi", SAADI, "person")) == -1
    said = compare(by_her, by_role)
    assert said is not None and said.agreeable and not said.firm  # agreeing is not denying


def test_a_light_predicate_needs_what_it_says_to_agree():
    deadliest = clause("be", arg("agent", "attack"), arg("attribute", "deadliest"))
    second = clause("be", arg("agent", "attack"), arg("attribute", "second"))
    assert compare(deadliest, second) is None
    # ... unless what it takes gives it one meaning on both sides: "is being held at the
    # directorate" and "had been held in Sulaymaniyah", of one person, both say he is held.
    mahmoud = arg("patient", "mahmoud", "ent-m", "person")
    at = clause("hold", mahmoud, arg("at", "directorate"))
    in_ = clause("hold", mahmoud, arg("in", "sulaymaniyah", "ent-s", "place"))
    said = compare(at, in_, shared_entities=True)
    assert said is not None and said.agreeable
    # (Not "held" against "took him": being held is not being taken.)
    assert compare(at, clause("take", mahmoud), shared_entities=True) is None


def test_clauses_are_found_by_meaning_and_thing():
    sold = clause("sell", arg("patient", "rifle"))
    handed = clause("hand over", arg("patient", "weapon"))
    # "sold rifles" and "handed the weapons over" share no word but a key.
    assert keys(sold) & keys(handed)


def test_a_verb_with_what_it_takes_may_mean_another_verb():
    # "had received two million dollars" / "never taken a single dinar": taking money.
    received = clause("receive", arg("agent", "dulaimi", SAADI, "person"), arg("patient", "dollar"))
    taken = clause("take", arg("agent", "he", SAADI, "person"), arg("patient", "dinar"), sign=-1)
    assert relation(received, taken) == "same"
    said = compare(received, taken)
    assert said is not None and said.firm
    # "took the journalist from his home" is a detention; "took part" is not.
    took = clause("take", arg("patient", "journalist", SAADI, "person"), arg("from", "home"))
    detained = clause("detain", arg("patient", "azzawi", SAADI, "person"))
    assert relation(took, detained) == "same"
    assert relation(clause("take", arg("patient", "part")), detained) is None
    # ... and so is "took him", a pronoun the parse resolved to no one; not "took him to hospital".
    assert relation(clause("take", arg("agent", "office"), arg("patient", "he")), detained) == "same"
    assert relation(clause("take", arg("patient", "he"), arg("to", "hospital")), detained) is None
    # "the container held six million pills" is what it contained; "held talks" is not.
    contained = clause("contain", arg("agent", "container"), arg("patient", "pill"))
    assert relation(clause("hold", arg("agent", "container"), arg("patient", "pill")), contained) == "same"
    assert relation(clause("hold", arg("patient", "talk")), contained) is None
    # Removed from a post, or left it of one's own accord: one excludes the other.
    dismissed = clause("relieve", arg("patient", "shaar", SAADI, "person"))
    resigned = clause("resign", arg("agent", "shaar", SAADI, "person"))
    assert relation(dismissed, resigned) == "contrary"


def test_a_release_says_he_was_held_and_denies_no_arrest():
    held = clause("detain", arg("patient", "azzawi", SAADI, "person"))
    released = clause("release", arg("patient", "azzawi", SAADI, "person"))
    at_home = clause("be", arg("agent", "azzawi", SAADI, "person"), arg("at", "home"))
    assert relation(held, released) is None
    assert relation(held, at_home) == "contrary"


def test_what_an_army_calls_its_men_is_whichever_kind_the_other_report_names():
    heroes = arg("agent", "hero")
    assert agreement(heroes, arg("agent", "man")) > 0 and agreement(heroes, arg("agent", "soldier")) > 0
    weapons = agreement(heroes, arg("agent", "weapon"))
    assert weapons is not None and weapons <= 0


def test_what_became_of_goods_is_not_said_of_a_person():
    left = clause("leave", arg("patient", "qadi", "ent-qadi", "person"), arg("at", "farm"))
    back = clause("return", arg("agent", "qadi", "ent-qadi", "person"), arg("to", "work"))
    assert relation(left, back) == "contrary"
    assert compare(left, back, shared_entities=True) is None
    # Of weapons it is: left the depots against handed over.
    gone = clause("leave", arg("agent", "weapon"), arg("patient", "depot"), sign=-1)
    sold = clause("sell", arg("agent", "saadi", SAADI, "person"), arg("patient", "rifle"))
    said = compare(sold, gone, shared_entities=True)
    assert said is not None


def test_a_boat_and_a_vessel_are_one_kind_and_a_patrol_is_its_men():
    fired = clause("fire", arg("agent", "patrol"), arg("on", "boat"))
    not_fired = clause("fire", arg("agent", "man"), arg("on", "vessel"), sign=-1)
    said = compare(fired, not_fired)
    assert said is not None and not said.opposite  # the clauses agree; the sign is the statements'
    assert agreement(arg("on", "boat"), arg("on", "vessel")) > 0


def test_other_words_for_one_doing():
    boat = arg("agent", "boat")
    assert relation(clause("capsize", boat), clause("overturn", boat)) == "same"
    assert relation(clause("open", arg("patient", "fire")), clause("fire", arg("patient", "round"))) == "same"
    assert relation(clause("set", arg("patient", "he"), arg("attribute", "free")),
                    clause("release", arg("patient", "he"))) == "same"
    assert relation(clause("snatch", arg("patient", "qadi", "ent-q", "person")),
                    clause("abduct", arg("patient", "qadi", "ent-q", "person"))) == "same"
    # Snatched by gunmen is an abduction, not an arrest.
    assert relation(clause("snatch", arg("patient", "qadi", "ent-q", "person")),
                    clause("arrest", arg("patient", "qadi", "ent-q", "person"))) is None
    # Shot dead is killed, and shot; an attack carried out is an attack; inmates are prisoners.
    qadi = arg("patient", "qadi", "ent-q", "person")
    assert relation(clause("shoot dead", qadi), clause("kill", qadi)) == "same"
    assert relation(clause("shoot dead", qadi), clause("shoot", qadi)) == "same"
    assert relation(clause("carry out", arg("agent", "cell"), arg("patient", "attack")),
                    clause("attack", arg("agent", "cell"), arg("patient", "convoy"))) == "same"
    assert agreement(arg("agent", "inmate"), arg("agent", "prisoner")) > 0
    # Seized by gunmen, snatched: abducted as much as arrested.
    assert relation(clause("seize", qadi), clause("abduct", qadi)) == "same"
    assert relation(clause("seize", qadi), clause("arrest", qadi)) == "same"
    # "Carried out the strike" is carrying out an attack, as "launched the drone" is.
    assert relation(clause("carry out", arg("agent", "brigade"), arg("patient", "strike")),
                    clause("launch", arg("agent", "brigade"), arg("patient", "drone"))) == "same"
    # In someone's custody, or hands, is held.
    assert relation(clause("be", qadi, arg("in", "custody")), clause("detain", qadi)) == "same"
    assert relation(clause("be", qadi, arg("in", "hand")), clause("hold", qadi)) == "same"
    # Taking charge of a district is running it.
    bayati = arg("agent", "bayati", "ent-b", "person")
    took = clause("take", bayati, arg("patient", "charge"), arg("of", "district"))
    running = clause("run", bayati, arg("patient", "district"))
    assert relation(took, running) == "same"
    # Who rigged the car or planted the device carried out the bombing.
    movement = arg("agent", "movement", "ent-m", "organization")
    assert relation(clause("rig", movement, arg("patient", "car")), clause("bomb", movement)) == "same"
    planted = clause("plant", movement, arg("patient", "explosive"))
    assert relation(planted, clause("bomb", movement)) == "same"
    # Gunmen who stormed a prison attacked it.
    assert relation(clause("storm", arg("agent", "gunman"), arg("patient", "prison")),
                    clause("attack", arg("agent", "gunman"), arg("patient", "prison"))) == "same"


def test_bodies_pulled_from_the_water_are_bodies_recovered():
    pulled = clause("pull", arg("patient", "body"), arg("from", "water"))
    assert relation(pulled, clause("recover", arg("patient", "body"))) == "same"
    assert relation(clause("pull", arg("patient", "rope")), clause("recover", arg("patient", "body"))) is None


def test_a_doing_taken_as_given_is_compared_by_who_did_it():
    # "The battalion had nothing to do with the killing of the sheikh": who did not kill.
    sheikh = arg("patient", "sheikh", "ent-sheikh", "person")
    battalion = arg("agent", "battalion", "ent-b", "organization")
    nothing_to_do = clause("kill", sheikh, battalion, sign=-1, given=True)
    killed = clause("kill", sheikh)  # "the sheikh was killed": it happened, by whoever
    by_gunmen = clause("kill", sheikh, arg("agent", "gunman"))
    by_battalion = clause("kill", sheikh, battalion)  # "the battalion's men killed him"
    assert compare(nothing_to_do, killed) is None
    assert compare(nothing_to_do, by_gunmen) is None
    said = compare(nothing_to_do, by_battalion)
    assert said is not None and said.firm and not said.opposite  # signs differ: a denial
    # Not taken as given ("the battalion did not kill the sheikh"), it is compared with "the
    # sheikh was killed" as any clause is.
    assert compare(clause("kill", sheikh, battalion, sign=-1), killed) is not None


def test_one_person_taken_in_two_kinds_of_place_is_a_place_conflict():
    mahmoud = arg("patient", "mahmoud", "ent-m", "person")
    at_home = clause("detain", mahmoud, arg("at", "home"), arg("agent", "officer"))
    at_checkpoint = clause("detain", mahmoud, arg("at", "checkpoint"))
    said = compare(at_home, at_checkpoint)
    assert said is not None and said.reason == "place" and said.firm
    assert said.detail == "dwelling against post"
    # One kind of place on both sides agrees; so does a place on one side only.
    assert compare(at_home, clause("arrest", mahmoud, arg("at", "house"))).reason == "same"
    assert compare(at_home, clause("detain", mahmoud)).reason == "same"
    # Where a state holds is not where it was done: "is being held at the base".
    held = compare(clause("hold", mahmoud, arg("at", "base")), at_home)
    assert held is None or held.reason != "place"
    # Nor is a place said of something done to no one named.
    assert compare(clause("detain", arg("patient", "man"), arg("at", "home")),
                   clause("detain", arg("patient", "man"), arg("at", "checkpoint"))) is None


def test_a_bodys_men_named_by_it_act_for_it():
    asayish = arg("agent", "asayish", "ent-a", "organization")
    officers = arg("agent", "officer", modifiers=["asayish"])
    assert agreement(asayish, officers) == agreement(officers, asayish) > 0
    assert agreement(asayish, arg("agent", "officer", modifiers=["police"])) < 0


def test_two_states_told_by_one_verb_are_contrary_by_what_it_takes():
    # "Among the dead was al-Muhammadawi" against "the commander is alive and well".
    commander = arg("agent", "muhammadawi", "ent-c", "person")
    dead = clause("be", commander, arg("among", "dead"))
    alive = clause("be", arg("agent", "commander", "ent-c", "person"), arg("attribute", "alive"))
    assert relation(dead, alive) == "contrary"
    said = compare(dead, alive, shared_entities=True)
    assert said is not None and said.opposite and said.firm
    # Two states of one kind by one verb stay the same meaning.
    assert relation(dead, clause("be", commander, arg("among", "victim"))) == "same"


def test_nobody_denies_the_role_of_whoever_the_other_names():
    commander = arg("patient", "hudairi", "ent-h", "person")
    nobody = clause("dismiss", arg("agent", "nobody"), commander, sign=-1)
    ministry = clause("dismiss", arg("agent", "ministry"), commander)
    said = compare(nobody, ministry)
    assert said is not None and said.firm
    # ("Someone" is not "nobody": it can be told from no one.)
    said = compare(clause("dismiss", arg("agent", "officer"), commander, sign=-1), ministry)
    assert said is None or not said.firm


def test_no_body_of_a_kind_as_the_doer_stands_against_any_named_body():
    # "No security agency arrested Marwan" / "Marwan was arrested by the National Security
    # Service": the denial is of any agency, so the service it names is in dispute.
    marwan = arg("patient", "marwan", "ent-m", "person")
    no_agency = Arg("agent", "agency", None, None, frozenset({"security"}), None, "security agency",
                    none=True)
    service = arg("agent", "service", "ent-nss", "organization")
    said = compare(clause("arrest", no_agency, marwan, sign=-1), clause("arrest", service, marwan))
    assert said is not None and said.firm and not said.opposite
    # Without the "no" the agency is another doer, one the sentences cannot tell apart.
    agency = Arg("agent", "agency", None, None, frozenset({"security"}), None, "security agency")
    said = compare(clause("arrest", agency, marwan, sign=-1), clause("arrest", service, marwan))
    assert said is None or not said.firm
    # "Denied that any foreign party had trained its units" / "foreign instructors trained
    # the regiment's fighters": whichever foreign party it is.
    fighters = arg("patient", "fighter", modifiers=("regiment",))
    units = arg("patient", "unit", modifiers=("its",))
    any_party = clause("train", arg("agent", "party", modifiers=("any", "foreign")), units)
    foreign = clause("train", arg("agent", "instructor", modifiers=("foreign",)), fighters)
    said = compare(any_party, foreign)
    assert said is not None and said.firm
    said = compare(clause("train", arg("agent", "party", modifiers=("foreign",)), units), foreign)
    assert said is None or not said.firm
    # A thing said with a "no" takes in no named man ("not a single weapon had left").
    no_weapon = Arg("agent", "weapon", none=True)
    left = clause("leave", arg("agent", "rubaii", "ent-r", "person"), arg("patient", "headquarters"))
    said = compare(clause("leave", no_weapon, arg("patient", "depot"), sign=-1), left)
    assert said is None or not said.firm
    # ... and against a doer told only by a description ("gunmen took him") it says nothing.
    gunmen = clause("arrest", arg("agent", "gunman"), marwan)
    said = compare(clause("arrest", no_agency, marwan, sign=-1), gunmen)
    assert said is None or not said.firm


def test_gunmen_are_no_unit_s_men():
    lawyer = arg("patient", "obeidi", "ent-o", "person")
    battalion = arg("agent", "battalion")
    assert agreement(battalion, arg("agent", "fighter")) > 0  # "the battalion" and "its fighters"
    assert agreement(battalion, arg("agent", "gunman")) <= 0
    said = compare(clause("seize", arg("agent", "gunman"), lawyer), clause("seize", battalion, lawyer))
    assert said is None or not said.agreeable


def test_what_names_the_doing_is_not_a_thing_it_was_done_to():
    # "denied that the brigade carried out the strike" / "the drone was launched by the
    # brigade": the strike and the drone say what was done, not two things it was done to.
    brigade = arg("agent", "brigade", "ent-b", "organization")
    carried = clause("carry out", brigade, arg("patient", "strike"), sign=-1)
    launched = clause("launch", brigade, arg("patient", "drone"))
    said = compare(carried, launched)
    assert said is not None and said.firm and said.opposite is False
    # Another doer is still another proposition.
    other = clause("launch", arg("agent", "battalion", "ent-c", "organization"), arg("patient", "drone"))
    assert compare(carried, other) is None
    # What both say was done still counts as agreeing: "two gunmen opened fire" / "four gunmen
    # opened fire" disagree on the gunmen.
    two = clause("open", arg("agent", "gunman", figure=Figure(2, 2)), arg("patient", "fire"))
    four = clause("open", arg("agent", "gunman", figure=Figure(4, 4)), arg("patient", "fire"))
    said = compare(two, four)
    assert said is not None and said.reason == "figures"


def test_two_counts_of_one_load_dispute_it_whatever_verb_tells_them():
    pills = Figure(4_600_000, 4_600_000)
    seized = clause("seize", arg("agent", "army"), arg("patient", "pill", figure=pills))
    held = clause("contain", arg("agent", "container"),
                  arg("patient", "pill", figure=Figure(6_000_000, 6_000_000)))
    assert relation(seized, held) is None and goods_counts(seized, held) is not None
    # Not an "about" that holds both, not another kind of goods, not a denial.
    about = clause("contain", arg("patient", "pill", figure=Figure(4_000_000, 5_000_000)))
    assert goods_counts(seized, about) is None
    assert goods_counts(seized, clause("seize", arg("patient", "rifle", figure=Figure(90, 90)))) is None
    denied = clause("contain", arg("patient", "pill", figure=Figure(1, 1)), sign=-1)
    assert goods_counts(seized, denied) is None


def test_a_bomb_planted_and_a_shell_fired_are_two_attacks():
    group = Arg("agent", "fajr", "ent-fajr", "organization")
    planted = clause("plant", group, Arg("patient", "bomb"))
    fired = clause("fire", group, Arg("patient", "shell"), Arg("at", "village"))
    attacked = clause("carry out", group, Arg("patient", "attack"))
    assert relation(planted, fired) == "same"  # each is "the attack" ...
    assert compare(planted, fired, shared_entities=True) is None  # ... but not one attack
    # The attack told without how it was made may be either.
    assert compare(planted, attacked, shared_entities=True) is not None
    assert compare(fired, clause("fire", group, Arg("patient", "mortar")), shared_entities=True) is not None


def test_what_a_report_says_of_itself_is_no_proposition():
    outlet = Arg("agent", "hub", "ent-hub", "organization")
    page = clause("update", outlet, Arg("patient", "page"))
    assert compare(page, clause("update", outlet, Arg("patient", "page")), shared_entities=True) is None
    gathered = clause("gather", outlet, Arg("patient", "report"), Arg("on", "arrest"))
    assert compare(gathered, clause("gather", outlet, Arg("patient", "report")), shared_entities=True) is None
    # Reports as what is done otherwise: "published articles about shortages" is a doing.
    published = clause("publish", Arg("agent", "he", "ent-reporter", "person"), Arg("patient", "article"))
    assert compare(published, published, shared_entities=True) is not None


def test_a_habit_is_not_one_dated_happening_but_agrees_with_the_habit():
    drones = Arg("agent", "drone")
    habit = Clause("strike", (drones, Arg("patient", "vehicle")), modality="habitual")
    tuesday = Clause("strike", (drones, Arg("patient", "car")), days=frozenset({"2027-04-06"}))
    assert compare(habit, tuesday, shared_entities=True) is None
    critic = Arg("agent", "jubouri", "ent-jubouri", "person")
    often = Clause("criticise", (critic, Arg("patient", "brigade")), modality="habitual")
    has = Clause("criticise", (critic, Arg("patient", "brigade")))
    assert compare(often, has) is not None  # "had repeatedly criticised" / "has criticised"


def test_carrying_out_the_bombing_is_planting_not_firing():
    group = Arg("agent", "fajr", "ent-fajr", "organization")
    bombed = clause("carry out", group, Arg("patient", "bombing"))
    fired = clause("fire", group, Arg("patient", "shell"))
    assert compare(bombed, fired, shared_entities=True) is None


def test_two_counts_agree_only_as_one_count():
    def killed(figure, noun="people"):
        return clause("kill", Arg("patient", noun, figure=figure), Arg("in", "basra", "ent-basra", "place"))

    nine, at_least_five = killed(Figure(9, 9)), killed(Figure(5, None))
    said = compare(nine, at_least_five, shared_entities=True)
    assert said is not None and not said.agreeable  # both can hold; neither says the other
    assert compare(killed(Figure(5, None)), at_least_five, shared_entities=True).agreeable
    about = killed(Figure(3680000, 5520001), "pill")
    assert compare(about, killed(Figure(4600000, 4600000), "pill"), shared_entities=True).agreeable
    # A count of other things: "four members of one family" and "three people".
    assert not compare(killed(Figure(4, 4), "member"), killed(Figure(3, 3)), shared_entities=True).agreeable


def test_a_load_measured_two_ways_is_two_counts_of_it():
    # "The tanker was carrying 1.2 million litres of diesel" / "put the cargo at 900,000 litres".
    carried = clause("carry", arg("agent", "tanker"),
                     arg("patient", "litre", modifiers=["diesel"], figure=Figure(1_200_000, 1_200_000)))
    put = clause("be", arg("agent", "cargo"), arg("attribute", "litre", figure=Figure(900_000, 900_000)))
    assert a_load(put) and not a_load(carried)
    assert goods_counts(carried, put, measured=True) == "litre 1200000 against 900000"
    assert keys(carried) & keys(put) == {("measure", "litre")}
    # Litres of two goods are two loads; so are pills against litres.
    kerosene = clause("be", arg("agent", "cargo"),
                      arg("attribute", "litre", modifiers=["kerosene"], figure=Figure(900_000, 900_000)))
    milk = clause("carry", arg("agent", "tanker"),
                  arg("patient", "litre", modifiers=["milk"], figure=Figure(1_200_000, 1_200_000)))
    assert goods_counts(milk, kerosene, measured=True) is None
    pills = clause("carry", arg("agent", "truck"), arg("patient", "pill", figure=Figure(900_000, 900_000)))
    assert goods_counts(carried, pills, measured=True) is None


def test_a_load_named_for_its_goods_may_be_them():
    network = arg("to", "network", modifiers=["ramthani"])
    shipment = clause("belong", arg("agent", "shipment"), network)
    drugs = clause("belong", arg("agent", "drug"), network)
    trucks = clause("belong", arg("agent", "truck"), network)
    assert agreement(arg("agent", "shipment"), arg("agent", "drug")) == 0
    said = compare(shipment, drugs, shared_entities=True)
    assert said is not None and said.agreeable
    said = compare(shipment, trucks, shared_entities=True)  # the trucks are not the load
    assert said is None or not said.agreeable


def test_money_taken_from_those_who_pass_is_one_doing_however_told():
    charged = clause("charge", arg("agent", "fighter"), arg("patient", "dollar", figure=Figure(500, 500)))
    took = clause("take", arg("agent", "fighter"), arg("patient", "pound"), arg("from", "driver"), sign=-1)
    levied = clause("levy", arg("agent", "fighter"), arg("patient", "fee"))
    accused = clause("charge", arg("agent", "governor"), arg("patient", "commander"))
    assert relation(charged, took) == relation(levied, took) == "same"
    assert relation(charged, accused) == "same"  # one word: what it takes tells them apart
    assert compare(charged, accused) is None
    trucks = clause("charge", arg("agent", "fighter"), arg("patient", "truck"))  # "charged aid trucks"
    assert relation(trucks, took) == "same" and relation(accused, took) is None


def test_crossing_into_a_place_is_one_doing_however_told():
    entered = clause("enter", arg("agent", "tanker"), arg("from", "iran"))
    rolled = clause("roll in", arg("agent", "tanker"), arg("at", "night"))
    crossed = clause("cross", arg("agent", "tanker"), sign=-1)
    left = clause("leave", arg("agent", "tanker"))
    assert relation(entered, rolled) == relation(entered, crossed) == "same"
    assert relation(entered, left) is None
    said = compare(entered, crossed, shared_entities=True)
    assert said is not None and said.firm and not said.opposite  # (the sign tells "no tanker crossed")


def test_homes_entered_by_force_are_raided_however_told():
    raided = clause("raid", arg("agent", "fighter"), arg("patient", "home"))
    entered = clause("enter", arg("agent", "fighter"), arg("patient", "house"), sign=-1)  # "entered no house"
    broke = clause("break", arg("agent", "man"), arg("into", "home"))
    assert relation(raided, entered) == relation(raided, broke) == "same"
    assert relation(raided, clause("enter", arg("agent", "tanker"), arg("from", "iran"))) is None


def test_goods_hidden_and_a_vehicle_chased_are_one_doing_however_told():
    pills = arg("patient", "pill")
    assert relation(clause("hide", pills), clause("conceal", pills)) == "same"
    tankers = arg("patient", "tanker")
    assert relation(clause("pursue", tankers), clause("chase", tankers)) == "same"
    assert relation(clause("pursue", tankers), clause("follow", tankers)) is None
