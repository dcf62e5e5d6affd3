"""Reading one file into the text that will be stored, and what the file says about itself.

The stored text is the reference for every span later stages record, so it is
fixed here, once: NFC, "\\n" newlines, no blank lines around it, and otherwise
exactly what the format module extracted.
"""

from __future__ import annotations

import importlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from crosscheck.errors import ReadError, message
from crosscheck.ingest import language as languages
from crosscheck.ingest.formats import FormatError

# suffix -> format module in crosscheck.ingest.formats, imported when first needed
# (trafilatura, pypdf and python-docx each take a while to import).
_MODULES = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".eml": "email",
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_MODULES)
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

_LEADING_BLANK_LINES = re.compile(r"\A(?:[^\S\n]*\n)+")


@dataclass
class Read:
    """A file's text exactly as it will be stored, and the metadata the file states."""

    text: str  # str, "\n" newlines, Unicode NFC, no leading/trailing blank lines
    format: str  # "txt" | "md" | "html" | "pdf" | "docx" | "eml"
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    date: str | None = None  # ISO: "YYYY-MM-DD", or "YYYY-MM"/"YYYY" if that is all it says
    date_source: str | None = None  # e.g. "md:front-matter", "html:meta", "eml:Date"
    language: str | None = None  # declared by the file, else language.detect(text)


def read(path: Path | str, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Read:
    """Read one report file. ``encoding`` applies to .txt, .md and .html only.

    Raises :class:`ReadError` with a reason a person can act on; no library
    exception escapes, so a batch can report the file and go on.
    """
    path = Path(path)
    size = _check_file(path)
    name = _MODULES.get(path.suffix.lower())
    if name is None:
        raise ReadError(
            path,
            message(
                "unsupported",
                suffix=path.suffix or "(none)",
                supported=", ".join(SUPPORTED_SUFFIXES),
            ),
        )
    if size == 0:
        raise ReadError(path, message("empty"))
    if size > max_bytes:
        raise ReadError(path, message("too_large", size=size, limit=max_bytes))
    try:
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)  # bounded: the file may have grown since stat()
    except OSError as exc:
        raise ReadError(path, message("unreadable", detail=_os_detail(exc))) from None
    if len(data) > max_bytes:
        raise ReadError(path, message("too_large", size=max(size, len(data)), limit=max_bytes))

    module = importlib.import_module(f"crosscheck.ingest.formats.{name}")
    try:
        found = module.read(data, encoding=encoding)
    except FormatError as exc:
        raise ReadError(path, message(exc.key, **exc.values)) from None
    except Exception as exc:  # one odd file must not stop a batch
        detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
        raise ReadError(path, message("corrupt", fmt=module.LABEL, detail=detail)) from None

    text = normalise(found.text)
    if not text.strip():
        raise ReadError(path, message("empty"))
    return replace(
        found,
        text=text,
        title=_field(found.title),
        author=_field(found.author),
        outlet=_field(found.outlet),
        language=found.language or languages.detect(text),
    )


def normalise(text: str) -> str:
    """The stored form of extracted text; idempotent."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _LEADING_BLANK_LINES.sub("", text.rstrip()) if text.strip() else ""


def _field(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(unicodedata.normalize("NFC", value).split())
    return value or None


def _check_file(path: Path) -> int:
    """The file's size, after making sure it is a regular file we may open."""
    try:
        st = path.stat()
    except OSError as exc:
        raise ReadError(path, message("unreadable", detail=_os_detail(exc))) from None
    if stat.S_ISDIR(st.st_mode):
        detail = "it is a directory"
        if not os.access(path, os.R_OK | os.X_OK):
            detail += " that cannot be listed (permission denied)"
        raise ReadError(path, message("unreadable", detail=detail))
    if not stat.S_ISREG(st.st_mode):
        # A FIFO or device would block or never end.
        raise ReadError(path, message("unreadable", detail="it is not a regular file"))
    return st.st_size


def _os_detail(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()
