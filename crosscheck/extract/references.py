"""References to what the report named earlier: "the brigade", "the governor", "he".

Linked only where the report leaves one candidate, so that a reference is evidence and
not a guess:

- "the brigade", "the ministry": the one organisation named earlier in the report whose
  name ends in that noun (or its plural: "the Rapid Response Brigades"), and so "the
  Division" with a capital, which the recogniser takes for a name;
- "the governor", "the commander": the one person named earlier with that title
  ("Governor Hafidh al-Zubaidi", "Col. ..." for "the colonel"), or so described where
  named ("Hemin Mahmoud, a freelance reporter": "the reporter"; "the Tikrit journalist
  Laith al-Azzawi": "the journalist");
- "he", "his", "she", "her", "him": the person named in the same sentence before the
  pronoun or in the sentence before, when only one person (a full name and its parts
  count as one) is named there.

Each reference becomes a mention of its referent's type, marked ``attrs["refers_to"]``
with the referent's span; resolution (``crosscheck.resolve.within``) gives it the
referent's entity. The words live in ``references.yml``.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any

from crosscheck.extract import lexicon
from crosscheck.extract.stages import stage
from crosscheck.model import Mention
from crosscheck.resolve.names import arabic_meaning, name_key, organization_heads_of, singular

VERSION = "6"
_THE = re.compile(r"\b[Tt]he ([a-z]+)\b")


@functools.cache
def _lexicon() -> dict[str, Any]:
    data = lexicon.load("references.yml")
    pronouns = "|".join(sorted(data["person_pronouns"], key=len, reverse=True))
    return {
        "heads": set(data["organization_heads"]),
        "group_words": set(data["group_words"]),
        "armed_heads": set(data["armed_heads"]),
        "pronoun": re.compile(rf"\b(?:{pronouns})\b", re.IGNORECASE),
        "title_words": data["title_words"], "description_ends": set(data["description_ends"]),
    }


def _covered(span: tuple[int, int], mentions: list[Mention]) -> bool:
    return any(m.start < span[1] and span[0] < m.end for m in mentions)


_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s+([^,.;()\n]{1,80})")
_BEFORE = re.compile(r"\b[Tt]he\s+(?:[A-Z][\w-]*\s+)*([a-z][a-z-]+)\s+$")


def _described_as(text: str, person: Mention, lex) -> set[str]:
    """The nouns a person is described by where named: the title's words ("Col." is
    "colonel"), an appositive's head ("Hemin Mahmoud, a freelance reporter": reporter) and
    a description before the name ("the Tikrit journalist Laith al-Azzawi": journalist)."""
    out = set()
    for w in name_key(person.attrs.get("title", "")).split():
        out.add(lex["title_words"].get(w, w))
    m = _APPOSITIVE.match(text, person.end)
    if m:
        words = m[1].split()
        end = next((i for i, w in enumerate(words) if w in lex["description_ends"]), len(words))
        words = words[:end]
        if 0 < len(words) <= 4 and all(re.fullmatch(r"[a-z][a-z-]*(?:['’]s)?", w) for w in words):
            out.add(singular(words[-1]))
    m = _BEFORE.search(text, max(0, person.start - 60), person.start)
    if m:
        out.add(singular(m[1]))
    return out


def _one(candidates: list[Mention], group) -> Mention | None:
    """The latest candidate, when all candidates are one (by ``group``), else None."""
    if candidates and len({group(m) for m in candidates}) == 1:
        return candidates[-1]
    return None


def _person_group(people: list[Mention]):
    """A person's group key: the longest name among the mentions that a shorter one ends or
    starts ("Ouda" and "Salman Jabbar Ouda" are one person)."""
    names = [name_key(m.text).split() for m in people]

    def group(m: Mention) -> str:
        words = name_key(m.text).split()
        n = len(words)
        longer = [w for w in names if len(w) > n and (w[-n:] == words or w[:n] == words)]
        return " ".join(max(longer, key=len) if longer else words)

    return group


@stage("references", version=VERSION, requires=["sentences", "mentions"], assigns=["mentions"])
def add_references(analysis, parsed) -> None:
    lex = _lexicon()
    text = analysis.document.text
    mentions = sorted(analysis.mentions, key=lambda m: m.start)
    orgs = [m for m in mentions if m.type == "organization"]
    people = [m for m in mentions if m.type == "person"]
    by_name = _person_group(people)
    # A name the text gives as another's ("Salim al-Jubouri, ... known as Abu Hashim") is one
    # person with it: "he" after both still has one candidate.
    at = {(m.start, m.end): m for m in people}
    principal = {a.alias: at[a.name] for a in analysis.aliases if a.name in at}

    def group(m: Mention) -> str:
        return by_name(principal.get((m.start, m.end), m))

    added: list[Mention] = []
    described = {id(p): _described_as(text, p, lex) for p in people}

    def add(span: tuple[int, int], target: Mention, kind: str) -> None:
        added.append(Mention(span[0], span[1], text[span[0] : span[1]], target.label, target.type,
                             "references", VERSION,
                             attrs={"refers_to": [target.start, target.end], "reference": kind}))

    for m in _THE.finditer(text):
        span = m.span()
        if _covered(span, mentions) or text.startswith(" of ", span[1]):
            continue  # "the ministry of ..." names a ministry of its own
        word = m[1]
        head = singular(word)
        kinds = {head} | arabic_meaning(head)  # "the liwa": a brigade
        if kinds & lex["heads"]:
            # "the brigade" after "the Tigris Guardians Brigade" or "Liwa Ahfad al-Asi" (liwa:
            # brigade); "the liwa" after either.
            before = [o for o in orgs if o.end <= span[0] and kinds & organization_heads_of(o.text)]
            if not before and head in lex["group_words"]:
                # "the group" after "the Guardians of the East Brigade" or "Liwa al-Thabitin".
                before = [o for o in orgs if o.end <= span[0]
                          and set(name_key(o.text).split()) & lex["armed_heads"]]
            target = _one(before, lambda o: name_key(o.text))
            if target is not None:
                add(span, target, "definite")
            continue
        before = [p for p in people if p.end <= span[0] and head in described[id(p)]]
        target = _one(before, group)
        if target is not None:
            add(span, target, "title")
    # "the Division" written with a capital, which the recogniser takes for a name of its own:
    # the same reference as "the division", where the report names one such body before it.
    for m in orgs:
        word = m.text.lower()
        if " " in word or not m.text[:1].isupper() or text[max(0, m.start - 4):m.start].lower() != "the " \
                or "refers_to" in m.attrs:
            continue
        kinds = {singular(word)} | arabic_meaning(singular(word))
        if not kinds & lex["heads"]:
            continue
        before = [o for o in orgs if o.end <= m.start and " " in o.text.strip()
                  and kinds & organization_heads_of(o.text)]
        target = _one(before, lambda o: name_key(o.text))
        if target is not None:
            m.attrs = {**m.attrs, "refers_to": [target.start, target.end], "reference": "definite"}
    # A pronoun may continue a person named by a title ("The governor said ... He added"):
    # such references count as that person among the candidates.
    by_span = {(p.start, p.end): p for p in people}
    referred = [(r, by_span[tuple(r.attrs["refers_to"])]) for r in added if r.type == "person"]
    candidates = sorted([(p, p) for p in people] + referred, key=lambda pair: pair[0].start)
    starts = [s.start for s in analysis.sentences]
    for m in lex["pronoun"].finditer(text):
        span = m.span()
        if _covered(span, mentions):
            continue
        i = bisect.bisect_right(starts, span[0]) - 1
        window = analysis.sentences[max(0, i - 1)].start if i >= 0 else 0
        before = [p for seen, p in candidates if window <= seen.start and seen.end <= span[0]]
        target = _one(before, group)
        if target is not None:
            add(span, target, "pronoun")
    analysis.mentions.extend(added)
    analysis.mentions.sort(key=lambda m: (m.start, -m.end))
