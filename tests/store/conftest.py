"""Fixtures of the store tests."""

from __future__ import annotations

import pytest

from crosscheck.store import assessment, db


@pytest.fixture
def assessed(tmp_path, model_extractor):
    """A function that writes reports ({file name: (outlet, date, body)}) with their front
    matter, ingests them into a fresh workspace with the real pipeline, assesses it and
    returns the engine."""
    def run(reports: dict[str, tuple[str, str, str]]):
        from crosscheck.ingest.batch import ingest

        paths = []
        for name, (outlet, date, body) in reports.items():
            path = tmp_path / name
            path.write_text(f'---\noutlet: "{outlet}"\ndate: {date}\n---\n{body}\n', encoding="utf-8")
            paths.append(path)
        engine = db.open_workspace(tmp_path / "ws", create_missing=True)
        ingest(engine, paths, model_extractor)
        assessment.run(engine)
        return engine
    return run


@pytest.fixture
def pairs_between():
    """A function that lists the (kind, reason) of every assessed pair whose two statements
    together say each of the words given."""
    def find(engine, *words: str) -> list[tuple[str, str]]:
        return [(p["kind"], p["reason"]) for p in assessment.pairs(engine)
                if all(any(w in p[f"{side}_statement"]["text"] for side in "ab") for w in words)]
    return find
