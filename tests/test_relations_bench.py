"""The relation benchmark's loader against CrossRE's own tokens (skipped without the data)."""

from __future__ import annotations

import pytest

from bench import corpora, relations


def test_sentences_rebuild_each_relation_argument_from_its_tokens():
    try:
        items = relations.sentences(limit=200)
    except corpora.DataAbsent as e:
        pytest.skip(f"development data absent: {e}")
    assert len(items) == 200
    spans = [(s["text"], x, y) for s in items for x, y, _ in s["gold"]]
    assert spans
    for text, x, y in spans:
        for start, end in (x, y):
            # Whole tokens: each argument starts and ends where a token does.
            assert 0 <= start < end <= len(text)
            assert (start == 0 or text[start - 1] == " ") and (end == len(text) or text[end] == " ")
