"""Ingesting a batch of files: read, extract, resolve within the document, store.

Each document is stored in its own transaction, and its id is the hash of its
text, so a batch that was interrupted is finished by running it again, and a
report ingested twice is stored once. A file that cannot be read is reported
and skipped; the rest of the batch lands.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from crosscheck.errors import ReadError, UsageError, message
from crosscheck.extract import Extractor, lexicon
from crosscheck.ingest.files import find_files
from crosscheck.ingest.readers import DEFAULT_MAX_BYTES, read
from crosscheck.model import Document
from crosscheck.resolve import within
from crosscheck.store import assessment, resolution, writer

# Entity names are refreshed after this many documents (and at the end), which
# bounds both the work left undone by an interruption and the memory it takes.
REFRESH_EVERY = 256

# Dates a file states about itself that are not necessarily when it was published.
CREATION_DATES = {"pdf:CreationDate", "docx:core.created", "eml:Date"}

_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


@dataclass
class Overrides:
    """Metadata given by hand (``--date``, ``--outlet``, ...); it wins over the file's own."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: str | None = None
    language: str | None = None

    def __post_init__(self) -> None:
        if self.date is not None and not _DATE.match(self.date):
            raise UsageError(message("bad_date", value=self.date))

    def values(self) -> dict[str, str]:
        out = {k: v for k, v in vars(self).items() if v is not None}
        if "date" in out:
            out["date_source"] = "option"
        return out


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)  # document ids
    unchanged: list[str] = field(default_factory=list)  # already stored
    updated: list[str] = field(default_factory=list)  # already stored, metadata changed by hand
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    warnings: list[str] = field(default_factory=list)
    # Resolution across documents, rerun when anything was added (judgements replayed):
    # {"entities", "merged", "clusters", "review", "refused"}
    resolution: dict[str, int] | None = None
    # Assessment, recomputed after resolution: {"statements", "corroborations", "contradictions"}
    assessment: dict[str, int] | None = None

    @property
    def ok(self) -> bool:
        return not self.failed


Progress = Callable[[str, str], None]  # (path, outcome) after each file


def ingest(
    engine: Engine,
    paths: Iterable[str | Path],
    extractor: Extractor,
    overrides: Overrides | None = None,
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    n_process: int = 1,
    progress: Progress | None = None,
    on_total: Callable[[int], None] | None = None,
) -> IngestReport:
    """Ingest files into the store behind ``engine``; see the module docstring.

    ``progress`` is told each file's outcome; ``on_total`` the number of files first.
    """
    overrides = overrides or Overrides()
    report = IngestReport()
    tick = progress or (lambda path, outcome: None)
    entity_types = {spec["type"] for spec in lexicon.labels().values() if spec["entity"]}
    touched: set[str] = set()

    files = list(find_files(paths))
    if on_total:
        on_total(len(files))

    def new_documents() -> Iterator[Document]:
        seen: dict[str, str] = {}
        for path in files:
            try:
                doc = _document(path, encoding, max_bytes, overrides)
            except ReadError as e:
                report.failed.append((str(e.path), e.reason))
                tick(str(path), "failed")
                continue
            if doc.id in seen:
                report.warnings.append(f"{path}: same text as {seen[doc.id]}; stored once")
                tick(str(path), "unchanged")
                continue
            seen[doc.id] = str(path)
            with engine.begin() as conn:
                stored = writer.has_document(conn, doc.id)
                if stored and writer.update_metadata(conn, doc.id, overrides.values()):
                    report.updated.append(doc.id)
                    tick(str(path), "updated")
                    continue
            if stored:
                report.unchanged.append(doc.id)
                tick(str(path), "unchanged")
                continue
            if doc.date is None:
                report.warnings.append(
                    f"{path}: no publication date in the file; relative dates in it stay "
                    "unresolved (set one with --date)"
                )
            elif doc.date_source in CREATION_DATES:
                report.warnings.append(
                    f"{path}: date {doc.date} is when the file was made or sent ({doc.date_source}), "
                    "which may not be when the report was published; confirm it with --date"
                )
            yield doc

    version = extractor.version
    for analysis in extractor.pipe(new_documents(), n_process=n_process):
        within.link(analysis, entity_types)
        with engine.begin() as conn:
            touched |= writer.save(conn, analysis, version)
        report.added.append(analysis.document.id)
        tick(analysis.document.path or "", "added")
        if len(report.added) % REFRESH_EVERY == 0:
            writer.refresh_names(engine, touched)
            touched.clear()
    writer.refresh_names(engine, touched)
    if report.added:
        report.resolution = asdict(resolution.run(engine))
        report.assessment = asdict(assessment.run(engine))
    return report


def _document(path: Path, encoding: str | None, max_bytes: int, overrides: Overrides) -> Document:
    r = read(path, encoding=encoding, max_bytes=max_bytes)
    values = {
        "title": r.title,
        "outlet": r.outlet,
        "author": r.author,
        "date": r.date,
        "date_source": r.date_source,
        "language": r.language,
    }
    values.update(overrides.values())
    return Document(text=r.text, path=str(path), format=r.format, **values)
