from crosscheck.model import Analysis, Document, Mention
from crosscheck.resolve.names import initials, name_key
from crosscheck.resolve.within import link

ENTITY_TYPES = {"person", "organization", "place", "other"}


def _analysis(text: str, spec: list[tuple[str, str, str]]) -> Analysis:
    mentions, pos = [], 0
    for surface, label, type_ in spec:
        start = text.index(surface, pos)
        pos = start + len(surface)
        mentions.append(Mention(start, pos, surface, label, type_, "mentions", "1"))
    return Analysis(document=Document(text=text), mentions=mentions)


def test_name_key_ignores_case_accents_punctuation_and_possessive():
    assert name_key("Al-Hilli") == name_key("al Hilli") == "al hilli"
    assert name_key("Qāsim") == "qasim"
    assert name_key("the Counter Terrorism Service") == "counter terrorism service"
    assert name_key("Ouda's") == "ouda"
    assert name_key("Kata'ib Hezbollah") == "kataib hezbollah"


def test_initials():
    assert initials("Popular Mobilization Forces") == "PMF"


def test_surname_alone_joins_the_full_name_in_the_same_document():
    a = _analysis(
        "Salman Jabbar Ouda arrived. Ouda said Basra was calm. Salman left.",
        [("Salman Jabbar Ouda", "PERSON", "person"), ("Ouda", "PERSON", "person"),
         ("Basra", "GPE", "place"), ("Salman", "PERSON", "person")],
    )
    link(a, ENTITY_TYPES)
    keys = [m.entity_key for m in a.mentions]
    assert keys[0] == keys[1] == keys[3] == "person:salman jabbar ouda"
    assert keys[2] == "place:basra"


def test_surname_goes_to_the_full_name_the_report_uses_most():
    a = _analysis(
        "Ali Ouda met Hassan Ouda. Later Hassan Ouda spoke, and Ouda left.",
        [("Ali Ouda", "PERSON", "person"), ("Hassan Ouda", "PERSON", "person"),
         ("Hassan Ouda", "PERSON", "person"), ("Ouda", "PERSON", "person")],
    )
    link(a, ENTITY_TYPES)
    assert a.mentions[3].entity_key == "person:hassan ouda"


def test_surname_goes_to_the_person_the_report_is_about_not_a_relative_named_later():
    a = _analysis(
        "Waddah al-Hakimi was detained on Thursday. His brother, Amjad al-Hakimi, said the family "
        "had no news. Al-Hakimi was freed on Tuesday.",
        [("Waddah al-Hakimi", "PERSON", "person"), ("Amjad al-Hakimi", "PERSON", "person"),
         ("Al-Hakimi", "PERSON", "person")],
    )
    link(a, ENTITY_TYPES)
    assert a.mentions[2].entity_key == "person:waddah al hakimi"


def test_a_name_given_as_another_ones_is_that_one_wherever_the_report_uses_it():
    from crosscheck.model import Alias

    text = ("Abu Yahya arrested. Suleiman al-Zaribi, known as Abu Yahya, was held. "
            "Abu Yahya denied it, and he was freed.")
    a = _analysis(text, [("Abu Yahya", "PERSON", "person"), ("Suleiman al-Zaribi", "PERSON", "person"),
                         ("Abu Yahya", "PERSON", "person"), ("Abu Yahya", "PERSON", "person"),
                         ("he", "PERSON", "person")])
    given, later, he = a.mentions[2], a.mentions[3], a.mentions[4]
    a.aliases.append(Alias(name=(a.mentions[1].start, a.mentions[1].end), alias=(given.start, given.end),
                           kind="kunya", stage_version="2"))
    he.attrs["refers_to"] = [later.start, later.end]
    link(a, ENTITY_TYPES)
    assert {m.entity_key for m in a.mentions} == {"person:suleiman al zaribi"}


def test_acronym_joins_the_organisation_it_abbreviates():
    a = _analysis(
        "The Counter Terrorism Service (CTS) said CTS units moved.",
        [("Counter Terrorism Service", "ORG", "organization"), ("CTS", "ORG", "organization"),
         ("CTS", "ORG", "organization")],
    )
    link(a, ENTITY_TYPES)
    assert {m.entity_key for m in a.mentions} == {"organization:counter terrorism service"}


def test_unrelated_people_stay_apart_and_values_get_no_entity():
    a = _analysis(
        "Ali Hassan and Omar Saleh met on March 3.",
        [("Ali Hassan", "PERSON", "person"), ("Omar Saleh", "PERSON", "person"),
         ("March 3", "DATE", "date")],
    )
    link(a, ENTITY_TYPES)
    assert a.mentions[0].entity_key != a.mentions[1].entity_key
    assert a.mentions[2].entity_key is None


def test_one_person_spelt_two_ways_in_one_report_is_one_person():
    a = _analysis(
        "Governor Hafidh al-Zubaidi met Karim al-Zubaidi. Al-Zubaydi later said the talks failed.",
        [("Hafidh al-Zubaidi", "PERSON", "person"), ("Karim al-Zubaidi", "PERSON", "person"),
         ("Al-Zubaydi", "PERSON", "person")],
    )
    link(a, ENTITY_TYPES)
    # Two men share the family name: the bare surname has two candidates and stays apart.
    assert len({m.entity_key for m in a.mentions}) == 3
    a = _analysis(
        "Governor Hafidh al-Zubaidi arrived. Al-Zubaydi later said the talks failed. Hafiz al-Zubaidi left.",
        [("Hafidh al-Zubaidi", "PERSON", "person"), ("Al-Zubaydi", "PERSON", "person"),
         ("Hafiz al-Zubaidi", "PERSON", "person")],
    )
    link(a, ENTITY_TYPES)
    assert {m.entity_key for m in a.mentions} == {"person:hafidh al zubaidi"}
    text = a.document.text
    assert [(text[slice(*x.alias)], x.kind) for x in a.aliases] == [("Al-Zubaydi", "spelling"),
                                                                    ("Hafiz al-Zubaidi", "spelling")]


def test_an_organisation_in_the_singular_and_the_plural_is_one():
    a = _analysis(
        "The Rapid Response Brigades moved north. A Rapid Response Brigade convoy was hit. "
        "The Basra Police Forces and the Popular Mobilization Forces.",
        [("Rapid Response Brigades", "ORG", "organization"),
         ("Rapid Response Brigade", "ORG", "organization"),
         ("Basra Police Forces", "ORG", "organization"),
         ("Popular Mobilization Forces", "ORG", "organization")],
    )
    link(a, ENTITY_TYPES)
    keys = [m.entity_key for m in a.mentions]
    assert keys[0] == keys[1] == "organization:rapid response brigade"
    assert keys[3] == "organization:popular mobilization force"


def test_an_organisations_name_with_of_is_the_same_name_in_the_other_order():
    a = _analysis(
        "The Ministry of the Interior said the Interior Ministry would answer. Guardians of the "
        "Tigris Brigade and the Tigris Guardians Brigade. The Army of Islam and the Sons of Iraq.",
        [("Ministry of the Interior", "ORG", "organization"), ("Interior Ministry", "ORG", "organization"),
         ("Guardians of the Tigris Brigade", "ORG", "organization"),
         ("Tigris Guardians Brigade", "ORG", "organization"), ("Army of Islam", "ORG", "organization"),
         ("Sons of Iraq", "ORG", "organization")],
    )
    link(a, ENTITY_TYPES)
    keys = [m.entity_key for m in a.mentions]
    assert keys[0] == keys[1] == "organization:interior ministry"
    assert keys[2] == keys[3] == "organization:tigris guardians brigade"
    assert keys[4] != keys[5]


def test_an_organisation_named_in_arabic_and_in_translation_is_one():
    a = _analysis(
        "Kataib Hezbollah denied it. The Hezbollah Brigades had been blamed, and Kataib Hezbollah "
        "said so again. The Mahdi Army was not named.",
        [("Kataib Hezbollah", "ORG", "organization"), ("Hezbollah Brigades", "ORG", "organization"),
         ("Kataib Hezbollah", "ORG", "organization"), ("Mahdi Army", "ORG", "organization")],
    )
    link(a, ENTITY_TYPES)
    keys = [m.entity_key for m in a.mentions]
    assert keys[0] == keys[1] == keys[2] == "organization:kataib hezbollah"
    assert keys[3] == "organization:mahdi army"
    assert [(a.document.text[slice(*x.alias)], x.kind) for x in a.aliases] == [("Hezbollah Brigades",
                                                                                   "translation")]
