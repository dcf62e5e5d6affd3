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


def _words(key: str) -> list[str]:
    return key.split()


def _full_person(m: Mention, people: list[Mention]) -> Mention | None:
    words = _words(name_key(m.text))
    if not words:
        return None
    best = None
    for other in people:
        other_words = _words(name_key(other.text))
        if len(other_words) <= len(words):
            continue
        # "Ouda" ends "Salman Jabbar Ouda"; "Salman" starts it; both are used.
        if other_words[-len(words):] == words or other_words[: len(words)] == words:
            # Prefer the closest full name before the short mention, else the first.
            if best is None or (other.start < m.start and other.start > best.start):
                best = other
    return best


def link(analysis: Analysis, entity_types: set[str]) -> None:
    """Set ``entity_key`` on each entity mention of the analysis."""
    people = [m for m in analysis.mentions if m.type == "person"]
    orgs = [m for m in analysis.mentions if m.type == "organization"]
    for m in analysis.mentions:
        if m.type not in entity_types:
            continue
        target = m
        if m.type == "person":
            target = _full_person(m, people) or m
            # Chains resolve to the longest name: follow once more.
            target = _full_person(target, people) or target
        elif m.type == "organization" and m.text.isupper() and len(m.text) >= 2:
            for other in orgs:
                if other is not m and len(other.text) > len(m.text) and initials(other.text) == m.text:
                    target = other
                    break
        m.entity_key = f"{m.type}:{name_key(target.text)}"
