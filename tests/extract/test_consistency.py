from crosscheck.extract.consistency import make_consistent
from crosscheck.model import Analysis, Document, Mention


def _analysis(text: str, *mentions: tuple[str, str, int]) -> Analysis:
    """Mentions as (text, label, which occurrence of the text)."""
    found = []
    for name, label, nth in mentions:
        start = -1
        for _ in range(nth + 1):
            start = text.index(name, start + 1)
        found.append(Mention(start, start + len(name), name, label, "x", "mentions", "1"))
    return Analysis(document=Document(text=text), mentions=found)


def _labels(a: Analysis) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in a.mentions]


def test_surname_after_a_full_name_is_that_person():
    a = _analysis("Nadia Rahim Sawaf spoke. Sawaf said", ("Nadia Rahim Sawaf", "PERSON", 0),
                  ("Sawaf", "ORG", 1))
    make_consistent(a, [])
    assert _labels(a) == [("Nadia Rahim Sawaf", "PERSON"), ("Sawaf", "PERSON")]
    assert a.mentions[1].attrs["model_label"] == "ORG"


def test_a_place_named_like_a_person_stays_a_place_when_it_is_mostly_a_place():
    text = "George Washington. Washington said. In Washington, and Washington again."
    a = _analysis(text, ("George Washington", "PERSON", 0), ("Washington", "GPE", 1),
                  ("Washington", "GPE", 2), ("Washington", "GPE", 3))
    make_consistent(a, [])
    assert [label for _, label in _labels(a)] == ["PERSON", "GPE", "GPE", "GPE"]


def test_a_bare_majority_of_person_labels_decides():
    text = "Seles won. Seles lost. Seles rested."
    a = _analysis(text, ("Seles", "PERSON", 0), ("Seles", "PERSON", 1), ("Seles", "ORG", 2))
    make_consistent(a, [])
    assert [label for _, label in _labels(a)] == ["PERSON"] * 3


def test_gazetteer_mentions_keep_their_label():
    a = _analysis("Ali Reuters met. Reuters said", ("Ali Reuters", "PERSON", 0), ("Reuters", "ORG", 1))
    a.mentions[1].attrs["gazetteer"] = "outlet"
    make_consistent(a, [])
    assert a.mentions[1].label == "ORG"


def test_a_name_ending_in_an_organisations_head_is_an_organisation():
    text = "The Saif al-Sahil Brigade denied it. Saif Jumaa said. The brigade of Hamza said."
    a = _analysis(text, ("Saif al-Sahil Brigade", "PERSON", 0), ("Saif Jumaa", "PERSON", 0),
                  ("Hamza", "PERSON", 0))
    make_consistent(a, [])
    assert _labels(a) == [("Saif al-Sahil Brigade", "ORG"), ("Saif Jumaa", "PERSON"), ("Hamza", "PERSON")]
    assert a.mentions[0].attrs["model_label"] == "PERSON"


def _parsed(words: list[str], pos: list[str]):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=words, pos=pos)


def test_a_full_name_the_model_missed_is_the_person_its_last_word_names():
    words = ["Hemin", "Mahmoud", "is", "held", ".", "Police", "said", "Mahmoud", "was", "questioned", "."]
    pos = ["PROPN", "PROPN", "AUX", "VERB", "PUNCT", "NOUN", "VERB", "PROPN", "AUX", "VERB", "PUNCT"]
    doc = _parsed(words, pos)
    a = _analysis(doc.text, ("Mahmoud", "PERSON", 1))
    make_consistent(a, [(0, doc)])
    assert _labels(a) == [("Hemin Mahmoud", "PERSON"), ("Mahmoud", "PERSON")]
    assert a.mentions[0].stage == "consistency"


def test_a_run_of_names_inside_a_mention_or_not_ending_in_a_persons_name_is_left():
    words = ["Mahmoud", "Street", "and", "Ali", "Mahmoud", "Hospital", "met", "Mahmoud", "."]
    pos = ["PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT"]
    doc = _parsed(words, pos)
    a = _analysis(doc.text, ("Mahmoud", "PERSON", 2))
    make_consistent(a, [(0, doc)])
    assert _labels(a) == [("Mahmoud", "PERSON")]


def test_a_groups_name_the_model_missed_once_is_that_group_where_the_report_gives_it_again():
    text = ("Fighters of the Taka Hills Brigade seized a convoy. The Taka Hills Brigade denied it. "
            "Taka Hillsides.")
    a = _analysis(text, ("Taka Hills Brigade", "ORG", 1))
    make_consistent(a, [])
    assert _labels(a) == [("Taka Hills Brigade", "ORG"), ("Taka Hills Brigade", "ORG")]
    assert a.mentions[0].start == text.index("Taka") and a.mentions[0].stage == "consistency"
    # One word is too little to tell a name from a word ("Police" once labelled).
    b = _analysis("Police said. Police came.", ("Police", "ORG", 0))
    make_consistent(b, [])
    assert len(b.mentions) == 1


def test_the_place_of_the_dateline_is_a_place_wherever_the_report_names_it():
    text = ("SARMADA, Syria, March 7 (LRW) - A car bomb hit the market of Sarmada. Traders in Sarmada "
            "said so. Hilla was calm, and Sawaf Hilla, a trader, spoke.")
    a = _analysis(text, ("SARMADA", "GPE", 0), ("Sarmada", "ORG", 0), ("Sarmada", "PERSON", 1),
                  ("Hilla", "ORG", 0), ("Sawaf Hilla", "PERSON", 0))
    make_consistent(a, [])
    # (Hilla is not the dateline's place: the end of a person's name makes it his.)
    assert _labels(a) == [("SARMADA", "GPE"), ("Sarmada", "GPE"), ("Sarmada", "GPE"), ("Hilla", "PERSON"),
                          ("Sawaf Hilla", "PERSON")]
    assert a.mentions[2].attrs["model_label"] == "PERSON"


def test_a_person_whose_name_ends_in_the_datelines_place_keeps_his_name():
    text = "HILLA, Iraq (FPA) - Sawaf Hilla spoke. Hilla said the market was shut."
    a = _analysis(text, ("HILLA", "GPE", 0), ("Sawaf Hilla", "PERSON", 0), ("Hilla", "PERSON", 1))
    make_consistent(a, [])
    assert [label for _, label in _labels(a)] == ["GPE", "PERSON", "PERSON"]


def test_a_place_named_as_a_battalion_is_the_battalion():
    text = "He was held at the Haras al-Watan Battalion's base. Fort Hood and the Nile Delta."
    a = _analysis(text, ("Haras al-Watan Battalion", "FAC", 0), ("Fort Hood", "FAC", 0),
                  ("Nile Delta", "LOC", 0))
    make_consistent(a, [])
    assert [label for _, label in _labels(a)] == ["ORG", "FAC", "LOC"]
