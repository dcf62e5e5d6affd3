"""One module per file format, each turning a file's bytes into a :class:`Read`.

A format module exposes ``LABEL`` (the format's name in messages) and
``read(data, *, encoding) -> Read``. It returns the text as the file gives it;
:func:`crosscheck.ingest.readers.read` normalises it, so that the rules for the
stored text live in one place. A module says what is wrong by raising
:class:`FormatError` with a key of :data:`crosscheck.errors.MESSAGES`: it does not
know the path, the reader adds it.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager


class FormatError(Exception):
    """Why a file's bytes are not a document, as a message key and its values."""

    def __init__(self, key: str, **values: object):
        super().__init__(key)
        self.key = key
        self.values = values


def newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def one_line(exc: BaseException) -> str:
    """A library exception as a short line for a message (they can span lines)."""
    text = " ".join(str(exc).split())
    return text[:200] or type(exc).__name__


_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?")


def iso_date(value: object) -> str | None:
    """An ISO date ("YYYY-MM-DD", "YYYY-MM" or "YYYY") from what a file states, or None.

    Keeps the precision the value has: a bare year stays a year, never "YYYY-01-01".
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    m = _ISO.fullmatch(value.strip())
    if m is None:
        return None
    year, month, day = m.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return "-".join(p for p in (year, month, day) if p)


def language_code(value: object) -> str | None:
    """The primary subtag of a declared language ("en-GB" -> "en"), or None if it is not one."""
    if not isinstance(value, str):
        return None
    primary = re.split(r"[-_]", value.strip(), maxsplit=1)[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def clean_field(value: object) -> str | None:
    """A metadata value as one line of text, or None when it is empty."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value if v is not None)
    text = " ".join(str(value).split())
    return text or None


@contextmanager
def quiet(*loggers: str) -> Iterator[None]:
    """Silence a library's warnings about the files it copes with; we report what matters."""
    saved = [(logging.getLogger(name), logging.getLogger(name).level) for name in loggers]
    for logger, _ in saved:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in saved:
            logger.setLevel(level)
