"""The dateline of wire copy, as reporters file it."""

import pytest

from crosscheck.extract.dateline import find, paragraph_places


@pytest.mark.parametrize("text, place, outlet", [
    ("HILLA, Iraq (Furat Press Agency) - A car bomb exploded.", "HILLA", "Furat Press Agency"),
    ("TUNIS/ZAWIYA, June 6 (Maghreb Dispatch) \u2013 Fighting erupted.", "TUNIS/ZAWIYA", "Maghreb Dispatch"),
    ("BAGHDAD, Jan. 3, 2027 (Tigris Wire) - Police said.", "BAGHDAD", "Tigris Wire"),
    ("ERBIL - The governor said.", "ERBIL", None),
])
def test_a_dateline_with_its_place_day_and_outlet_is_found(text, place, outlet):
    m = find(text)
    assert m is not None and m["place"] == place and m["outlet"] == outlet
    assert text[m.end():].split()[0][0].isupper() and text[m.end() - 2] in "-\u2013"


def test_a_headline_in_capitals_is_no_dateline():
    assert find("SOCCER - JAPAN GET LUCKY WIN") is None


@pytest.mark.model
def test_the_subject_after_a_dated_dateline_is_the_subject(model_extractor):
    from crosscheck.model import Document

    text = "TUNIS/GHARYAN, June 23 (Maghreb Dispatch) - Aref el-Qadi was abducted on Monday evening."
    analysis = model_extractor.extract(Document(text=text, date="2027-06-23"))
    (abduct,) = [p for p in analysis.propositions if p.predicate == "abduct"]
    (patient,) = [a for a in abduct.arguments if a.role == "patient"]
    assert text[slice(*patient.span)] == "Aref el-Qadi"
    assert not any(m.type == "person" and "TUNIS" in m.text for m in analysis.mentions)


def test_a_roundups_paragraphs_may_open_with_their_place_and_a_long_dash():
    text = ("Outlets reported the following.\n\nZuwara \u2013 According to Qasr Press Agency, a boat "
            "sank.\n\nAl-Khums \u2013 Nida al-Sahil said the port reopened.\n\n"
            "Well-known - and disputed - figures.")
    assert [m["place"] for m in paragraph_places(text)] == ["Zuwara", "Al-Khums"]


@pytest.mark.model
def test_the_subject_after_a_paragraphs_place_is_the_subject(model_extractor):
    from crosscheck.model import Document

    text = ("Radio Dunes gathered what other outlets reported.\n\nZuwara \u2013 According to Qasr Press "
            "Agency, the migrant boat capsized on Wednesday off Zuwara.")
    analysis = model_extractor.extract(Document(text=text, date="2027-06-19"))
    (capsized,) = [p for p in analysis.propositions if p.predicate == "capsize"]
    assert {a.role: a.lemma for a in capsized.arguments}["agent"] == "boat"
