"""Span hygiene: trim what is not part of a name from the edges of a mention.

spaCy sometimes takes a possessive ("Ouda's"), a closing quote or a trailing
comma into an entity. Names are what later stages match across documents, so the
edges are cleaned here, once; the mention keeps its exact offsets after trimming.
"""

from __future__ import annotations

import re

from crosscheck.extract.stages import stage

_TRAIL = re.compile(r"(?:['\u2019]s|['\u2019]|[\s,;:.!?\"\u201c\u201d()\[\]-])+$")
_LEAD = re.compile(r"^[\s,;:!?\"\u201c\u201d'\u2018\u2019()\[\]-]+")
# Keep a final period that belongs to an abbreviation ("Corp.", "Lt.", "U.S.").
_ABBREV_END = re.compile(r"(?:\b(?:Corp|Inc|Ltd|Co|Jr|Sr|St|Bros)|\b(?:[A-Z]\.)+[A-Z]?)\.$")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of ``text[start:end]`` without leading/trailing non-name characters."""
    span = text[start:end]
    m = _LEAD.match(span)
    if m:
        start += m.end()
        span = span[m.end():]
    if _ABBREV_END.search(span):
        return start, end
    m = _TRAIL.search(span)
    if m:
        end -= len(span) - m.start()
    return start, end


@stage("spans", version="1", requires=["mentions"], assigns=["mentions"])
def clean_spans(analysis, parsed) -> None:
    text = analysis.document.text
    kept = []
    for m in analysis.mentions:
        start, end = trim(text, m.start, m.end)
        if start >= end:
            continue
        m.start, m.end, m.text = start, end, text[start:end]
        kept.append(m)
    analysis.mentions[:] = kept
