"""The workbench over the sample reports (ingested with the rule-based stand-in NER)."""

from __future__ import annotations

import warnings

import pytest

with warnings.catch_warnings():
    # Starlette's TestClient warns that it will move from httpx to httpx2 one day.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from crosscheck.serve.app import create_app


@pytest.fixture(scope="session")
def sample_app(sample_workspace, tiny_extractor, tmp_path_factory):
    _, engine = sample_workspace
    return create_app(engine, extractor=tiny_extractor, uploads=tmp_path_factory.mktemp("uploads"))


@pytest.fixture(scope="session")
def client(sample_app):
    return TestClient(sample_app, raise_server_exceptions=False)


@pytest.fixture
def fresh(tmp_path, tiny_extractor):
    """A client over an empty workspace of its own, for tests that write."""
    from crosscheck.store import db

    engine = db.open_workspace(tmp_path / "ws", create_missing=True)
    app = create_app(engine, extractor=tiny_extractor, uploads=tmp_path / "uploads", max_bytes=4096)
    return TestClient(app, raise_server_exceptions=False), engine


@pytest.fixture(scope="session")
def model_client(model_workspace, tmp_path_factory):
    """The workbench over the sample reports as the real pipeline reads them (tests marked
    ``model``): claims, denials and pairs that the stand-in NER does not give."""
    _, engine = model_workspace
    app = create_app(engine, uploads=tmp_path_factory.mktemp("model-uploads"))
    return TestClient(app, raise_server_exceptions=False)
