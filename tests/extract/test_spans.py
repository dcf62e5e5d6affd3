import pytest

from crosscheck.extract.spans import trim


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
    ],
)
def test_trim_removes_what_is_not_part_of_a_name(text, expected):
    start, end = trim(text, 0, len(text))
    assert text[start:end] == expected


def test_trim_can_empty_a_span():
    start, end = trim('", ', 0, 3)
    assert start >= end
