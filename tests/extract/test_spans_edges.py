"""The newer edge rules of span hygiene: asides, caption labels, articles, abbreviations."""

import pytest

from crosscheck.extract.spans import clean_spans, drop_article, trim
from crosscheck.model import Analysis, Document, Mention


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Popular Mobilization Forces (PMF)", "Popular Mobilization Forces"),
        ("the Bolivarian National Armed Forces (FANB", "the Bolivarian National Armed Forces"),
        ("Chester J. McBride[900]", "Chester J. McBride"),
        ("FILE - Salman Abedi", "Salman Abedi"),
        ("BAGHDAD \u2014 Interior Ministry", "Interior Ministry"),
        ("(CTS)", "CTS"),
    ],
)
def test_trim_cuts_asides_and_caption_labels(text, expected):
    start, end = trim(text, 0, len(text))
    assert text[start:end] == expected


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
