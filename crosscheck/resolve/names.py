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
def organization_heads() -> frozenset[str]:
    """The words that end an organisation's name ("brigade", "ministry": ``organization_heads``
    in references.yml)."""
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
        if single != last and single in organization_heads():
            words[-1] = single
    if "of" in words[1:-1]:
        of = words.index("of", 1)
        after = [w for w in words[of + 1:] if w != "the"]
        # The head noun ends the other order: "Ministry of Interior" / "Interior Ministry";
        # "Guardians of the Tigris Brigade" / "Tigris Guardians Brigade".
        if after and after[-1] in organization_heads():
            words = after[:-1] + words[:of] + after[-1:]
        else:
            words = after + words[:of]
    return " ".join(words)


@functools.cache
def _organization_words() -> dict:
    from importlib import resources

    import yaml

    text = resources.files("crosscheck.resolve").joinpath("organizations.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@functools.lru_cache(maxsize=1 << 14)
def organization_sense(text: str) -> tuple[frozenset[str], ...]:
    """What each word of an organisation's name means, read across languages and spellings
    (``organizations.yml``): "Kataib Hezbollah" -> ({brigade, battalion, ~kVtVb}, {hezbollah,
    ~VzbVlV}). A word the file does not translate stands for itself, in the singular too, and
    for its ``sound``, so that transliterations of it agree; particles are left out."""
    data = _organization_words()
    out = []
    for word in name_key(text).split():
        if word in data["particles"]:
            continue
        if word in data["arabic"]:
            out.append(frozenset([*data["arabic"][word], sound(word)]))
            continue
        single = singular(word)
        meaning = data["english"].get(single) or data["english"].get(word)
        if meaning:
            out.append(frozenset(meaning))
        elif len(word) < 3 or word.isdigit():
            out.append(frozenset([word]))
        else:
            out.append(frozenset([word, single, sound(word)]))
    return tuple(out)


_SOUNDS = {"q": "k", "c": "k", "j": "g", "e": "a", "i": "a", "o": "a", "u": "a", "y": "a", "w": "a"}
_DIGRAPHS = (("sh", "S"), ("kh", "x"), ("gh", "G"), ("dh", "z"), ("th", "T"), ("ou", "u"))


def sound(word: str) -> str:
    """A transliterated word as it sounds, the way its spellings agree: consonants, with each
    run of vowels one "V" and h silent ("Shuhada" / "Shohada", "Sayyid" / "Sayed",
    "Hezbollah" / "Hizbullah"); marked with "~" so that it never equals a word."""
    for digraph, letter in _DIGRAPHS:
        word = word.replace(digraph, letter)
    out = []
    for c in word:
        c = _SOUNDS.get(c, c)
        if c == "h" or c == "'":
            continue
        c = "V" if c == "a" else c
        if not out or out[-1] != c:
            out.append(c)
    return "~" + "".join(out)


@functools.cache
def _known_bodies() -> dict[str, int]:
    """Name key -> which well-known body it names (``known`` in organizations.yml)."""
    return {name_key(n): i for i, names in enumerate(_organization_words()["known"]) for n in names}


def known_body(text: str) -> int | None:
    """Which well-known body a name names (an index into ``known``), or None."""
    return _known_bodies().get(name_key(text))


def same_organization(a: str, b: str) -> bool:
    """Whether two organisation names mean one name, in any order ("Hurras Dijla Brigade" /
    "the Tigris Guardians Brigade", "Kataib Hezbollah" / "Hezbollah Brigades", "Saraya
    al-Salam" / "Peace Companies"), or two names of one well-known body ("Daesh" / "Islamic
    State", ``known`` in organizations.yml). A name of one word must be five letters or more and not
    an acronym ("Hizbullah" / "Hezbollah"); capitals are compared as written."""
    if known_body(a) is not None and known_body(a) == known_body(b):
        return True
    x, y = organization_sense(a), organization_sense(b)
    if not x or len(x) != len(y):
        return False
    if len(x) == 1 and (len(name_key(a)) < 5 or a.isupper() or b.isupper()):
        return False

    def match(i: int, free: tuple[int, ...]) -> bool:
        if i == len(x):
            return True
        return any(x[i] & y[j] and match(i + 1, free[:k] + free[k + 1:]) for k, j in enumerate(free))

    return match(0, tuple(range(len(y))))


def organization_heads_of(text: str) -> frozenset[str]:
    """What kind of body an organisation's name says it is: its last word in the singular
    ("the Tigris Guardians Brigade": brigade), and a transliterated head word first with what
    it means ("Liwa Ahfad al-Asi": liwa, brigade; "Kataib Hezbollah": kataib, brigade,
    battalion), so that "the brigade" and "the liwa" can refer back to it."""
    words = name_key(text).split()
    if not words:
        return frozenset()
    arabic = _organization_words()["arabic"]
    out = {singular(words[-1])}
    if words[0] in arabic:
        out |= {words[0], *arabic[words[0]]}
    return frozenset(out)


def arabic_meaning(word: str) -> frozenset[str]:
    """What a transliterated word of an organisation's name means ("liwa": brigade), or nothing."""
    return frozenset(_organization_words()["arabic"].get(word, ()))


def translated(a: str, b: str) -> bool:
    """Whether two names of one organisation are one translated from the other ("Jaish
    al-Mahdi" / "the Mahdi Army"), not one spelt two ways: a word of one is rendered by a
    word of the other that is not its spelling."""
    if not same_organization(a, b):
        return False
    particles = _organization_words()["particles"]
    sounds = {sound(w) for w in name_key(b).split()}
    return any(sound(w) not in sounds for w in name_key(a).split() if w not in particles)


def key_of(type_: str, text: str) -> str:
    """The name key resolution uses for a mention of that type."""
    return organization_key(text) if type_ == "organization" else name_key(text)


def initials(text: str) -> str:
    """Initials of the capitalised words: 'Popular Mobilization Forces' -> 'PMF'."""
    return "".join(w[0] for w in re.findall(r"[A-Z][\w'-]*", text))


def alias_kind(text: str, others: list[str], given: str | None = None) -> str:
    """What kind of other name ``text`` is beside the entity's ``others`` (its name and
    other names): ``given`` when the text said so ("better known as"), else an acronym
    (capitals that some other name's initials spell), a translation ("Saraya al-Salam" of
    "the Peace Companies"), a part of a longer name ("Ouda" of
    "Salman Jabbar Ouda"), or a different spelling."""
    if given:
        return given
    if text.isupper() and any(initials(o) == text for o in others):
        return "acronym"
    if any(translated(text, o) for o in others):
        return "translation"
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
