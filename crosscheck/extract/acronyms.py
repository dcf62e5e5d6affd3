"""Acronyms that are also words ("IS"), recognised only in running text.

Listed in ``acronyms.yml``. An occurrence counts when a lower-case word stands
near it on its line (so not in an all-capitals headline) and no other mention covers it;
it is added with the label its entry gives, and its kind as ``gazetteer``.
"""

from __future__ import annotations

import functools
import re

from crosscheck.extract import lexicon
from crosscheck.extract.stages import stage
from crosscheck.model import Mention

VERSION = "1"
# How far around an acronym to look for a word in lower case.
_CONTEXT = 30
_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")


@functools.cache
def _entries() -> list[tuple[re.Pattern[str], dict]]:
    return [
        (re.compile(rf"(?<![\w-]){re.escape(e['name'])}(?![\w-])"), e)
        for e in lexicon.load("acronyms.yml")["names"]
    ]


@stage("acronyms", version=VERSION, requires=["mentions"], assigns=["mentions"])
def add_acronyms(analysis, parsed) -> None:
    text = analysis.document.text
    labels = lexicon.labels()
    added = []
    for pattern, entry in _entries():
        for m in pattern.finditer(text):
            start, end = m.span()
            # Look on the acronym's own line only: a headline is a line.
            before = max(start - _CONTEXT, text.rfind("\n", 0, start) + 1)
            after = text.find("\n", end)
            after = min(end + _CONTEXT, len(text) if after < 0 else after)
            if not (_LOWER_WORD.search(text, before, start) or _LOWER_WORD.search(text, end, after)):
                continue
            if any(x.start < end and start < x.end for x in analysis.mentions):
                continue
            label = entry["label"]
            added.append(Mention(start, end, text[start:end], label, labels[label]["type"], "acronyms",
                                 VERSION, attrs={"gazetteer": entry["kind"]}))
    if added:
        analysis.mentions.extend(added)
        analysis.mentions.sort(key=lambda m: (m.start, m.end))
