"""Titles and honorifics of people, kept as an attribute of the mention.

"Major General Salman Ouda", "Interior Minister Qasim Hafidh", "Sheikh Abu Ali":
the title is cut from the name (whether spaCy put it inside the entity or just
before it) and stored as ``attrs["title"]`` with its own offsets, so that the
name matches the same person's other mentions and the title stays as evidence
of the post held.
"""

from __future__ import annotations

import functools
import re

from crosscheck.extract import lexicon
from crosscheck.extract.stages import stage

VERSION = "4"
# How far before a mention a title may start ("Lieutenant General ..." is long).
_LOOKBEHIND = 80


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = lexicon.load("titles.yml")
    listed = "|".join(re.escape(t) for t in sorted(data["titles"], key=len, reverse=True))
    heads = "|".join(re.escape(h) for h in data["portfolio_heads"])
    one = rf"(?:[A-Z][a-z]+[ ](?:{heads})|{listed})(?!\w)"
    chain = rf"{one}(?:[ ]+{one})*"
    # No "^": pattern.match(text, pos) anchors at pos, where "^" would not match.
    at_start = re.compile(rf"{chain}[ ]+")
    before = re.compile(rf"(?<![\w.])({chain})[ ]+$")
    alone = re.compile(rf"{chain}")
    return at_start, before, alone


def is_title(text: str) -> bool:
    return _patterns()[2].fullmatch(text) is not None


def split_title(text: str, start: int, end: int) -> tuple[int, tuple[int, int] | None]:
    """Return the name's new start and the title's (start, end), if there is one."""
    at_start, before, _ = _patterns()
    m = at_start.match(text, start, end)
    if m:
        title_end = m.end() - (len(m.group()) - len(m.group().rstrip()))
        return m.end(), (start, title_end)
    window_start = max(0, start - _LOOKBEHIND)
    m = before.search(text, window_start, start)
    if m:
        return start, (m.start(1), m.end(1))
    return start, None


def _after_article(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start]
    return before.endswith(("the ", "The ", "a ", "A "))


@stage("titles", version=VERSION, requires=["mentions"], assigns=["mentions"])
def add_titles(analysis, parsed) -> None:
    text = analysis.document.text
    kept = []
    titles: list[tuple[int, int]] = []
    for m in analysis.mentions:
        if m.type == "person":
            if is_title(m.text) and _after_article(text, m.start):
                continue  # "the President" is a title, not a name; "King" alone may be a surname
            new_start, title = split_title(text, m.start, m.end)
            if new_start >= m.end or not text[new_start].isalpha():
                # A title alone ("the President") is not a name.
                continue
            if title:
                m.start, m.text = new_start, text[new_start:m.end]
                m.attrs["title"] = text[title[0]:title[1]]
                m.attrs["title_start"], m.attrs["title_end"] = title
                m.stage_version = f"{m.stage_version}+titles{VERSION}"
                titles.append(title)
        kept.append(m)
    # A word inside a title ("Interior" of "Interior Minister") is not a mention.
    analysis.mentions[:] = [
        m for m in kept if not any(s <= m.start and m.end <= e for s, e in titles)
    ]
