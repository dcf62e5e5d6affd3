"""Kunyas ("Abu Ali al-Basri") are people, whatever the model guessed.

The model finds most kunyas, but calls some an organisation or a place and
misses others. This stage runs after it and defers to its boundaries: a kunya
inside a longer person mention is left alone ("Karim Abu Taleb"), as is one
inside a longer non-person name ("Abu al-Fadl al-Abbas Brigade"); a kunya that
the model labelled as something else is relabelled, and one it missed is added.
The words live in ``kunyas.yml``.
"""

from __future__ import annotations

import functools
import re

from crosscheck.extract import lexicon
from crosscheck.extract.stages import stage
from crosscheck.model import Mention

VERSION = "1"
_RELABEL = {"ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"}


@functools.cache
def _pattern() -> re.Pattern[str]:
    data = lexicon.load("kunyas.yml")
    head = "|".join(re.escape(h) for h in data["head"])
    particle = "|".join(re.escape(p) for p in data["particles"])
    excluded = "|".join(re.escape(w) for w in data["not_people"])
    before = "|".join(re.escape(w) for w in data["part_of_name_before"])
    word = r"[A-Z][a-z\u00e0-\u00ff'\u2019]+"
    name = rf"(?:(?:{particle})-)?{word}"
    nisba = rf"(?:[ ](?:{particle})-{word})"
    return re.compile(
        rf"(?<![\w-])(?:{head})[ ](?!(?:{excluded})\b){name}{nisba}*+(?![\w-])"
        rf"(?![ ](?:{before})\b)"  # not "Abu ... Brigade"
    )


_WORD_BEFORE = re.compile(r"([\w'’]+)[ ]$")


def find(text: str) -> list[tuple[int, int]]:
    """Character spans of the kunyas in ``text``."""
    after = set(lexicon.load("kunyas.yml")["part_of_name_after"])
    found = []
    for m in _pattern().finditer(text):
        word = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if word and word.group(1) in after:
            continue  # "Liwa Abu al-Fadl al-Abbas" names a unit
        found.append((m.start(), m.end()))
    return found


@stage("kunyas", version=VERSION, requires=["mentions"], assigns=["mentions"])
def mark_kunyas(analysis, parsed) -> None:
    text = analysis.document.text
    person = lexicon.labels()["PERSON"]["type"]
    added = []
    for start, end in find(text):
        overlapping = [m for m in analysis.mentions if m.start < end and start < m.end]
        if any(m.label == "PERSON" for m in overlapping):
            continue
        if not overlapping:
            added.append(Mention(start, end, text[start:end], "PERSON", person, "kunyas", VERSION,
                                 attrs={"rule": "kunya"}))
            continue
        (m,) = overlapping if len(overlapping) == 1 else (None,)
        if m is None or m.label not in _RELABEL or m.attrs.get("gazetteer"):
            continue
        if start <= m.start and m.end <= end:
            m.attrs["model_label"] = m.label
            m.attrs["rule"] = "kunya"
            m.start, m.end, m.text = start, end, text[start:end]
            m.label, m.type = "PERSON", person
            m.stage_version = f"{m.stage_version}+kunyas{VERSION}"
    if added:
        analysis.mentions.extend(added)
        analysis.mentions.sort(key=lambda m: (m.start, m.end))
