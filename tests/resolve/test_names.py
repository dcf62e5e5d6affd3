"""Organisation names read across languages and spellings (``names.same_organization``)."""

import pytest

from crosscheck.resolve.names import alias_kind, same_organization, sound, translated


@pytest.mark.parametrize("a, b", [
    ("Kataib Hezbollah", "the Hezbollah Brigades"),
    ("Kataib Hezbollah", "Hezbollah Battalions"),
    ("Saraya al-Salam", "the Peace Companies"),
    ("Jaish al-Mahdi", "the Mahdi Army"),
    ("Liwa Hurras Dijla", "Guardians of the Tigris Brigade"),
    ("Harakat al-Nujaba", "the Nujaba Movement"),
    ("Kataib Sayyid al-Shuhada", "Kata'ib Sayyed al-Shohada"),
    ("Hizbullah", "Hezbollah"),
    ("Badr Organization", "the Badr Organisation"),
    ("the Ministry of the Interior", "Interior Ministry"),
    # Well-known bodies by names that share no word.
    ("Daesh", "the Islamic State"),
    ("PMF", "Hashd al-Shaabi"),
])
def test_one_name_translated_or_spelt_another_way(a, b):
    assert same_organization(a, b) and same_organization(b, a)


@pytest.mark.parametrize("a, b", [
    ("Kataib Sayyid al-Shuhada", "Kataib Usud al-Shuhada"),  # masters, lions
    ("the Rapid Response Brigade", "the Rapid Response Battalion"),  # a unit and one of its parts
    ("1st Brigade", "1st Battalion"),
    ("Interior Ministry", "Defence Ministry"),
    ("Liwa al-Furat", "Liwa Dijla"),  # Euphrates, Tigris
    ("Saraya al-Salam", "the Peace Companies Command"),  # a word more
    ("ISI", "ISIS"),  # acronyms are compared as written
    ("Daesh", "Hamas"),
])
def test_different_names_stay_apart(a, b):
    assert not same_organization(a, b)


def test_sound_keeps_the_consonants_transliterations_agree_on():
    assert sound("shuhada") == sound("shohada") and sound("sayyid") == sound("sayed")
    assert sound("sayyid") != sound("usud") and sound("dijla") != sound("tigris")


def test_a_translation_is_told_from_a_spelling():
    assert translated("Jaish al-Mahdi", "the Mahdi Army")
    assert not translated("Kataib Sayyid al-Shuhada", "Kata'ib Sayyed al-Shohada")
    assert alias_kind("Saraya al-Salam", ["the Peace Companies"]) == "translation"
    assert alias_kind("Kata'ib Sayyed al-Shohada", ["Kataib Sayyid al-Shuhada"]) == "spelling"
