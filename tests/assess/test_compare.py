"""The comparison of statements on hand-built statements (no model, no store)."""

from dataclasses import replace

from crosscheck.assess.clauses import Arg, Clause
from crosscheck.assess.compare import (
    EventFact,
    Figure,
    Statement,
    back_topic,
    compare,
    content_words,
    event_agrees,
    independence,
    points_back_words,
    risen_to,
    same_event,
    stem,
    updated,
)


def claim(id_, doc, outlet, source, text, stance="asserts", kind="named", entities=(), cited=(), start=0):
    return Statement(id_, doc, outlet, source, kind, stance, (start, start + len(text)), text,
                     entities=frozenset(entities), cited=frozenset(cited))


def fact(id_, doc, outlet, event, text="", start=0):
    return Statement(id_, doc, outlet, f"outlet:{outlet.lower()}", "outlet", "asserts", (start, start + 50),
                     text or "a car bomb exploded", events=[event], kind="fact")


def found(statements):
    return {(p.kind, p.a, p.b, p.reason, p.independence) for p in compare(statements)}


BRIGADE = "ent-brigade"


def test_two_outlets_saying_the_same_corroborate_independently():
    a = claim("c1", "d1", "Tigris Post", "anonymous:d1:two police officers",
              "the brigade was trained by instructors from abroad", kind="anonymous", entities=[BRIGADE])
    b = claim("c2", "d2", "Babil Daily", "anonymous:d2:an officer",
              "the brigade had been trained by foreign instructors", kind="anonymous", entities=[BRIGADE])
    assert found([a, b]) == {("corroboration", "c1", "c2", "same", "independent")}


def test_two_anonymous_officials_in_one_article_are_weak_and_a_citation_is_no_corroboration():
    a = claim("c1", "d1", "Tigris Post", "anonymous:d1:a police officer",
              "the brigade was trained by foreign instructors", kind="anonymous", entities=[BRIGADE])
    b = claim("c2", "d1", "Tigris Post", "anonymous:d1:an intelligence officer",
              "foreign instructors trained the brigade", kind="anonymous", entities=[BRIGADE], start=200)
    c = claim("c3", "d3", "Babil Daily", "outlet:tigris post",
              "the brigade was trained by foreign instructors", kind="outlet", entities=[BRIGADE],
              cited=["outlet:tigris post"])
    pairs = found([a, b, c])
    assert ("corroboration", "c1", "c2", "same", "weak") in pairs
    assert ("corroboration", "c1", "c3", "same", "none") in pairs


def sold(sign=1, commander="ent-commander"):
    return Clause("sell", (Arg("agent", "commander", commander, "person"), Arg("patient", "weapon"),
                           Arg("to", "trader")), sign)


def test_a_denial_and_a_negated_content_contradict_the_assertion():
    a = claim("c1", "d1", "Tigris Post", "entity:governor",
              "the commander sold seized weapons to traders", entities=["ent-commander"])
    b = claim("c2", "d2", "Babil Daily", "entity:commander",
              "that he sold seized weapons to traders", stance="denies", entities=["ent-commander"])
    c = claim("c3", "d3", "Babil Daily", "entity:ministry",
              "the commander never sold seized weapons to traders", entities=["ent-commander"])
    a.clauses, b.clauses, c.clauses = [sold()], [sold()], [sold(sign=-1)]
    pairs = found([a, b, c])
    assert ("contradiction", "c1", "c2", "denial", "independent") in pairs
    assert ("contradiction", "c1", "c3", "denial", "independent") in pairs
    # The denial and the negated statement say the same: they corroborate.
    assert ("corroboration", "c2", "c3", "same", "independent") in pairs


def test_without_clauses_the_same_words_corroborate_but_a_not_contradicts_nothing():
    # A workspace stored before propositions: words alone are too little to call a denial.
    a = claim("c1", "d1", "Tigris Post", "entity:governor",
              "the commander sold seized weapons to traders", entities=["ent-commander"])
    b = claim("c2", "d2", "Babil Daily", "entity:ministry",
              "the commander never sold seized weapons to traders", entities=["ent-commander"])
    c = claim("c3", "d3", "Babil Daily", "entity:officer",
              "the commander sold the seized weapons to traders", entities=["ent-commander"])
    pairs = found([a, b, c])
    assert ("corroboration", "c1", "c3", "same", "independent") in pairs
    assert not [p for p in pairs if p[0] == "contradiction"]


def test_a_fragment_is_not_compared_with_a_clause():
    a = claim("c1", "d1", "Tigris Post", "entity:a", "the commander sold seized weapons to traders",
              entities=["ent-commander"])
    a.clauses = [sold()]
    b = claim("c2", "d2", "Babil Daily", "entity:b", "seized weapons sold to traders by the commander",
              entities=["ent-commander"])  # no clause: the parse gave none
    assert found([a, b]) == set()


def test_a_denial_that_points_back_denies_the_claim_before_it():
    a = claim("c1", "d1", "Tigris Post", "entity:governor", "the commander sold seized weapons")
    b = claim("c2", "d1", "Tigris Post", "entity:commander", "the claim", stance="denies", start=300)
    assert found([a, b]) == {("contradiction", "c1", "c2", "denial", "independent")}
    # ... and so does one that says what it calls the claim ("dismissed the charge as fabrication").
    c = claim("c3", "d1", "Tigris Post", "entity:commander", "the charge as fabrication", stance="denies",
              start=300)
    assert found([a, c]) == {("contradiction", "c1", "c3", "denial", "independent")}
    assert not points_back_words("the sale as a private matter")


def test_a_denial_that_points_back_at_what_was_claimed_answers_that_claim():
    # "X denied the accusations of smuggling oil in a telephone call with the paper": the
    # claim of smuggling, not the claim said last.
    assert back_topic("the accusations of smuggling oil") == {stem("smuggling"), stem("oil")}
    assert back_topic("the accusations in a telephone call with Sada al-Sahil") == frozenset()
    assert back_topic("the levy allegations as fabrication") == {stem("levy")}
    assert back_topic("reports that his men collect fees") is None
    assert back_topic("holding them") is None
    smuggled = claim("c1", "d1", "Tigris Post", "entity:governor", "the brigade smuggles oil to Turkey")
    toll = claim("c2", "d1", "Tigris Post", "entity:doctor", "the checkpoint was moved to the bridge",
                 start=100)
    denial = claim("c3", "d1", "Tigris Post", "entity:commander", "the accusations of smuggling oil",
                   stance="denies", start=300)
    assert found([smuggled, toll, denial]) == {("contradiction", "c1", "c3", "denial", "independent")}
    # Where nothing before it is about what it names, it answers nothing in its report ...
    denial = claim("c3", "d1", "Tigris Post", "entity:commander", "the accusations of extortion",
                   stance="denies", start=300)
    assert found([smuggled, toll, denial]) == set()
    # ... but it answers what another report of its story says of it.
    denial = claim("c4", "d2", "Babil Daily", "entity:commander", "the accusations of smuggling oil",
                   stance="denies")
    assert found([toll, denial, smuggled]) == set()  # (two stories)
    denial.story, smuggled.story = frozenset({"d1"}), frozenset({"d2"})
    assert found([toll, denial, smuggled]) == {("contradiction", "c1", "c4", "denial", "independent")}


def test_what_a_denial_quotes_someone_saying_is_not_turned_by_it():
    # "The commander denied the accusations, with his spokesman saying he had never sold a
    # weapon": the spokesman's "never sold" is said as it stands, not turned again.
    a = claim("c1", "d1", "Tigris Post", "entity:governor", "the commander sold seized weapons",
              entities=["ent-commander"])
    a.clauses = [sold()]
    b = claim("c2", "d2", "Babil Daily", "entity:ent-commander",
              "the accusations, with his spokesman saying he had never sold a weapon", stance="denies",
              entities=["ent-commander"])
    b.clauses = [replace(sold(sign=-1), reported=True)]
    assert found([a, b]) == {("contradiction", "c1", "c2", "denial", "independent")}
    # Were they the commander's own words, the denial would turn them.
    assert b.signed(b.clauses[0]) == -1 and b.signed(sold(sign=-1)) == 1
    # A denial that points back answers all the accusation says, what its source quotes too.
    a.clauses = [replace(sold(), reported=True)]
    c = claim("c3", "d1", "Tigris Post", "entity:ent-commander", "the charge as fabrication",
              stance="denies", start=300)
    assert found([a, c]) == {("contradiction", "c1", "c3", "denial", "independent")}
    assert [c.signed(x) for x in c.clauses] == [-1]


def test_a_bare_denial_of_involvement_answers_who_did_something_before_it():
    # "The governor said the commander sold seized weapons; the toll was 12. The brigade's
    # spokesman denied any involvement in a statement": the sale is denied, not the toll.
    a = claim("c1", "d1", "Tigris Post", "entity:governor", "the commander sold seized weapons",
              entities=["ent-commander"])
    a.clauses = [sold()]
    toll = claim("c2", "d1", "Tigris Post", "entity:doctor", "twelve people were killed", start=100)
    b = claim("c3", "d1", "Tigris Post", "entity:spokesman", "any involvement in a Telegram statement",
              stance="denies", start=300)
    assert found([a, toll, b]) == {("contradiction", "c1", "c3", "denial", "independent")}
    assert points_back_words("any role") and points_back_words("all responsibility, in a statement")
    assert not points_back_words("any role in the attack")


def test_the_accused_answers_what_he_is_accused_of_not_the_claim_said_last():
    a = claim("c1", "d1", "Tigris Post", "entity:governor", "the commander of selling seized weapons",
              stance="alleges", entities=["commander"])
    b = claim("c2", "d1", "Tigris Post", "entity:police", "a committee would investigate the leak", start=100)
    c = claim("c3", "d1", "Tigris Post", "entity:commander", "the accusation", stance="denies", start=300)
    assert found([a, b, c]) == {("contradiction", "c1", "c3", "denial", "independent")}
    # A denier no claim names takes the claim said last.
    d = claim("c4", "d1", "Tigris Post", "entity:spokesman", "the accusation", stance="denies", start=300)
    assert found([a, b, d]) == {("contradiction", "c2", "c4", "denial", "independent")}


def test_only_the_first_proposition_decides_the_polarity():
    assert content_words("nine people were killed, and that investigators had found no evidence")[1] is False
    assert content_words("his ministry did not train the fighters")[1] is True
    assert content_words("it is not true that he never went")[1] is False
    assert content_words("neither the nominee nor her campaign helped her")[1] is True
    # A bound on a figure denies nothing.
    assert content_words("the brigade has no more than 1,800 fighters")[1] is False
    assert content_words("not less than ten were killed, and none was armed")[1] is False
    # A verb that denies inside the content counts as a negation.
    assert content_words("the ministry had denied that foreign instructors trained the brigade")[1] is True


def bombing(id_, killed, date="2025-03-03", place="ent-hilla", update=False, report_date="2025-03-04"):
    return EventFact(id_, "die", frozenset([place]), date, "day", report_date, {"killed": killed}, update)


def test_conflicting_figures_of_one_event_contradict_and_a_bound_agrees():
    a = fact("e1", "d1", "Tigris Post", bombing("e1", Figure(14, 14)))
    b = fact("e2", "d2", "Babil Daily", bombing("e2", Figure(17, 17)))
    c = fact("e3", "d3", "Hilla Herald", bombing("e3", Figure(12, None)))  # "at least 12"
    pairs = found([a, b, c])
    assert ("contradiction", "e1", "e2", "figures", "independent") in pairs
    assert not [p for p in pairs if p[0] == "contradiction" and "e3" in p[1:3]]


def test_a_toll_that_rose_is_an_update_and_another_day_another_event():
    a = fact("e1", "d1", "Tigris Post", bombing("e1", Figure(14, 14)))
    b = fact("e2", "d2", "Tigris Post", bombing("e2", Figure(17, 17), update=True))
    c = fact("e3", "d3", "Babil Daily",
             bombing("e3", Figure(5, 5), date="2025-03-20", report_date="2025-03-21"))
    assert not [p for p in found([a, b, c]) if p[0] == "contradiction"]
    # A rise reported before the other count is no update of it.
    d = fact("e4", "d4", "Babil Daily", bombing("e4", Figure(19, 19), report_date="2025-03-06"))
    assert ("contradiction", "e2", "e4", "figures", "independent") in found([b, d])
    # A toll risen to 13 is no rise from 16: the two counts dispute each other. (The rise is
    # of the count its verb takes, not of another count in its sentence.)
    e = fact("e5", "d5", "Babil Daily", bombing("e5", Figure(16, 16)))
    risen = fact("e6", "d6", "Tigris Post", replace(bombing("e6", Figure(13, 13), update=True), risen=13))
    assert ("contradiction", "e5", "e6", "figures", "independent") in found([e, risen])
    other = fact("e7", "d7", "Tigris Post", replace(bombing("e7", Figure(2, 2), update=True), risen=13))
    assert not [p for p in found([e, other]) if p[0] == "contradiction"]  # "after two of the wounded died"


def test_a_verb_of_rising_makes_an_update_only_where_it_takes_the_figure():
    assert updated("The death toll from the blast has risen to 14 after three of the wounded died")
    assert updated("the number of martyrs had reached eleven")
    assert updated("the toll rose sharply to 17, a medic said")
    assert updated("Two of the wounded later died in hospital")  # a word of its own
    # Translated "rose as martyrs", a spokesman not reached, a truce reached: no figure risen.
    assert not updated("Four heroes of the border guards rose as martyrs in the attack")
    assert not updated("Six people were killed; the governor could not be reached for comment")
    assert not updated("Three men died before a truce was reached on Tuesday")
    assert not updated("Prices rose by about a third after seven traders were detained")
    # Only the verb that takes the figure is a rise: "since" is an update's word, not a rise.
    assert risen_to("The death toll from the blast has risen to 14") == 14
    assert not risen_to("the force has about 2,000 men, a figure that had doubled since last winter")


def killed(n):
    return Clause("kill", (Arg("patient", "people", figure=Figure(n, n)), Arg("near", "ranya", "ent-ranya")))


def test_a_count_in_a_clause_that_has_risen_since_is_an_update_not_a_dispute():
    a = claim("c1", "d1", "Tigris Post", "anonymous:d1:a security source",
              "A drone struck a car near Ranya, killing three people", kind="anonymous",
              entities=["ent-ranya"])
    b = claim("c2", "d2", "Tigris Post", "anonymous:d2:a medical source",
              "The number of people killed in the strike near Ranya has risen to four", kind="anonymous",
              entities=["ent-ranya"])
    a.clauses, b.clauses = [killed(3)], [killed(4)]
    assert not [p for p in found([a, b]) if p[0] == "contradiction"]
    # Told as the count, not a rise, the two counts dispute each other.
    c = claim("c3", "d3", "Babil Daily", "anonymous:d3:a police source",
              "four people were killed in the strike near Ranya", kind="anonymous", entities=["ent-ranya"])
    c.clauses = [killed(4)]
    assert ("contradiction", "c1", "c3", "figures", "independent") in found([a, c])


def test_an_undated_toll_in_a_later_roundup_is_of_the_dated_happening():
    dated = bombing("e1", Figure(12, 12), date="2025-03-03", report_date="2025-03-04")
    # A weekly's "19 people were killed", nine days on, with no day of its own.
    roundup = bombing("e2", Figure(19, 19), date=None, report_date="2025-03-12")
    assert same_event(dated, roundup)
    assert not same_event(dated, replace(roundup, report_date="2025-03-25"))  # three weeks on
    assert not same_event(dated, replace(roundup, report_date="2025-02-20"))  # reported well before it


def test_one_day_for_a_happening_known_by_its_reports_area_agrees_across_reports():
    # "The governor removed him on Sunday" in two reports about the district: no place or
    # person of their own, the area their reports give it.
    removed = EventFact("e1", "dismissal", date="2025-03-02", precision="day", report_date="2025-03-03",
                        area=frozenset({"ent-tuz"}))
    again = replace(removed, id="e2", report_date="2025-03-05")
    assert event_agrees(removed, again) == "same day: 2025-03-02"
    assert event_agrees(removed, again, loose=False) is None  # within one report, two mentions
    elsewhere = replace(again, area=frozenset({"ent-kirkuk"}))
    assert event_agrees(removed, elsewhere) is None


def test_one_exact_count_in_reports_set_in_one_province_agrees():
    six = EventFact("e1", "die", frozenset({"ent-qasr"}), None, None, "2025-03-14", {"killed": Figure(6, 6)},
                    setting=frozenset({"gz:hermel"}))
    again = replace(six, id="e2", places=frozenset({"~hospital"}), report_date="2025-03-15")
    assert not same_event(six, again) and event_agrees(six, again) == "same figures: killed 6"
    assert event_agrees(six, replace(again, setting=frozenset({"gz:akkar"}))) is None  # set elsewhere
    assert event_agrees(six, replace(again, report_date="2025-03-30")) is None  # weeks apart
    two = {"killed": Figure(2, 2)}
    assert event_agrees(replace(six, figures=two), replace(again, figures=two)) is None  # too common


def test_one_event_on_two_days_is_a_date_contradiction():
    a = fact("e1", "d1", "Tigris Post", bombing("e1", Figure(14, 14), date="2025-03-03"))
    b = fact("e2", "d2", "Babil Daily", bombing("e2", Figure(14, 14), date="2025-03-04"))
    assert ("contradiction", "e1", "e2", "date", "independent") in found([a, b])
    # Across reports, one happening known only by its reports' area is put on two days too;
    # within one report that takes a place or participant of its own.
    area = replace(bombing("e3", Figure(14, 14), date="2025-03-04", place="ent-elsewhere"),
                   places=frozenset(), area=frozenset({"ent-hilla"}))
    c = fact("e3", "d3", "Babil Daily", area)
    assert ("contradiction", "e1", "e3", "date", "independent") in found([a, c])
    same_report = fact("e4", "d1", "Tigris Post", replace(area, id="e4"), start=300)
    assert not [p for p in found([a, same_report]) if p[3] == "date"]


def test_an_aggregators_two_relayed_accounts_of_one_happening_may_dispute_its_date():
    area = replace(bombing("e1", Figure(6, 6), date="2025-03-07"), places=frozenset(),
                   area=frozenset({"ent-qasr"}))
    a = fact("e1", "d1", "Marsad News", area)
    b = fact("e2", "d1", "Marsad News", replace(area, id="e2", date="2025-03-08"), start=300)
    a.kind = b.kind = "claim"
    a.source, b.source = "outlet:orontes wire", "outlet:levant tribune"
    assert not [p for p in found([a, b]) if p[3] == "date"]  # two happenings of a roundup, for all it knows
    a.cited, b.cited = frozenset({"orontes wire"}), frozenset({"levant tribune"})
    assert [p[:4] for p in found([a, b])] == [("contradiction", "e1", "e2", "date")]


def test_independence_of_one_source_twice_is_none():
    a = claim("c1", "d1", "Tigris Post", "entity:governor", "x")
    b = claim("c2", "d2", "Babil Daily", "entity:governor", "y")
    assert independence(a, b) == "none"


def test_two_shared_words_without_an_entity_in_common_are_a_topic_not_an_assertion():
    a = claim("c1", "d1", "Tigris Post", "entity:a", "he should release his returns")
    b = claim("c2", "d2", "Babil Daily", "entity:b", "nominees must release their returns")
    c = claim("c3", "d3", "Babil Daily", "entity:c", "Romney released his returns", entities=["ent-x"])
    d = claim("c4", "d4", "Tigris Post", "entity:d", "Romney released returns late", entities=["ent-x"])
    pairs = found([a, b, c, d])
    assert ("corroboration", "c3", "c4", "same", "independent") in pairs
    assert not [p for p in pairs if "c1" in p[1:3] and "c2" in p[1:3]]


def test_a_roundup_of_two_happenings_in_one_report_is_no_contradiction():
    june = EventFact("e1", "die", frozenset(["ent-zubair"]), "2025-06", "month", "2025-12-09",
                     {"killed": Figure(9, 9)}, area=frozenset(["ent-zubair", "ent-safwan"]))
    november = EventFact("e2", "die", frozenset(["ent-safwan"]), "2025-11", "month", "2025-12-09",
                         {"killed": Figure(5, 5)}, area=frozenset(["ent-zubair", "ent-safwan"]))
    a = fact("e1", "d1", "Tigris Post", june)
    b = claim("c2", "d1", "Tigris Post", "anonymous:d1:officials", "five people were killed at Safwan",
              start=300)
    b.events.append(november)
    assert not [p for p in found([a, b]) if p[0] == "contradiction"]
    # Nor across reports: June and November are two happenings, not a date in dispute.
    c = fact("e3", "d3", "Babil Daily", november)
    assert not [p for p in found([a, c]) if p[0] == "contradiction"]


def test_without_does_not_negate_what_was_done():
    assert content_words("the army unit was withdrawn without consulting us")[1] is False


def attack(id_, place, region=(), day="2025-03-21", target="~army checkpoint", asserted=True):
    return EventFact(id_, "attack", frozenset([place]), day, "day", "2025-03-22",
                     participants=frozenset([target]), people=frozenset([target]),
                     place_names=frozenset([place]), regions=frozenset(region), provinces=frozenset(region),
                     asserted=asserted)


def test_one_target_on_one_day_in_two_towns_of_one_province_is_a_place_conflict():
    mahawil = fact("e1", "d1", "Babil Observer", attack("e1", "gz:mahawil", ["gz:babil"]))
    musayyib = fact("e2", "d2", "Sawt al-Janub", attack("e2", "gz:musayyib", ["gz:babil"]))
    assert ("contradiction", "e1", "e2", "place", "independent") in found([mahawil, musayyib])
    # A place and the province it lies in: no conflict.
    province = fact("e3", "d3", "Levant Newswire", attack("e3", "gz:babil"))
    assert not [p for p in found([mahawil, province]) if p[0] == "contradiction"]
    # Another day, or another province: two happenings.
    other_day = fact("e4", "d4", "Levant Newswire",
                     attack("e4", "gz:musayyib", ["gz:babil"], day="2025-03-14"))
    elsewhere = fact("e5", "d5", "Levant Newswire", attack("e5", "gz:kut", ["gz:wasit"]))
    assert not [p for p in found([mahawil, other_day, elsewhere]) if p[0] == "contradiction"]


def test_two_targets_are_two_happenings_and_a_reference_tells_no_date():
    checkpoint = fact("e1", "d1", "Babil Observer", attack("e1", "gz:musayyib", ["gz:babil"]))
    farm = fact("e2", "d2", "Furat Press Agency", attack("e2", "gz:musayyib", ["gz:babil"], day="2025-03-20",
                                                         target="~farm"))
    assert not [p for p in found([checkpoint, farm]) if p[0] == "contradiction"]
    # "the March 20 checkpoint attack": the date of a reference is not a date in dispute.
    mentioned = fact("e3", "d3", "Gulf Ledger", attack("e3", "gz:musayyib", ["gz:babil"], day="2025-03-20",
                                                       asserted=False))
    assert not [p for p in found([checkpoint, mentioned]) if p[0] == "contradiction"]


def test_soldiers_and_militants_killed_are_two_counts():
    def deaths(id_, n, victims):
        return EventFact(id_, "die", frozenset(["gz:mahawil"]), "2025-03-21", "day", "2025-03-22",
                         {"killed": Figure(n, n)}, victims=frozenset(victims))
    soldiers = fact("e1", "d1", "Babil Observer", deaths("e1", 3, ["soldier"]))
    more_soldiers = fact("e2", "d2", "Levant Newswire", deaths("e2", 4, ["soldier"]))
    militants = fact("e3", "d3", "Levant Newswire", deaths("e3", 2, ["militant"]))
    pairs = found([soldiers, more_soldiers, militants])
    assert ("contradiction", "e1", "e2", "figures", "independent") in pairs
    assert not [p for p in pairs if "e3" in p[1:3]]


def test_a_target_with_its_force_on_one_side_only_is_one_target():
    with_force = attack("e1", "gz:hajj ali", target="~vehicle/army")
    without = attack("e2", "gz:gwer", target="~vehicle")
    police = attack("e3", "gz:gwer", target="~vehicle/police")
    assert same_event(with_force, without)  # provinces unknown on either side: nothing says elsewhere
    assert not same_event(with_force, police)  # an army convoy is not a police one


def test_people_hit_and_the_post_they_stood_at_may_be_one_happening():
    # "an attack on Iraq's frontier force" and "rockets hit a border guard post": who was hit
    # and where they stood; a post and a farm are still two.
    force = attack("e1", "gz:husaybah", target="~fighter")
    post = attack("e2", "gz:husaybah", target="~post/border")
    farm = attack("e3", "gz:husaybah", target="~farm")
    assert same_event(force, post)
    assert not same_event(post, farm)


def test_a_death_told_as_died_does_not_dispute_the_attacks_date():
    # "two of the wounded guards died in hospital on Tuesday", after a Sunday attack.
    sunday = attack("e1", "gz:husaybah", day="2025-03-02", target="~post/border")
    died = replace(attack("e2", "gz:husaybah", day="2025-03-04", target="~post/border"),
                   type="die", later=True)
    assert not [p for p in found([fact("e1", "d1", "Tigris Post", sunday),
                                  fact("e2", "d2", "Babil Daily", died)]) if p[0] == "contradiction"]
    # The attack itself told on two days is a date in dispute.
    monday = attack("e3", "gz:husaybah", day="2025-03-03", target="~post/border")
    assert ("contradiction", "e1", "e3", "date", "independent") in found(
        [fact("e1", "d1", "Tigris Post", sunday), fact("e3", "d3", "Babil Daily", monday)])


def test_a_count_only_referred_to_disputes_no_figure():
    # "The two guards who died on Tuesday were buried": a reference, not the toll.
    toll = bombing("e1", Figure(3, 3))
    buried = replace(bombing("e2", Figure(2, 2)), asserted=False)
    assert not [p for p in found([fact("e1", "d1", "Tigris Post", toll),
                                  fact("e2", "d2", "Babil Daily", buried)]) if p[0] == "contradiction"]
    # A toll told through its noun ("put the death toll from the clashes at eleven") is told,
    # though the happening is only referred to.
    put = replace(bombing("e3", Figure(11, 11)), asserted=False, counted=True)
    assert ("contradiction", "e1", "e3", "figures", "independent") in found(
        [fact("e1", "d1", "Tigris Post", toll), fact("e3", "d3", "Babil Daily", put)])


def test_happenings_told_with_no_place_on_one_day_in_reports_set_in_one_province_are_one():
    # "Six people were killed on Tuesday" / "Six people died in Tuesday's fighting", in two
    # reports from Basra province, neither saying where in the sentence.
    def deaths(id_, setting, day="2025-03-04"):
        return EventFact(id_, "die", frozenset(), day, "day", "2025-03-05", {"killed": Figure(6, 6)},
                         setting=frozenset(setting))
    one, two = deaths("e1", ["gz:basra"]), deaths("e2", ["gz:basra", "gz:maysan"])
    assert same_event(one, two)
    assert not same_event(one, deaths("e3", ["gz:wasit"]))  # set elsewhere
    assert not same_event(one, deaths("e4", ["gz:basra"], day="2025-03-03"))  # another day
    # One says where (Qurna, in Basra province), the other does not.
    qurna = replace(deaths("e5", ["gz:basra"]), places=frozenset(["gz:qurna"]),
                    provinces=frozenset(["gz:basra"]))
    kut = replace(deaths("e6", ["gz:basra"]), places=frozenset(["gz:kut"]), provinces=frozenset(["gz:wasit"]))
    assert same_event(one, qurna) and not same_event(one, kut)


def test_accounts_with_nothing_in_common_but_their_reports_story_are_one_happening():
    # "the four drivers were detained" / "three drivers had been arrested", in two outlets'
    # reports on one seizure, neither saying where the arrests were.
    def arrests(id_, report, story, count, **given):
        return EventFact(id_, "arrest", report_date="2025-05-06", figures={"arrested": Figure(count, count)},
                         report=report, story=frozenset(story), **given)
    four, three = arrests("e1", "d1", ["d2"], 4), arrests("e2", "d2", ["d1"], 3)
    assert same_event(four, three) and not same_event(four, three, loose=False)
    a = fact("s1", "d1", "Badiya Press", four)
    b = fact("s2", "d2", "Jazira Courier", three)
    assert ("contradiction", "s1", "s2", "figures", "independent") in found([a, b])
    # Reports that tell other stories (or one that tells several arrests: no story), or
    # accounts a week apart, in two provinces, of two named people, both placed: not one.
    assert not same_event(four, replace(three, story=frozenset()))
    assert not same_event(four, replace(three, report_date="2025-05-20"))
    assert not same_event(replace(four, provinces=frozenset(["gz:anbar"])),
                          replace(three, provinces=frozenset(["gz:nineveh"])))
    assert not same_event(replace(four, participants=frozenset(["ent-a"])),
                          replace(three, participants=frozenset(["ent-b"])))
    assert not same_event(replace(four, places=frozenset(["ent-qaim"]), place_names=frozenset(["al-Qaim"])),
                          replace(three, places=frozenset(["ent-rutba"]), place_names=frozenset(["Rutba"])))
    # One placed and one not, where the other's report puts its happenings: one.
    assert same_event(replace(four, places=frozenset(["ent-qaim"]), place_names=frozenset(["al-Qaim"])),
                      replace(three, area=frozenset(["ent-qaim"])))


def test_a_reports_own_background_does_not_make_its_subject_common():
    from crosscheck.assess.compare import common_entities

    def own(i):  # a sentence in a report's own voice that is no event
        return Statement(f"o{i}", f"d{i}", "Tigris Post", "outlet:tigris post", "outlet", "asserts", (0, 10),
                         "al-Saadi commands the brigade", entities=frozenset(["ent-saadi"]), kind="fact")

    said = [claim(f"c{i}", f"d{i}", "Tigris Post", f"anonymous:d{i}:an officer", "the brigade moved",
                  kind="anonymous") for i in range(100)]
    named = [claim(f"n{i}", f"d{i}", "Tigris Post", f"anonymous:d{i}:an officer", "al-Saadi sold rifles",
                   kind="anonymous", entities=["ent-saadi"]) for i in range(5)]
    assert "ent-saadi" not in common_entities(said + named + [own(i) for i in range(30)])
    # Said by sources that often, he is the corpus's subject.
    assert "ent-saadi" in common_entities(said + named * 6)


def test_one_arrest_told_on_one_day_in_two_kinds_of_place_is_a_place_conflict():
    # The arrest agrees (one person, one day, one town) but where he was taken does not.
    person = "ent-reporter"
    arrest = EventFact("e1", "arrest", frozenset({"ent-town"}), "2026-04-16", "day", "2026-04-17",
                       participants=frozenset({person}), people=frozenset({person}),
                       place_names=frozenset({"Chamchamal"}))
    a = claim("c1", "d1", "Kurdistan Post", "anonymous:d1:two relatives",
              "he was detained by officers at his home in Chamchamal on Thursday", entities=[person])
    b = claim("c2", "d2", "Erbil Courier", "entity:editor",
              "the reporter was detained by the security police at a checkpoint near Chamchamal on Thursday",
              entities=[person])
    a.events, b.events = [arrest], [replace(arrest, id="e2")]
    reporter = Arg("patient", "reporter", person, "person")
    a.clauses = [Clause("detain", (reporter, Arg("at", "home")))]
    b.clauses = [Clause("detain", (reporter, Arg("at", "checkpoint")))]
    assert found([a, b]) == {("contradiction", "c1", "c2", "place", "independent")}
    house = claim("c3", "d3", "Sulaymaniyah Times", "entity:lawyer",
                  "the reporter was detained at his house in Chamchamal on Thursday", entities=[person])
    house.events = [replace(arrest, id="e3")]
    house.clauses = [Clause("detain", (reporter, Arg("at", "house")))]
    assert found([a, house]) == {("corroboration", "c1", "c3", "same", "independent")}


def test_one_load_counted_two_ways_in_statements_about_one_thing_is_a_figures_dispute():
    port = "ent-port"
    a = claim("c1", "d1", "Orontes Wire", "anonymous:d1:a customs official",
              "the army seized about 4.6 million Captagon pills in the container at Tripoli port",
              entities=[port])
    b = claim("c2", "d2", "Levant Tribune", "entity:minister",
              "the container at Tripoli port held six million Captagon pills", entities=[port])
    a.clauses = [Clause("seize", (Arg("agent", "army"),
                                  Arg("patient", "pill", figure=Figure(4_600_000, 4_600_000))))]
    b.clauses = [Clause("contain", (Arg("agent", "container"),
                                    Arg("patient", "pill", figure=Figure(6_000_000, 6_000_000))))]
    assert found([a, b]) == {("contradiction", "c1", "c2", "figures", "independent")}
    # Statements that name nothing in common are not known to be about one load.
    b.entities = frozenset()
    assert not found([a, b])


def test_one_count_of_one_thing_in_reports_of_one_story_is_the_same_thing():
    a = claim("c1", "d1", "Kassala Wire", "entity:spokesperson",
              "the fighters seized all 14 trucks in the convoy")
    b = claim("c2", "d2", "Sudan Post", "anonymous:d2:an aid worker", "all 14 trucks were seized",
              kind="anonymous")
    a.clauses = [Clause("seize", (Arg("agent", "fighter"), Arg("patient", "truck", figure=Figure(14, 14))))]
    b.clauses = [Clause("seize", (Arg("patient", "truck", figure=Figure(14, 14)),))]
    assert not found([a, b])  # two reports of who knows what
    a.story, b.story = frozenset(["d2"]), frozenset(["d1"])
    assert found([a, b]) == {("corroboration", "c1", "c2", "same", "independent")}


def test_one_doing_denied_of_one_thing_in_reports_of_one_story_is_the_same_denial():
    a = claim("c1", "d1", "Dijla Press", "entity:spokesman", "no ransom had been paid")
    b = claim("c2", "d2", "Mashriq Wire", "anonymous:d2:a police source",
              "no ransom was paid for his release", kind="anonymous")
    a.clauses = [Clause("pay", (Arg("patient", "ransom"),), sign=-1)]
    b.clauses = [Clause("pay", (Arg("patient", "ransom"), Arg("for", "release")), sign=-1)]
    assert not found([a, b])
    a.story, b.story = frozenset(["d2"]), frozenset(["d1"])
    assert found([a, b]) == {("corroboration", "c1", "c2", "same", "independent")}
    # Said, not denied, "a ransom was paid" names nothing more than the ransom.
    a.clauses = [Clause("pay", (Arg("patient", "ransom"),))]
    b.clauses = [Clause("pay", (Arg("patient", "ransom"), Arg("for", "release")))]
    assert not found([a, b])


def test_the_accused_denying_what_he_is_said_to_have_done_contradicts_it():
    division = "ent-division"
    # "The division has denied detaining him" / "members of the division's security office
    # detained the activist": "him" and "the activist" cannot be told one, so the clauses
    # alone leave the pair.
    a = claim("c1", "d1", "Levant Wire", f"entity:{division}", "detaining him", stance="denies")
    b = claim("c2", "d2", "North Press", "anonymous:d2:his brother",
              "members of the division's security office detained the activist", kind="anonymous",
              entities=[division])
    members = Arg("agent", "member", division, "organization")
    a.clauses = [Clause("detain", (Arg("patient", "he"),))]
    b.clauses = [Clause("detain", (members, Arg("patient", "activist")))]
    assert not found([a, b])  # two reports of who knows what
    a.story, b.story = frozenset(["d2"]), frozenset(["d1"])
    assert found([a, b]) == {("contradiction", "c1", "c2", "denial", "independent")}
    # Not when what was done to differs ("took a dinar" / "received guests"), nor when the
    # doing is only taken as given ("had nothing to do with the killing").
    b.clauses = [Clause("detain", (members, Arg("patient", "truck")))]
    a.clauses = [Clause("detain", (Arg("patient", "rifle"),))]
    assert not found([a, b])
    b.clauses = [Clause("detain", (members, Arg("patient", "activist")))]
    a.clauses = [Clause("detain", (Arg("patient", "he"),), given=True)]
    assert not found([a, b])


def test_a_place_named_after_another_lies_in_it():
    airport = EventFact("e1", "arrest", frozenset({"ent-airport"}), place_names=frozenset({"Benina airport"}))
    town = EventFact("e2", "arrest", frozenset({"ent-benina"}), place_names=frozenset({"Benina"}))
    other = EventFact("e3", "arrest", frozenset({"ent-sabha"}), place_names=frozenset({"Sabha"}))
    assert airport.nested(town) and town.nested(airport)
    country = EventFact("e4", "arrest", frozenset({"ent-libya"}), place_names=frozenset({"Libya"}))
    assert country.nested(other) and other.nested(country)  # a country holds its towns
    assert not airport.nested(other)


def test_denying_who_did_it_is_no_denial_that_it_happened():
    sheikh, battalion = "ent-sheikh", "ent-battalion"
    shooting = EventFact("e1", "attack", frozenset({"ent-town"}), "2026-08-10", "day", "2026-08-11",
                         participants=frozenset({sheikh}), people=frozenset({sheikh}), at=((40, 45),))
    denied = claim("c1", "d1", "Euphrates Daily", "entity:spokesman",
                   "that the battalion had not fired a single bullet at the sheikh",
                   entities=[battalion, sheikh], start=10)
    denied.events = [shooting]
    denied.clauses = [Clause("fire", (Arg("agent", "battalion", battalion, "organization"),
                                      Arg("at", "sheikh", sheikh, "person")), sign=-1, at=40)]
    killed = claim("c2", "d2", "Deir Now", "entity:family", "the sheikh was shot outside his guesthouse",
                   entities=[sheikh])
    killed.events = [replace(shooting, id="e2", at=((100, 104),))]
    assert found([denied, killed]) == set()
    by_them = claim("c3", "d3", "Mayadin Voice", "entity:son", "the battalion's men shot the sheikh",
                    entities=[battalion, sheikh])
    by_them.events = [replace(shooting, id="e3", at=((200, 204),))]
    assert found([denied, by_them]) == {("contradiction", "c1", "c3", "denial", "independent")}
    # A doer told by a noun ("his forces") is a doer too: denying it denies no shelling.
    forces = claim("c4", "d4", "Aden Post", "entity:commander", "that his forces had not shelled the market",
                   entities=[])
    forces.events = [replace(shooting, id="e4", at=((300, 307),))]
    forces.clauses = [Clause("shell", (Arg("agent", "force"), Arg("patient", "market")), sign=-1, at=300)]
    shelled = claim("c5", "d5", "Taiz Today", "entity:medic", "shells hit the market and killed the sheikh",
                    entities=[sheikh])
    shelled.events = [replace(shooting, id="e5", at=((400, 404),))]
    assert found([forces, shelled]) == set()
    # ... and so does a denial of it ("denied accusations that its forces shelled the market").
    denial = claim("c6", "d6", "Aden Post", "entity:brigade",
                   "accusations that its forces shelled the market", stance="denies", entities=[])
    denial.events = [replace(shooting, id="e6", at=((500, 507),))]
    denial.clauses = [Clause("shell", (Arg("agent", "force"), Arg("patient", "market")), at=500)]
    assert found([denial, shelled]) == set()


def test_why_something_was_done_is_said_and_denied():
    from crosscheck.assess.compare import cause_links

    text = "Kuku was removed over the loss of Jebel Kaway, officers said"
    kaway = (text.index("Jebel"), text.index("Jebel") + len("Jebel Kaway"), "ent-kaway")
    (link,) = cause_links(text, [kaway])
    assert (link.effect, link.sign) == ("dismissal", 1) and {"ent-kaway", "loss"} <= link.causes
    denial = "the change had no connection with the loss of Jebel Kaway"
    assert [x.sign for x in cause_links(denial)] == [-1]
    denied = "the ministry denied that the dismissal was connected to the loss"
    assert [x.sign for x in cause_links(denied)] == [-1]
    # A cause of something else said near a doing: "the change comes amid a row over smuggling".
    assert cause_links("The change comes amid a bitter row in the province over fuel smuggling") == []
    # No doing of a kind the lexicon knows, no cause.
    assert cause_links("the fighting erupted over the shares of water") == []

    a = claim("c1", "d1", "Tigris Post", "entity:officer", text)
    a.links = cause_links(text, [kaway])
    b = claim("c2", "d2", "Basra Monitor", "entity:spokesman", denial)
    b.links = cause_links(denial)
    c = claim("c3", "d3", "Nineveh Daily", "entity:deputy",
              "the decision was taken because of the loss of the hill")
    c.links = cause_links(c.text)
    assert found([a, b, c]) >= {("contradiction", "c1", "c2", "denial", "independent"),
                                ("contradiction", "c2", "c3", "denial", "independent"),
                                ("corroboration", "c1", "c3", "same", "independent")}
    # A quoted cause goes on past its quotation marks; the doing is counted back in words
    # that are not small ones ("was relieved of his post on Sunday over").
    (quoted,) = {x for x in cause_links('he was relieved of his post on Sunday over "failures in oversight"'
                                          " linked to the drug seizure") if stem("failures") in x.causes}
    assert quoted.sign == 1 and stem("seizure") in quoted.causes
    # The words that hold the doing between them, and a happening by any of its words.
    (linked,) = cause_links("sources linked his removal to the bombing of the market")
    (denied,) = cause_links("the dismissal had no connection to the attack")
    assert linked.sign == 1 and denied.sign == -1 and "~violence" in linked.causes & denied.causes
    (reason,) = cause_links("the reason for his removal is the explosion at the market")
    assert reason.sign == 1 and "~violence" in reason.causes
    # "Because" with a clause, "against the background of", and "the move" for the doing.
    (because,) = cause_links("I was removed because I named the people behind that cargo")
    assert because.sign == 1 and "cargo" in because.causes
    (background,) = {x for x in cause_links("the dismissal came against the background of the drug shipment")
                     if x.effect == "dismissal"}
    assert background.sign == 1 and "shipment" in background.causes
    (move,) = cause_links("the move had nothing to do with the loss of Jebel Kaway")
    assert move.sign == -1 and "loss" in move.causes
    # Another kind of doing's word may be a cause ("the shipment seized"), not the doing's own.
    text = "he was removed over failures that allowed the shipment seized last week"
    (seized,) = {x for x in cause_links(text) if x.effect == "dismissal"}
    assert stem("seized") in seized.causes and stem("removed") not in seized.causes
    # The doing and its cause held by "between ... and": said, or denied with a "no".
    (between,) = cause_links('there was "no link whatsoever" between the resignation and any dispute '
                             "with the division")
    assert between.sign == -1 and stem("dispute") in between.causes
    (said_between,) = cause_links("a link between his removal and the bombing")
    assert said_between.sign == 1 and "~violence" in said_between.causes
    # A cause's words go on past "before" ("security failures before the bombing").
    (failures,) = cause_links("he was removed because of security failures before the bombing")
    assert {stem("failures"), "~violence"} <= failures.causes
    # The cause before the doing ("the seizure was behind the decision"), and a link called
    # speculation, which denies it.
    (behind,) = cause_links("the seizure of the dhow was behind the decision")
    assert behind.sign == 1 and {stem("seizure"), "dhow"} <= behind.causes
    (reason_for,) = cause_links("the affair of the dhow was the reason for the removal")
    assert reason_for.sign == 1 and "dhow" in reason_for.causes
    (speculation,) = cause_links("Linking the change to Jebel Kaway is pure speculation")
    assert speculation.sign == -1 and speculation.causes == {"jebel", "kaway"}
    # A doing called routine denies every cause of that kind of doing; two such say no cause
    # against each other.
    routine = "the suspension was part of a routine rotation of commanders"
    assert [(x.effect, x.sign) for x in cause_links(routine)] == [("dismissal", -1)]
    d = claim("c4", "d4", "Cedar Tribune", "entity:council", routine)
    d.links = cause_links(routine)
    e = claim("c5", "d5", "Orontes Wire", "entity:ministry", "the change was a routine rotation")
    e.links = cause_links(e.text)
    pairs = found([a, d, e])
    assert ("contradiction", "c1", "c4", "denial", "independent") in pairs
    assert not any({"c4", "c5"} == {p[1], p[2]} and p[0] == "contradiction" for p in pairs)


def test_a_doing_and_its_noun_share_a_stem():
    assert stem("seizure") == stem("seized") == stem("seizing")
    assert stem("investigation") == stem("investigated")
    assert stem("million") != stem("mill") and stem("mission") != stem("miss")


def detained(*args, sign=1):
    return Clause("detain", (Arg("patient", "hakimi", "ent-hakimi", "person"), *args), sign)


def test_denying_who_did_it_does_not_deny_that_it_was_done():
    forces = Arg("agent", "force", "ent-belt", "organization", text="his forces")
    said = claim("c1", "d1", "Aden Wire", "anonymous:d1:a relative",
                 "al-Hakimi was detained at his home", kind="anonymous", entities=["ent-hakimi"])
    by_them = claim("c2", "d2", "Taiz Daily", "anonymous:d2:a rights group",
                    "forces of the security belt detained al-Hakimi", kind="anonymous",
                    entities=["ent-hakimi", "ent-belt"])
    denied = claim("c3", "d3", "Gulf Ledger", "entity:ent-commander",
                   "his forces had not detained al-Hakimi", entities=["ent-hakimi", "ent-belt"])
    said.clauses, by_them.clauses = [detained()], [detained(forces)]
    denied.clauses = [detained(forces, sign=-1)]
    pairs = found([said, by_them, denied])
    assert ("contradiction", "c2", "c3", "denial", "independent") in pairs  # who did it, disputed
    assert not [p for p in pairs if p[0] == "contradiction" and {"c1", "c3"} == set(p[1:3])]
    # Nobody at all, or a doer the other points to ("held at the battalion's base"), is denied.
    nobody = claim("c4", "d4", "Gulf Ledger", "entity:ent-hakimi",
                   "he had not been detained by anyone", entities=["ent-hakimi"])
    nobody.clauses = [detained(Arg("agent", "anyone"), sign=-1)]
    assert ("contradiction", "c1", "c4", "denial", "independent") in found([said, nobody])
    base = claim("c5", "d5", "Taiz Daily", "anonymous:d5:an official",
                 "al-Hakimi was being detained at the battalion's base", kind="anonymous",
                 entities=["ent-hakimi"])
    base.clauses = [detained(Arg("at", "base", modifiers=frozenset({"battalion"})))]
    unit = claim("c6", "d6", "Aden Wire", "entity:ent-commander", "his unit had not detained al-Hakimi",
                 entities=["ent-hakimi"])
    unit.clauses = [detained(Arg("agent", "unit", modifiers=frozenset({"his"}), text="his unit"), sign=-1)]
    assert ("contradiction", "c5", "c6", "denial", "independent") in found([base, unit])


def test_over_as_a_particle_holds_no_cause():
    from crosscheck.assess.compare import cause_links

    # "Over" as a verb's particle holds no cause.
    assert cause_links("every rifle his men seized had been handed over to the logistics directorate") == []


def removed(*args):
    return Clause("remove", (Arg("patient", "fakhri", "ent-fakhri", "person"), *args))


def test_why_it_was_done_and_that_it_was_done_are_two_propositions():
    from crosscheck.assess.compare import cause_links

    why = claim("c1", "d1", "Tobruk Wire", "anonymous:d1:a port source",
                "al-Fakhri was removed over the Marwa Star affair", kind="anonymous", entities=["ent-fakhri"])
    why.links = cause_links(why.text)
    when = claim("c2", "d2", "Benghazi Courier", "anonymous:d2:an official",
                 "al-Fakhri was removed on Sunday", kind="anonymous", entities=["ent-fakhri"])
    sunday = Arg("on", "sunday")
    why.clauses, when.clauses = [removed()], [replace(removed(sunday), days=frozenset({"2028-10-05"}))]
    assert found([why, when]) == set()
    # Both giving the day of the doing, they tell one doing.
    on_sunday = replace(why, id="c3", text="al-Fakhri was removed on Sunday over the Marwa Star affair")
    on_sunday.clauses = [replace(removed(sunday), days=frozenset({"2028-10-05"}))]
    assert ("corroboration", "c2", "c3", "same", "independent") in found([when, on_sunday])


def test_a_share_of_ones_men_disputes_a_toll_only_where_larger():
    toll = fact("e1", "d1", "Tobruk Wire", replace(bombing("e1", Figure(6, 6)), toll=True))
    share = fact("e2", "d2", "Benghazi Courier", replace(bombing("e2", Figure(3, 3)), part=True))
    assert not [p for p in found([toll, share]) if p[0] == "contradiction"]  # three of his six
    more = fact("e3", "d3", "Benghazi Courier", replace(bombing("e3", Figure(8, 8)), part=True))
    assert ("contradiction", "e1", "e3", "figures", "independent") in found([toll, more])
    # Against a count of the same men ("four guards were killed"), a share is a count in dispute.
    guards = fact("e4", "d4", "Tobruk Wire", bombing("e4", Figure(4, 4)))
    assert ("contradiction", "e2", "e4", "figures", "independent") in found([share, guards])


def test_a_roadside_bomb_and_a_shelling_are_two_attacks():
    from crosscheck.assess.compare import attack_modes

    assert attack_modes("The death toll from Sunday's roadside bomb has risen to six") == {"planted"}
    assert attack_modes("A shell struck a house in the village on Tuesday, killing four") == {"fired"}
    assert attack_modes("a drone dropped explosives on the checkpoint") == {"air"}
    bomb = replace(bombing("e1", Figure(6, 6), date="2025-08-03"), modes=frozenset({"planted"}))
    shell = replace(bombing("e2", Figure(4, 4), date="2025-08-05"), modes=frozenset({"fired"}))
    assert not same_event(bomb, shell)
    assert same_event(bomb, replace(shell, modes=frozenset()))  # told without how: it may be one


def test_two_counts_of_one_doing_in_accounts_of_one_happening_dispute_the_figure():
    a = claim("c1", "d1", "Raqqa Monitor", "entity:spokesman", "23 inmates had escaped during the attack")
    b = claim("c2", "d2", "Deir News", "anonymous:d2:a guard", "41 detainees escaped from the prison",
              kind="anonymous")
    a.clauses = [Clause("escape", (Arg("agent", "inmate", figure=Figure(23, 23)),))]
    b.clauses = [Clause("escape", (Arg("agent", "inmate", figure=Figure(41, 41)),))]
    assert not found([a, b])  # two escapes, for all they say
    prison = "ent-tabqa-prison"
    # ("during the attack" refers to the happening; only one side tells it.)
    a.events = [attack("e1", prison, day="2025-03-21", asserted=False)]
    b.events = [attack("e2", prison, day="2025-03-21")]
    assert ("contradiction", "c1", "c2", "figures", "independent") in found([a, b])
    # (One happening makes only a count the thing in common: nothing else they say agrees for it.)
    b.clauses = [Clause("escape", (Arg("agent", "inmate", figure=Figure(23, 23)),))]
    assert ("corroboration", "c1", "c2", "same", "independent") not in found([a, b])


def test_two_tolls_in_reports_of_one_story_dispute_unless_each_tells_its_own_happening():
    a = claim("c1", "d1", "Kurdistan Post", "anonymous:d1:a medical source",
              "Six people were killed in fighting between two clans", kind="anonymous")
    b = claim("c2", "d2", "Eastern Courier", "entity:director", "Four people were killed in the fighting")
    a.clauses = [Clause("kill", (Arg("patient", "people", figure=Figure(6, 6)),))]
    b.clauses = [Clause("kill", (Arg("patient", "people", figure=Figure(4, 4)),))]
    assert not found([a, b])  # two reports of who knows what
    a.story, b.story = frozenset(["d2"]), frozenset(["d1"])
    assert found([a, b]) == {("contradiction", "c1", "c2", "figures", "independent")}
    # Each tells a happening of its own (two attacks, days apart): two tolls of two happenings.
    a.events = [attack("e1", "ent-rafah", day="2025-08-03")]
    b.events = [attack("e2", "ent-arish", day="2025-08-05", target="~police patrol")]
    assert not found([a, b])
    # Happenings told with nothing of their own (no place, no one, no day) are not two.
    a.events = [EventFact("e1", "attack", frozenset(), None, None, "2025-08-04")]
    b.events = [EventFact("e2", "attack", frozenset(), None, None, "2025-08-05")]
    assert found([a, b]) == {("contradiction", "c1", "c2", "figures", "independent")}
    # A total since a time is not one day's count.
    a.events, b.events = [], []
    a.clauses = [Clause("seize", (Arg("patient", "pill", figure=Figure(11_000_000, None)),
                                  Arg("since", "january")))]
    b.clauses = [Clause("seize", (Arg("patient", "pill", figure=Figure(4_600_000, 4_600_000)),),
                        days=frozenset(["2025-03-30"]))]
    assert not found([a, b])


def test_two_days_for_one_doing_in_reports_of_one_story_dispute_the_date():
    a = claim("c1", "d1", "Afgoye Radio", "anonymous:d1:elders", "Clan fighters were killed on Saturday",
              kind="anonymous")
    b = claim("c2", "d2", "Shabelle Star", "entity:commissioner", "clan fighters were killed on Friday")
    a.clauses = [Clause("kill", (Arg("patient", "fighter"),), days=frozenset(["2025-05-13"]))]
    b.clauses = [Clause("kill", (Arg("patient", "fighter"),), days=frozenset(["2025-05-12"]))]
    assert not found([a, b])
    a.story, b.story = frozenset(["d2"]), frozenset(["d1"])
    assert found([a, b]) == {("contradiction", "c1", "c2", "date", "independent")}


def test_a_statement_of_how_the_accounts_differ_is_compared_with_none():
    # "Reports about his disappearance differ on when he was taken, how many men took him"
    # (the parse reads "how many men took him" as told) against "gunmen took him".
    a = claim("c1", "d1", "Tobruk Post", "outlet:tobruk post", "reports differ on how many men took him",
              kind="outlet", entities=["ent-lawyer"])
    b = claim("c2", "d2", "Coast Wire", "entity:brother", "gunmen took him", entities=["ent-lawyer"])
    him = Arg("patient", "he", "ent-lawyer", "person")
    a.clauses = [Clause("differ", (Arg("agent", "report"),), at=0),
                 Clause("take", (Arg("agent", "man"), him), at=30)]
    b.clauses = [Clause("take", (Arg("agent", "gunman"), him))]
    assert not found([a, b])
    # What a sentence tells before it says the accounts began to diverge stands.
    a.clauses = [Clause("take", (Arg("agent", "man"), him), at=0),
                 Clause("diverge", (Arg("agent", "account"),), at=30)]
    assert found([a, b]) == {("corroboration", "c1", "c2", "same", "independent")}


def test_one_kind_of_thing_denied_of_all_in_two_reports_of_a_story_is_one_denial():
    # "No tanker had crossed Zurbatiyah without paying its duties" / "no tanker had crossed
    # without paying its duties", two reports quoting one spokesman: the same words.
    crossed = Clause("cross", (Arg("agent", "tanker", none=True),), sign=-1)
    a = claim("c1", "d1", "Wasit Herald", "entity:spokesman", "no tanker had crossed Zurbatiyah")
    b = claim("c2", "d2", "Dijla Press", "anonymous:d2:the spokesman", "no tanker had crossed",
              kind="anonymous")
    a.clauses = [replace(crossed, args=(*crossed.args, Arg("patient", "zurbatiyah", "ent-z", "place")))]
    b.clauses = [crossed]
    a.story, b.story = frozenset({"d2"}), frozenset({"d1"})
    assert ("corroboration", "c1", "c2", "same", "independent") in found([a, b])
    # Without the "no", a tanker that crossed is not every tanker.
    a.clauses = [replace(c, args=tuple(replace(x, none=False) for x in c.args), sign=1) for c in a.clauses]
    b.clauses = [replace(crossed, args=(Arg("agent", "tanker"),), sign=1)]
    a._senses = b._senses = None
    assert not found([a, b])


def test_a_denial_of_the_accusation_answers_what_someone_was_said_to_have_done():
    # "The governor said the brigade sold the fuel. The fuel fetched 150 million pounds, a
    # trader said. The brigade's commander rejected the accusations as lies."
    brigade = Arg("agent", "brigade", "ent-brigade", "organization")
    sold = claim("c1", "d1", "Tigris Post", "entity:governor", "the brigade sold the fuel")
    sold.clauses = [Clause("sell", (brigade, Arg("patient", "fuel")))]
    fetched = claim("c2", "d1", "Tigris Post", "entity:trader", "the fuel fetched 150 million pounds",
                    start=100)
    fetched.clauses = [Clause("fetch", (Arg("agent", "fuel"), Arg("patient", "pound")))]
    denial = claim("c3", "d1", "Tigris Post", "entity:commander", "the accusations as lies",
                   stance="denies", start=300)
    assert found([sold, fetched, denial]) == {("contradiction", "c1", "c3", "denial", "independent")}
