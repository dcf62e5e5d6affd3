"""One name, one kind of thing, within a document.

The statistical model labels each occurrence of a name on its own, and on rare
(often transliterated) surnames it wavers: "Nadia Rahim Sawaf" is a
PERSON, and three sentences later "Sawaf said" is an ORG. Reporters name a
person in full once and then by the end of the name, so a mention whose words
are a person's full name, or end one, in the same document is that person.

A bare majority of PERSON labels on the same words also decides. Places are
relabelled only on a longer name and when the person evidence outweighs them
("George Washington" once does not make every "Washington" a man), and a
gazetteer mention keeps the label its entry gives it. The label the model gave is kept in
``attrs["model_label"]``.

A name whose last word is the head of an organisation's name ("the Saif al-Sahil Brigade",
"Harakat Humat al-Jabal Movement", "the Ministry of Interior" read as "Interior Ministry") is
an organisation, whatever the model said: transliterated names of armed groups often begin
with a man's name ("Saif", "Hamza"), and the model reads the whole as a person.

The place a wire report's dateline names ("SARMADA, Syria (LRW) - ...") is a place wherever
the report names it again, though the model reads "Sarmada" as an organisation or a person.

A full name the model left unlabelled ("Hemin Mahmoud, the freelance journalist ...", at
the head of a report) whose last word is a person's name elsewhere in the report is that
person too: a run of two to four capitalised proper nouns, no part of another mention.
"""

from __future__ import annotations

import re
from collections import Counter

from crosscheck.extract import lexicon
from crosscheck.extract.dateline import DATELINE
from crosscheck.extract.stages import stage
from crosscheck.model import Mention
from crosscheck.resolve.names import organization_heads

VERSION = "6"

# Labels a person's name is mistaken for, and whether the evidence must outweigh them.
_OVERRIDABLE = {"ORG": False, "NORP": False, "PRODUCT": False, "WORK_OF_ART": False,
                "GPE": True, "LOC": True, "FAC": True}


def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether no span of ``taken`` overlaps ``start``-``end``."""
    return not any(a < end and start < b for a, b in taken)


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.casefold() for w in text.split())


@stage("consistency", version=VERSION, requires=["mentions"], assigns=["mentions"])
def make_consistent(analysis, parsed) -> None:
    _headed_groups(analysis)
    repeated = _repeated_groups(analysis)
    if repeated:
        analysis.mentions.extend(repeated)
        analysis.mentions.sort(key=lambda m: (m.start, m.end))
    people = [_words(m.text) for m in analysis.mentions if m.label == "PERSON"]
    # A longer person's name that ends in these words is strong evidence; the same
    # words labelled PERSON elsewhere only count as votes.
    ends = name_ends(people)
    dateline = _dateline_places(analysis, ends)
    if not people:
        return
    person = lexicon.labels()["PERSON"]["type"]
    added = _unlabelled_names(analysis, parsed, {words[-1] for words in people}, person)
    labels = Counter((_words(m.text), m.label) for m in analysis.mentions)
    for m in analysis.mentions:
        if m.label not in _OVERRIDABLE or m.attrs.get("gazetteer") or m.end <= dateline:
            continue  # (a dateline's place is the place the report was filed from)
        words = _words(m.text)
        votes, own = labels[(words, "PERSON")], labels[(words, m.label)]
        if _OVERRIDABLE[m.label]:
            relabel = ends[words] > 0 and ends[words] + votes >= own
        else:
            relabel = ends[words] > 0 or votes > own
        if not relabel:
            continue
        m.attrs["model_label"] = m.label
        m.label, m.type = "PERSON", person
        m.stage_version = f"{m.stage_version}+consistency{VERSION}"
    if added:
        analysis.mentions.extend(added)
        analysis.mentions.sort(key=lambda m: (m.start, m.end))


def name_ends(names: list[tuple[str, ...]]) -> Counter[tuple[str, ...]]:
    """How many of the names end in each run of a name's last words, shorter than the name
    ("al-Hilli" and "Karrar al-Hilli" of "Abu Karrar al-Hilli"): a name that a longer
    person's name ends in is that person's."""
    return Counter(words[i:] for words in names for i in range(1, len(words)))


def _dateline_places(analysis, ends: Counter[tuple[str, ...]]) -> int:
    """Relabel as places the mentions of the place the report's dateline names ("SARMADA,
    Syria, March 7 (LRW) - ... the vegetable market of Sarmada") that the model took for an
    organisation or a person, unless a longer person's name in the report ends in it. Returns
    where the dateline ends (0: none)."""
    found = DATELINE.match(analysis.document.text)
    if not found:
        return 0
    names = {_words(p.replace("-", " ")) for p in found.group("place").split("/")}
    names |= {_words(p) for p in found.group("place").split("/")}
    place = lexicon.labels()["GPE"]["type"]
    for m in analysis.mentions:
        words = _words(m.text)
        if m.label in ("ORG", "PERSON") and words in names and words not in ends \
                and not m.attrs.get("gazetteer") and m.start >= found.end():
            m.attrs["model_label"] = m.label
            m.label, m.type = "GPE", place
            m.stage_version = f"{m.stage_version}+consistency{VERSION}"
            m.attrs["rule"] = "the place of the report's dateline"
    return found.end()


def _headed_groups(analysis) -> None:
    """Relabel as organisations the person's names that end in an organisation's head word
    ("Brigade", "Battalions", "Movement"), written with a capital as a name's part is, and
    the places' names that end in the head of a body that is never a place ("the Haras
    al-Watan Battalion" read as a facility before "'s base")."""
    heads = organization_heads() | {h + "s" for h in organization_heads()}
    never_places = lexicon.load("references.yml")["body_heads"]  # "the ... Battalion's base"
    bodies = {h for head in never_places for h in (head, head + "s")}
    org = lexicon.labels()["ORG"]["type"]
    for m in analysis.mentions:
        last = m.text.split()[-1] if m.text.split() else ""
        if not last[:1].isupper() or m.attrs.get("gazetteer"):
            continue
        if not ((m.label == "PERSON" and last.casefold() in heads)
                or (m.label in ("GPE", "LOC", "FAC") and last.casefold() in bodies)):
            continue
        m.attrs["model_label"] = m.label
        m.label, m.type = "ORG", org
        m.stage_version = f"{m.stage_version}+consistency{VERSION}"


def _repeated_groups(analysis) -> list[Mention]:
    """Where the report gives a group's name of two words or more again and the model left
    it unlabelled ("Fighters of the Taka Hills Brigade seized a convoy" at the head of a report
    that names the Taka Hills Brigade later): that group's name, with its label."""
    text = analysis.document.text
    taken = sorted((m.start, m.end) for m in analysis.mentions)
    names = {m.text: m for m in analysis.mentions if m.label == "ORG" and len(m.text.split()) >= 2}
    added = []
    for name, m in sorted(names.items()):
        for found in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            start, end = found.span()
            if not _free(taken, start, end):
                continue
            added.append(Mention(start, end, name, m.label, m.type, "consistency", VERSION,
                                 attrs={"rule": "a group's name given elsewhere in the report"}))
            taken.append((start, end))
    return added


def _unlabelled_names(analysis, parsed, last_words: set[str], person: str) -> list[Mention]:
    """Runs of two to four capitalised proper nouns that no mention covers and whose last
    word ends a person's name in the report."""
    text = analysis.document.text
    taken = sorted((m.start, m.end) for m in analysis.mentions)

    def name_word(t) -> bool:
        word = t.text.replace("-", "").replace("'", "")
        return t.pos_ == "PROPN" and t.text[:1].isupper() and word.isalpha()

    added = []
    for offset, doc in parsed:
        run: list = []
        for t in [*doc, None]:
            if t is not None and name_word(t) and (not run or t.i == run[-1].i + 1):
                run.append(t)
                continue
            if 2 <= len(run) <= 4 and run[-1].text.casefold() in last_words:
                start, end = offset + run[0].idx, offset + run[-1].idx + len(run[-1].text)
                if _free(taken, start, end):
                    added.append(Mention(start, end, text[start:end], "PERSON", person, "consistency",
                                         VERSION, attrs={"rule": "last name of a person"}))
            run = [t] if t is not None and name_word(t) else []
    return added
