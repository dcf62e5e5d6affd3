"""A cheap guess at a text's language, for files that do not declare one.

Counting function words is crude but needs no model and no download, and it is
right for the case that matters: telling English reports from Arabic, French,
Spanish and German ones. When the signal is weak it says None rather than guess.
"""

from __future__ import annotations

import re

_SAMPLE_CHARS = 5_000  # a few paragraphs decide it; the rest only costs time
_MIN_LETTERS = 20
_MIN_WORDS = 5
_MIN_HITS = 3
_MIN_SHARE = 0.12  # function words are ~40% of running prose; a list of names is far below
_MARGIN = 1.5  # the best language must beat the next by this factor
_SCRIPT_SHARE = 0.6

_WORD = re.compile(r"[^\W\d_]+")

# Letters of Persian, Urdu and other languages written in Arabic script that
# Arabic itself does not use: frequent ones mean "not Arabic".
_NOT_ARABIC_LETTERS = frozenset("پچژگکیےہٹڈڑ")
_NOT_ARABIC_SHARE = 0.02

_FUNCTION_WORDS = {
    "en": """the of and to in a is that for it was on with as by at he she they his her from
        said were are be have has had this which not but or an their its who been will would
        after about we there than more also into over when""",
    "fr": """le la les des du de et est une un dans que qui pour pas sur au aux avec ce cette
        il elle ils sont été par plus ont ne se mais ou son sa ses leur selon après était""",
    "es": """el la los las de del y que en un una por con para es se no su sus al lo como más
        pero fue ha han según sobre entre este esta dijo también""",
    "de": """der die das und ist nicht den dem des ein eine einer zu mit von im auf für sich
        auch es sie er wir wurde werden hat haben nach bei aus wie oder aber dass sagte noch""",
}
_WORDS = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language ("en", "ar", "fr", "es", "de"), or None if unsure."""
    if not isinstance(text, str):
        return None
    sample = text[:_SAMPLE_CHARS]
    letters = [c for c in sample if c.isalpha()]
    if len(letters) < _MIN_LETTERS:
        return None
    arabic = [c for c in letters if _is_arabic(c)]
    if len(arabic) >= _SCRIPT_SHARE * len(letters):
        others = sum(1 for c in arabic if c in _NOT_ARABIC_LETTERS)
        return "ar" if others <= _NOT_ARABIC_SHARE * len(arabic) else None
    latin = sum(1 for c in letters if _is_latin(c))
    if latin < _SCRIPT_SHARE * len(letters):
        return None
    return _by_function_words(_WORD.findall(sample.lower()))


def _by_function_words(words: list[str]) -> str | None:
    if len(words) < _MIN_WORDS:
        return None
    hits = sorted(
        ((sum(1 for w in words if w in vocabulary), lang) for lang, vocabulary in _WORDS.items()),
        reverse=True,
    )
    (best, lang), (second, _) = hits[0], hits[1]
    if best < _MIN_HITS or best < _MIN_SHARE * len(words) or best < _MARGIN * second:
        return None
    return lang


def _is_arabic(c: str) -> bool:
    o = ord(c)
    return (
        0x0600 <= o <= 0x06FF
        or 0x0750 <= o <= 0x077F
        or 0x08A0 <= o <= 0x08FF
        or 0xFB50 <= o <= 0xFDFF
        or 0xFE70 <= o <= 0xFEFF
    )


def _is_latin(c: str) -> bool:
    return c.isascii() or 0x00C0 <= ord(c) <= 0x024F or 0x1E00 <= ord(c) <= 0x1EFF
