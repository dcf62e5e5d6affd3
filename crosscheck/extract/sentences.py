"""Sentence boundaries, from the parser's segmentation."""

from __future__ import annotations

from crosscheck.extract.stages import stage
from crosscheck.model import Sentence


@stage("sentences", version="1", requires=["parse"], assigns=["sentences"])
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
            if start < end:
                analysis.sentences.append(Sentence(start, end))
