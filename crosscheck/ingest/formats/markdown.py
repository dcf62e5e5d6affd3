"""Markdown (.md, .markdown), with optional YAML front matter.

The stored text is the body after the front matter, markdown kept as written.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from crosscheck.ingest.formats import FormatError, clean_field, iso_date, language_code, newlines
from crosscheck.ingest.formats.text import decode
from crosscheck.ingest.readers import Read

LABEL = "Markdown"

_OPENING = re.compile(r"---[ \t]*\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_HEADING = re.compile(r"#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*")
_FENCE = re.compile(r"[ ]{0,3}(```|~~~)")


def read(data: bytes, *, encoding: str | None = None) -> Read:
    text = newlines(decode(data, encoding, LABEL))
    meta, body = split_front_matter(text)
    date = None
    if meta.get("date") is not None:
        date = iso_date(meta["date"])
        if date is None:
            raise FormatError("bad_front_matter_date", value=meta["date"])
    return Read(
        text=body,
        format="md",
        title=clean_field(meta.get("title")) or first_heading(body),
        author=clean_field(meta.get("author")),
        outlet=clean_field(meta.get("outlet")),
        date=date,
        date_source="md:front-matter" if date else None,
        language=language_code(meta.get("language")),
    )


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(front matter keys in lower case, body); no front matter gives ({}, text)."""
    opening = _OPENING.match(text)
    if opening is None:
        return {}, text
    closing = _CLOSING.search(text, opening.end())
    if closing is None:
        # A lone "---" at the top is a horizontal rule, not front matter.
        return {}, text
    try:
        meta = yaml.safe_load(text[opening.end() : closing.start()])
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""  # +1 for "---", +1 1-based
        problem = getattr(exc, "problem", None) or "cannot be parsed"
        raise FormatError(
            "corrupt",
            fmt=LABEL,
            detail=f"the YAML front matter{where}: {problem}; fix it or remove the front matter",
        ) from None
    body = text[closing.end() :]
    if meta is None:
        return {}, body
    if not isinstance(meta, dict):
        # Prose between two rules parses as a YAML string: that is text, not metadata.
        return {}, text
    return {str(k).lower(): v for k, v in meta.items()}, body


def first_heading(body: str) -> str | None:
    """The text of the first level-1 ATX heading outside code blocks."""
    fence = None
    for line in body.split("\n"):
        opener = _FENCE.match(line)
        if opener:
            if fence is None:
                fence = opener.group(1)
            elif opener.group(1) == fence:
                fence = None
            continue
        if fence is None:
            heading = _HEADING.fullmatch(line)
            if heading:
                return clean_field(heading.group(1))
    return None
