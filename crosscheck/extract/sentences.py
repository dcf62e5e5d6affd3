"""Sentence boundaries, from the parser's segmentation; a paragraph break always ends one
(the parser sometimes runs a sentence on into the next paragraph: "... wounded 34.\n\nResidents
said ..." as one)."""

from __future__ import annotations

import re

from crosscheck.extract.stages import stage
from crosscheck.model import Sentence


@stage("sentences", version="2", requires=["parse"], assigns=["sentences"])
def add_sentences(analysis, parsed) -> None:
    text = analysis.document.text
    for offset, doc in parsed:
        for sent in doc.sents:
            start, end = offset + sent.start_char, offset + sent.end_char
            # Trim the whitespace spaCy leaves at sentence edges so a sentence
            # quoted back to an analyst starts and ends on text.
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            for piece in re.finditer(r"\S(?:.*?\S)?(?=\s*\n[^\S\n]*\n|\s*$)", text[start:end], re.DOTALL):
                analysis.sentences.append(Sentence(start + piece.start(), start + piece.end()))
