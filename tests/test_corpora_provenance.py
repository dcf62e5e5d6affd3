"""Every span stays true to its document, on real reports, from extraction to export.

Runs the real model over a few WikiEvents and PolNeAR development texts (from
``../shared/data`` or ``$CROSSCHECK_DATA``); skipped when they are absent.
"""

from __future__ import annotations

import sys
from itertools import islice
from pathlib import Path

import pytest

from crosscheck.export.jsonl import records
from crosscheck.model import Document
from crosscheck.store import db, queries

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import corpora  # noqa: E402

pytestmark = [pytest.mark.data, pytest.mark.model]

PER_CORPUS = 4


def _or_skip(load):
    try:
        return load()
    except corpora.DataAbsent as e:
        pytest.skip(f"development data absent: {e}")


@pytest.fixture(scope="module")
def texts() -> list[str]:
    wikievents = _or_skip(lambda: [g.text for g in islice(corpora.wikievents(), PER_CORPUS)])
    polnear = _or_skip(lambda: [g.text for g in islice(corpora.polnear(), PER_CORPUS)])
    return wikievents + polnear


@pytest.fixture(scope="module")
def files() -> list[Path]:
    """Real files as a user would give them: WikiEvents' plain texts and PolNeAR articles."""
    wikievents = _or_skip(lambda: sorted(corpora.require("wikievents", "docs").glob("*.txt"))[:PER_CORPUS])
    polnear = _or_skip(lambda: corpora.polnear_files()[:PER_CORPUS])
    return wikievents + polnear


def test_extracted_mentions_and_titles_are_their_spans(model_extractor, texts):
    analyses = list(model_extractor.pipe(Document(text=t) for t in texts))
    assert sum(len(a.mentions) for a in analyses) > 100
    for a in analyses:
        text = a.document.text
        for m in a.mentions:
            assert 0 <= m.start < m.end <= len(text)
            assert m.text == text[m.start:m.end], (a.document.id, m)
            if "title" in m.attrs:
                assert m.attrs["title"] == text[m.attrs["title_start"]:m.attrs["title_end"]]
        for s in a.sentences:
            assert 0 <= s.start < s.end <= len(text)


def test_exported_spans_are_the_stored_text(model_extractor, files, tmp_path):
    from crosscheck.ingest.batch import ingest

    engine = db.create(f"sqlite:///{tmp_path / db.DB_NAME}")
    report = ingest(engine, files, model_extractor)
    assert not report.failed and len(report.added) == len(files)

    stored = {d["id"]: d["text"] for d in queries.iter_documents(engine, with_text=True)}
    spans = []
    for record in records(engine):
        if record["kind"] == "entity":
            spans.extend(record["mentions"])
        elif record["kind"] == "mention":
            spans.append(record["span"])
    assert len(spans) > 100
    for span in spans:
        assert span["text"] == stored[span["document"]][span["start"]:span["end"]], span
    engine.dispose()
