"""Span hygiene: trim what is not part of a name from the edges of a mention.

spaCy sometimes takes a possessive ("Ouda's"), a closing quote or a trailing
comma into an entity, an article ("the Interior Ministry"), a bracketed aside
("Popular Mobilization Forces (PMF)", "Hadi Sarraf[12]") or the label of a
dateline or photo caption ("BAGHDAD - ", "FILE - "). Names are what later
stages match across documents, so the edges are cleaned here, once; the mention
keeps its exact offsets after trimming.
"""

from __future__ import annotations

import re

from crosscheck.extract.stages import stage
from crosscheck.extract.titles import is_title

VERSION = "4"

_TRAIL = re.compile(r"(?:['\u2019]s|['\u2019]|[\s,;:.!?\"\u201c\u201d()\[\]-])+$")
_LEAD = re.compile(r"^[\s,;:!?\"\u201c\u201d'\u2018\u2019()\[\]-]+")
# Keep a final period that belongs to an abbreviation ("Corp.", "Lt.", "U.S.").
_ABBREV_END = re.compile(r"(?:\b(?:Corp|Inc|Ltd|Co|Cos|Jr|Sr|St|Bros)|\b(?:[A-Z]\.)+[A-Z]?)\.$")
# A bracketed aside after the name: an acronym, a constituency, a footnote mark.
_ASIDE = re.compile(r"\s*[(\[][^()\[\]]*[)\]]?$")
# An all-capitals dateline or caption label and its dash ("BAGHDAD - ", "FILE \u2014 ").
_LABEL = re.compile(r"^[A-Z][A-Z.,' ]*[A-Z.]\s+[-\u2013\u2014]+\s+(?=\S)")
# The article is not part of "the Interior Ministry"; a capital "The" is, unless it
# only starts a sentence ("The Associated Press" vs "The ministry ...").
_ARTICLE = re.compile(r"(?:the|The)\s+(?=\S)")
_ARTICLE_TYPES = {"organization", "place", "group"}
_LEAD_WORDS = re.compile(r"\w")


def trim(text: str, start: int, end: int, abbreviation: bool | None = None) -> tuple[int, int]:
    """Offsets of ``text[start:end]`` without leading/trailing non-name characters.

    ``abbreviation`` says whether a final period belongs to the last word (the
    tokenizer knows: "Calif.", "Corp."); when it is None a short list decides.
    """
    span = text[start:end]
    m = _LEAD.match(span) or _LABEL.match(span)
    while m and m.end():
        start += m.end()
        span = span[m.end():]
        m = _LEAD.match(span) or _LABEL.match(span)
    m = _ASIDE.search(span)
    if m and m.start() > 0:
        end -= len(span) - m.start()
        span = span[:m.start()]
        abbreviation = None
    if abbreviation is None:
        abbreviation = bool(_ABBREV_END.search(span))
    if abbreviation and span.endswith("."):
        return start, end
    m = _TRAIL.search(span)
    if m:
        end -= len(span) - m.start()
    return start, end


def drop_article(text: str, start: int, end: int, sentence_start: bool) -> int:
    """The start of ``text[start:end]`` without a leading article that is not part of the name."""
    m = _ARTICLE.match(text, start, end)
    if m and (m.group().startswith("the") or sentence_start):
        return m.end()
    return start


def _tokens(parsed, start: int, end: int):
    """The spaCy span over ``[start, end)`` of the document, or None."""
    for offset, doc in reversed(parsed):
        if offset <= start:
            return doc.char_span(start - offset, end - offset, alignment_mode="expand")
    return None


@stage("spans", version=VERSION, requires=["mentions"], assigns=["mentions"])
def clean_spans(analysis, parsed) -> None:
    text = analysis.document.text
    kept = []
    for m in analysis.mentions:
        if m.attrs.get("gazetteer"):
            # The gazetteer entry is the name as written; only the edges could be wrong.
            start, end = m.start, m.end
        else:
            tokens = _tokens(parsed, m.start, m.end)
            abbreviation = None
            sentence_start = m.start == 0 or text[m.start - 1] == "\n"
            if tokens is not None and len(tokens):
                last = tokens[-1].text
                abbreviation = len(last) > 1 and last.endswith(".")
                if tokens.doc.has_annotation("SENT_START"):
                    sentence_start = sentence_start or tokens[0].is_sent_start
            start, end = trim(text, m.start, m.end, abbreviation)
            if m.type in _ARTICLE_TYPES and start < end:
                # Only an opening quote or bracket may stand between the sentence start and "The".
                opens_sentence = sentence_start and not _LEAD_WORDS.search(text, m.start, start)
                start = drop_article(text, start, end, opens_sentence)
        if start >= end:
            continue
        if m.type == "organization" and not m.attrs.get("gazetteer"):
            start = _named_of(parsed, start, end, [o for o in analysis.mentions if o is not m])
        if m.type == "person" and not m.attrs.get("gazetteer"):
            start = _given_name_before(parsed, start, end, [o for o in analysis.mentions if o is not m])
        m.start, m.end, m.text = start, end, text[start:end]
        kept.append(m)
    analysis.mentions[:] = kept


def _given_name_before(parsed, start: int, end: int, mentions) -> int:
    """The start of a person's name whose first word, opening the sentence, the model left
    out ("[Mohannad] Jawad Al-Shwaili, a commander ..." at the start of a report): the proper
    noun right before it, joined to it in the parse, that no other mention holds, no title is
    and no common word (``_unknown_word``). (Anywhere else the word before is more often a
    party or a post than a name: "Republican Donald Trump".)"""
    tokens = _tokens(parsed, start, end)
    if tokens is None or not len(tokens) or tokens[0].i == 0:
        return start
    before = tokens.doc[tokens[0].i - 1]
    if not before.is_sent_start or before.pos_ != "PROPN" or not before.is_title \
            or before.whitespace_ != " " or before.head.i not in range(tokens.start, tokens.end) \
            or before.text.endswith(".") or is_title(before.text) or not _unknown_word(before):
        return start
    offset = next(o for o, d in parsed if d is before.doc)
    new = offset + before.idx
    if any(m.start < start and new < m.end for m in mentions):
        return start  # another name there
    return new


def _unknown_word(token) -> bool:
    """Whether the word, written small, is none the model's vectors know ("mohannad", not
    "echoing" or "pope"): at a sentence's start every word has a capital, so only a word that
    is no common word is taken for a name. (A model without vectors takes none.)"""
    vocab = token.vocab
    return vocab.vectors.shape[0] > 0 and not vocab[token.lower_].has_vector


def _named_of(parsed, start: int, end: int, mentions) -> int:
    """The start of a body's name the model cut after "of": "Guardians of the East Brigade",
    "Soldiers of the Imam", "Sons of Iraq" (names of armed groups in translation), where a
    plural proper noun opens it. Not a title ("Minister of ..."): a singular word."""
    tokens = _tokens(parsed, start, end)
    if tokens is None or not len(tokens):
        return start
    first = tokens[0]
    while first.i > 0 and first.doc[first.i - 1].lower_ == "the" and first.dep_ != "pobj":
        first = first.doc[first.i - 1]  # "of the East Brigade" (the article was dropped)
    head = first.doc[first.i - 1] if first.i > 0 else None
    if head is None or head.lower_ != "of" or head.i == 0:
        return start
    name = head.doc[head.i - 1]
    if name.tag_ != "NNPS" or not name.is_title:
        return start
    while name.i > 0 and name.doc[name.i - 1].pos_ == "PROPN" and name.doc[name.i - 1].is_title \
            and name.doc[name.i - 1].dep_ == "compound":
        name = name.doc[name.i - 1]  # "Revolutionary Guardians of ..."
    offset = next(o for o, d in parsed if d is name.doc)
    new = offset + name.idx
    if any(m.start < start and new < m.end for m in mentions):
        return start  # another name there
    return new
