"""Name keys: the form of a name under which mentions are grouped.

This is deliberately conservative (case, accents, punctuation, a leading
"the", possessives): two different spellings stay two names until alias
resolution, with its reviewable merges, says otherwise.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'"})
_NON_WORD = re.compile(r"[^\w']+")


@functools.lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """``'The  Al-Hilli'`` -> ``'al hilli'``: casefolded, unaccented, punctuation as spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"'s$", "", text.strip())
    text = _NON_WORD.sub(" ", text).replace("'", "").strip()
    if text.startswith("the "):
        text = text[4:]
    return text


@functools.cache
def _organization_heads() -> frozenset[str]:
    from crosscheck.extract import lexicon

    return frozenset(lexicon.load("references.yml")["organization_heads"])


def singular(word: str) -> str:
    """A noun's singular by its ending ("brigades", "militias", "agencies"); "ss" stays."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def organization_key(text: str) -> str:
    """An organisation's name key, its head noun made singular: "the Rapid Response
    Brigades" and "Rapid Response Brigade" are one unit (heads in ``references.yml``). A
    name with "of" is the same name in the other order: "the Ministry of Interior" is the
    "Interior Ministry", "Guardians of the Tigris Brigade" (as translators render a liwa's
    name) the "Tigris Guardians Brigade"."""
    key = name_key(text)
    words = key.split()
    if words:
        last = words[-1]
        single = singular(last)
        if single != last and single in _organization_heads():
            words[-1] = single
    if "of" in words[1:-1]:
        of = words.index("of", 1)
        after = [w for w in words[of + 1:] if w != "the"]
        # The head noun ends the other order: "Ministry of Interior" / "Interior Ministry";
        # "Guardians of the Tigris Brigade" / "Tigris Guardians Brigade".
        if after and after[-1] in _organization_heads():
            words = after[:-1] + words[:of] + after[-1:]
        else:
            words = after + words[:of]
    return " ".join(words)


def key_of(type_: str, text: str) -> str:
    """The name key resolution uses for a mention of that type."""
    return organization_key(text) if type_ == "organization" else name_key(text)


def initials(text: str) -> str:
    """Initials of the capitalised words: 'Popular Mobilization Forces' -> 'PMF'."""
    return "".join(w[0] for w in re.findall(r"[A-Z][\w'-]*", text))


def alias_kind(text: str, others: list[str], given: str | None = None) -> str:
    """What kind of other name ``text`` is beside the entity's ``others`` (its name and
    other names): ``given`` when the text said so ("better known as"), else an acronym
    (capitals that some other name's initials spell), a part of a longer name ("Ouda" of
    "Salman Jabbar Ouda"), or a different spelling."""
    if given:
        return given
    if text.isupper() and any(initials(o) == text for o in others):
        return "acronym"
    words = set(name_key(text).split())
    if words and any(words < set(name_key(o).split()) for o in others):
        return "partial"
    return "spelling"


def skeleton(word: str) -> str:
    """The word's consonants, without vowels, h, w, y and doubled letters, with the letters
    one sound is written with made one (z/s/d, q/k, c/k, j/g, as the name matcher takes
    them): a key on which the transliterations of one name mostly agree."""
    word = word.removeprefix("al").removeprefix("el") if len(word) > 5 else word
    out = []
    for c in word:
        if c in "aeiouyhw'":
            continue
        c = {"z": "d", "s": "d", "q": "k", "c": "k", "j": "g"}.get(c, c)
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out) or word
