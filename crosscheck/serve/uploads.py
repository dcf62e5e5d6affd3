"""Reports uploaded from the browser: kept as files under the workspace's uploads folder
(one folder per content hash, so the same file uploaded twice is one file), then ingested
exactly as ``crosscheck ingest`` would, with the same checks and the same messages."""

from __future__ import annotations

import hashlib
import re
import tempfile
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from fastapi import UploadFile
from sqlalchemy import Engine

from crosscheck.errors import UsageError, message
from crosscheck.ingest.batch import IngestReport, Overrides, ingest
from crosscheck.ingest.readers import SUPPORTED_SUFFIXES

CHUNK = 1 << 16
MAX_FILES = 100


def safe_name(filename: str | None) -> str:
    """The file's own name without any folder, in characters a file system takes."""
    name = Path((filename or "").replace("\\", "/")).name
    name = re.sub(r"[^\w.\- ]", "_", name).strip(" .") or "upload"
    return name[:120]


def _keep(upload: UploadFile, folder: Path, max_bytes: int) -> tuple[Path | None, str | None]:
    """Write the upload under ``folder`` (at most ``max_bytes``); the path, or why not."""
    name = safe_name(upload.filename)
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        return None, message("unsupported", suffix=suffix or "(none)", supported=supported)
    if upload.size is not None and upload.size > max_bytes:  # the parser counted it: nothing to write
        return None, message("too_large", size=upload.size, limit=max_bytes)
    digest, size = hashlib.sha256(), 0
    with tempfile.NamedTemporaryFile(dir=folder, delete=False, prefix=".upload-") as out:
        partial = Path(out.name)
        while chunk := upload.file.read(CHUNK):
            size += len(chunk)
            if size > max_bytes:
                out.close()
                partial.unlink()
                size += sum(len(c) for c in iter(lambda: upload.file.read(CHUNK), b""))
                return None, message("too_large", size=size, limit=max_bytes)
            digest.update(chunk)
            out.write(chunk)
    final = folder / digest.hexdigest()[:16] / name
    final.parent.mkdir(exist_ok=True)
    partial.replace(final)
    return final, None


def ingest_uploads(engine: Engine, files: list[UploadFile], folder: Path, extractor: Callable,
                   max_bytes: int, overrides: Overrides | None = None) -> dict:
    """Keep and ingest the uploaded ``files``; ``extractor`` gives the Extractor (loaded on
    the first upload). The ingest report, with each failure named by the uploaded file's name."""
    files = [f for f in files if f.filename]
    if not files:
        raise UsageError(message("upload_empty"))
    if len(files) > MAX_FILES:
        raise UsageError(message("bad_parameter", detail=f"at most {MAX_FILES} files in one upload"))
    folder.mkdir(parents=True, exist_ok=True)
    kept: dict[str, str] = {}
    failed: list[tuple[str, str]] = []
    for upload in files:
        path, why = _keep(upload, folder, max_bytes)
        if path is None:
            failed.append((safe_name(upload.filename), why or ""))
        else:
            kept[str(path)] = upload.filename or path.name
    paths = [Path(p) for p in kept]
    done = ingest(engine, paths, extractor(), overrides, max_bytes=max_bytes) if kept else IngestReport()
    report = asdict(done)
    report["failed"] = failed + [(kept.get(p, Path(p).name), why) for p, why in report["failed"]]
    report["warnings"] = [_named(w, kept) for w in report["warnings"]]
    report["files"] = sorted(kept.values())
    return report


def _named(warning: str, kept: dict[str, str]) -> str:
    """A warning about a kept file, told by the name it was uploaded under."""
    for path, name in kept.items():
        warning = warning.replace(path, name)
    return warning.replace("with --date", "in the upload's date field")
