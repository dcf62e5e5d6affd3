"""Web pages (.html, .htm): the article's main text, not its navigation or comments.

trafilatura finds the main text. The date is read only from what the page's
markup states (meta tags, JSON-LD, ``itemprop="datePublished"``): htmldate's
text heuristics, even with ``extensive_search=False``, take a bare date from the
body or title, which in a news report is usually the date of an event, and the
default (extensive) search even turns a "Copyright 2024" footer into 2024-01-01.
"""

from __future__ import annotations

import codecs
import copy
import re

import lxml.etree
import lxml.html

from crosscheck.ingest.formats import (
    FormatError,
    clean_field,
    iso_date,
    language_code,
    newlines,
    one_line,
    quiet,
)
from crosscheck.ingest.formats.text import decode
from crosscheck.ingest.readers import Read

LABEL = "HTML"

# Dropped before taking the visible text of a page trafilatura found no article in.
_NOT_TEXT = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "button", "select",
)  # fmt: skip
_BLOCKS = frozenset(
    "address article blockquote br dd div dl dt figcaption figure h1 h2 h3 h4 h5 h6 hr li "
    "main ol p pre section table td th tr ul".split()
)
# Meta tags that htmldate would read a date from but that do not state a publication date.
_NOT_DATES = frozenset({"og:url", "copyrightyear"})
_PUBLISHED_ITEMPROPS = frozenset({"datepublished", "datecreated"})
# Page furniture removed before trafilatura looks: on a short page its fallback
# extractors otherwise keep the menu. A header or footer inside the article stays.
_FURNITURE = [
    "//nav",
    "//header[not(ancestor::article)]",
    "//footer[not(ancestor::article)]",
    "//*[@role='navigation' or @role='banner' or @role='contentinfo']",
]
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)


def read(data: bytes, *, encoding: str | None = None) -> Read:
    try:
        return extract(decode(data, encoding, LABEL))
    except FormatError as exc:
        # A page saved in, say, windows-1252 usually says so: a declaration is not a guess.
        declared = _declared_charset(data) if exc.key == "encoding" and encoding is None else None
        if declared is None:
            raise
        try:
            text = decode(data, declared, LABEL)
        except FormatError:
            raise exc from None
        return extract(text)


def _declared_charset(data: bytes) -> str | None:
    """The charset the page declares near its top, if Python knows it and it is not UTF-8."""
    m = _DECLARED_CHARSET.search(data[:4096])
    if m is None:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii")
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return None if codec in {"utf-8", "utf-8-sig"} else name


def extract(html: str) -> Read:
    """The main text and the stated metadata of a page given as a string."""
    tree = parse(html)
    found = _trafilatura(html)
    text = found.text if found is not None and found.text else ""
    if not text.strip():
        text = visible_text(tree)
    date = published_date(tree)
    title = found.title if found is not None else None
    if not title:
        title = tree.findtext(".//title")
    root = tree.getroottree().getroot()
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    return Read(
        text=text,
        format="html",
        title=clean_field(title),
        author=clean_field(found.author if found is not None else None),
        outlet=clean_field(found.sitename if found is not None else None),
        date=date,
        date_source="html:meta" if date else None,
        language=language_code(lang),
    )


def parse(html: str) -> lxml.html.HtmlElement:
    # Parsed from UTF-8 bytes, because lxml refuses a str that carries an XML
    # encoding declaration, and the declared charset no longer applies to a str.
    parser = lxml.html.HTMLParser(encoding="utf-8")
    try:
        return lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
    except lxml.etree.ParserError:
        raise FormatError("empty") from None
    except (lxml.etree.LxmlError, ValueError) as exc:
        raise FormatError("corrupt", fmt=LABEL, detail=one_line(exc)) from None


def _trafilatura(html: str):  # -> trafilatura.settings.Document | None
    import trafilatura  # imported here: it is slow to import and only web pages need it

    try:
        with quiet("trafilatura", "htmldate", "justext", "readability"):
            return trafilatura.bare_extraction(
                html,
                with_metadata=True,
                include_comments=False,
                prune_xpath=_FURNITURE,
                # Its own date is not used (see the module docstring); fast mode saves time.
                date_extraction_params={"extensive_search": False, "original_date": True},
            )
    except Exception:  # a page it chokes on still has visible text
        return None


def published_date(tree: lxml.html.HtmlElement) -> str | None:
    """The publication date the markup states, or None; never one guessed from the text."""
    import htmldate

    head = lxml.html.fromstring("<html><head></head><body></body></html>")
    stated = head.find("head")
    for meta in tree.iter("meta"):
        key = meta.get("name") or meta.get("property") or meta.get("itemprop") or ""
        if key.lower() not in _NOT_DATES:
            stated.append(copy.copy(meta))
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        stated.append(copy.copy(script))
    # Microdata on a visible element, e.g. <time itemprop="datePublished" datetime="...">.
    for elem in tree.xpath("//*[@itemprop][not(self::meta)]"):
        value = elem.get("datetime") or elem.get("content")
        if value and elem.get("itemprop", "").lower() in _PUBLISHED_ITEMPROPS:
            stated.append(lxml.html.Element("meta", itemprop="datePublished", content=value))
    if len(stated) == 0:
        return None
    with quiet("htmldate"):
        try:
            found = htmldate.find_date(head, extensive_search=False, original_date=True)
        except Exception:  # no date is better than no document
            return None
    return iso_date(found)


def visible_text(tree: lxml.html.HtmlElement) -> str:
    """The text a reader sees in <body>, one line per block, without page furniture."""
    body = tree.find("body")
    body = copy.deepcopy(body if body is not None else tree)
    lxml.etree.strip_elements(
        body, lxml.etree.Comment, lxml.etree.ProcessingInstruction, *_NOT_TEXT, with_tail=False
    )
    for elem in body.iter():
        if isinstance(elem.tag, str) and elem.tag.lower() in _BLOCKS:
            elem.text = "\n" + (elem.text or "")
            elem.tail = "\n" + (elem.tail or "")
    lines = (" ".join(line.split()) for line in newlines("".join(body.itertext())).split("\n"))
    return "\n".join(line for line in lines if line)
