"""Plain text (.txt), and the decoding that the other text formats share."""

from __future__ import annotations

import codecs

from crosscheck.ingest.formats import FormatError
from crosscheck.ingest.readers import Read

LABEL = "plain"


def decode(data: bytes, encoding: str | None, label: str) -> str:
    """The text of a text file: strict UTF-8 unless an encoding is given.

    We never guess an encoding: a wrong guess silently changes names and
    figures, which is worse than asking the person to say what the file is.
    A byte-order mark is a declaration, not a guess, so UTF-16 with one is read.
    """
    if encoding is None and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    if encoding is None:
        if b"\x00" in data:
            raise FormatError("binary", fmt=label)
        bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        try:
            return data[bom:].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise FormatError("encoding", encoding="UTF-8", position=bom + exc.start) from None
    try:
        text = data.decode(encoding)
    except LookupError:
        raise FormatError("unknown_encoding", encoding=encoding) from None
    except UnicodeDecodeError as exc:
        raise FormatError("encoding", encoding=encoding, position=exc.start) from None
    if "\x00" in text:
        raise FormatError("binary", fmt=label)
    return text.removeprefix("\ufeff")


def read(data: bytes, *, encoding: str | None = None) -> Read:
    # A text file states nothing about itself: no title or date is made up for it.
    return Read(text=decode(data, encoding, LABEL), format="txt")
