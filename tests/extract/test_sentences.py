"""Sentence boundaries (real parse): a paragraph break always ends a sentence."""

import pytest

from crosscheck.model import Document


@pytest.mark.model
def test_a_paragraph_break_ends_a_sentence_the_parser_runs_on(model_extractor):
    text = ("A medical source told the agency that the explosion killed 11 people and wounded 34\n\n"
            "Residents said checkpoints had multiplied since the explosion.")
    a = model_extractor.extract(Document(text=text))
    found = [text[s.start:s.end] for s in a.sentences]
    assert found == ["A medical source told the agency that the explosion killed 11 people and wounded 34",
                     "Residents said checkpoints had multiplied since the explosion."]
