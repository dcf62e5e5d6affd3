"""Places: the gazetteer of Iraq's and Syria's divisions (no model) and places inside places
as reports say them (real parse: marked ``model``)."""

import pytest

from crosscheck.extract import lexicon
from crosscheck.extract.places import canonical, gazetteer_names, known, place_key
from crosscheck.model import Document


def test_a_place_is_one_key_however_it_is_spelt():
    assert place_key("Babil Province") == "babil" and place_key("al-Musayyib") == "musayyib"
    assert canonical("Musayab") == canonical("al-Musayyib") == "musayyib"
    assert canonical("Babylon") == "babil" and canonical("Springfield") is None


def test_a_district_lies_in_its_governorate_and_country():
    assert known()["musayyib"] == {"babil", "iraq"}
    assert known()["babil"] == {"iraq"} and known()["iraq"] == frozenset()
    assert known()[canonical("Qamishli")] == {"hasakah", "syria"}


def test_the_gazetteer_names_every_spelling_once_and_no_common_word():
    names = gazetteer_names()
    assert "Babil province" in names and "Babil Governorate" in names
    data = lexicon.load("places.yml")
    spellings = [n for c in data["countries"] for g in c["governorates"]
                 for n in [*g["names"], *(x for d in g.get("districts", []) for x in d)]]
    assert len(spellings) == len(set(spellings))
    # Words that are as often a name or an English word stay out (see places.yml).
    assert not {"Hit", "Salman", "Hamza", "Medina", "Harem"} & set(names)


@pytest.fixture(scope="module")
def inside(model_extractor):
    def read(text):
        a = model_extractor.extract(Document(text=text))
        return {(text[slice(*r.subject)], text[slice(*r.object)]) for r in a.relations
                if r.type == "located_in"}, {m.text: m.label for m in a.mentions}
    return read


@pytest.mark.model
def test_places_inside_places_as_reports_say_them(inside):
    found, _ = inside("A bomb struck a checkpoint near the town of Mahawil in Iraq's Babil province.")
    assert ("Mahawil", "Babil province") in found and ("Babil province", "Iraq") in found
    found, _ = inside("Protests in Charlotte, N.C., broke out. The killing took place in the Ashar district "
                      "of Basra.")
    assert ("Charlotte", "N.C.") in found and ("Ashar", "Basra") in found
    # Near is not in.
    found, _ = inside("Mahawil, north of Hilla, was quiet.")
    assert not found


@pytest.mark.model
def test_a_known_place_the_model_misreads_is_a_place_but_a_longer_name_stays(inside):
    _, labels = inside("HILLA, Iraq (Babil Observer) - Police in Musayyib said Babil was calm, the Babil "
                       "Observer reported.")
    assert labels["Musayyib"] == "GPE" and labels["Babil"] == "GPE"
    assert labels["Babil Observer"] == "ORG"


@pytest.mark.model
def test_the_first_word_of_a_name_after_a_dateline_is_kept(inside):
    _, labels = inside("HILLA, Iraq (Babil Observer) - Haider Kazem al-Hilali, a commander, was detained.")
    assert labels.get("Haider Kazem al-Hilali") == "PERSON"


@pytest.mark.model
def test_what_only_a_place_can_be_is_a_place_with_its_whole_name(inside):
    _, labels = inside("A bomb tore through an army column near Gwer, north of Makhmour. Another hit a "
                       "convoy near the village of Hajj Ali, east of Qayyarah.")
    assert labels.get("Gwer") == "GPE" and labels.get("Qayyarah") == "GPE"
    assert labels.get("Hajj Ali") == "GPE"  # not a man named Ali with the title Hajj


@pytest.mark.model
def test_a_name_with_a_market_or_outskirts_is_a_place_in_every_mention(model_extractor):
    text = ("The car bomb went off on Thursday near the entrance of Sarmada's vegetable market, where "
            "farmers sell their produce. Traders in Sarmada said the market of Sarmada reopened.")
    a = model_extractor.extract(Document(text=text))
    assert [m.label for m in a.mentions if m.text == "Sarmada"] == ["GPE"] * 3


@pytest.mark.model
def test_a_name_with_an_entrance_or_an_edge_is_a_place_but_a_bodys_entrance_is_not(model_extractor):
    text = ("A roadside bomb exploded near the western entrance of Nawa on Tuesday evening as the car of "
            "the commander drove past. Police closed the road between Nawa and Sheikh Saad. Guards stood "
            "at the entrance of the Interior Ministry.")
    a = model_extractor.extract(Document(text=text))
    assert [m.type for m in a.mentions if m.text == "Nawa"] == ["place"] * 2
    assert [m.type for m in a.mentions if m.text == "Interior Ministry"] == ["organization"]


@pytest.mark.model
def test_where_a_happening_was_is_a_place_but_a_body_stays_a_body(model_extractor):
    text = ("A witness to the clashes in Darkush said two men were killed. The shops of Darkush reopened. "
            "He was detained in the Interior Ministry for a week.")
    a = model_extractor.extract(Document(text=text))
    assert [m.label for m in a.mentions if m.text == "Darkush"] == ["GPE"] * 2
    assert [m.type for m in a.mentions if m.text == "Interior Ministry"] == ["organization"]


@pytest.mark.model
def test_a_name_that_begins_with_a_word_for_a_well_or_a_valley_is_a_place(model_extractor):
    text = ("Security forces arrested Suleiman Awad al-Zaribi late on Wednesday in Bir al-Abd, officials "
            "said. The Wadi Hawar Monitoring Group said nothing.")
    a = model_extractor.extract(Document(text=text))
    labels = {m.text: (m.type, m.label) for m in a.mentions}
    assert labels["Bir al-Abd"][0] == "place"
    assert labels["Suleiman Awad al-Zaribi"][0] == "person"
    # A body's name that begins so stays a body's.
    assert labels.get("Wadi Hawar Monitoring Group", ("organization",))[0] == "organization"
