"""References ("the brigade", "the governor", "he") on hand-written text with hand-placed
mentions and sentences (no model)."""

import re

import pytest

from crosscheck.extract.references import add_references
from crosscheck.model import Analysis, Document, Mention, Sentence
from crosscheck.resolve.within import link

ENTITY_TYPES = {"person", "organization", "place", "other"}
TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place"}


def _analysis(text, spec, titles=None):
    mentions, pos = [], 0
    for surface, label in spec:
        start = text.index(surface, pos)
        pos = start + len(surface)
        m = Mention(start, pos, surface, label, TYPES[label], "mentions", "1")
        if titles and surface in titles:
            m.attrs["title"] = titles[surface]
        mentions.append(m)
    sentences = [Sentence(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    return Analysis(document=Document(text=text), mentions=mentions, sentences=sentences)


def _refs(a):
    text = a.document.text
    return [(m.text, text[slice(*m.attrs["refers_to"])], m.attrs["reference"])
            for m in a.mentions if m.stage == "references"]


def test_a_definite_reference_to_the_one_organisation_with_that_head():
    text = ("The Southern Protection Brigades took the port. The brigades deny it. "
            "The ministry of oil was not told. The council met.")
    a = _analysis(text, [("Southern Protection Brigades", "ORG")])
    add_references(a, [])
    # "the ministry of oil" names a ministry of its own; no council was named.
    assert _refs(a) == [("The brigades", "Southern Protection Brigades", "definite")]


def test_a_capitalised_head_the_recogniser_took_for_a_name_is_a_reference():
    text = "Firqat al-Hisn holds the crossing. The Division denies it. The Army said nothing."
    a = _analysis(text, [("Firqat al-Hisn", "ORG"), ("Division", "ORG"), ("Army", "ORG")])
    add_references(a, [])
    link(a, ENTITY_TYPES)
    # (Firqat: division, as the brigade's liwa is one; no army was named before.)
    assert [m.entity_key for m in a.mentions if m.type == "organization"] == [
        "organization:firqat al hisn", "organization:firqat al hisn", "organization:army"]


def test_two_candidates_leave_a_reference_unlinked():
    text = "The Basra Brigade and the Amara Brigade clashed. The brigade withdrew."
    a = _analysis(text, [("Basra Brigade", "ORG"), ("Amara Brigade", "ORG")])
    add_references(a, [])
    assert _refs(a) == []


def test_a_title_and_the_pronouns_that_continue_it():
    text = ("Governor Hafidh al-Zubaidi met Saad Khalaf. The governor said the talks failed. "
            "He left early. Khalaf stayed. He said nothing. She was not there.")
    a = _analysis(text, [("Hafidh al-Zubaidi", "PERSON"), ("Saad Khalaf", "PERSON"),
                         ("Khalaf", "PERSON")], titles={"Hafidh al-Zubaidi": "Governor"})
    add_references(a, [])
    assert _refs(a) == [("The governor", "Hafidh al-Zubaidi", "title"),
                        ("He", "Hafidh al-Zubaidi", "pronoun"),
                        ("He", "Khalaf", "pronoun")]
    # "She": no one is named in its sentence or the one before, so it is left unlinked.
    link(a, ENTITY_TYPES)
    keys = [(m.text, m.entity_key) for m in a.mentions if m.type == "person"]
    assert keys == [("Hafidh al-Zubaidi", "person:hafidh al zubaidi"),
                    ("Saad Khalaf", "person:saad khalaf"),
                    ("The governor", "person:hafidh al zubaidi"), ("He", "person:hafidh al zubaidi"),
                    ("Khalaf", "person:saad khalaf"), ("He", "person:saad khalaf")]


def test_a_description_given_where_a_person_is_named_is_a_title_for_later():
    text = ("Nabil Yousef Karim, a freelance reporter, was detained. Col. Sami Hadi, the commander of "
            "the unit, said nothing. Armed men took the Mosul journalist Walid Qasim from his home. "
            "Later the reporter was moved. The colonel declined to comment. The journalist is missing.")
    people = [("Nabil Yousef Karim", "PERSON"), ("Sami Hadi", "PERSON"), ("Walid Qasim", "PERSON")]
    a = _analysis(text, people, titles={"Sami Hadi": "Col."})
    add_references(a, [])
    refs = [r for r in _refs(a) if r[2] == "title"]
    # An appositive's head ("a freelance reporter"), an abbreviated title ("Col."), a
    # description before the name ("the Mosul journalist"); "the commander of the unit" is
    # read to its head, not to "unit".
    assert refs == [("the reporter", "Nabil Yousef Karim", "title"), ("The colonel", "Sami Hadi", "title"),
                    ("The journalist", "Walid Qasim", "title")]


def test_two_people_described_alike_leave_the_description_unlinked():
    text = "Nabil Karim, a reporter, and Walid Qasim, a reporter, were detained. The reporter was freed."
    a = _analysis(text, [("Nabil Karim", "PERSON"), ("Walid Qasim", "PERSON")])
    add_references(a, [])
    assert [r for r in _refs(a) if r[2] == "title"] == []


def test_a_pronoun_with_two_people_in_reach_is_left_alone():
    text = "Saad Khalaf met Ali Kadhim. He said the deal was done."
    a = _analysis(text, [("Saad Khalaf", "PERSON"), ("Ali Kadhim", "PERSON")])
    add_references(a, [])
    assert _refs(a) == []


@pytest.mark.model
def test_a_name_and_the_kunya_the_text_gives_it_leave_one_candidate(model_extractor):
    text = ("The service said it was holding Salim al-Jubouri, a commander known as Abu Hashim, after "
            "its forces detained him on Sunday.")
    a = model_extractor.extract(Document(text=text))
    (him,) = [m for m in a.mentions if m.stage == "references" and m.text == "him"]
    assert text[slice(*him.attrs["refers_to"])] in ("Salim al-Jubouri", "Abu Hashim")


def test_the_group_is_the_one_armed_group_named_before_whatever_its_head():
    text = ("The Interior Ministry said the Guardians of the East Brigade left. The group denies it. "
            "Liwa al-Thabitin and the Sons of Hamrin met. The group said nothing.")
    a = _analysis(text, [("Interior Ministry", "ORG"), ("Guardians of the East Brigade", "ORG"),
                         ("Liwa al-Thabitin", "ORG"), ("Sons of Hamrin", "ORG")])
    add_references(a, [])
    # The ministry is no armed group; after two armed groups "the group" has two candidates.
    assert _refs(a) == [("The group", "Guardians of the East Brigade", "definite")]


def test_the_brigade_or_the_liwa_is_the_group_named_in_arabic_for_a_brigade():
    text = ("Liwa Ahfad al-Asi clashed with the clan. The brigade has 5,000 fighters, and the liwa denies "
            "raids. Jaish al-Mahdi met. The army said nothing.")
    a = _analysis(text, [("Liwa Ahfad al-Asi", "ORG"), ("Jaish al-Mahdi", "ORG")])
    add_references(a, [])
    assert _refs(a) == [("The brigade", "Liwa Ahfad al-Asi", "definite"), ("the liwa", "Liwa Ahfad al-Asi",
                                                                            "definite"),
                        ("The army", "Jaish al-Mahdi", "definite")]


@pytest.mark.model
def test_an_armed_groups_name_cut_after_of_or_written_in_arabic_is_one_organisation(model_extractor):
    text = ("The Guardians of the East Brigade denied it. Liwa al-Thabitin and Jaish al-Mahdi met "
            "the Minister of Defence at the Bank of England.")
    found = {(m.text, m.type) for m in model_extractor.extract(Document(text=text)).mentions}
    assert {("Guardians of the East Brigade", "organization"), ("Liwa al-Thabitin", "organization"),
            ("Jaish al-Mahdi", "organization")} <= found
    assert not any(t.startswith("Minister of") for t, _ in found)  # a title, not a body
