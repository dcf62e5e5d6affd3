"""Who is who: crosscheck's resolution of people against gold coreference.

    python -m bench.coref [--corpus ecbplus|wikievents] [--split dev|train] [--limit N]
                          [--errors N] [--json PATH]

Two gold sets, both read from the data folder (:func:`bench.corpora.data_root`):

- ECB+ (``ecbplus/``): within- and cross-document chains of people
  (``HUMAN_PART_PER``), scored on the sentences that
  ``ECBplus_coreference_sentences.csv`` lists, over all documents of the split
  at once (a workspace holds many topics; merging across topics is an error).
  Dev is topics 23-25, train 1-22; test (26 on) is never read here.
- WikiEvents (``wikievents/``): in-document chains of ``PER`` mentions,
  pronouns and common nouns included.

The system's clusters are scored on the gold mentions: each gold mention takes
the cluster of the system person mention that contains its head word, or stays
alone where there is none. Mention detection (how many gold people the system
found at all) is scored apart. :func:`clusters` is the one place that turns
analyses into clusters: switch it to a new resolver and every figure follows.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice

from bench import corpora
from bench.corpora import DataAbsent, require

DEV_TOPICS = (23, 24, 25)  # Cybulska & Vossen (2015): train 1-22, dev 23-25, test 26-45
TRAIN_TOPICS = tuple(range(1, 23))
PERSON_TAGS = {"ecbplus": {"HUMAN_PART_PER"}, "wikievents": {"PER"}}

# Words after which a mention's head has been passed: "the mayor of Boston", "Ivory, who".
_POSTMODIFIER = {",", "of", "who", "whom", "whose", "which", "that", "(", "from", "in", "at", "with",
                 "for", "on", "--", "named", "called"}
PRONOUNS = {
    "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours",
    "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "they", "them", "their",
    "theirs", "themselves", "who", "whom", "whose", "which", "that", "this", "these", "those", "one",
    "someone", "anyone", "everyone", "all", "some", "others", "both", "each", "s",
}

MentionId = tuple[str, int, int]  # (document id, start, end) of a system mention


@dataclass
class GoldMention:
    id: str
    doc: str
    start: int
    end: int
    head: tuple[int, int]  # character span of the head word
    text: str
    chain: str  # gold cluster
    kind: str  # "name", "nominal" or "pronoun"
    scored: bool = True


@dataclass
class CorefText:
    """One document rebuilt from its tokens, with its gold person mentions."""

    id: str
    text: str
    mentions: list[GoldMention] = field(default_factory=list)
    scored: list[tuple[int, int]] = field(default_factory=list)  # character ranges scored
    annotated: list[tuple[int, int]] = field(default_factory=list)  # every gold mention, any type


# --- text from tokens -------------------------------------------------------------------------

_GLUE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "n't", "'s", "'", "''", "'re", "'ve",
                "'ll", "'d", "'m", "...", "-", "/"}
_GLUE_AFTER = {"(", "[", "{", "$", "#", "-", "/", "``"}


def detokenize(words: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Tokens as a reader would see them ("36-year-old", "Thomas's", "(AP)"), with each token's span."""
    text, spans = "", []
    glue, quote_open = True, False
    for w in words:
        space = not glue and w.lower() not in _GLUE_BEFORE
        glue = w in _GLUE_AFTER
        if w == '"':
            space, glue = (space, True) if not quote_open else (False, False)
            quote_open = not quote_open
        text += " " if space else ""
        spans.append((len(text), len(text) + len(w)))
        text += w
    return text, spans


def head_index(words: list[str]) -> int:
    """The head word of a mention: its last word before a post-modifier or a possessive ending."""
    end = len(words)
    for i, w in enumerate(words[1:], 1):
        if w.lower() in _POSTMODIFIER:
            end = i
            break
    while end > 1 and words[end - 1] in ("'s", "'", "’s"):
        end -= 1
    return end - 1


def capitalised_by_position(words: list[str]) -> set[int]:
    """Indexes of the words of a sentence whose capital says nothing: its first word, and every
    word of a headline ("Thieves Raid Paris Jeweller", "AN AUSTRALIAN climber ...")."""
    long = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    if len(long) >= 3 and sum(w[:1].isupper() for w in long) >= 0.7 * len(long):
        return set(range(len(words)))
    return {0}


def head_span(word: str, start: int, end: int) -> tuple[int, int]:
    """The head word's span without a possessive ending that one token holds ("Buckley's")."""
    for ending in ("'s", "’s", "'", "’"):
        if word.endswith(ending) and len(word) > len(ending):
            return start, end - len(ending)
    return start, end


def kind_of(head: str, capital_by_position: bool, lower_words: set[str]) -> str:
    """A pronoun, a name (capitalised where it need not be) or a nominal ("the climber"; a title
    such as "President" alone, which crosscheck keeps apart from names)."""
    from crosscheck.extract.titles import is_title

    if head.lower() in PRONOUNS:
        return "pronoun"
    if not head[:1].isupper() or is_title(head):
        return "nominal"
    return "nominal" if capital_by_position and head.lower() in lower_words else "name"


# --- ECB+ -------------------------------------------------------------------------------------


def ecbplus(
    topics: Iterable[int] = DEV_TOPICS, tags: set[str] = PERSON_TAGS["ecbplus"]
) -> Iterator[CorefText]:
    """ECB+ documents of ``topics`` that are present (1-35 at most in this release), in order."""
    root = require("ecbplus")
    selected: dict[str, set[int]] = defaultdict(set)
    with require("ecbplus", "ECBplus_coreference_sentences.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            selected[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    folders = [root / str(t) for t in topics if (root / str(t)).is_dir()]
    if not folders:
        raise DataAbsent(f"none of ECB+ topics {sorted(topics)} found in {root}")
    for folder in folders:
        for path in sorted(folder.glob("*.xml"), key=lambda p: (len(p.stem), p.stem)):
            yield parse_cat(path.read_text(encoding="utf-8"), path.stem, selected.get(path.stem, set()), tags)


def parse_cat(xml: str, name: str, scored: set[int], tags: set[str]) -> CorefText:
    """One ECB+ file (CAT XML): text rebuilt from the tokens, mentions of ``tags`` with their chains.

    Sentence 0 of an "ecbplus" file is the address the text was found at, not
    text, and is left out. A mention's chain is its cross-document instance, or
    its in-document chain, or itself alone.
    """
    root = ET.fromstring(xml)
    sentences: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for t in root.iter("token"):
        sentences[int(t.get("sentence"))].append((t.get("t_id"), t.text or ""))
    if name.endswith("ecbplus"):
        sentences.pop(0, None)
    parts, token_span, token_place, ranges = [], {}, {}, []
    pos = 0
    for number in sorted(sentences):
        words = [w for _, w in sentences[number]]
        line, spans = detokenize(words)
        loose = capitalised_by_position(words)
        for i, ((t_id, _), (s, e)) in enumerate(zip(sentences[number], spans, strict=True)):
            token_span[t_id] = (pos + s, pos + e)
            token_place[t_id] = (number, i in loose)
        if number in scored:
            ranges.append((pos, pos + len(line)))
        parts.append(line)
        pos += len(line) + 1
    text = "\n".join(parts)
    lower_words = {w for words in sentences.values() for _, w in words if w[:1].islower()}
    chain = {}
    for rel in root.iter():
        if rel.tag in ("CROSS_DOC_COREF", "INTRA_DOC_COREF"):
            target = rel.find("target").get("m_id")
            label = rel.get("note") if rel.tag == "CROSS_DOC_COREF" else f"{name}/{target}"
            for source in rel.findall("source"):
                chain[source.get("m_id")] = label
    out = CorefText(id=name, text=text, scored=ranges)
    for m in root.find("Markables"):
        anchors = [a.get("t_id") for a in m.findall("token_anchor")]
        if not anchors or any(a not in token_span for a in anchors):
            continue  # an instance (no tokens) or a mention in the left-out address line
        anchors.sort(key=int)
        start, end = token_span[anchors[0]][0], token_span[anchors[-1]][1]
        out.annotated.append((start, end))
        if m.tag not in tags:
            continue
        words = [text[slice(*token_span[a])] for a in anchors]
        h = head_index(words)
        out.mentions.append(GoldMention(
            id=f"{name}#{m.get('m_id')}", doc=name, start=start, end=end,
            head=head_span(words[h], *token_span[anchors[h]]),
            text=text[start:end], chain=chain.get(m.get("m_id"), f"{name}#{m.get('m_id')}"),
            kind=kind_of(words[h], token_place[anchors[h]][1], lower_words),
            scored=token_place[anchors[0]][0] in scored,
        ))
    return out


# --- WikiEvents -------------------------------------------------------------------------------


def wikievents(split: str = "dev", tags: set[str] = PERSON_TAGS["wikievents"]) -> Iterator[CorefText]:
    """WikiEvents documents: the annotated sentences joined by "\\n", PER mentions with their chains."""
    docs = corpora.wikievents_documents(split)
    with require("wikievents", f"coref-{split}.jsonlines").open(encoding="utf-8") as f:
        chains = {}
        for line in f:
            if line.strip():
                d = json.loads(line)
                chains.update({m: f"{d['doc_key']}/{i}" for i, c in enumerate(d["clusters"]) for m in c})
    for doc in docs:
        yield wikievents_doc(doc, chains, tags)


def wikievents_doc(doc: dict, chains: Mapping[str, str], tags: set[str]) -> CorefText:
    text, token_span, _ = corpora.wikievents_text(doc)
    loose: set[int] = set()  # tokens whose capital says nothing
    first = 0
    for tokens, _sentence in doc["sentences"]:
        loose |= {first + i for i in capitalised_by_position([t[0] for t in tokens])}
        first += len(tokens)
    lower_words = {t for t in doc["tokens"] if t[:1].islower()}
    out = CorefText(id=doc["doc_id"], text=text, scored=[(0, len(text))])
    for m in doc["entity_mentions"]:
        start, end = token_span[m["start"]][0], token_span[m["end"] - 1][1]
        out.annotated.append((start, end))
        if m["entity_type"] not in tags:
            continue
        words = doc["tokens"][m["start"]:m["end"]]
        h = head_index(words)
        out.mentions.append(GoldMention(
            id=m["id"], doc=doc["doc_id"], start=start, end=end,
            head=head_span(words[h], *token_span[m["start"] + h]),
            text=text[start:end], chain=chains.get(m["id"], m["id"]),
            kind=kind_of(words[h], m["start"] + h in loose, lower_words),
        ))
    return out


# --- metrics ----------------------------------------------------------------------------------

Clusters = list[set[Hashable]]
PRF = tuple[float, float, float]


def as_clusters(assignment: Mapping[Hashable, Hashable]) -> Clusters:
    """``{mention: cluster id}`` -> the clusters as sets of mentions."""
    groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for mention, cluster in assignment.items():
        groups[cluster].add(mention)
    return list(groups.values())


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def muc(key: Clusters, response: Clusters) -> PRF:
    """Vilain et al. (1995): links kept. Recall sums, over key clusters, |K| minus the number of
    parts the response cuts K into (a mention the response lacks is a part of its own), over the
    sum of |K| - 1; precision is the same with the roles swapped."""

    def links(a: Clusters, b: Clusters) -> tuple[int, int]:
        where = {m: i for i, c in enumerate(b) for m in c}
        kept = sum(len(c) - len({where.get(m, ("alone", m)) for m in c}) for c in a)
        return kept, sum(len(c) - 1 for c in a)

    r, p = _ratio(*links(key, response)), _ratio(*links(response, key))
    return p, r, _f1(p, r)


def b_cubed(key: Clusters, response: Clusters) -> PRF:
    """Bagga & Baldwin (1998), as the CoNLL scorer counts it: recall averages, over key mentions,
    |K ∩ R| / |K| for the response cluster R that holds the mention (0 where none does);
    precision averages |K ∩ R| / |R| over response mentions."""

    def score(a: Clusters, b: Clusters) -> float:
        where = {m: i for i, c in enumerate(b) for m in c}
        total = sum(len(c) for c in a)
        hits = sum(len(c & b[where[m]]) / len(c) for c in a for m in c if m in where)
        return _ratio(hits, total)

    r, p = score(key, response), score(response, key)
    return p, r, _f1(p, r)


def ceaf_e(key: Clusters, response: Clusters) -> PRF:
    """Luo (2005), entity-based: the one-to-one pairing of key and response clusters that
    maximises the summed similarity 2|K ∩ R| / (|K| + |R|); recall divides that sum by the
    number of key clusters, precision by the number of response clusters."""
    if not key or not response:
        return 0.0, 0.0, 0.0
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    sim = np.array([[2 * len(k & r) / (len(k) + len(r)) for r in response] for k in key])
    rows, cols = linear_sum_assignment(sim, maximize=True)
    total = float(sim[rows, cols].sum())
    r, p = total / len(key), total / len(response)
    return p, r, _f1(p, r)


def scores(key: Mapping[Hashable, Hashable], response: Mapping[Hashable, Hashable]) -> dict:
    """MUC, B-cubed, CEAF-e (each P, R, F1) and CoNLL F1, their F1s' mean."""
    k, r = as_clusters(key), as_clusters(response)
    out = {"muc": muc(k, r), "b3": b_cubed(k, r), "ceafe": ceaf_e(k, r)}
    out["conll"] = sum(v[2] for v in out.values()) / 3
    return out


# --- the system and the baselines -------------------------------------------------------------


def clusters(analyses: Iterable) -> dict[MentionId, str]:
    """Which mentions crosscheck takes for one entity: ``(document id, start, end) -> cluster id``.

    This is the place to switch resolvers. ``resolve.within.link`` sets each mention's
    ``entity_key`` within its document (a surname joins the full name, an alias the text
    gives joins its name, two spellings of one name are one), and ``resolve.across``
    merges keys across documents (aliases given elsewhere, the name matcher's "same",
    never two entities named apart in one document), as ``crosscheck resolve`` does over
    the store, with no judgements.
    """
    from crosscheck.extract import lexicon
    from crosscheck.resolve import across, within

    types = {spec["type"] for spec in lexicon.labels().values() if spec["entity"]}
    analyses = list(analyses)
    for analysis in analyses:
        within.link(analysis, types)
    canonical = across.resolve(across.facts_of(analyses)).canonical
    out = {}
    for analysis in analyses:
        for m in analysis.mentions:
            if m.entity_key:
                out[(analysis.document.id, m.start, m.end)] = canonical.get(m.entity_key, m.entity_key)
    return out


def resolver_version() -> str:
    """What :func:`clusters` runs, for the report; change it with :func:`clusters`."""
    from crosscheck.resolve import across, within

    return f"resolve.within@{within.VERSION}, resolve.across@{across.VERSION}"


def attach(mentions: list[GoldMention], system: Iterable[MentionId]) -> dict[str, MentionId]:
    """Gold mention id -> the system mention whose span holds the gold head word."""
    by_doc: dict[str, list[MentionId]] = defaultdict(list)
    for mid in system:
        by_doc[mid[0]].append(mid)
    out = {}
    for g in mentions:
        covering = [s for s in by_doc[g.doc] if s[1] <= g.head[0] and g.head[1] <= s[2]]
        if covering:
            out[g.id] = min(covering, key=lambda s: s[2] - s[1])
    return out


def responses(mentions: list[GoldMention], texts: Mapping[str, str], system: Mapping[MentionId, str],
              found: Mapping[str, MentionId]) -> dict[str, dict[str, Hashable]]:
    """Each clustering of the gold mentions: crosscheck's, three baselines, and a ceiling."""

    def head(g: GoldMention) -> str:
        return texts[g.doc][g.head[0]:g.head[1]].lower()

    return {
        "crosscheck": {g.id: system[found[g.id]] if g.id in found else ("alone", g.id) for g in mentions},
        "singletons": {g.id: g.id for g in mentions},
        "same head word": {g.id: head(g) for g in mentions},
        "exact string": {g.id: g.text.lower() for g in mentions},
        # What linking every name right, and nothing else, would score.
        "ceiling: names only": {g.id: g.chain if g.kind == "name" else ("alone", g.id) for g in mentions},
    }


def in_document(assignment: Mapping[str, Hashable], doc_of: Mapping[str, str]) -> dict[str, Hashable]:
    """The same clustering cut at document boundaries."""
    return {m: (doc_of[m], c) for m, c in assignment.items()}


def head_pairs(gold: list[GoldMention], mine: list[tuple[int, int]]) -> dict[tuple[int, int], GoldMention]:
    """System span -> the gold mention it finds: each gold mention, in order, takes the first
    system span not yet taken that holds its head word."""
    out: dict[tuple[int, int], GoldMention] = {}
    for g in gold:
        hit = next((s for s in mine if s not in out and s[0] <= g.head[0] and g.head[1] <= s[1]), None)
        if hit:
            out[hit] = g
    return out


def detection(texts: list[CorefText], people: Mapping[str, list[tuple[int, int]]]) -> tuple[dict, dict]:
    """Mention detection: system person mentions against gold ones in the scored sentences.

    Exact: equal spans. Head: see :func:`head_pairs`. ``unannotated``: wrong
    system mentions that overlap no gold mention of any type (ECB+ marks only
    the participants of its events). Also returns each scored system mention's
    id -> the gold mention id it found, or None.
    """
    n = {"gold": 0, "names": 0, "system": 0, "exact": 0, "head": 0, "head_names": 0, "unannotated": 0}
    own: dict[MentionId, str | None] = {}
    for t in texts:
        gold = [g for g in t.mentions if g.scored]
        mine = [s for s in people.get(t.id, []) if any(a <= s[0] < b for a, b in t.scored)]
        pairs = head_pairs(gold, mine)
        n["gold"] += len(gold)
        n["names"] += sum(g.kind == "name" for g in gold)
        n["system"] += len(mine)
        n["exact"] += len({(g.start, g.end) for g in gold} & set(mine))
        n["head"] += len(pairs)
        n["head_names"] += sum(g.kind == "name" for g in pairs.values())
        n["unannotated"] += sum(1 for s in mine if s not in pairs
                                and not any(a < s[1] and s[0] < b for a, b in t.annotated))
        own.update({(t.id, *s): pairs[s].id if s in pairs else None for s in mine})
    return n, own


# --- running it -------------------------------------------------------------------------------


def load(name: str, split: str, limit: int | None) -> list[CorefText]:
    if name == "ecbplus":
        docs = ecbplus(DEV_TOPICS if split == "dev" else TRAIN_TOPICS)
    else:
        docs = wikievents(split)
    return list(islice(docs, limit))


def evaluate(texts: list[CorefText], analyses: list, cross_document: bool, errors: int = 0) -> dict:
    """Every clustering of the gold mentions scored, plus mention detection and counts."""
    t0 = time.perf_counter()
    system = clusters(analyses)
    seconds = time.perf_counter() - t0
    people = defaultdict(list)
    for a in analyses:
        people[a.document.id] += [(m.start, m.end) for m in a.mentions if m.type == "person"]
    mentions = [g for t in texts for g in t.mentions if g.scored]
    person_ids = [(doc, s, e) for doc, spans in people.items() for s, e in spans]
    found = attach(mentions, [mid for mid in person_ids if mid in system])
    bodies = {t.id: t.text for t in texts}
    doc_of = {g.id: g.doc for g in mentions}
    key = {g.id: g.chain for g in mentions}
    views = {"in-document": (in_document(key, doc_of), True)}
    if cross_document:
        views = {"cross-document": (key, False), **views}
    counts, own = detection(texts, people)
    out = {"views": {}, "resolve_seconds": round(seconds, 2), "detection": counts}
    # End to end: crosscheck's own mentions; gold ones it missed and ones it invented count against it.
    end_to_end = {gold or ("system", *mid): system.get(mid, ("alone", mid)) for mid, gold in own.items()}
    doc_of.update({m: m[1] for m in end_to_end if isinstance(m, tuple)})
    for view, (view_key, cut) in views.items():
        rows = responses(mentions, bodies, system, found)
        rows = {"crosscheck": rows.pop("crosscheck"), "crosscheck, own mentions": end_to_end, **rows}
        out["views"][view] = {
            name: scores(view_key, in_document(r, doc_of) if cut else r) for name, r in rows.items()
        }
    kinds = {k: sum(g.kind == k for g in mentions) for k in ("name", "nominal", "pronoun")}
    linkable = sum(1 for g in mentions if g.kind == "name"
                   and sum(h.chain == g.chain and h.kind == "name" for h in mentions) > 1)
    out["counts"] = {
        "documents": len(texts), "mentions": len(mentions), "chains": len(set(key.values())),
        "non-singleton chains": sum(len(c) > 1 for c in as_clusters(key)), **kinds,
        "names with another name in their chain": linkable,
        "found by the system": len(found),
        "names found": sum(g.kind == "name" and g.id in found for g in mentions),
    }
    if errors:
        out["errors"] = mistakes(mentions, system, found, errors, cross_document)
    return out


def mistakes(mentions: list[GoldMention], system: Mapping[MentionId, str], found: Mapping[str, MentionId],
             n: int, cross_document: bool = True) -> dict:
    """Gold chains the system splits (names only) and system clusters that join gold chains,
    largest first; clusters are cut at document boundaries unless ``cross_document``."""

    def cluster(g: GoldMention) -> str:
        name = system[found[g.id]] if g.id in found else "not found"
        return name if cross_document or g.id not in found else f"{g.doc}: {name}"

    split, joined = [], []
    chains: dict[str, list[GoldMention]] = defaultdict(list)
    for g in mentions:
        chains[g.chain].append(g)
    for members in chains.values():
        names = [g for g in members if g.kind == "name"]
        if len({cluster(g) if g.id in found else g.id for g in names}) > 1:
            counts = Counter(f"{g.text} [{cluster(g)}]" for g in names)
            split.append([f"{k} x{v}" if v > 1 else k for k, v in sorted(counts.items())])
    by_cluster: dict[str, list[GoldMention]] = defaultdict(list)
    for g in mentions:
        if g.id in found:
            by_cluster[cluster(g)].append(g)
    for cluster, members in by_cluster.items():
        if len({g.chain for g in members}) > 1:
            joined.append([cluster, sorted({f"{g.text} ({g.doc}, {g.chain})" for g in members})])
    split.sort(key=len, reverse=True)
    joined.sort(key=lambda x: len(x[1]), reverse=True)
    return {"split": split[:n], "joined": joined[:n]}


def run(names: Iterable[str], split: str = "dev", limit: int | None = None, errors: int = 0) -> dict:
    from crosscheck.extract import ExtractConfig, Extractor
    from crosscheck.model import Document

    loaded = {}
    for name in names:
        t0 = time.perf_counter()
        try:
            loaded[name] = (load(name, split, limit), time.perf_counter() - t0)
        except DataAbsent as e:
            print(f"skipping {name}: {e}", file=sys.stderr)
    result: dict = {"split": split, "corpora": {}}
    if not loaded:
        return result
    extractor = Extractor(ExtractConfig.default())
    result["extractor"] = extractor.version
    result["resolver"] = resolver_version()
    for name, (texts, load_seconds) in loaded.items():
        t0 = time.perf_counter()
        analyses = list(extractor.pipe(Document(text=t.text, id=t.id, title=t.id) for t in texts))
        extract_seconds = time.perf_counter() - t0
        entry = evaluate(texts, analyses, cross_document=name == "ecbplus", errors=errors)
        entry["seconds"] = {"load": round(load_seconds, 1), "extract": round(extract_seconds, 1),
                            "resolve": entry.pop("resolve_seconds")}
        entry["words"] = sum(len(t.text.split()) for t in texts)
        if name == "ecbplus":
            entry["topics"] = sorted({int(t.id.split("_")[0]) for t in texts})
        result["corpora"][name] = entry
    return result


def table(result: dict) -> str:
    lines = []
    for name, entry in result["corpora"].items():
        c, d = entry["counts"], entry["detection"]
        topics = f"; topics {', '.join(map(str, entry['topics']))}" if "topics" in entry else ""
        lines.append(f"\n### {name} ({result['split']}{topics}; {c['documents']} documents, "
                     f"{c['mentions']} gold person mentions in {c['chains']} chains)\n")
        lines.append(f"gold mentions: {c['name']} names, {c['nominal']} nominals, {c['pronoun']} pronouns; "
                     f"{c['names with another name in their chain']} names share their chain with another "
                     f"name; the system found {c['found by the system']} ({c['names found']} names)\n")
        for view, rows in entry["views"].items():
            lines.append(f"{view} (every row on the gold mentions but \"own mentions\"):\n")
            lines.append("| clustering | MUC P | MUC R | MUC F1 | B3 P | B3 R | B3 F1 | CEAF-e P | CEAF-e R "
                         "| CEAF-e F1 | CoNLL F1 |")
            lines.append("|---|" + "---:|" * 10)
            for row, s in rows.items():
                cells = [f"{x:.3f}" for k in ("muc", "b3", "ceafe") for x in s[k]]
                lines.append(f"| {row} | {' | '.join(cells)} | {s['conll']:.3f} |")
            lines.append("")
        p_exact, p_head = d["exact"] / max(d["system"], 1), d["head"] / max(d["system"], 1)
        r_exact, r_head = d["exact"] / max(d["gold"], 1), d["head"] / max(d["gold"], 1)
        lines.append("mention detection (people, scored sentences):\n")
        lines.append("| match | gold | system | P | R | F1 | R on names |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|")
        lines.append(f"| exact span | {d['gold']} | {d['system']} | {p_exact:.3f} | {r_exact:.3f} "
                     f"| {_f1(p_exact, r_exact):.3f} | |")
        lines.append(f"| head word | {d['gold']} | {d['system']} | {p_head:.3f} | {r_head:.3f} "
                     f"| {_f1(p_head, r_head):.3f} | {d['head_names'] / max(d['names'], 1):.3f} |")
        lines.append(f"\n{d['system'] - d['head']} system mentions match no gold person, "
                     f"{d['unannotated']} of them overlap no gold mention of any type. "
                     f"Seconds: {entry['seconds']}; {entry['words']:,} words.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.coref", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", choices=["ecbplus", "wikievents"], help="default: both")
    parser.add_argument("--split", choices=["dev", "train"], default="dev",
                        help="ECB+ dev is topics 23-25, train 1-22 (default: dev)")
    parser.add_argument("--limit", type=int, help="at most N documents per corpus")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="also list N gold chains the system splits and N clusters that join chains")
    parser.add_argument("--json", metavar="PATH", help="write the full result here")
    args = parser.parse_args(argv)
    result = run(args.corpus or ["ecbplus", "wikievents"], args.split, args.limit, args.errors)
    if not result["corpora"]:
        print("no corpus found; see the messages above", file=sys.stderr)
        return 2
    print(f"crosscheck: {result['extractor']}; {result['resolver']}")
    print(table(result))
    for name, entry in result["corpora"].items():
        for what, items in entry.get("errors", {}).items():
            print(f"\n{name}: {what}")
            for item in items:
                print(f"  {json.dumps(item, ensure_ascii=False)}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(result, f, ensure_ascii=False, indent=1, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main())
