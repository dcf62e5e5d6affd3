"""The gazetteer: names the statistical model gets wrong on security reporting.

Entries live in ``gazetteer.yml``: each group has a spaCy label, a ``kind`` that
says why it is there (news outlet, ministry, armed group, ...), and either
literal ``names`` or token ``patterns``. They are compiled into a spaCy
``entity_ruler`` placed before the NER, so the NER predicts around them.
"""

from __future__ import annotations

from typing import Any

from crosscheck.extract import lexicon


def ruler_patterns(data: dict[str, Any]) -> list[dict[str, Any]]:
    """spaCy EntityRuler patterns from the gazetteer data; ``id`` carries the kind."""
    patterns: list[dict[str, Any]] = []
    for group in data["groups"]:
        label, kind = group["label"], group["kind"]
        for name in group.get("names", []):
            patterns.append({"label": label, "pattern": name, "id": kind})
        for tokens in group.get("patterns", []):
            patterns.append({"label": label, "pattern": tokens, "id": kind})
    return patterns


def add_ruler(nlp, name: str = "gazetteer.yml") -> None:
    """Add the gazetteer as an entity_ruler before the NER of ``nlp``."""
    data = lexicon.load(name)
    before = "ner" if "ner" in nlp.pipe_names else None
    config = {"phrase_matcher_attr": "ORTH", "overwrite_ents": True, "validate": False}
    ruler = nlp.add_pipe("entity_ruler", name="gazetteer", before=before, config=config)
    ruler.add_patterns(ruler_patterns(data))
