"""Loaders for the development corpora: plain texts with gold spans over them.

Every loader builds a text and gives its gold spans as ``(start, end, type)``
character offsets into that text, so scoring is a comparison of offsets. The
data lives outside the repository (``$CROSSCHECK_DATA`` or ``../shared/data``);
a loader whose files are missing raises :class:`DataAbsent`, which says where it
looked, so that a test can skip with that message.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

Span = tuple[int, int, str]


class DataAbsent(FileNotFoundError):
    """A corpus is not where the benchmarks look for it."""


@dataclass
class GoldText:
    """One text and its gold spans; ``optional`` spans count neither way when scored."""

    id: str
    text: str
    spans: list[Span] = field(default_factory=list)
    optional: list[tuple[int, int]] = field(default_factory=list)
    # gold span -> another span that also counts as finding it (IEER's alt="...")
    alternatives: dict[Span, tuple[int, int]] = field(default_factory=dict)


def data_root() -> Path:
    return Path(os.environ.get("CROSSCHECK_DATA") or REPO.parent / "shared" / "data")


def require(*parts: str) -> Path:
    """The path of a corpus file or folder, or :class:`DataAbsent` naming where it was sought."""
    path = data_root().joinpath(*parts)
    if not path.exists():
        raise DataAbsent(f"{'/'.join(parts)} not found at {path} (set CROSSCHECK_DATA to the data folder)")
    return path


# --- WikiEvents -------------------------------------------------------------------------------

# WikiEvents marks every entity mention, pronouns and common nouns included
# ("he", "police", "the city"), and its `mention_type` field is "UNK" throughout
# this release. NER finds names, so we score the mentions that look like names:
# at least one capitalised token that is not a pronoun, and not a lone
# sentence-initial word that the split also writes in lower case ("Police said
# ..." when "police" occurs elsewhere).
_PRONOUNS = {
    "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his",
    "she", "her", "hers", "it", "its", "they", "them", "their", "theirs", "who", "whom", "whose",
    "which", "that", "this", "these", "those", "there", "where", "here", "one", "all", "some",
}


def _is_name(tokens: list[str], first_of_sentence: bool, lower_words: set[str]) -> bool:
    capitalised = [t for t in tokens if t[:1].isupper() and t.lower() not in _PRONOUNS]
    if not capitalised:
        return False
    if len(tokens) == 1 and first_of_sentence and tokens[0].lower() in lower_words:
        return False
    return True


def wikievents(split: str = "dev", names_only: bool = True) -> Iterator[GoldText]:
    """WikiEvents documents; gold types as annotated (PER, ORG, GPE, LOC, FAC, ...).

    The text is the annotated sentences joined by "\\n": the released ``text``
    field glues sentences together without a space ("in SyriaThe desert"),
    which is not what any real report looks like, and the token offsets of the
    release count separators that ``text`` lacks.
    """
    docs = wikievents_documents(split)
    lower_words = {t for doc in docs for t in doc["tokens"] if t[:1].islower()}
    for doc in docs:
        yield _wikievents_doc(doc, names_only, lower_words)


def wikievents_text(doc: dict) -> tuple[str, list[tuple[int, int]], set[int]]:
    """A WikiEvents document's text (its sentences joined by "\\n"), each token's (start,
    end) in it, and the indices of the tokens that open a sentence."""
    parts: list[str] = []
    char_of: list[tuple[int, int]] = []  # per document token: (start, end) in our text
    first_token: set[int] = set()
    pos = 0
    for tokens, sentence in doc["sentences"]:
        base = tokens[0][1]  # the release's offsets are relative to its own sentence joins
        first_token.add(len(char_of))
        for word, start, end in tokens:
            s, e = pos + start - base, pos + end - base
            if sentence[start - base:end - base] != word:
                raise ValueError(f"WikiEvents {doc['doc_id']}: token {word!r} not at its offsets")
            char_of.append((s, e))
        parts.append(sentence)
        pos += len(sentence) + 1
    return "\n".join(parts), char_of, first_token


def wikievents_documents(split: str = "dev") -> list[dict]:
    """The released WikiEvents documents of a split, as JSON objects."""
    path = require("wikievents", f"{split}.jsonl")
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _wikievents_doc(doc: dict, names_only: bool, lower_words: set[str]) -> GoldText:
    text, char_of, first_token = wikievents_text(doc)
    spans: list[Span] = []
    for m in doc["entity_mentions"]:
        tokens = doc["tokens"][m["start"]:m["end"]]
        if m.get("mention_type", "UNK") not in ("UNK", "NAM"):
            # A release that does mark mention types: score the named ones only.
            continue
        if names_only and m.get("mention_type") != "NAM" and not _is_name(
            tokens, m["start"] in first_token, lower_words
        ):
            continue
        start, end = char_of[m["start"]][0], char_of[m["end"] - 1][1]
        spans.append((start, end, m["entity_type"]))
    return GoldText(id=doc["doc_id"], text=text, spans=sorted(set(spans)))


# --- IEER ---------------------------------------------------------------------------------

_IEER_DOC = re.compile(r"<DOC>(.*?)</DOC>", re.S)
_IEER_FIELD = re.compile(r"<(DOCNO|HEADLINE|TEXT)>(.*?)</\1>", re.S)
_IEER_TAG = re.compile(r"<b_(enamex|timex|numex)((?:\s+\w+=\"[^\"]*\")*)\s*>|<e_(enamex|timex|numex)>")
_IEER_ATTR = re.compile(r'(\w+)="([^"]*)"')
IEER_TYPES = {"PERSON", "ORGANIZATION", "LOCATION", "DATE"}


def ieer() -> Iterator[GoldText]:
    """IEER stories: headline and body; gold PERSON, ORGANIZATION, LOCATION and DATE.

    Tags are stripped; the wire copy's hard line wraps are joined into one line
    per paragraph (a paragraph starts with an indented line) and runs of spaces
    become one, so a name broken over two lines reads as it was written.
    Spans marked ``status="opt"`` are optional: scored neither as hit nor miss.
    """
    root = require("ieer")
    files = sorted(p for p in root.iterdir() if p.is_file() and not p.name.startswith("."))
    if not files:
        raise DataAbsent(f"ieer/ is empty at {root}")
    for path in files:
        raw = path.read_text(encoding="utf-8", errors="strict")
        for m in _IEER_DOC.finditer(raw):
            fields = {k: v for k, v in _IEER_FIELD.findall(m.group(1))}
            docno = fields.get("DOCNO", "").strip() or path.name
            yield _ieer_doc(docno, fields.get("HEADLINE", ""), fields.get("TEXT", ""))


def _ieer_doc(docno: str, headline: str, body: str) -> GoldText:
    source = headline.strip() + "\n\t" + body.strip("\n")
    out: list[str] = []
    spans: list[Span] = []
    optional: list[tuple[int, int]] = []
    alternatives: dict[Span, tuple[int, int]] = {}
    open_tags: list[tuple[dict[str, str], int]] = []
    pending = ""  # whitespace seen since the last character written

    def flush() -> None:
        nonlocal pending
        if pending and out:
            # A paragraph begins with a tab-indented line; inside a name it is
            # only a wrap (one story breaks "Datuk S. / Subramaniam" that way).
            out.append("\n" if "\n\t" in pending.replace(" ", "") and not open_tags else " ")
        pending = ""

    i = 0
    for tag in [*_IEER_TAG.finditer(source), None]:
        for ch in source[i:tag.start() if tag else len(source)]:
            if ch.isspace():
                pending += ch
            else:
                flush()
                out.append(ch)
        if tag is None:
            break
        i = tag.end()
        if tag.group(1):
            flush()
            open_tags.append((dict(_IEER_ATTR.findall(tag.group(2))), len(out)))
            continue
        attrs, start = open_tags.pop()
        span = (start, len(out), attrs.get("type", ""))
        if attrs.get("status") == "opt":
            optional.append(span[:2])
        elif span[2] in IEER_TYPES:
            spans.append(span)
            alt = attrs.get("alt")
            found = "".join(out[start:]).find(alt) if alt else -1
            if found >= 0:
                alternatives[span] = (start + found, start + found + len(alt))
    return GoldText(id=docno, text="".join(out), spans=spans, optional=optional, alternatives=alternatives)


# --- CoNLL-2003 ---------------------------------------------------------------------------


def conll(name: str = "eng.testa") -> Iterator[GoldText]:
    """CoNLL-2003 documents: tokens joined by single spaces, sentences by "\\n".

    Gold PER, ORG, LOC and MISC from the IOB1 tags (a B- tag only separates two
    adjacent entities of one type).
    """
    path = require("conll2003", name)
    doc_tokens: list[list[tuple[str, str]]] = []
    sentence: list[tuple[str, str]] = []
    n = 0
    with path.open(encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                if sentence:
                    doc_tokens.append(sentence)
                    sentence = []
                if doc_tokens:
                    yield _conll_doc(f"{name}-{n}", doc_tokens)
                    n += 1
                doc_tokens = []
            elif not line.strip():
                if sentence:
                    doc_tokens.append(sentence)
                sentence = []
            else:
                cols = line.split(" ")
                sentence.append((cols[0], cols[-1]))
    if sentence:
        doc_tokens.append(sentence)
    if doc_tokens:
        yield _conll_doc(f"{name}-{n}", doc_tokens)


def _conll_doc(doc_id: str, sentences: list[list[tuple[str, str]]]) -> GoldText:
    lines: list[str] = []
    spans: list[Span] = []
    pos = 0
    for sentence in sentences:
        words: list[str] = []
        current: list = []  # [type, start, end]
        col = pos
        for word, tag in sentence:
            if words:
                col += 1
            start, end = col, col + len(word)
            col = end
            words.append(word)
            kind = tag[2:] if tag != "O" else None
            if kind and current and current[0] == kind and not tag.startswith("B-"):
                current[2] = end
            else:
                if current:
                    spans.append(tuple(current[1:]) + (current[0],))
                current = [kind, start, end] if kind else []
        if current:
            spans.append(tuple(current[1:]) + (current[0],))
        lines.append(" ".join(words))
        pos += len(lines[-1]) + 1
    return GoldText(id=doc_id, text="\n".join(lines), spans=spans)


# --- PolNeAR ------------------------------------------------------------------------------

# Several annotators' copies of one article carry a "_<annotator>" suffix (four hex digits).
_ANNOTATOR = re.compile(r"_[0-9a-f]{4}$")


def polnear_files(split: str = "dev") -> list[Path]:
    """One text file per PolNeAR article of ``split`` (annotators' copies deduplicated)."""
    return list(_first_per_article(require("polnear", split, "text"), "*.txt").values())


def _first_per_article(folder: Path, pattern: str) -> dict[str, Path]:
    """Article name -> its alphabetically first file (annotators' copies carry a suffix)."""
    first: dict[str, Path] = {}
    for path in sorted(folder.glob(pattern)):
        first.setdefault(_ANNOTATOR.sub("", path.stem), path)
    if not first:
        raise DataAbsent(f"no {pattern} files in {folder}")
    return first


def polnear(split: str = "dev") -> Iterator[GoldText]:
    """PolNeAR article texts (no entity gold: used for speed and provenance checks)."""
    for path in polnear_files(split):
        yield GoldText(id=path.stem, text=path.read_text(encoding="utf-8"))


Extent = tuple[int, int]


@dataclass
class Attribution:
    """One attribution: its source, cue and content, each a list of ``(start, end)`` spans.

    A list holds several spans where brat's span is discontinuous (a quotation
    interrupted by "she said"), and is empty where the part is absent (no source).
    """

    source: list[Extent] = field(default_factory=list)
    cue: list[Extent] = field(default_factory=list)
    content: list[Extent] = field(default_factory=list)


@dataclass
class AttributionText:
    """One PolNeAR article, exactly as its .txt, with one annotator's attributions."""

    id: str
    text: str
    attributions: list[Attribution] = field(default_factory=list)
    annotator: str = ""


_BRAT_ROLES = {"Source": "source", "Cue": "cue", "Content": "content", "Content2": "content"}


def polnear_attributions(split: str = "dev", strict: bool = True) -> Iterator[AttributionText]:
    """PolNeAR articles with their gold attributions (brat ``E`` lines), sorted by article.

    Where several annotators marked one article, only the alphabetically first
    annotator's file is read (e.g. ``_4b22`` of six). Each ``E`` line is one
    attribution; its ``Source``, ``Cue`` and ``Content`` (and the rare
    ``Content2``, a second content) arguments become lists of spans, sorted,
    and a role the line lacks stays empty ("Attribution-no-source"). A line
    with neither cue nor content is dropped; ``Discard`` and ``Discuss`` marks,
    which belong to no attribution, are ignored. Raises ``ValueError`` where a
    span's text in the .txt is not the text brat recorded for it, or, not
    ``strict`` (for training), drops the attributions that use such a span
    (a handful in train).
    """
    folder = require("polnear", split, "attributions")
    texts = require("polnear", split, "text")
    for article, ann in _first_per_article(folder, "*.ann").items():
        txt = texts / f"{article}.txt"
        if not txt.exists():  # an annotator's own copy of the text
            txt = texts / f"{ann.stem}.txt"
        with txt.open(encoding="utf-8", newline="") as f:
            text = f.read()
        annotator = ann.stem[len(article) + 1:]
        yield AttributionText(article, text, _brat_attributions(ann, text, strict), annotator)


def _brat_attributions(path: Path, text: str, strict: bool = True) -> list[Attribution]:
    spans: dict[str, list[Extent]] = {}
    bad: set[str] = set()
    events: list[list[str]] = []
    with path.open(encoding="utf-8", newline="") as f:
        for line in f:
            cols = line.rstrip("\r\n").split("\t")
            if len(cols) < 2 or not re.fullmatch(r"[TE]\d+", cols[0]):
                continue  # a span text's own line break runs onto the next line
            if cols[0].startswith("T"):
                _, _, offsets = cols[1].partition(" ")
                frags = [(int(a), int(b)) for a, b in (part.split() for part in offsets.split(";"))]
                # brat joins the fragments of a discontinuous span with one space
                if " ".join(text[a:b] for a, b in frags) != cols[2]:
                    if not strict:
                        bad.add(cols[0])
                        continue
                    raise ValueError(f"PolNeAR {path.name}: {cols[0]} is not at its offsets in the text")
                spans[cols[0]] = frags
            elif cols[0].startswith("E"):
                events.append(cols[1].split())
    out = []
    for args in events:
        if any(arg.partition(":")[2] in bad or arg.partition(":")[2] not in spans for arg in args[1:]):
            continue
        parts = Attribution()
        for arg in args[1:]:  # args[0] is the trigger: "Attribution:T4"
            role, _, ref = arg.partition(":")
            getattr(parts, _BRAT_ROLES[role]).extend(spans[ref])
        if parts.cue or parts.content:
            out.append(Attribution(sorted(parts.source), sorted(parts.cue), sorted(parts.content)))
    return out


CORPORA = {"wikievents": wikievents, "ieer": ieer, "conll": conll}
