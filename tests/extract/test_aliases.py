"""Aliases the text gives, on hand-written sentences with hand-placed mentions (no model)."""

from crosscheck.extract.aliases import add_aliases
from crosscheck.model import Analysis, Document, Mention
from crosscheck.resolve.within import link

ENTITY_TYPES = {"person", "organization", "place", "other"}
TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place"}


def _analysis(text: str, spec: list[tuple[str, str]]) -> Analysis:
    mentions, pos = [], 0
    for surface, label in spec:
        start = text.index(surface, pos)
        pos = start + len(surface)
        mentions.append(Mention(start, pos, surface, label, TYPES[label], "mentions", "1"))
    return Analysis(document=Document(text=text), mentions=mentions)


def _aliases(a: Analysis) -> list[tuple[str, str, str]]:
    text = a.document.text
    return [(text[slice(*x.name)], text[slice(*x.alias)], x.kind) for x in a.aliases]


def test_a_chain_of_aliases_after_a_name_each_with_its_kind():
    text = ("Commander Nabil Fadhil Sultan, better known as Abu Haidar al-Najafi, or 'the surveyor', "
            "ran the checkpoints. The surveyor left in May.")
    a = _analysis(text, [("Nabil Fadhil Sultan", "PERSON"), ("Abu Haidar al-Najafi", "PERSON")])
    add_aliases(a, [])
    assert _aliases(a) == [("Nabil Fadhil Sultan", "Abu Haidar al-Najafi", "kunya"),
                           ("Nabil Fadhil Sultan", "the surveyor", "epithet"),
                           ("Nabil Fadhil Sultan", "The surveyor", "epithet")]
    # The epithet became a mention, and so did its later occurrence.
    assert [m.text for m in a.mentions if m.stage == "aliases"] == ["the surveyor", "The surveyor"]
    link(a, ENTITY_TYPES)
    assert {m.entity_key for m in a.mentions} == {"person:nabil fadhil sultan"}


def test_a_birth_name_and_a_nom_de_guerre():
    text = "Abu Tariq al-Dulaimi, whose real name is Khalil Ibrahim Hamad, was arrested."
    a = _analysis(text, [("Abu Tariq al-Dulaimi", "PERSON")])
    add_aliases(a, [])
    assert _aliases(a) == [("Abu Tariq al-Dulaimi", "Khalil Ibrahim Hamad", "birth_name")]
    text = "Abu Tariq, the nom de guerre of Khalil Hamad, was arrested."
    a = _analysis(text, [("Abu Tariq", "PERSON"), ("Khalil Hamad", "PERSON")])
    add_aliases(a, [])
    assert _aliases(a) == [("Khalil Hamad", "Abu Tariq", "kunya")]


def test_born_needs_a_name_after_it():
    text = "Karim Jassim, born in Basra in 1971, and Layla Aziz, born Layla Hammoudi, spoke."
    a = _analysis(text, [("Karim Jassim", "PERSON"), ("Basra", "GPE"), ("Layla Aziz", "PERSON")])
    add_aliases(a, [])
    assert _aliases(a) == [("Layla Aziz", "Layla Hammoudi", "birth_name")]


def test_an_acronym_in_brackets_and_a_former_name():
    text = ("The Southern Rapid Response Brigades (SRRB), formerly known as the Basra Protection Force, "
            "said SRRB units left. The Fayhaa Gazette (FG) agreed. Ali Kadhim (pictured) did not.")
    a = _analysis(text, [("Southern Rapid Response Brigades", "ORG"), ("Basra Protection Force", "ORG"),
                         ("SRRB", "ORG"), ("Fayhaa Gazette", "ORG"), ("Ali Kadhim", "PERSON")])
    add_aliases(a, [])
    assert _aliases(a) == [("Southern Rapid Response Brigades", "SRRB", "acronym"),
                           ("Southern Rapid Response Brigades", "Basra Protection Force", "former_name"),
                           ("Fayhaa Gazette", "FG", "acronym")]
    link(a, ENTITY_TYPES)
    keys = {m.text: m.entity_key for m in a.mentions}
    assert keys["Basra Protection Force"] == keys["SRRB"] == "organization:southern rapid response brigade"


def test_a_quoted_or_is_needed_for_an_epithet():
    text = "Hassan Ali, or his brother, signed it. Hassan Ali or Kadhim Ali will go."
    a = _analysis(text, [("Hassan Ali", "PERSON"), ("Hassan Ali", "PERSON"), ("Kadhim Ali", "PERSON")])
    add_aliases(a, [])
    assert a.aliases == []


def test_a_later_part_of_an_alias_joins_the_person():
    text = "Salim Hadi Jabr, known as Abu Zahra al-Kufi, spoke. Al-Kufi later denied it."
    a = _analysis(text, [("Salim Hadi Jabr", "PERSON"), ("Abu Zahra al-Kufi", "PERSON"),
                         ("Al-Kufi", "PERSON")])
    add_aliases(a, [])
    link(a, ENTITY_TYPES)
    assert {m.entity_key for m in a.mentions} == {"person:salim hadi jabr"}


def test_a_kunya_past_an_apposition_is_the_person_s_not_the_body_s():
    text = ("It was holding Salim al-Jubouri, a commander of the Tigris Dawn Battalions known as Abu Hashim, "
            "after its forces detained him. The commander, Adnan Saleh, known to his followers as Abu Ali, "
            "fled.")
    a = _analysis(text, [("Salim al-Jubouri", "PERSON"), ("Tigris Dawn Battalions", "ORG"),
                         ("Abu Hashim", "PERSON"), ("Adnan Saleh", "PERSON"), ("Abu Ali", "PERSON")])
    add_aliases(a, [])
    assert _aliases(a) == [("Salim al-Jubouri", "Abu Hashim", "kunya"), ("Adnan Saleh", "Abu Ali", "kunya")]
