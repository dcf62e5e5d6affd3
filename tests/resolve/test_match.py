"""Person-name matching across transliterations, on invented Iraqi-style names."""

from __future__ import annotations

import pytest

from crosscheck.resolve.match import Match, compare, compare_pairs, parse, variants


def _same(a: str, b: str) -> Match:
    m = compare(a, b)
    assert m.decision == "same", (a, b, m)
    assert compare(b, a).decision == "same", (b, a)
    return m


def _reasons(m: Match) -> str:
    return " | ".join(m.reasons)


# --- each kind of variation ----------------------------------------------------------------


def test_dh_and_z_for_the_same_letter():
    m = _same("Muthanna Kadhim al-Saadi", "Muthana Kazim al-Saadi")
    assert "middle: kadhim ~ kazim (dh/z)" in m.reasons


def test_z_and_d_for_the_same_letter():
    m = _same("Mahfoudh Saleem", "Mahfoud Salim")
    assert "z/d" in _reasons(m)


def test_ou_u_and_oo_u():
    assert "ou/u" in _reasons(_same("Nouri Sabah al-Lami", "Nuri Sabah al-Lami"))
    assert "oo/u" in _reasons(_same("Dawood Salman", "Dawud Salman"))


def test_e_i_ee_i_and_y_i():
    assert "e/i" in _reasons(_same("Hamid Rashid al-Dulaimi", "Hamed Rashid al-Dulaimi"))
    assert "ee/i" in _reasons(_same("Sabri Kareem Mahmud", "Sabri Karim Mahmud"))
    assert "y/i" in _reasons(_same("Sabry Karim", "Sabri Karim"))


def test_diphthong_spellings():
    m = _same("Faris Naif al-Obeidi", "Faris Nayef al-Ubaidi")
    assert "ay/ai/ei" in _reasons(m)


def test_doubled_letters():
    m = _same("Sattar Jabbar al-Khafaji", "Satar Jabar al-Khafaji")
    assert "given: sattar ~ satar (doubled letter)" in m.reasons


def test_article_al_el_and_written_into_the_word():
    _same("Laith al-Jubouri", "Laith el-Jubouri")
    _same("Laith Al Jubouri", "Laith al-Juburi")
    m = _same("Laith el-Jubouri", "Laith Aljubouri")
    assert "article" in _reasons(m)
    _same("Laith Jubouri", "Laith al-Jubouri")


def test_sun_letter_article():
    _same("Muwaffaq ar-Rikabi", "Muwaffaq al-Rikabi")


def test_abd_compounds_in_one_or_two_words():
    for other in ("Abdulwahab Fadhel", "Abdel Wahab Fadil", "Abd al-Wahhab Fadhil", "Abdul-Wahhab Fadhil"):
        _same("Abd al-Wahhab Fadhil", other)
    _same("Abdurrazzaq Nasser", "Abd al-Razzaq Nasser")


def test_kunya_abu_abou():
    m = _same("Abu Ridha al-Tamimi", "Abou Reda al-Tamimi")
    assert m.reasons[0].startswith("kunya: abu ridha ~ abou reda")


def test_bin_and_ibn():
    m = _same("Faris bin Naif al-Obeidi", "Fares ibn Nayef al-Ubaidi")
    assert "bin/ibn" in _reasons(m)
    _same("Thamer Ali al-Jawdar", "Thamer bin Ali al-Jawdar")


def test_compound_with_din():
    _same("Nur al-Din Hamza", "Nureddine Hamza")


def test_surname_first_with_a_comma():
    _same("AL-SAADI, Muthanna Kadhim", "Muthanna Kadhim al-Saadi")


def test_abbreviated_given_name():
    _same("Mohd Jasim al-Azzawi", "Mohammed Jasim al-Azzawi")


# --- titles ----------------------------------------------------------------------------------


def test_titles_and_ranks_are_stripped():
    _same("Staff Brigadier General Qais Wahid al-Rubaie", "Qais Waheed al-Rubaie")
    _same("Sheikh Dr. Qais al-Rubaie", "Qais al-Rubaie")
    parts = parse("Lieutenant Colonel Ayad Jaafar al-Hilli")
    assert [p.text for p in parts] == ["ayad", "jaafar", "al-hilli"]


# --- the rules that keep people apart ------------------------------------------------------


def test_different_given_names_are_different_people():
    m = compare("Qais al-Rubaie", "Haidar al-Rubaie")
    assert m.decision == "different"
    assert m.reasons == ["given names differ: qais / haidar"]
    assert compare("Mohammed Ali al-Karbalai", "Mahmoud Ali al-Karbalai").decision == "different"


def test_different_kunyas_are_different_people():
    m = compare("Abu Muntadhar al-Husseini", "Abu Zahraa al-Husseini")
    assert m.decision == "different"
    assert "kunyas differ" in m.reasons[0]


def test_a_bare_surname_is_at_most_review():
    m = compare("al-Rubaie", "Qais Wahid al-Rubaie")
    assert m.decision == "review"
    assert "partial name" in _reasons(m)
    assert compare("Qais Wahid al-Rubaie", "al-Rubaie").decision == "review"


def test_a_kunya_against_a_name_is_not_a_match():
    assert compare("Abu Muntadhar", "Qais Wahid al-Rubaie").decision == "different"


def test_different_family_names_are_not_same():
    m = compare("Qais Wahid al-Rubaie", "Qais Wahid al-Shammari")
    assert m.decision != "same"
    assert "family names differ: al-rubaie / al-shammari" in m.reasons


def test_unrelated_names():
    assert compare("Sattar Jabbar al-Khafaji", "Nouri Sabah al-Lami").decision == "different"


def test_score_is_between_zero_and_one_and_decisions_follow_the_data_thresholds():
    t = variants().thresholds
    assert 0 < t["review"] < t["same"] <= 1
    pairs = [("Qais Wahid al-Rubaie", "Qays Waheed al-Rubaii"), ("Qais al-Rubaie", "Haidar al-Rubaie"),
             ("Qais Wahid al-Rubaie", "Qais Wahid al-Shammari")]
    for a, b in pairs:
        m = compare(a, b)
        assert 0.0 <= m.score <= 1.0
        expected = "same" if m.score >= t["same"] else "review" if m.score >= t["review"] else "different"
        assert m.decision == expected, (a, b, m)
    assert [compare(a, b).decision for a, b in pairs] == ["same", "different", "review"]


# --- Arabic script ---------------------------------------------------------------------------


def test_arabic_script_is_romanised_then_compared():
    m = _same("مثنى كاظم الساعدي", "Muthanna Kazim al-Saadi")
    assert m.reasons[0].startswith("romanised: مثنى كاظم الساعدي -> ")


def test_arabic_script_keeps_given_names_apart():
    assert compare("قيس الربيعي", "Haidar al-Rubaie").decision == "different"


# --- pairs -----------------------------------------------------------------------------------


def test_compare_pairs_reads_tab_separated_lines():
    lines = ["# a comment\n", "\n", "Qais al-Rubaie\tQays al-Rubaii\n", "Qais al-Rubaie\tHaidar al-Rubaie\n"]
    out = list(compare_pairs(lines))
    assert [(a, b) for a, b, _ in out] == [
        ("Qais al-Rubaie", "Qays al-Rubaii"), ("Qais al-Rubaie", "Haidar al-Rubaie")]
    assert [m.decision for _, _, m in out] == ["same", "different"]


def test_compare_pairs_names_the_bad_line():
    with pytest.raises(ValueError, match="line 2: expected two names separated by a tab"):
        list(compare_pairs(["Qais\tQays", "only one name"]))


def test_many_pairs_a_second():
    import time

    names = [f"{g} {m} al-{f}" for g in ("Qais", "Haidar", "Sattar") for m in ("Wahid", "Jabbar")
             for f in ("Rubaie", "Saadi", "Lami", "Khafaji")]
    t0 = time.perf_counter()
    n = sum(1 for a in names for b in names if compare(a, b))
    assert n / (time.perf_counter() - t0) > 500
