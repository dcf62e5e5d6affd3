"""The dateline of wire copy ("HILLA, Iraq (Furat Press Agency) - A car bomb ...").

A dateline is not part of the first sentence, but a parser that sees it as such attaches
the story's subject to the place ("BASRA ... - Basra Governor X dismissed ...": X becomes
an apposition of BASRA, the verb loses its subject), and the entity recogniser takes the
capitals for a person. This spaCy component, run before the parser, makes the first words
after the dateline's dash start a sentence and marks the place (GPE) and the outlet in
brackets (ORG) as entities, which the recogniser then keeps.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

NAME = "crosscheck_dateline"
# A place in capitals (or where the copy was filed and where it is about: "TUNIS/ZAWIYA"),
# perhaps a region after a comma, perhaps the day ("June 6", "Jun. 6, 2027"), perhaps the
# outlet in brackets, a dash.
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z'\u2019.]+(?:[ /-][A-Z][A-Z'\u2019.]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z'\u2019.-]+(?: [A-Z][A-Za-z'\u2019.-]+){0,2}))?"
    rf"(?:,\s*(?P<day>{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?))?"
    r"\s*(?:\((?P<outlet>[^()\n]{2,60})\))?\s*[-\u2013\u2014]{1,2}\s+(?=\S)"
)


# A roundup's paragraph that opens with its place in ordinary case and a long dash ("Zuwara
# – According to Qasr Press Agency, ..."; not a hyphen, which may join words).
PARAGRAPH = re.compile(r"(?P<place>[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){0,2})[ \t]+[–—][ \t]+(?=[A-Z])")


def paragraph_places(text: str) -> list[re.Match]:
    """The places that open a roundup's paragraphs, after the first ("Zuwara – ...")."""
    starts = [m.end() for m in re.finditer(r"\n[ \t]*\n[ \t]*", text)]
    return [m for at in starts if (m := PARAGRAPH.match(text, at))]


def find(text: str) -> re.Match | None:
    """The dateline at the start of a text, if it has one: a place in capitals and a dash,
    then a sentence in ordinary case ("SOCCER - JAPAN GET LUCKY WIN" is a headline)."""
    m = DATELINE.match(text)
    if m is None:
        return None
    following = text[m.end():m.end() + 60].split()[:4]
    return m if any(c.islower() for w in following for c in w) else None


def _mark_paragraph_places(doc: Doc) -> None:
    """Each place that opens a roundup's paragraph is a place, and its sentence starts after
    the dash."""
    places = []
    for m in paragraph_places(doc.text):
        after = doc.char_span(m.end(), len(doc.text), alignment_mode="expand")
        place = doc.char_span(m.start("place"), m.end("place"), label="GPE", alignment_mode="contract")
        if after is None or not len(after) or place is None or not len(place):
            continue
        after[0].is_sent_start = True
        for token in doc[place.start + 1:after[0].i]:
            token.is_sent_start = False
        places.append(place)
    if places:
        doc.set_ents(places, default="unmodified")


@Language.component(NAME)
def mark_dateline(doc: Doc) -> Doc:
    _mark_paragraph_places(doc)
    m = find(doc.text)
    if m is None:
        return doc
    after = doc.char_span(m.end(), len(doc.text), alignment_mode="expand")
    if after is None or not len(after):
        return doc
    after[0].is_sent_start = True
    for token in doc[1:after[0].i]:
        token.is_sent_start = False
    spans = []
    for group, label in (("place", "GPE"), ("region", "GPE"), ("outlet", "ORG")):
        if not m[group]:
            continue
        # "TUNIS/ZAWIYA": two places, where the tokens let them be told apart.
        at, parts = m.start(group), m[group].split("/") if label == "GPE" else [m[group]]
        found = []
        for part in parts:
            span = doc.char_span(at, at + len(part), label=label, alignment_mode="contract")
            at += len(part) + 1
            if span is not None and len(span):
                found.append(span)
        if len(found) < len(parts):
            whole = doc.char_span(m.start(group), m.end(group), label=label, alignment_mode="contract")
            found = [whole] if whole is not None and len(whole) else found
        spans.extend(found)
    doc.set_ents(spans, default="unmodified")
    return doc


AFTER = "crosscheck_dateline_name"


@Language.component(AFTER)
def mend_first_name(doc: Doc) -> Doc:
    """The recogniser, seeing a sentence open right after the dash, often leaves out the first
    word of a name there ("HILLA (Babil Observer) - Haider Kazem al-Hilali, ..." gives "Kazem
    al-Hilali"): a capitalised word there that belongs to no entity and runs straight into a
    person's name is taken into it."""
    m = find(doc.text)
    if m is None:
        return doc
    first = doc.char_span(m.end(), len(doc.text), alignment_mode="expand")
    if first is None or len(first) < 2:
        return doc
    word = first[0]
    person = next((e for e in doc.ents if e.start == word.i + 1 and e.label_ == "PERSON"), None)
    if person is None or word.ent_type_ or not word.is_title or not word.is_alpha or word.pos_ != "PROPN":
        return doc
    ents = [e for e in doc.ents if e != person] + [Span(doc, word.i, person.end, label="PERSON")]
    doc.ents = sorted(ents, key=lambda e: e.start)
    return doc


def add_component(nlp) -> None:
    """Add the component before the parser (or first, in a pipeline without one), and the
    first-name mender after the recogniser."""
    where = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
    nlp.add_pipe(NAME, **where)
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(AFTER, after="ner")
