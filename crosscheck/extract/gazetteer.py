"""The gazetteer: names the statistical model gets wrong on security reporting.

Entries live in ``gazetteer.yml``: each group has a spaCy label, a ``kind`` that
says why it is there (news outlet, ministry, armed group, ...), and either
literal ``names`` or token ``patterns``. They are compiled into a spaCy
``entity_ruler`` placed before the NER, so the NER predicts around them.

Places (``places.yml``, named by the gazetteer's ``places``) are applied after the NER
instead: a known place the model read as a person or an organisation ("Babil" a person)
becomes a GPE, and one it did not read at all is added; but a longer name the model found
around it stays as it is ("the Babil Observer", "Basra Operations Command").
"""

from __future__ import annotations

import functools
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

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
    if data.get("places") and "ner" in nlp.pipe_names:
        nlp.add_pipe(PLACES, after="ner")


PLACES = "crosscheck_places"


@functools.cache
def _place_matcher(vocab):
    from spacy.matcher import PhraseMatcher

    from crosscheck.extract.places import gazetteer_names

    matcher = PhraseMatcher(vocab, attr="ORTH")
    names = gazetteer_names()
    matcher.add("GPE", [nlp_doc for nlp_doc in _make_docs(vocab, names)])
    return matcher


def _make_docs(vocab, names: list[str]):
    from spacy.lang.en import English

    tokenizer = English(vocab=vocab).tokenizer
    return [tokenizer(n) for n in names]


@Language.component(PLACES)
def mark_places(doc: Doc) -> Doc:
    """Known places (``places.yml``) as GPE: relabel an entity that is exactly one, add one
    where the model found nothing; leave an entity that holds one in a longer name."""
    ents = list(doc.ents)
    by_span = {(e.start, e.end): i for i, e in enumerate(ents)}
    taken = {t for e in ents for t in range(e.start, e.end)}
    changed = False
    for _, start, end in sorted(_place_matcher(doc.vocab)(doc), key=lambda m: (m[1], -m[2])):
        if (start, end) in by_span:
            i = by_span[start, end]
            if ents[i].label_ not in ("GPE", "LOC", "FAC"):
                ents[i] = Span(doc, start, end, label="GPE")
                changed = True
        elif not any(t in taken for t in range(start, end)):
            ents.append(Span(doc, start, end, label="GPE"))
            taken.update(range(start, end))
            changed = True
    if changed:
        doc.ents = sorted(ents, key=lambda e: e.start)
    return doc
