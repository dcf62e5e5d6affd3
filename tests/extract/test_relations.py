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
