import pytest

from crosscheck.extract.spans import clean_spans, drop_article, trim
from crosscheck.model import Analysis, Document, Mention


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ouda's", "Ouda"),
        ("Ouda\u2019s", "Ouda"),
        ('"Reuters,', "Reuters"),
        ("Basra.", "Basra"),
        ("U.S.", "U.S."),
        ("Acme Corp.", "Acme Corp."),
        ("(CTS)", "CTS"),
        ("al-Hilli", "al-Hilli"),
        ("Popular Mobilization Forces (PMF)", "Popular Mobilization Forces"),
        ("the Federal Border Guard Forces (FBGF", "the Federal Border Guard Forces"),
        ("Hadi K. Sarraf[12]", "Hadi K. Sarraf"),
        ("FILE - Salman Ouda", "Salman Ouda"),
        ("BAGHDAD \u2014 Interior Ministry", "Interior Ministry"),
    ],
)
def test_trim_cuts_what_is_not_part_of_a_name(text, expected):
    start, end = trim(text, 0, len(text))
    assert text[start:end] == expected


def test_trim_can_empty_a_span():
    start, end = trim('", ', 0, 3)
    assert start >= end


def test_trim_keeps_a_period_the_tokenizer_kept():
    assert trim("Calif.", 0, 6, abbreviation=True) == (0, 6)
    assert trim("Basra.", 0, 6, abbreviation=False) == (0, 5)


@pytest.mark.parametrize(
    "text, sentence_start, expected",
    [
        ("the Interior Ministry", False, "Interior Ministry"),
        ("The Interior Ministry", True, "Interior Ministry"),
        ("The Associated Press", False, "The Associated Press"),
    ],
)
def test_article_is_dropped_unless_it_is_part_of_the_name(text, sentence_start, expected):
    assert text[drop_article(text, 0, len(text), sentence_start):] == expected


def test_clean_spans_drops_the_article_of_organisations_only():
    text = "He met the Interior Ministry and the Beatles."
    org = Mention(7, 28, "the Interior Ministry", "ORG", "organization", "mentions", "1")
    work = Mention(33, 44, "the Beatles", "WORK_OF_ART", "other", "mentions", "1")
    a = Analysis(document=Document(text=text), mentions=[org, work])
    clean_spans(a, [])
    assert [m.text for m in a.mentions] == ["Interior Ministry", "the Beatles"]


@pytest.mark.model
def test_a_persons_given_name_the_model_left_out_is_taken_back(model_extractor):
    text = ("Mohannad Jawad Al-Shwaili, a commander in the Eastern Dawn Battalions, was detained at a "
            "checkpoint on Monday, a police source said.")
    people = [m.text for m in model_extractor.extract(Document(text=text)).mentions if m.type == "person"]
    assert "Mohannad Jawad Al-Shwaili" in people and "Jawad Al-Shwaili" not in people
    # A title before the name stays out of it.
    text = "Sheikh Hamid Nasser al-Zubaidi said the clashes had ended."
    people = [m.text for m in model_extractor.extract(Document(text=text)).mentions if m.type == "person"]
    assert not any(p.startswith("Sheikh") for p in people)
