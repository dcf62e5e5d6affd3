"""Events on hand-written sentences with hand-placed mentions: without a parse, and with the
model's parse for participants and places (marked ``model``)."""

import re

import pytest

from crosscheck.extract.events import add_events, number_of
from crosscheck.model import Analysis, Document, Mention, Sentence

TYPES = {"GPE": "place", "DATE": "date", "CARDINAL": "quantity", "ORG": "organization", "PERSON": "person",
         "NORP": "group"}


def _analysis(text, spec):
    mentions, pos = [], 0
    for surface, label in spec:
        start = text.index(surface, pos)
        pos = start + len(surface)
        mentions.append(Mention(start, pos, surface, label, TYPES[label], "mentions", "1"))
    sentences = [Sentence(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    return Analysis(document=Document(text=text), mentions=mentions, sentences=sentences)


def _events(a):
    t = a.document.text
    return [(e.type, [t[slice(*s)] for s in e.triggers], [t[slice(*s)] for s in e.places],
             [t[slice(*s)] for s in e.dates], e.figures) for e in a.events]


def test_an_attack_with_its_place_date_and_figures():
    text = ("A car bomb in the Kut market on March 3 killed 14 people and wounded 40. "
            "Police detained three men in Hilla. The car bomb in Kut on March 3 was the worst this year.")
    a = _analysis(text, [("Kut", "GPE"), ("March 3", "DATE"), ("14", "CARDINAL"), ("40", "CARDINAL"),
                         ("three", "CARDINAL"), ("Hilla", "GPE"), ("Kut", "GPE"), ("March 3", "DATE")])
    add_events(a, [])
    found = _events(a)
    # The car bomb mentioned twice with the same place and date is one event.
    assert ("attack", ["car bomb", "car bomb"], ["Kut"], ["March 3"], {"killed": [14], "wounded": [40]}) \
        in [(t, tr, sorted(set(p)), sorted(set(d)), f) for t, tr, p, d, f in found]
    assert ("die", ["killed"], ["Kut"], ["March 3"], {"killed": [14], "wounded": [40]}) in found
    assert ("arrest", ["detained"], ["Hilla"], [], {"arrested": [3]}) in found


def test_two_counts_of_one_toll_are_two_accounts():
    text = "The army said four soldiers had died. A security source put the number of dead at five."
    a = _analysis(text, [("four", "CARDINAL"), ("five", "CARDINAL")])
    add_events(a, [])
    assert [(t, f) for t, _, _, _, f in _events(a)] == [("die", {"killed": [4]}), ("die", {"killed": [5]})]


def test_a_count_that_has_reached_a_number_is_of_what_it_counts():
    text = ("The number of wounded had reached 29. The death toll had risen to 13. "
            "Fighters reached 40 villages.")
    a = _analysis(text, [("29", "CARDINAL"), ("13", "CARDINAL"), ("40", "CARDINAL")])
    add_events(a, [])
    assert [(t, f) for t, _, _, _, f in _events(a)] == [("injure", {"wounded": [29]}),
                                                        ("die", {"killed": [13]})]


def test_a_toll_is_of_the_dead():
    text = "Nida al-Zaytun put the toll at six. The toll from the clashes rose to 11. The road toll fell."
    a = _analysis(text, [("six", "CARDINAL"), ("11", "CARDINAL")])
    add_events(a, [])
    assert [(t, f) for t, _, _, _, f in _events(a) if t == "die"] == [("die", {"killed": [6]}),
                                                                     ("die", {"killed": [11]})]


def test_a_number_in_words_taken_for_an_age_is_a_figure_but_a_year_is_not():
    text = "The source put the number of wounded at eighteen. In 2019 two men were arrested."
    a = _analysis(text, [("eighteen", "DATE"), ("2019", "DATE"), ("two", "CARDINAL")])
    add_events(a, [])
    assert [(t, f) for t, _, _, _, f in _events(a)] == [("injure", {"wounded": [18]}),
                                                        ("arrest", {"arrested": [2]})]


def test_figures_read_in_either_order_and_ranges_kept():
    text = "Between 300 and 400 fighters joined. At least 12 people were killed and dozens injured."
    a = _analysis(text, [("Between 300 and 400", "CARDINAL"), ("At least 12", "CARDINAL"),
                         ("dozens", "CARDINAL")])
    add_events(a, [])
    (die,) = [e for e in a.events if e.type == "die"]
    assert die.figures == {"killed": [12]}  # "dozens" is no number: not guessed
    assert number_of("between 300 and 400") == [300, 400] and number_of("1,200") == [1200]
    assert number_of("a few") is None


def test_a_trigger_word_used_otherwise_is_no_event():
    text = "The street was named after him. It was a dead end."
    a = _analysis(text, [])
    add_events(a, [])
    assert a.events == []


# --- participants and places from a real parse, over hand-placed mentions ---------------

def _parsed(nlp, text, spec):
    a = _analysis(text, spec)
    add_events(a, [(0, nlp(text))])
    words = lambda spans: [text[slice(*s)] for s in spans]  # noqa: E731
    return [(e.type, words(e.triggers), words(e.places), words(e.dates),
             {role: words(spans) for role, spans in e.participants.items()}, e.figures) for e in a.events]


@pytest.fixture(scope="module")
def parsed_events(model_extractor):
    """Events of ``text`` with the mentions of ``spec`` and the model's parse, as words:
    (type, triggers, places, participants)."""
    return lambda text, spec: [(t, tr, p, parts)
                               for t, tr, p, _, parts, _ in _parsed(model_extractor.nlp, text, spec)]


@pytest.fixture(scope="module")
def parsed_events_with_figures(model_extractor):
    """As ``parsed_events`` with dates for places: (type, triggers, dates, participants, figures)."""
    return lambda text, spec: [(t, tr, d, parts, f)
                               for t, tr, _, d, parts, f in _parsed(model_extractor.nlp, text, spec)]


@pytest.mark.model
def test_who_attacked_and_who_was_killed(parsed_events):
    found = parsed_events(
        "Gunmen from the Nur al-Huda Brigade attacked a police checkpoint near Zubair on Monday, "
        "killing two officers. Ahmed Karim was killed by militants of the Islamic State in Mosul.",
        [("Nur al-Huda Brigade", "ORG"), ("Zubair", "GPE"), ("Monday", "DATE"), ("two", "CARDINAL"),
         ("Ahmed Karim", "PERSON"), ("Islamic State", "ORG"), ("Mosul", "GPE")])
    # The gunmen are the brigade's; the checkpoint and the officers are described, not named:
    # participants with their words and no entity.
    assert ("attack", ["attacked"], ["Zubair"],
            {"perpetrator": ["Nur al-Huda Brigade"], "target": ["a police checkpoint"]}) in found
    assert ("die", ["killing"], ["Zubair"],
            {"perpetrator": ["Nur al-Huda Brigade"], "victim": ["two officers"]}) in found
    assert ("die", ["killed"], ["Mosul"],
            {"victim": ["Ahmed Karim"], "perpetrator": ["Islamic State"]}) in found


@pytest.mark.model
def test_a_claimed_bombing_and_an_attack_on_a_named_target(parsed_events):
    found = parsed_events(
        "The Islamic State claimed responsibility for the car bomb in the Kut market. "
        "The attack on the Interior Ministry was carried out by the Nur al-Huda Brigade.",
        [("Islamic State", "ORG"), ("Kut", "GPE"), ("Interior Ministry", "ORG"),
         ("Nur al-Huda Brigade", "ORG")])
    assert found == [
        ("attack", ["car bomb"], ["Kut"], {"perpetrator": ["Islamic State"]}),
        ("attack", ["attack"], [], {"target": ["Interior Ministry"], "perpetrator": ["Nur al-Huda Brigade"]}),
    ]


@pytest.mark.model
def test_arrests_the_held_is_the_victim_and_who_held_the_perpetrator(parsed_events):
    found = parsed_events(
        "Police detained Salman Ouda, the brigade's commander, at his home in Basra. "
        "His deputy, Ali Kadhim, was arrested by the Counter Terrorism Service.",
        [("Salman Ouda", "PERSON"), ("Basra", "GPE"), ("Ali Kadhim", "PERSON"),
         ("Counter Terrorism Service", "ORG")])
    assert found == [
        ("arrest", ["detained"], ["Basra"], {"perpetrator": ["Police"], "victim": ["Salman Ouda"]}),
        ("arrest", ["arrested"], [],
         {"victim": ["Ali Kadhim"], "perpetrator": ["Counter Terrorism Service"]}),
    ]


@pytest.mark.model
def test_the_dead_are_named_or_described(parsed_events):
    # "Fourteen people": the victims as the report describes them (and a figure, below).
    assert parsed_events("Fourteen people were killed in the blast.", [("Fourteen", "CARDINAL")]) == [
        ("die", ["killed"], [], {"victim": ["Fourteen people"]}), ("attack", ["blast"], [], {})]
    # What did the harm is no perpetrator.
    assert parsed_events("A roadside bomb killed two soldiers.", [("two", "CARDINAL")]) == [
        ("attack", ["roadside bomb"], [], {}), ("die", ["killed"], [], {"victim": ["two soldiers"]})]
    assert parsed_events("Ali Hassan, a shopkeeper, died in Hilla.",
                         [("Ali Hassan", "PERSON"), ("Hilla", "GPE")]) \
        == [("die", ["died"], ["Hilla"], {"victim": ["Ali Hassan"]})]
    assert parsed_events("The blast killed 14 people, including Ali Hassan and Omar Salem.",
                         [("14", "CARDINAL"), ("Ali Hassan", "PERSON"), ("Omar Salem", "PERSON")]) \
        == [("attack", ["blast"], [], {}), ("die", ["killed"], [], {"victim": ["Ali Hassan", "Omar Salem"]})]
    # The fighters are the Islamic State's; one Russian general is not "the Russians".
    assert parsed_events("Islamic State fighters killed a Russian general.",
                         [("Islamic State", "ORG"), ("Russian", "NORP")]) \
        == [("die", ["killed"], [], {"perpetrator": ["Islamic State"], "victim": ["a Russian general"]})]


@pytest.mark.model
def test_the_place_is_the_one_the_trigger_governs_not_the_nearest(parsed_events):
    found = parsed_events(
        "Officials in Baghdad said a bomb exploded at a checkpoint in Tikrit.",
        [("Baghdad", "GPE"), ("Tikrit", "GPE")])
    # What the bomb went off at is also what it hit.
    assert found == [("attack", ["exploded"], ["Tikrit"], {"target": ["a checkpoint"]})]


@pytest.mark.model
def test_attacks_by_different_hands_stay_apart(parsed_events):
    found = parsed_events(
        "Islamic State fighters attacked the village, and the Nur al-Huda Brigade's fighters attacked the "
        "Islamic State.",
        [("Islamic State", "ORG"), ("Nur al-Huda Brigade", "ORG"), ("Islamic State", "ORG")])
    assert [f[3] for f in found] == [{"perpetrator": ["Islamic State"], "target": ["the village"]},
                                     {"perpetrator": ["Nur al-Huda Brigade"], "target": ["Islamic State"]}]


@pytest.mark.model
def test_a_units_strength_with_the_date_of_its_clause(parsed_events_with_figures):
    found = parsed_events_with_figures(
        "The Nur al-Huda Brigade was founded in 2014 as a brigade of between 300 and 400 fighters, "
        "growing to 2,500 by 2019. The Southern Protection Brigades number hundreds of men. "
        "Gunmen killed 14 fighters of the Nur al-Huda Brigade.",
        [("Nur al-Huda Brigade", "ORG"), ("2014", "DATE"), ("between 300 and 400", "CARDINAL"),
         ("2,500", "CARDINAL"), ("2019", "DATE"), ("Southern Protection Brigades", "ORG"),
         ("hundreds", "CARDINAL"), ("14", "CARDINAL"), ("Nur al-Huda Brigade", "ORG")])
    # A range stays a range; "hundreds" is not guessed; killed fighters are no strength.
    assert [f for f in found if f[0] == "strength"] == [
        ("strength", ["between 300 and 400 fighters"], ["2014"], {"unit": ["Nur al-Huda Brigade"]},
         {"size": [300, 400]}),
        ("strength", ["2,500"], ["2019"], {"unit": ["Nur al-Huda Brigade"]}, {"size": [2500]}),
    ]


@pytest.mark.model
def test_a_date_belongs_to_its_own_clause_and_no_one_is_no_perpetrator(parsed_events_with_figures):
    found = parsed_events_with_figures(
        "The governor dismissed the police chief on Wednesday, a week after a car bomb killed 12 people. "
        "No group has claimed responsibility for the attack.",
        [("Wednesday", "DATE"), ("12", "CARDINAL")])
    by_type = {t: (d, parts) for t, _, d, parts, _ in found}
    assert by_type["dismissal"][0] == ["Wednesday"]
    assert by_type["die"] == ([], {"victim": ["12 people"]})
    assert "perpetrator" not in by_type["attack"][1]


@pytest.mark.model
def test_the_date_of_a_verb_that_only_refers_to_an_event_is_not_the_events(parsed_events_with_figures):
    found = parsed_events_with_figures(
        "Conflicting figures continued to circulate on Thursday about the bombing of an army convoy. "
        "Residents buried on Wednesday the bodies of soldiers. Two men were killed in the attack on Monday.",
        [("Thursday", "DATE"), ("Wednesday", "DATE"), ("Two", "CARDINAL"), ("Monday", "DATE")])
    dates = {tr[0]: d for _, tr, d, _, _ in found}
    # Figures circulate on Thursday, bodies are buried on Wednesday: neither is the day of
    # the bombing or the deaths; "killed in the attack on Monday" is Monday's.
    assert dates["bombing"] == [] and dates["bodies of"] == []
    assert dates["killed"] == ["Monday"]


@pytest.mark.model
def test_a_road_between_two_towns_puts_the_event_at_neither(parsed_events):
    found = parsed_events("A bomb hit a convoy on the Balad-Samarra highway on Tuesday. "
                          "A bomb hit a patrol on the road near Dujail on Monday.",
                          [("Balad", "GPE"), ("Samarra", "GPE"), ("Tuesday", "DATE"), ("Dujail", "GPE"),
                           ("Monday", "DATE")])
    places = [p for _, _, p, _ in found]
    # (The road itself is a place the report describes: "Samarra highway", a road, not the town.)
    assert not any(p in ("Balad", "Samarra") for ps in places for p in ps)
    assert ["Dujail"] in places


@pytest.mark.model
def test_a_described_participant_stops_at_a_dateline_dash_and_the_dateline_is_no_place(parsed_events):
    found = parsed_events("KUT, Wasit - At least 12 people were killed on Thursday.",
                          [("KUT", "GPE"), ("Wasit", "GPE"), ("At least 12", "CARDINAL"),
                           ("Thursday", "DATE")])
    # The dateline says where the report was filed, not where the killing was.
    assert ("die", ["killed"], [], {"victim": ["At least 12 people"]}) in found


def test_numbers_in_words_and_a_part_of_the_dead():
    assert number_of("Fourteen") == [14] and number_of("twenty-three") == [23] and number_of("ninety") == [90]
    assert number_of("1.2 million") == [1_200_000] and number_of("two million") == [2_000_000]
    assert number_of("umpteen million") is None
    text = "Fourteen people were killed in Kut. Among the dead were three children."
    a = _analysis(text, [("Fourteen", "CARDINAL"), ("Kut", "GPE"), ("three", "CARDINAL")])
    add_events(a, [])
    # "three children" among the dead is not the toll.
    assert all(e.figures.get("killed") in (None, [14]) for e in a.events)
    assert any(e.figures.get("killed") == [14] for e in a.events)


@pytest.mark.model
def test_a_weapon_that_hits_something_is_an_attack_and_sanctions_are_not(model_extractor):
    def events(text):
        a = model_extractor.extract(Document(text=text, date="2025-09-20"))
        return [(e.type, [text[slice(*x)] for x in e.triggers],
                 {k: [text[slice(*x)] for x in v] for k, v in e.participants.items()}) for e in a.events]
    found = events("A drone hit the checkpoint on Thursday.")
    assert ("attack", ["hit"], {"target": ["the checkpoint"]}) in found
    assert ("attack", ["targeted"], {"target": ["their supply convoys"]}) in events(
        "An explosive device targeted one of their supply convoys.")
    assert events("The sanctions targeted 13 officials.") == []
    # Shells that fall or slam into a place; prices that fall are no attack.
    slammed = events("Artillery shells slammed into the crowded market on Sunday.")
    assert [t for t, _, _ in slammed] == ["attack"]
    assert [t for t, _, _ in events("Residents said shells fell on the market on Saturday.")] == ["attack"]
    assert events("Fuel prices fell on Sunday.") == []
    # A toll told by its bodies.
    bodies = model_extractor.extract(Document(text="The bodies of four guards had been brought to the "
                                                   "hospital.", date="2025-09-20")).events
    assert [(e.type, e.figures) for e in bodies] == [("die", {"killed": [4]})]
    # ... or by the lives it claimed; a jailbreak counted; a narrow escape is none.
    lives = events("The clashes have claimed the lives of eleven people.")
    assert "die" in [t for t, _, _ in lives]
    escaped = model_extractor.extract(Document(text="Forty-one detainees escaped from the central prison.",
                                               date="2025-09-20")).events
    assert [(e.type, e.figures) for e in escaped] == [("escape", {"escaped": [41]})]
    assert [t for t, _, _ in events("He narrowly escaped the blast.")] == ["attack"]
    # A unit's size from the men who serve in it.
    found = events("A council member said no more than 800 men serve in the Jazira Tribal Regiment.")
    assert [p["unit"] for t, _, p in found if t == "strength"] == [["Jazira Tribal Regiment"]]
    # ... and from what its strength is put at, men named or not.
    found = events("A security official put the Badra Guardians Force's real strength at around 1,500.")
    assert [p["unit"] for t, _, p in found if t == "strength"] == [["Badra Guardians Force"]]
    # ... or from what the number of its men has reached (not a toll's).
    found = events("He said the number of the Badra Guardians Force's fighters had reached 2,000.")
    assert [p["unit"] for t, _, p in found if t == "strength"] == [["Badra Guardians Force"]]
    assert "strength" not in [t for t, _, _ in events("The death toll has reached 17.")]


@pytest.mark.model
def test_a_place_taken_only_as_the_nearest_of_the_sentence_is_marked_a_guess(model_extractor):
    text = "The bodies of the soldiers killed were taken to Mosul."
    a = model_extractor.extract(Document(text=text, date="2025-09-20"))
    (die,) = [e for e in a.events if e.type == "die"]
    assert [text[slice(*p)] for p in die.places] == ["Mosul"] and die.guessed_places == die.places


@pytest.mark.model
def test_fighting_is_a_happening_only_with_what_makes_it_one(parsed_events):
    found = parsed_events("The fighting broke out on Friday night near Zawiya.", [("Zawiya", "GPE")])
    assert [(t, tr) for t, tr, _, _ in found] == [("attack", ["The fighting"])]
    assert parsed_events("The minister is fighting corruption in the ports.", []) == []


@pytest.mark.model
def test_a_toll_told_by_its_count_is_a_death(parsed_events):
    found = parsed_events("The number of martyrs had reached eleven, the brigade said.",
                          [("eleven", "CARDINAL")])
    assert [t for t, _, _, _ in found] == ["die"]
