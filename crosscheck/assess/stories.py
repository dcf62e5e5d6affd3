"""Which reports tell one story: two reports that share their rarer words and the entities
they name ("the four drivers were detained" in a report on a captagon seizure at al-Qaim, "three
drivers had been arrested" in another outlet's report on that seizure).

A report is weighed as its words and entities, each by how rare it is in the workspace
(tf-idf: a word most reports use tells none apart), and two reports tell one story where the
cosine of their weights reaches ``story_similarity`` (``compare.yml``). Only words and
entities in at most ``max_story_share`` of the reports, and in at most as many as the
candidates' posting limit (or in two), are read, so the pairs are found through an index and a large
workspace is not compared all against all.

The comparison (``crosscheck.assess.compare.same_event``) reads a story as one thing more
that two accounts with no place or participant in common have in common: the arrests of
the drivers in two reports of one seizure are one arrest, and their counts can disagree.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

_WORD = re.compile(r"[a-z][a-z'-]+")


def weights(texts: Mapping[str, str], entities: Mapping[str, Iterable[str]],
            max_share: float, limit: int) -> dict[str, dict[str, float]]:
    """Each report's words and entities by tf-idf (entities count as a word said twice),
    normed; only those in at most ``max_share`` of the reports and ``limit`` reports (or in
    two)."""
    counts: dict[str, Counter[str]] = {}
    for doc, text in texts.items():
        counts[doc] = Counter(_WORD.findall(text.lower()))
        counts[doc].update({f"entity:{e}": 2 for e in set(entities.get(doc, ()))})
    frequency = Counter(term for c in counts.values() for term in c)
    n = len(counts)
    cap = max(2, min(max_share * n, limit))  # (a word two reports share is what links them)
    out: dict[str, dict[str, float]] = {}
    for doc, c in counts.items():
        vector = {term: (1 + math.log(k)) * math.log(n / frequency[term])
                  for term, k in c.items() if frequency[term] <= cap}
        norm = math.sqrt(sum(x * x for x in vector.values())) or 1.0
        out[doc] = {term: x / norm for term, x in vector.items()}
    return out


def linked(texts: Mapping[str, str], entities: Mapping[str, Iterable[str]], threshold: float,
           max_share: float, limit: int) -> dict[str, frozenset[str]]:
    """For each report, the other reports that tell its story (see the module's docstring)."""
    vectors = weights(texts, entities, max_share, limit)
    postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for doc, vector in vectors.items():
        for term, x in vector.items():
            postings[term].append((doc, x))
    cosine: Counter[tuple[str, str]] = Counter()
    for docs in postings.values():
        for i, (a, x) in enumerate(docs):
            for b, y in docs[i + 1:]:
                cosine[min(a, b), max(a, b)] += x * y
    out: dict[str, set[str]] = {doc: set() for doc in texts}
    for (a, b), c in cosine.items():
        if c >= threshold:
            out[a].add(b)
            out[b].add(a)
    return {doc: frozenset(others) for doc, others in out.items()}
