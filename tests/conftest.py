"""Shared fixtures. Fast tests build spaCy documents by hand (a blank English
pipeline with a rule-based NER); tests marked ``model`` load the real pipeline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import spacy

from crosscheck.extract import ExtractConfig, Extractor
from crosscheck.store import db

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "crosscheck" / "samples"


def data_root() -> Path:
    return Path(os.environ.get("CROSSCHECK_DATA", REPO.parent / "shared" / "data"))


# A stand-in for the statistical NER: entities by rule, so tests run in milliseconds.
TINY_PATTERNS = [
    {"label": "PERSON", "pattern": "Salman Jabbar Ouda"},
    {"label": "PERSON", "pattern": "Ouda"},
    {"label": "PERSON", "pattern": "Major General Salman Jabbar Ouda"},
    {"label": "PERSON", "pattern": "Qasim al-Zubaidi"},
    {"label": "ORG", "pattern": "Counter Terrorism Service"},
    {"label": "ORG", "pattern": "CTS"},
    {"label": "ORG", "pattern": "Reuters"},
    {"label": "GPE", "pattern": "Basra"},
    {"label": "DATE", "pattern": "last March"},
    {"label": "CARDINAL", "pattern": "12"},
    # recurring names of the bundled sample reports (crosscheck/samples/README.md)
    {"label": "PERSON", "pattern": "Abu Zainab al-Fayhawi"},
    {"label": "PERSON", "pattern": "Abu Zainab"},
    {"label": "PERSON", "pattern": "Jalil Sabah al-Darraji"},
    {"label": "PERSON", "pattern": "al-Darraji"},
    {"label": "PERSON", "pattern": "Ammar Jawad"},
    {"label": "ORG", "pattern": "Nur al-Huda Brigade"},
    {"label": "ORG", "pattern": "Ministry of Interior"},
    {"label": "ORG", "pattern": "Popular Mobilization Forces"},
    {"label": "GPE", "pattern": "Zubair"},
    {"label": "GPE", "pattern": "Nineveh"},
    {"label": "MONEY", "pattern": "$2 million"},
]


def tiny_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(TINY_PATTERNS)
    return nlp


@pytest.fixture(scope="session")
def tiny_extractor() -> Extractor:
    return Extractor(ExtractConfig.default(gazetteer=None), nlp=tiny_nlp())


@pytest.fixture
def engine(tmp_path):
    return db.open_workspace(tmp_path / "ws", create_missing=True)


@pytest.fixture(scope="session")
def model_extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def sample_workspace(tmp_path_factory, tiny_extractor):
    """The bundled sample reports ingested with the rule-based stand-in NER."""
    from crosscheck.demo import sample_files
    from crosscheck.ingest.batch import ingest

    path = tmp_path_factory.mktemp("samples") / "ws"
    engine = db.open_workspace(path, create_missing=True)
    ingest(engine, sample_files(), tiny_extractor)
    return path, engine


@pytest.fixture(scope="session")
def model_workspace(tmp_path_factory, model_extractor):
    """The bundled sample reports ingested with the real pipeline (tests marked ``model``)."""
    from crosscheck.demo import sample_files
    from crosscheck.ingest.batch import ingest

    path = tmp_path_factory.mktemp("samples-model") / "ws"
    engine = db.open_workspace(path, create_missing=True)
    ingest(engine, sample_files(), model_extractor)
    return path, engine
