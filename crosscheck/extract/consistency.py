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
"""

from __future__ import annotations

from collections import Counter

from crosscheck.extract import lexicon
from crosscheck.extract.stages import stage

VERSION = "1"

# Labels a person's name is mistaken for, and whether the evidence must outweigh them.
_OVERRIDABLE = {"ORG": False, "NORP": False, "PRODUCT": False, "WORK_OF_ART": False,
                "GPE": True, "LOC": True, "FAC": True}


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.casefold() for w in text.split())


@stage("consistency", version=VERSION, requires=["mentions"], assigns=["mentions"])
def make_consistent(analysis, parsed) -> None:
    people = [_words(m.text) for m in analysis.mentions if m.label == "PERSON"]
    if not people:
        return
    # A longer person's name that ends in these words is strong evidence; the same
    # words labelled PERSON elsewhere only count as votes.
    ends: Counter[tuple[str, ...]] = Counter()
    for words in people:
        for i in range(1, len(words)):
            ends[words[i:]] += 1
    labels = Counter((_words(m.text), m.label) for m in analysis.mentions)
    person = lexicon.labels()["PERSON"]["type"]
    for m in analysis.mentions:
        if m.label not in _OVERRIDABLE or m.attrs.get("gazetteer"):
            continue
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
