"""Word documents (.docx): body paragraphs, then table rows, and the core properties.

Headers and footers are left out: they repeat on every page and are rarely the report.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from crosscheck.ingest.formats import FormatError, clean_field, iso_date, language_code, one_line
from crosscheck.ingest.readers import Read

LABEL = "Word .docx"

# python-docx's blank template states these; a document made from it never set them.
_TEMPLATE_CREATED = dt.datetime(2013, 12, 23, 23, 15, tzinfo=dt.UTC)
_TEMPLATE_AUTHOR = "python-docx"
_OLE2 = b"\xd0\xcf\x11\xe0"  # the container of the old binary .doc


def read(data: bytes, *, encoding: str | None = None) -> Read:
    import docx  # imported here: only Word files need it

    try:
        document = docx.Document(io.BytesIO(data))
        lines = [p.text for p in document.paragraphs]
        for table in document.tables:
            lines.extend(_rows(table))
    except zipfile.BadZipFile:
        detail = "it is not a zip package, as a .docx is"
        if data.startswith(_OLE2):
            detail = "it is an old binary Word file; save it as .docx"
        raise FormatError("corrupt", fmt=LABEL, detail=detail) from None
    except Exception as exc:  # python-docx raises many kinds on a broken file
        raise FormatError("corrupt", fmt=LABEL, detail=one_line(exc)) from None

    title = author = created = lang = None
    try:
        props = document.core_properties
        title, author, created, lang = props.title, props.author, props.created, props.language
    except Exception:  # broken metadata is no metadata; the text is what matters
        pass
    if created == _TEMPLATE_CREATED:
        created = None
    if author == _TEMPLATE_AUTHOR:
        author = None
    date = iso_date(created)
    return Read(
        text="\n".join(lines),
        format="docx",
        title=clean_field(title),
        author=clean_field(author),
        date=date,
        date_source="docx:core.created" if date else None,
        language=language_code(lang),
    )


def _rows(table) -> list[str]:  # table: docx.table.Table
    """One line per row, cells separated by tabs; a merged cell is given once."""
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) not in seen:  # merged cells come back once per grid column
                seen.add(id(cell._tc))
                cells.append(cell.text)
        if any(c.strip() for c in cells):
            rows.append("\t".join(cells))
    return rows
