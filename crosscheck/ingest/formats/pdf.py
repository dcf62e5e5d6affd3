"""PDF (.pdf): the text layer of each page, and the document information dictionary."""

from __future__ import annotations

import io
import re
import warnings

from crosscheck.ingest.formats import FormatError, clean_field, iso_date, language_code, one_line, quiet
from crosscheck.ingest.readers import Read

LABEL = "PDF"

_PDF_DATE = re.compile(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def read(data: bytes, *, encoding: str | None = None) -> Read:
    import pypdf  # imported here: only PDFs need it

    # pypdf warns (through logging and warnings) about every irregularity it repairs;
    # a file it can read is fine, and one it cannot read is reported as corrupt.
    with quiet("pypdf"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                _decrypt(reader)
            pages = [_page_text(page) for page in reader.pages]
        except FormatError:
            raise
        except Exception as exc:  # pypdf raises many kinds on a broken file
            raise FormatError("corrupt", fmt=LABEL, detail=_why_broken(data, exc)) from None
        text = "\n\n".join(page for page in pages if page)
        if not text.strip():
            raise FormatError("no_text", fmt=LABEL)
        info = _info(reader)
    date = _pdf_date(info.get("/CreationDate"))
    return Read(
        text=text,
        format="pdf",
        title=clean_field(info.get("/Title")),
        author=clean_field(info.get("/Author")),
        date=date,
        date_source="pdf:CreationDate" if date else None,
        language=language_code(info.get("/Lang")),
    )


def _decrypt(reader) -> None:  # reader: pypdf.PdfReader
    # Many PDFs are encrypted only against editing, with an empty password to open them.
    try:
        opened = reader.decrypt("")
    except Exception as exc:  # e.g. AES needs a crypto package we do not ship
        raise FormatError(
            "corrupt", fmt=LABEL, detail=f"it is encrypted ({one_line(exc)}); save an unencrypted copy"
        ) from None
    if not opened:
        raise FormatError(
            "corrupt", fmt=LABEL, detail="it is protected by a password; save an unencrypted copy"
        )


def _why_broken(data: bytes, exc: Exception) -> str:
    # pypdf's own words ("Stream has ended unexpectedly") do not say what to do.
    if b"%PDF-" not in data[:1024]:
        return "it does not start with %PDF-, so it is not a PDF"
    if b"%%EOF" not in data[-1024:]:
        return f"it is cut short (no %%EOF at the end; {one_line(exc)}); copy or download it again"
    return one_line(exc)


def _page_text(page) -> str:  # page: pypdf.PageObject
    return (page.extract_text() or "").strip("\n").rstrip()


def _info(reader) -> dict[str, str]:
    """The document information strings and the catalog's /Lang; broken metadata is no metadata."""
    info: dict[str, str] = {}
    try:
        meta = reader.metadata or {}
        for key in ("/Title", "/Author", "/CreationDate"):
            if key in meta:
                info[key] = str(meta[key])
        lang = reader.trailer["/Root"].get_object().get("/Lang")
        if lang is not None:
            info["/Lang"] = str(lang.get_object())
    except Exception:  # the text is what matters
        pass
    return info


def _pdf_date(value: str | None) -> str | None:
    """ "D:20240301120000+01'00'" -> "2024-03-01", keeping only the precision given."""
    m = _PDF_DATE.match(value.strip()) if value else None
    if m is None:
        return None
    return iso_date("-".join(p for p in m.groups() if p))
