import pytest

from crosscheck.extract.kunyas import find, mark_kunyas
from crosscheck.model import Analysis, Document, Mention


def _analysis(text: str, *mentions: tuple[str, str]) -> Analysis:
    found = []
    for name, label in mentions:
        start = text.index(name)
        found.append(Mention(start, start + len(name), name, label, "x", "mentions", "1"))
    return Analysis(document=Document(text=text), mentions=found)


@pytest.mark.parametrize(
    "text, kunyas",
    [
        ("Abu Ali al-Basri said", ["Abu Ali al-Basri"]),
        ("a video by Abu Azrael and Umm Ahmed", ["Abu Azrael", "Umm Ahmed"]),
        ("Abu Ibrahim al-Hashimi al-Qurayshi was named", ["Abu Ibrahim al-Hashimi al-Qurayshi"]),
        ("flights to Abu Dhabi and the Abu Ghraib prison", []),
        ("the Abu al-Fadl al-Abbas Brigade fought", []),
        ("Liwa Abu al-Fadl al-Abbas said", []),
    ],
)
def test_find_kunyas_but_not_places_or_units(text, kunyas):
    assert [text[s:e] for s, e in find(text)] == kunyas


def test_kunya_the_model_missed_is_added_as_a_person():
    a = _analysis("Police said Abu Zainab left Basra.", ("Basra", "GPE"))
    mark_kunyas(a, [])
    assert [(m.text, m.label, m.type) for m in a.mentions] == [
        ("Abu Zainab", "PERSON", "person"), ("Basra", "GPE", "x")]


def test_kunya_labelled_as_organisation_becomes_a_person_and_keeps_the_model_label():
    a = _analysis("Abu Zainab al-Fayhawi denied it.", ("Abu Zainab", "ORG"))
    mark_kunyas(a, [])
    (m,) = a.mentions
    assert (m.text, m.label, m.attrs["model_label"]) == ("Abu Zainab al-Fayhawi", "PERSON", "ORG")


def test_family_name_inside_a_longer_person_is_left_to_the_model():
    a = _analysis("Hamas official Karim Abu Taleb said", ("Karim Abu Taleb", "PERSON"))
    mark_kunyas(a, [])
    assert [m.text for m in a.mentions] == ["Karim Abu Taleb"]
