"""E-mail messages (.eml): the body, preferring the plain-text part, and the headers.

The sender's display name is the author; the outlet is not guessed from the address.
"""

from __future__ import annotations

import email
import email.policy
import email.utils

from crosscheck.ingest.formats import FormatError, clean_field, iso_date, language_code, one_line
from crosscheck.ingest.readers import Read

LABEL = "e-mail (.eml)"


def read(data: bytes, *, encoding: str | None = None) -> Read:
    if b"\x00" in data:
        raise FormatError("binary", fmt="e-mail")
    try:
        msg = email.message_from_bytes(data, policy=email.policy.default)
        if not msg.keys():
            raise FormatError(
                "corrupt", fmt=LABEL, detail="it has no headers (From, Subject, Date) at the top"
            )
        text = _body(msg)
    except FormatError:
        raise
    except Exception as exc:  # the parser is lenient, but decoding a part can fail
        raise FormatError("corrupt", fmt=LABEL, detail=one_line(exc)) from None
    date = _date(msg)
    return Read(
        text=text,
        format="eml",
        title=clean_field(_header(msg, "subject")),
        author=_sender_name(msg),
        date=date,
        date_source="eml:Date" if date else None,
        language=language_code(_header(msg, "content-language")),
    )


def _body(msg) -> str:  # msg: email.message.EmailMessage
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    content = part.get_content()  # decoded with the part's declared charset
    if part.get_content_subtype() == "html":
        from crosscheck.ingest.formats.html import extract

        return extract(content).text
    return content


def _header(msg, name: str) -> str | None:
    try:
        value = msg[name]
    except Exception:  # a malformed header is a missing one
        return None
    return None if value is None else str(value)


def _sender_name(msg) -> str | None:
    try:
        addresses = msg["from"].addresses
    except Exception:  # no From, or one that does not parse
        return None
    return clean_field(addresses[0].display_name) if addresses else None


def _date(msg) -> str | None:
    """The Date header's calendar day in the sender's own time zone."""
    raw = _header(msg, "date")
    if not raw:
        return None
    try:
        return iso_date(email.utils.parsedate_to_datetime(raw))
    except (TypeError, ValueError, IndexError):
        return None
