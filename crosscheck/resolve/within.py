"""Within one document: which mentions name the same thing.

Two rules that reporters rely on readers to follow:
- a person is named in full once, then by part of the name ("Salman Jabbar
  Ouda" ... "Ouda"); a shorter person mention whose words end (or are) a longer
  one's in the same document is that person;
- an organisation is spelt out, then abbreviated ("Counter Terrorism Service
  (CTS)" ... "CTS"); an all-capitals mention equal to a longer one's initials
  in the same document is that organisation.
Everything else is grouped by its name key. Across documents, equal keys are one
entity (see ``crosscheck.resolve.entities``).
"""

from __future__ import annotations

from crosscheck.model import Analysis, Mention
from crosscheck.resolve.names import initials, name_key

VERSION = "1"


Person = tuple[list[str], int, Mention]  # (words of its name key, start, mention)


def _full_person(words: list[str], start: int, people: list[Person]) -> Mention | None:
    """The longer person name in the document that ``words`` start or end, if any."""
    if not words:
        return None
    n = len(words)
    best = None
    for other_words, other_start, other in people:
        if len(other_words) <= n:
            continue
        # "Ouda" ends "Salman Jabbar Ouda"; "Salman" starts it; both are used.
        if other_words[-n:] == words or other_words[:n] == words:
            # Prefer the closest full name before the short mention, else the first.
            if best is None or (best[0] < other_start < start):
                best = (other_start, other)
    return best[1] if best else None


def link(analysis: Analysis, entity_types: set[str]) -> None:
    """Set ``entity_key`` on each entity mention of the analysis."""
    keys = {id(m): name_key(m.text) for m in analysis.mentions if m.type in entity_types}
    people = [(keys[id(m)].split(), m.start, m) for m in analysis.mentions if m.type == "person"]
    orgs = [m for m in analysis.mentions if m.type == "organization"]
    for m in analysis.mentions:
        if m.type not in entity_types:
            continue
        target = m
        if m.type == "person":
            target = _full_person(keys[id(m)].split(), m.start, people) or m
            # Chains resolve to the longest name: follow once more.
            if target is not m:
                target = _full_person(keys[id(target)].split(), target.start, people) or target
        elif m.type == "organization" and m.text.isupper() and len(m.text) >= 2:
            for other in orgs:
                if other is not m and len(other.text) > len(m.text) and initials(other.text) == m.text:
                    target = other
                    break
        m.entity_key = f"{m.type}:{keys[id(target)]}"
