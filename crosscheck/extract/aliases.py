"""Aliases the text gives: "Salman Jabbar Ouda, better known as Abu Karrar al-Hilli, or
'the engineer'", "the Rapid Response Brigades (RRB)", "Abu Karrar, the nom de guerre of
Salman Ouda".

Each alias is kept as an :class:`~crosscheck.model.Alias` of the mention it names again,
with its kind (kunya, birth name, epithet, acronym, former name, or plain alias) and the
phrase that says so. An alias the model did not find becomes a mention of the same type,
and so do its later occurrences when it is a phrase the model cannot know as a name ("the
engineer"). The phrases live in ``aliases.yml``; resolution (``crosscheck.resolve.within``)
gives every alias its name's entity.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from crosscheck.extract import lexicon
from crosscheck.extract.stages import stage
from crosscheck.model import Alias, Mention
from crosscheck.resolve.names import initials

VERSION = "2"
_OPEN_QUOTES = "\"'\u201c\u2018"
_CLOSE_QUOTES = {'"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019"}
_PARTICLE = r"(?:al|el|Al|El|bin|ibn|bint|Abu|Abd|Umm|Abdul|Abdel|de|van|von)"
# A name without a mention: capitalised words, with the particles that join them.
_NAME = re.compile(
    rf"(?:{_PARTICLE}[- ])?[A-Z][\w\u2019'.-]*(?:(?:[ -]{_PARTICLE})*[ -][A-Z][\w\u2019'.-]*)*"
)
_QUOTED_LIMIT = 60  # the longest quoted alias we take, in characters
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]{1,9}s?")
_BRACKETS = re.compile(r"[ \t]*\(([^()\n]{2,40})\)")
_STOP = {"of", "the", "and", "for", "in", "on", "al", "el"}


_PAST_APPOSITION = re.compile(r",[ \t]*(?:a|an|the|one of)\b[^,.;()\n]{1,90}?[ \t]"
                              r"(?P<cue>(?:also |better |widely )?known as)[ \t]+")


@functools.cache
def _lexicon() -> dict[str, Any]:
    data = lexicon.load("aliases.yml")

    def alternation(entries):
        phrases = sorted((e["phrase"] for e in entries), key=len, reverse=True)
        return "|".join(re.escape(p) for p in phrases)

    return {
        # At the end of a name: ", better known as " or " (real name ".
        "after": re.compile(rf"[ \t]*(?P<open>[,(])?[ \t]*(?:who (?:is|was) )?"
                            rf"(?P<cue>{alternation(data['after'])})[ \t]+", re.IGNORECASE),
        "after_kind": {e["phrase"].lower(): e for e in data["after"]},
        # Between two names: "Abu Karrar, the nom de guerre of Salman Ouda".
        "before": re.compile(rf",[ \t]*(?P<cue>{alternation(data['before'])})[ \t]+$", re.IGNORECASE),
        "before_kind": {e["phrase"].lower(): e for e in data["before"]},
        "kunya_heads": set(data["kunya_heads"]),
        "not_after_born": set(data["not_names_after_born"]),
    }


def _name_at(text: str, i: int, starts: dict[int, Mention]) -> tuple[tuple[int, int], bool] | None:
    """The name that starts at ``i``: (its span, whether it was quoted), or None."""
    if i < len(text) and text[i] in _OPEN_QUOTES:
        close = _CLOSE_QUOTES[text[i]]
        j = text.find(close, i + 1, i + 2 + _QUOTED_LIMIT)
        if j > i + 1 and "\n" not in text[i + 1 : j]:
            return (i + 1, j), True
        return None
    if text.startswith(("the ", "The "), i) and text[i + 4 : i + 5].isupper():
        i += 4  # "formerly known as the Basra Protection Force": the name after the article
    if i in starts:
        m = starts[i]
        return (m.start, m.end), False
    match = _NAME.match(text, i)
    if match is None:
        return None
    end = match.end()
    while end > i and text[end - 1] in ".-":  # a sentence's full stop is not the name's
        end -= 1
    return (i, end), False


def _kind(text: str, span: tuple[int, int], quoted: bool, phrase_kind: str, principal: Mention,
          lex) -> str:
    alias = text[span[0] : span[1]]
    first = re.split(r"[ -]", alias, maxsplit=1)[0]
    if phrase_kind in ("birth_name", "former_name"):
        return phrase_kind
    if first in lex["kunya_heads"]:
        return "kunya"
    if _ACRONYM.fullmatch(alias) and principal.type == "organization":
        return "acronym"
    if quoted or alias[:1].islower() or first.lower() == "the":
        return "epithet"
    return phrase_kind


def _acronym_of(name: str, acronym: str) -> bool:
    """ "Rapid Response Brigades" / "RRB": the initials of its capitalised words (or of all
    words but "of", "the" and the like) spell the acronym."""
    letters = acronym.rstrip("s") if acronym.endswith("s") and acronym[:-1].isupper() else acronym
    words = [w for w in re.findall(r"[\w'\u2019]+", name) if w.lower() not in _STOP]
    return letters in (initials(name), "".join(w[0].upper() for w in words))


def _overlaps(span: tuple[int, int], mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if m.start < span[1] and span[0] < m.end]


@stage("aliases", version=VERSION, requires=["mentions"], assigns=["mentions", "aliases"])
def add_aliases(analysis, parsed) -> None:
    lex = _lexicon()
    text = analysis.document.text
    mentions = analysis.mentions
    starts = {m.start: m for m in mentions}
    named = sorted((m for m in mentions if m.type in ("person", "organization")), key=lambda m: m.start)
    found: list[tuple[Mention, tuple[int, int], str, tuple[int, int] | None]] = []
    given: set[tuple[int, int]] = set()  # aliases found so far: not names to give aliases to
    for principal in named:
        if (principal.start, principal.end) in given:
            continue
        pos = principal.end
        # "X (Y)": an acronym spelt by X's initials, or a kunya.
        m = _BRACKETS.match(text, pos)
        if m:
            inner = (m.start(1), m.end(1))
            alias = text[inner[0] : inner[1]]
            kunya = alias.split(" ", 1)[0] in lex["kunya_heads"] and principal.type == "person"
            if kunya or (_ACRONYM.fullmatch(alias) and _acronym_of(principal.text, alias)):
                found.append((principal, inner, "kunya" if kunya else "acronym", None))
                given.add(inner)
                pos = m.end()
        # "X, better known as Y, or 'the engineer'": each alias may be followed by another.
        while True:
            m = lex["after"].match(text, pos)
            if m is None:
                break
            entry = lex["after_kind"][m["cue"].lower()]
            at = m.end()
            if entry["phrase"] == "born" and (text[at:].split(" ", 1)[0].lower() in lex["not_after_born"]
                                               or not text[at : at + 1].isupper()):
                break
            name = _name_at(text, at, starts)
            if name is None or (entry.get("quoted_only") and not name[1]):
                break
            span, quoted = name
            if principal.type != "person" and text[span[0]:span[1]].split(" ", 1)[0] in lex["kunya_heads"]:
                break  # "a commander of the battalions known as Abu Hashim": the commander's kunya
            found.append((principal, span, _kind(text, span, quoted, entry["kind"], principal, lex),
                          m.span("cue")))
            given.add(span)
            pos = span[1] + (1 if quoted else 0)
        # "Salim al-Jubouri, a commander of the battalions known as Abu Hashim": past a short
        # apposition, only a kunya, which names a person, not the body the apposition names.
        m = _PAST_APPOSITION.match(text, pos) if pos == principal.end and principal.type == "person" else None
        if m and text[m.end():].split(" ", 1)[0] in lex["kunya_heads"]:
            name = _name_at(text, m.end(), starts)
            if name is not None:
                found.append((principal, name[0], "kunya", m.span("cue")))
                given.add(name[0])
        # "Y, the nom de guerre of X": X is this mention, Y the name before the phrase.
        line_start = text.rfind("\n", 0, principal.start) + 1
        m = lex["before"].search(text, line_start, principal.start)
        if m:
            before = [o for o in named if o.end == m.start() and o is not principal]
            if before:
                entry = lex["before_kind"][m["cue"].lower()]
                span = (before[0].start, before[0].end)
                found.append((principal, span, _kind(text, span, False, entry["kind"], principal, lex),
                              m.span("cue")))
    added: list[Mention] = []
    for principal, span, kind, cue in found:
        analysis.aliases.append(Alias(name=(principal.start, principal.end), alias=span, kind=kind,
                                      stage_version=VERSION, cue=cue))
        if _overlaps(span, mentions + added):
            continue
        added.append(_mention(text, span, principal, kind))
        if kind == "epithet":
            # "the engineer" again later in the report is the same man.
            phrase = re.compile(rf"(?<!\w){re.escape(text[span[0]:span[1]])}(?!\w)", re.IGNORECASE)
            for later in phrase.finditer(text, span[1]):
                if not _overlaps(later.span(), mentions + added):
                    added.append(_mention(text, later.span(), principal, kind))
                    analysis.aliases.append(Alias(name=(principal.start, principal.end), alias=later.span(),
                                                  kind=kind, stage_version=VERSION))
    mentions.extend(added)
    mentions.sort(key=lambda m: (m.start, -m.end))


def _mention(text: str, span: tuple[int, int], principal: Mention, kind: str) -> Mention:
    return Mention(span[0], span[1], text[span[0] : span[1]], principal.label, principal.type, "aliases",
                   VERSION, attrs={"alias_kind": kind})
