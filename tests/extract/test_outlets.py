from crosscheck.extract.outlets import mark_outlets
from crosscheck.model import Analysis, Document, Mention


def test_the_documents_outlet_in_its_text_is_an_organisation():
    text = "Two officers told Tigris Monitor that Ali Hassan left. Tigris Monitor could not confirm it."
    doc = Document(text=text, outlet="The Tigris Monitor")
    wrong = Mention(18, 32, "Tigris Monitor", "PERSON", "person", "mentions", "1")
    person = Mention(38, 48, "Ali Hassan", "PERSON", "person", "mentions", "1")
    a = Analysis(document=doc, mentions=[wrong, person])
    mark_outlets(a, [])
    got = [(m.text, m.label, m.start) for m in a.mentions]
    assert got == [("Tigris Monitor", "ORG", 18), ("Ali Hassan", "PERSON", 38), ("Tigris Monitor", "ORG", 55)]
    assert all(text[m.start : m.end] == m.text for m in a.mentions)


def test_no_outlet_no_change():
    doc = Document(text="Tigris Monitor said.")
    m = Mention(0, 14, "Tigris Monitor", "PERSON", "person", "mentions", "1")
    a = Analysis(document=doc, mentions=[m])
    mark_outlets(a, [])
    assert a.mentions == [m]


def test_outlet_inside_a_longer_word_is_not_matched():
    doc = Document(text="The APX said.", outlet="AP")
    a = Analysis(document=doc, mentions=[])
    mark_outlets(a, [])
    assert a.mentions == []
