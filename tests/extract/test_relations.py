"""Relations a name's own words give: titles (no model) and roles in apposition (real parse)."""

import pytest

from crosscheck.extract.relations import add_relations
from crosscheck.model import Analysis, Document, Mention


def test_a_title_is_a_post_held():
    text = "Interior Minister Qasim Hafidh spoke."
    m = Mention(18, 30, "Qasim Hafidh", "PERSON", "person", "mentions", "1",
                attrs={"title": "Interior Minister", "title_start": 0, "title_end": 17})
    a = Analysis(document=Document(text=text), mentions=[m])
    add_relations(a, [])
    (r,) = a.relations
    assert (r.type, r.subject, r.object, r.role) == ("holds_post", (18, 30), None, "Interior Minister")
    assert text[slice(*r.evidence)] == "Interior Minister Qasim Hafidh"


@pytest.fixture(scope="module")
def relations_of(model_extractor):
    def run(text):
        a = model_extractor.extract(Document(text=text))
        span = lambda s: text[s[0]:s[1]] if s else None  # noqa: E731
        return {(r.type, span(r.subject), span(r.object), r.role) for r in a.relations}
    return run


@pytest.mark.model
def test_roles_in_apposition_with_and_without_an_organisation(relations_of):
    found = relations_of(
        "Nabil Sultan, the commander of the Southern Protection Brigades, met reporters. "
        "Karim Dawood, the governor's security adviser, was there. "
        "The brigades' spokesman, Ali Kadhim, said Hadi Sabri, one of the founders of the "
        "Southern Protection Brigades, had left.")
    assert ("leads", "Nabil Sultan", "Southern Protection Brigades", "commander") in found
    assert ("holds_post", "Karim Dawood", None, "security adviser") in found
    assert ("founded", "Hadi Sabri", "Southern Protection Brigades", "founders") in found
    assert any(t == "member_of" and s == "Ali Kadhim" and r == "spokesman" for t, s, _, r in found)


@pytest.mark.model
def test_a_word_that_is_no_role_makes_no_relation(relations_of):
    assert relations_of("Nabil Sultan, a resident of Basra, and Ali Kadhim, his neighbour, spoke.") == set()


def test_an_organisation_a_role_and_a_name_in_a_row():
    text = "Interior Ministry spokesman Saad Maan and Basra governor Asaad Eidani met the Kut mayor's aide."
    spec = [("Interior Ministry", "ORG", "organization"), ("Saad Maan", "PERSON", "person"),
            ("Basra", "GPE", "place"), ("Asaad Eidani", "PERSON", "person"), ("Kut", "GPE", "place")]
    mentions = [Mention(text.index(s), text.index(s) + len(s), s, label, type_, "mentions", "1")
                for s, label, type_ in spec]
    a = Analysis(document=Document(text=text), mentions=mentions)
    add_relations(a, [])
    found = {(r.type, text[slice(*r.subject)], text[slice(*r.object)], r.role) for r in a.relations}
    assert found == {("member_of", "Saad Maan", "Interior Ministry", "spokesman"),
                     ("leads", "Asaad Eidani", "Basra", "governor")}


@pytest.fixture(scope="module")
def dated_relations_of(model_extractor):
    """Each relation as (type, subject, object, role, since, until), as words."""
    def run(text):
        a = model_extractor.extract(Document(text=text, date="2021-06-15"))
        span = lambda s: text[s[0]:s[1]] if s else None  # noqa: E731
        return {(r.type, span(r.subject), span(r.object), r.role, span(r.since), span(r.until))
                for r in a.relations}
    return run


@pytest.mark.model
def test_an_appointment_gives_who_appointed_whom_to_which_post_and_since_when(dated_relations_of):
    found = dated_relations_of(
        "Prime Minister Adel Hamoudi appointed Qasim Jabbar as commander of the Southern "
        "Protection Brigades in March 2019.")
    assert ("appointed", "Qasim Jabbar", "Adel Hamoudi", "commander of the Southern Protection Brigades",
            "March 2019", None) in found
    # The post itself, from the same words: he leads the brigades since then.
    assert ("leads", "Qasim Jabbar", "Southern Protection Brigades", "commander", "March 2019", None) in found


@pytest.mark.model
def test_a_passive_appointment_names_the_appointer_after_by(dated_relations_of):
    found = dated_relations_of("Qasim Jabbar was named interior minister by Adel Hamoudi last October.")
    assert ("appointed", "Qasim Jabbar", "Adel Hamoudi", "interior minister", "last October", None) in found


@pytest.mark.model
def test_a_dismissal_ends_the_post_on_its_date(dated_relations_of):
    found = dated_relations_of("Governor Walid Hatem dismissed the police chief, Raad Saleh, on March 3.")
    assert ("dismissed", "Raad Saleh", "Walid Hatem", "police chief", None, "March 3") in found
    assert ("holds_post", "Raad Saleh", None, "police chief", None, "March 3") in found


@pytest.mark.model
def test_a_removal_from_a_post_as_governor(dated_relations_of):
    found = dated_relations_of("Walid Hatem was removed from his post as governor of Maysan in 2020.")
    assert ("dismissed", "Walid Hatem", None, "governor of Maysan", None, "2020") in found
    assert ("leads", "Walid Hatem", "Maysan", "governor", None, "2020") in found


@pytest.mark.model
def test_founded_by_and_formed_with_the_help_of(dated_relations_of):
    found = dated_relations_of(
        "Hadi Sabri founded the Sons of the South Movement in 2004. "
        "The Sons of the South Movement was formed with the help of the Revolutionary Guards.")
    assert any(t == "founded" and s == "Hadi Sabri" and "Sons of the South Movement" in o and a == "2004"
               for t, s, o, r, a, b in found)
    assert any(t == "formed_with" and "Sons of the South Movement" in s and o == "Revolutionary Guards"
               for t, s, o, *_ in found)


@pytest.mark.model
def test_trained_by_reports_to_and_attached_to(dated_relations_of):
    found = dated_relations_of(
        "The Rapid Response Division was trained by the Revolutionary Guards. "
        "The Rapid Response Division reports to the Interior Ministry and is attached to the "
        "Popular Mobilisation Commission.")
    bare = lambda words: words.removeprefix("The ").removeprefix("the ")  # noqa: E731
    pairs = {(t, bare(s), bare(o)) for t, s, o, *_ in found}
    assert ("trained_by", "Rapid Response Division", "Revolutionary Guards") in pairs
    assert ("reports_to", "Rapid Response Division", "Interior Ministry") in pairs
    assert ("attached_to", "Rapid Response Division", "Popular Mobilisation Commission") in pairs


@pytest.mark.model
def test_a_unit_of_another_organisation_is_attached_to_it(dated_relations_of):
    found = dated_relations_of("Kataib Sayyid al-Shuhada, a unit of the Popular Mobilisation Commission, "
                               "denied the report.")
    assert any(t == "attached_to" and s == "Kataib Sayyid al-Shuhada"
               and "Popular Mobilisation Commission" in o and r == "unit" for t, s, o, r, *_ in found)


@pytest.mark.model
def test_an_accusation_keeps_the_charge_as_its_role(dated_relations_of):
    found = dated_relations_of("The Wataniya Party accused Qasim Jabbar of selling seized weapons. "
                               "Raad Saleh was charged with murder.")
    assert any(t == "accused_of" and s == "Qasim Jabbar" and "Wataniya Party" in o
               and r == "selling seized weapons" for t, s, o, r, *_ in found)
    assert ("accused_of", "Raad Saleh", None, "murder", None, None) in found


@pytest.mark.model
def test_targeted_by_with_or_without_the_attacker(dated_relations_of):
    found = dated_relations_of("Gunmen kidnapped the journalist Samir Aziz in Baghdad. "
                               "Samir Aziz had been targeted by the Sons of the South Movement before.")
    assert ("targeted", "Samir Aziz", None, None, None, None) in found
    assert any(t == "targeted" and o and "Sons of the South Movement" in o for t, s, o, *_ in found)


@pytest.mark.model
def test_verbs_in_other_senses_make_no_relation(dated_relations_of):
    found = dated_relations_of("A man named Hussein Kareem said the army fired on the crowd. "
                               "The report names no one.")
    assert not [r for r in found if r[0] in ("appointed", "dismissed", "targeted")]


@pytest.mark.model
def test_a_role_held_since_a_date(dated_relations_of):
    found = dated_relations_of(
        "Qasim Jabbar, the commander of the Southern Protection Brigades since 2019, spoke.")
    assert ("leads", "Qasim Jabbar", "Southern Protection Brigades", "commander", "2019", None) in found


@pytest.mark.model
def test_a_denied_charge_is_no_accusation(dated_relations_of):
    found = dated_relations_of("Raad Saleh has never been charged with any crime. "
                               "Neither Walid Hatem nor his aides were accused of corruption.")
    assert not [r for r in found if r[0] == "accused_of"]


@pytest.mark.model
def test_naming_someone_as_the_man_who_did_something_is_no_appointment(dated_relations_of):
    found = dated_relations_of("The letter named the brigade's commander, Qasim Jabbar, as the man who "
                               "received the shipment.")
    assert not [r for r in found if r[0] == "appointed"]


@pytest.mark.model
def test_a_relative_clause_accusation_is_about_its_antecedent(dated_relations_of):
    found = dated_relations_of("Officials criticised the Sons of the South Movement, which has been accused "
                               "by the Wataniya Party of seizing farmland.")
    assert any(t == "accused_of" and "Sons of the South Movement" in s and "Wataniya Party" in o
               and r == "seizing farmland" for t, s, o, r, *_ in found)


@pytest.mark.model
def test_served_as_a_deputy_is_a_member_since_its_date(dated_relations_of):
    found = dated_relations_of("Qasim Jabbar had served as deputy commander of the Southern Protection "
                               "Brigades since 2023.")
    assert ("member_of", "Qasim Jabbar", "Southern Protection Brigades", "deputy commander", "2023",
            None) in found


def test_every_relation_type_reads_from_subject_to_object():
    from crosscheck.extract import lexicon
    from crosscheck.extract.relations import reads

    data = lexicon.load("relations.yml")
    assert set(data["reads"]) == set(data["types"])
    assert reads("dismissed") == "dismissed by"
    # Every verb's type and every role's type is a declared type.
    assert set(data["verbs"]) | set(data["roles"]) <= set(data["types"])


@pytest.mark.model
def test_a_post_held_from_one_date_to_another(dated_relations_of):
    found = dated_relations_of("Hassan Jaber served as governor of Maysan from 2010 until 2014.")
    assert ("leads", "Hassan Jaber", "Maysan", "governor", "2010", "2014") in found


@pytest.mark.model
def test_an_award_nomination_and_a_removal_from_a_list_are_no_posts(dated_relations_of):
    found = dated_relations_of("Samir Aziz was nominated for a press award. "
                               "The commission removed Walid Hatem from the list of candidates.")
    assert not [r for r in found if r[0] in ("appointed", "dismissed")]
