import pytest

from crosscheck.extract.titles import add_titles, split_title
from crosscheck.model import Analysis, Document, Mention


def _person(text: str, name: str) -> Analysis:
    start = text.index(name)
    doc = Document(text=text)
    m = Mention(start, start + len(name), name, "PERSON", "person", "mentions", "1")
    return Analysis(document=doc, mentions=[m])


@pytest.mark.parametrize(
    "text, mention, name, title",
    [
        ("Major General Salman Ouda said", "Major General Salman Ouda", "Salman Ouda", "Major General"),
        ("said Interior Minister Qasim Hafidh.", "Qasim Hafidh", "Qasim Hafidh", "Interior Minister"),
        ("Iraqi Prime Minister Ali Hassan met", "Ali Hassan", "Ali Hassan", "Prime Minister"),
        ("Lt. Gen. Abdul Amir Yarallah", "Lt. Gen. Abdul Amir Yarallah", "Abdul Amir Yarallah", "Lt. Gen."),
        ("Sheikh Abu Ali al-Basri", "Abu Ali al-Basri", "Abu Ali al-Basri", "Sheikh"),
        # translated Arabic copy's honorific for a man who made the pilgrimage
        ("Hajj Abu Hashim is at home", "Hajj Abu Hashim", "Abu Hashim", "Hajj"),
        # an occupation news copy puts before a name as a title
        ("Activist Hamid Sabri al-Nouri is held", "Activist Hamid Sabri al-Nouri", "Hamid Sabri al-Nouri",
         "Activist"),
    ],
)
def test_title_is_cut_from_the_name_and_kept_as_attribute(text, mention, name, title):
    a = _person(text, mention)
    add_titles(a, [])
    (m,) = a.mentions
    assert m.text == name == text[m.start : m.end]
    assert m.attrs["title"] == title == text[m.attrs["title_start"] : m.attrs["title_end"]]


def test_plain_name_gets_no_title():
    a = _person("the spokesman Ali Hassan said", "Ali Hassan")
    add_titles(a, [])
    assert "title" not in a.mentions[0].attrs


def test_a_title_after_an_article_is_not_a_person():
    a = _person("Then the President said", "President")
    add_titles(a, [])
    assert a.mentions == []


def test_a_title_word_alone_may_be_a_surname():
    a = _person("Asked about it, King said no.", "King")
    add_titles(a, [])
    assert [m.text for m in a.mentions] == ["King"]


def test_title_inside_the_entity_is_cut_anywhere_in_the_text():
    a = _person("Yesterday Major General Salman Ouda said", "Major General Salman Ouda")
    add_titles(a, [])
    (m,) = a.mentions
    assert (m.text, m.attrs["title"]) == ("Salman Ouda", "Major General")


def test_word_inside_a_title_is_not_a_mention():
    text = "Interior Minister Qasim Hafidh said"
    doc = Document(text=text)
    org = Mention(0, 8, "Interior", "ORG", "organization", "mentions", "1")
    person = Mention(18, 30, "Qasim Hafidh", "PERSON", "person", "mentions", "1")
    a = Analysis(document=doc, mentions=[org, person])
    add_titles(a, [])
    assert [m.text for m in a.mentions] == ["Qasim Hafidh"]


def test_split_title_only_looks_at_whole_words():
    text = "Generally Ali Hassan"
    assert split_title(text, text.index("Ali"), len(text)) == (text.index("Ali"), None)
