"""Claims tagged token by token: a CRF over parse features and the rules' own claims.

The rules of :mod:`crosscheck.extract.claims` know a cue lexicon; reporters use
many more ways of attributing ("shows", "called", a colon, "wants"). This stage
labels every token of a paragraph as part of a cue, a source, a content or
none (BIO tags), with a linear-chain CRF (CRFsuite) trained on PolNeAR train
by ``python -m bench.train_claims``. Its features are the token's words and
parse, its clause's governing verb, whether it is quoted, and what the rules
said of it, so the model learns where to trust the rules and where to add
to them. The tagged spans are then put together as claims: each content with
the cue the parse ties it to (else the nearest), the cue's source, the stance
from the cue lexicon (see :func:`assemble`).

Claims the rules found inside another claim's content (nested attribution) and
refusals to comment (no content) are kept from the rules. With no model file
the stage leaves the rules' claims as they are.
"""

from __future__ import annotations

import bisect
import functools
import gc
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from crosscheck.extract import claims as rules
from crosscheck.extract.stages import stage
from crosscheck.model import Claim

VERSION = "5"
MODEL = Path(__file__).parent / "claims.crfsuite"
# Word-vector clusters (centroids), so that words the training data never showed in a
# role share features with words it did ("lambasted" with "criticized").
CLUSTERS = Path(__file__).parent / "claims-clusters.npy"
ROLES = ("CUE", "SOURCE", "CONTENT")


@dataclass
class Paragraph:
    """One tagged sequence: its tokens' character spans (document offsets) and features."""

    tokens: list[tuple[int, int]]
    sentence: list[int]  # each token's sentence number in the document
    features: list[list[str]]
    heads: list[int] = field(default_factory=list)  # where each token's syntactic head starts


# --- features ------------------------------------------------------------------------------


_VERBS = ("VERB", "AUX")
_CUE_POS = ("VERB", "NOUN", "AUX")
_COMPLEMENTS = frozenset({"ccomp", "xcomp", "dobj", "parataxis", "prep", "pobj", "advcl", "attr", "oprd"})


class _Tree:
    """A parsed piece as plain lists (one pass over spaCy's tokens), with the walks up the
    tree that the features need, each remembered per token."""

    def __init__(self, doc, forms: dict[str, str]):
        rows = [(t.lower_, t.text, t.pos_, t.dep_, t.ent_type_, t.head.i, t.idx) for t in doc]
        columns = tuple(map(list, zip(*rows, strict=True))) if rows else ([],) * 7
        self.lower, self.text, self.pos, self.dep, self.ent, self.head, self.idx = columns
        self.forms = forms
        self._gov: dict[int, tuple[int, str]] = {}
        self._cue: dict[int, tuple[str, str]] = {}
        self._verb: dict[int, tuple[int, str]] = {}
        self._subject: dict[int, str] = {}
        self._children: dict[int, list[int]] | None = None

    def governor(self, i: int) -> tuple[int, str]:
        """The nearest verb at or above token ``i``, and the dependency by which the path enters it."""
        if i not in self._gov:
            node, dep = i, "self"
            for _ in range(64):
                if self.pos[node] in _VERBS or self.dep[node] == "ROOT" or self.head[node] == node:
                    break
                dep, node = self.dep[node], self.head[node]
            self._gov[i] = (node, dep)
        return self._gov[i]

    def cue_above(self, i: int) -> tuple[str, str]:
        """The stance of the lexicon cue that governs token ``i``, and the dependency of the
        path's last step into it."""
        if i not in self._cue:
            node, dep, out = i, "self", ("", "")
            for _ in range(64):
                stance = self.forms.get(self.lower[node])
                if stance and self.pos[node] in _CUE_POS:
                    out = (stance, dep)
                    break
                if self.head[node] == node:
                    break
                dep, node = self.dep[node], self.head[node]
            self._cue[i] = out
        return self._cue[i]

    def reporting_verb(self, i: int) -> tuple[int, str]:
        """The first verb above token ``i`` whose complement holds it ("said" above "the
        brigade was trained"), and the complement's dependency; (-1, "") if none."""
        if i not in self._verb:
            child, node, out = i, self.head[i], (-1, "")
            for _ in range(64):
                if node == child:
                    break
                if self.pos[node] in _VERBS and self.dep[child] in _COMPLEMENTS:
                    out = (node, self.dep[child])
                    break
                child, node = node, self.head[node]
            self._verb[i] = out
        return self._verb[i]

    def subject_kind(self, verb: int) -> str:
        """What kind of subject a verb has: none, a pronoun, an entity type or a part of speech."""
        if verb not in self._subject:
            if self._children is None:
                self._children = {}
                for j, h in enumerate(self.head):
                    if h != j:
                        self._children.setdefault(h, []).append(j)
            subj = next((c for c in self._children.get(verb, []) if self.dep[c] in ("nsubj", "nsubjpass")),
                        None)
            if subj is None:
                kind = "none"
            elif self.pos[subj] == "PRON":
                kind = "pron"
            else:
                kind = self.ent[subj] or self.pos[subj]
            self._subject[verb] = kind
        return self._subject[verb]


_TABLES: dict[int, tuple[Any, Any]] = {}  # id(vectors) -> (the vectors, their clusters)


def _cluster_table(vectors) -> Any:
    """The cluster of each row of a vectors table (by cosine to the nearest centroid), or None;
    computed once per table (the table is kept with it, so that its id is not reused)."""
    entry = _TABLES.get(id(vectors))
    if entry is None or entry[0] is not vectors:
        entry = _TABLES[id(vectors)] = (vectors, _cluster_rows(vectors))
    return entry[1]


def _cluster_rows(vectors) -> Any:
    import numpy as np

    if not CLUSTERS.is_file() or vectors.shape[0] == 0:
        return None
    centroids = np.load(CLUSTERS)
    if centroids.shape[1] != vectors.shape[1]:
        return None
    data = np.asarray(vectors.data, dtype=np.float32)
    data = data / np.maximum(np.linalg.norm(data, axis=1, keepdims=True), 1e-8)
    return [str(c) for c in (data @ centroids.T).argmax(axis=1)]


def clusters_of(doc) -> list[str]:
    """Each token's vector cluster ("" where it has none)."""
    table = _cluster_table(doc.vocab.vectors)
    if table is None:
        return [""] * len(doc)
    key2row = doc.vocab.vectors.key2row
    out = []
    for tok in doc:
        row = key2row.get(tok.orth, key2row.get(tok.lower, -1))
        out.append(table[row] if row >= 0 else "")
    return out


def _rule_roles(doc, offset: int, found: Sequence[Claim]) -> list[str]:
    """Each token's role in the rules' outermost claims ("O" for none)."""
    starts = [offset + t.idx for t in doc]
    roles = ["O"] * len(starts)
    for claim in found:
        if claim.via:
            continue
        for role, span in (("CONTENT", claim.content), ("SOURCE", claim.source), ("CUE", claim.cue)):
            if span is not None:
                for i in range(bisect.bisect_left(starts, span[0]), bisect.bisect_left(starts, span[1])):
                    roles[i] = role
    return roles


def paragraphs(text: str, parsed, found: Sequence[Claim],
               quotes: Sequence[tuple[int, int]] | None = None) -> Iterator[Paragraph]:
    """The document's paragraphs as feature sequences (a paragraph ends at a line break);
    ``quotes`` are the text's quotations, found here when not given."""
    forms = rules._lexicon()["forms"]
    quoted = bytearray(len(text) + 1)
    for start, end in rules.quotations(text) if quotes is None else quotes:
        quoted[start:end] = b"\x01" * (end - start)
    # The features see the rules' reading of the sentences; the layout's claims (transcript
    # lines, signed quotations) are put back after tagging, in tag_claims.
    layout = {c.cue for c in rules.layout_claims(text)}
    beside = {i for i, c in enumerate(found) if c.cue in layout}
    found = [replace(c, via=[v for v in c.via if v not in beside])
             for i, c in enumerate(found) if i not in beside]
    sent_no = 0
    for offset, doc in parsed:
        tree = _Tree(doc, forms)
        cluster = clusters_of(doc)
        roles = _rule_roles(doc, offset, found)
        rows: list[tuple[list[str], tuple[str, ...]]] = []
        spans: list[tuple[int, int]] = []
        sents: list[int] = []
        heads: list[int] = []
        for sent in doc.sents:
            sent_no += 1
            for i in range(sent.start, sent.end):
                word = tree.text[i]
                if word.isspace():
                    if "\n" in word and spans:
                        yield _sequence(rows, spans, sents, heads)
                        rows, spans, sents, heads = [], [], [], []
                    continue
                start = offset + tree.idx[i]
                lower, head = tree.lower[i], tree.head[i]
                gov, gov_dep = tree.governor(i)
                stance, cue_dep = tree.cue_above(i)
                verb, verb_dep = tree.reporting_verb(i)
                head_lower, gov_lower = tree.lower[head], tree.lower[gov]
                verb_lower = tree.lower[verb] if verb >= 0 else ""
                verb_cluster = cluster[verb] if verb >= 0 else ""
                psubj = tree.subject_kind(verb) if verb >= 0 else ""
                role, dep = roles[i], tree.dep[i]
                rows.append((
                    # this token's own features
                    ["bias", "w=" + lower, "suf=" + lower[-3:], "pos=" + tree.pos[i],
                     "dep=" + dep, "hw=" + head_lower,
                     "gov=" + gov_lower, "govdep=" + gov_dep, "c=" + cluster[i], "hc=" + cluster[head],
                     "gc=" + cluster[gov], "pc=" + verb_cluster, "pverb=" + verb_lower,
                     "cuedep=" + cue_dep, "cue=" + stance,
                     "q=" + ("1" if quoted[start] else "0"), "rule=" + role,
                     "w|dep=" + lower + "|" + dep, "gov|govdep=" + gov_lower + "|" + gov_dep,
                     "rule|cue=" + role + "|" + cue_dep, "pverb|dep=" + verb_lower + "|" + verb_dep,
                     "pc|dep=" + verb_cluster + "|" + verb_dep, "gc|govdep=" + cluster[gov] + "|" + gov_dep,
                     "psubj|dep=" + psubj + "|" + verb_dep],
                    # what its neighbours see of it
                    ("w=" + lower, "c=" + cluster[i], "dep=" + dep, "rule=" + role),
                ))
                spans.append((start, start + len(word)))
                sents.append(sent_no)
                heads.append(offset + tree.idx[head])
        if spans:
            yield _sequence(rows, spans, sents, heads)


def _sequence(rows: list[tuple[list[str], tuple[str, ...]]], spans, sents, heads) -> Paragraph:
    """Each token's features, with its neighbours' (two either side) prefixed by their distance."""
    features = []
    n = len(rows)
    near = {d: [[f"{d}{kv}" for kv in (row[1] if abs(d) == 1 else row[1][:2])] for row in rows]
            for d in (-2, -1, 1, 2)}
    for i, (own, _) in enumerate(rows):
        feats = list(own)
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                feats.extend(near[d][j])
                if sents[j] != sents[i]:
                    feats.append(f"{d}newsent")
            else:
                feats.append(f"{d}edge")
        if i == 0:
            feats.append("parastart")
        features.append(feats)
    return Paragraph(tokens=list(spans), sentence=list(sents), features=features, heads=list(heads))


# --- labels --------------------------------------------------------------------------------


def gold_labels(para: Paragraph, parts: Sequence[tuple[str, Sequence[tuple[int, int]]]]) -> list[str]:
    """BIO labels of a paragraph's tokens from ``(role, spans)`` pairs (one pair per part of
    an attribution); a token in several keeps the first role of ``ROLES``."""
    labels = ["O"] * len(para.tokens)
    owner: list[int | None] = [None] * len(para.tokens)
    first = para.tokens[0][0] if para.tokens else 0
    goes_on = False  # the paragraph opens inside a content begun before it
    for number, (role, spans) in enumerate(parts):
        for i, (start, end) in enumerate(para.tokens):
            if any(s < end and start < e for s, e in spans):
                if labels[i] == "O" or ROLES.index(role) < ROLES.index(labels[i][2:]):
                    labels[i] = "I-" + role
                    owner[i] = number
                    if i == 0:
                        goes_on = role == "CONTENT" and min(s for s, _ in spans) < first
    out = list(labels)
    for i, label in enumerate(labels):
        if label != "O" and (i == 0 or owner[i - 1] != owner[i] or labels[i - 1] != label):
            # A paragraph opening inside a content keeps I- (the content goes on from before).
            if i > 0 or not goes_on:
                out[i] = "B-" + label[2:]
    return out


def tagged_spans(para: Paragraph, labels: Sequence[str]) -> list[tuple[str, int, int, bool]]:
    """(role, first token, last token, continues the previous paragraph) runs of BIO labels."""
    out: list[tuple[str, int, int, bool]] = []
    for i, label in enumerate(labels):
        if label == "O":
            continue
        role = label[2:]
        if label.startswith("I-") and out and out[-1][0] == role and out[-1][2] == i - 1:
            out[-1] = (role, out[-1][1], i, out[-1][3])
        else:
            out.append((role, i, i, i == 0 and label == "I-CONTENT"))
    return out


# --- the model -----------------------------------------------------------------------------


@functools.cache
def _tagger(path: str):
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


def available() -> bool:
    """Whether the trained model is there (a checkout without it runs the rules alone)."""
    return MODEL.is_file()


@dataclass
class _Run:
    role: str
    start: int  # characters
    end: int
    sentences: tuple[int, int]
    continues: bool


def assemble(text: str, paras: Sequence[Paragraph], labels: Sequence[Sequence[str]],
             found: Sequence[Claim], subjects: Callable[[int, int], tuple[int, int] | None] | None = None,
             quotes: Sequence[tuple[int, int]] | None = None) -> list[Claim]:
    """Claims from the tagged runs. Each content gets the cue the parse ties it to, else the
    nearest cue in its sentences, else in the next or the previous one. The cue's source is,
    in turn: the rules' source for that cue; a tagged source the parse ties to the cue;
    ``subjects(cue start, cue end)`` (the cue's subject in the parse), or, without
    ``subjects``, the nearest tagged source in the cue's sentence."""
    runs: list[_Run] = []
    for para, tags in zip(paras, labels, strict=True):
        for role, a, b, continues in tagged_spans(para, tags):
            runs.append(_Run(role, para.tokens[a][0], para.tokens[b][1],
                             (para.sentence[a], para.sentence[b]), continues))
    # A content that opens a paragraph inside a quotation goes on from the previous content.
    quotes = rules.quotations(text) if quotes is None else quotes
    contents: list[_Run] = []
    for run in runs:
        if run.role != "CONTENT":
            continue
        if run.continues and contents and any(
                start - 1 <= contents[-1].start and run.start < end for start, end in quotes):
            last = contents[-1]
            contents[-1] = _Run("CONTENT", last.start, run.end, (last.sentences[0], run.sentences[1]), False)
        else:
            contents.append(run)
    cues = [r for r in runs if r.role == "CUE"]
    contents = [piece for run in contents for piece in _split(run, cues, paras, quotes)]
    sources = [r for r in runs if r.role == "SOURCE"]
    by_cue = {c.cue[0]: c for c in found}
    forms = rules._lexicon()["forms"]
    starts = [start for para in paras for start, _ in para.tokens]
    heads = [h for para in paras for h in para.heads]
    paired: dict[int, tuple[_Run, list[_Run]]] = {}  # cue start -> (cue, its contents)
    linked: set[tuple[int, int]] = set()  # (cue start, content start) joined in the parse
    for content in contents:
        # (Only in its paragraph: a quotation that ends one is not what the next paragraph's
        # speaker "rejected".)
        mine = [c for c in cues if not _apart(text, c, content)]
        near = [c for c in mine if content.sentences[0] - 1 <= c.sentences[0] <= content.sentences[1] + 1
                and _linked(c, content, starts, heads)]
        cue = _nearest(near, content, (content.sentences[0] - 1, content.sentences[1] + 1))
        if cue is not None:
            linked.add((cue.start, content.start))
        else:
            cue = _nearest(mine, content, content.sentences) or _nearest(
                mine, content, (content.sentences[0] - 1, content.sentences[1] + 1))
        if cue is not None:
            paired.setdefault(cue.start, (cue, []))[1].append(content)
    groups: list[tuple[_Run, list[_Run]]] = []
    for cue, found_parts in paired.values():
        # Contents of one cue with nothing but the cue, a source or punctuation between
        # them are one content: a quotation interrupted by its "she said", or a content the
        # tagger broke. Other contents that share a cue stay claims of their own.
        found_parts.sort(key=lambda r: r.start)
        chain = [found_parts[0]]
        for part in found_parts[1:]:
            if (_only_between(text, chain[-1].end, part.start, [cue, *sources])
                    and chain[-1].end <= cue.start < part.start and not _apart(text, chain[-1], part)):
                chain.append(part)
            else:
                groups.append((cue, chain))
                chain = [part]
        groups.append((cue, chain))
    out: list[Claim] = []
    for cue, parts in groups:
        rule = by_cue.get(cue.start)
        if rule is not None and rule.source is not None:
            source_span = rule.source  # the rules read the cue's subject off the parse
        else:
            tied = [r for r in sources if r.sentences == cue.sentences and _linked(cue, r, starts, heads)]
            source = _nearest(tied, cue, cue.sentences)
            if source is None and subjects is not None:
                source_span = subjects(cue.start, cue.end)
            else:
                source = source or _nearest(sources, cue, cue.sentences)
                source_span = (source.start, source.end) if source else None
        stance = next((forms[w] for w in text[cue.start:cue.end].lower().split() if w in forms), None)
        stance = stance or (rule.stance if rule else "asserts")
        claim = Claim(cue=(cue.start, cue.end), source=source_span, content=(parts[0].start, parts[-1].end),
                      stance=stance, stage_version=VERSION)
        if len(parts) > 1:
            claim.attrs["content_parts"] = [(p.start, p.end) for p in parts]
        out.append(claim)
    return out


def _split(content: _Run, cues: list[_Run], paras: Sequence[Paragraph],
           quotes: Sequence[tuple[int, int]] = ()) -> list[_Run]:
    """A content that runs on from a sentence with its cue ("X said the road was closed.")
    into a later sentence with a cue of its own ('"We will open it," he said.') is two
    contents, cut where that sentence starts, or where the quotation it closes opens."""
    first, last = content.sentences
    if first == last:
        return [content]

    def has_cue(k: int) -> bool:
        return any(c.sentences[0] <= k <= c.sentences[1] and not content.start <= c.start < content.end
                   for c in cues)

    if not has_cue(first):
        return [content]
    tokens = [(span, k) for para in paras for span, k in zip(para.tokens, para.sentence, strict=True)
              if content.start <= span[0] < content.end]
    pieces, start, opened = [], content.start, first
    for i in range(1, len(tokens)):
        (begin, _), k = tokens[i]
        if k != tokens[i - 1][1] and has_cue(k):
            # '... closed. "We have nothing. Nobody will open it," he said': the quotation
            # that the cue's sentence ends began a sentence earlier.
            opening = next((q - 1 for q, e in quotes if q - 1 > start and q <= begin < e), None)
            cut = i
            if opening is not None:
                cut = next(j for j in range(i + 1) if tokens[j][0][0] >= opening)
            if cut == 0 or tokens[cut][0][0] <= start:
                continue
            pieces.append(_Run("CONTENT", start, tokens[cut - 1][0][1], (opened, tokens[cut - 1][1]), False))
            start, opened = tokens[cut][0][0], tokens[cut][1]
    pieces.append(_Run("CONTENT", start, content.end, (opened, last), content.continues))
    return pieces


def _apart(text: str, a: _Run, b: _Run) -> bool:
    """Whether two runs lie in different paragraphs (a line break between them)."""
    return "\n" in text[min(a.end, b.end):max(a.start, b.start)]


def _only_between(text: str, start: int, end: int, runs: list[_Run]) -> bool:
    """Whether ``text[start:end]`` holds nothing but ``runs`` and punctuation."""
    if end - start > 400:
        return False
    gap = list(text[start:end])
    for run in runs:
        for i in range(max(run.start, start), min(run.end, end)):
            gap[i - start] = " "
    return not any(c.isalnum() for c in gap)


def _linked(cue: _Run, content: _Run, starts: list[int], heads: list[int]) -> bool:
    """Whether the parse joins a cue and a content: the content hangs from the cue, or
    the cue from the content ("..., she said, ..."). ``starts`` are the document's token
    starts in order, ``heads`` where each token's head starts."""
    def hangs(run: _Run, on: _Run) -> bool:
        for i in range(bisect.bisect_left(starts, run.start), bisect.bisect_left(starts, run.end)):
            if not run.start <= heads[i] < run.end and on.start <= heads[i] < on.end:
                return True
        return False

    return hangs(content, cue) or hangs(cue, content)


def _nearest(runs: list[_Run], anchor: _Run, sentences: tuple[int, int]) -> _Run | None:
    near = [r for r in runs if sentences[0] <= r.sentences[0] and r.sentences[1] <= sentences[1]
            and not (anchor.start <= r.start and r.end <= anchor.end)]
    return min(near, key=lambda r: max(r.start - anchor.end, anchor.start - r.end, 0), default=None)


def _subjects(parsed) -> Callable[[int, int], tuple[int, int] | None]:
    """Looks up the subject (or passive agent) of the verb in a cue's characters."""

    def subject(start: int, end: int) -> tuple[int, int] | None:
        for offset, doc in parsed:
            words = doc.char_span(start - offset, end - offset, alignment_mode="expand")
            if words is None or not len(words):
                continue
            for tok in sorted(words, key=lambda t: t.pos_ not in _VERBS):
                agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
                if pobj is not None:
                    return rules._subtree(pobj, offset)
                who = rules._subject(tok)
                if who is not None and who.dep_ == "nsubj":
                    return rules._subtree(who, offset)
            return None
        return None

    return subject


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


@stage("claim_tagger", version=VERSION, requires=["parse", "claims"], assigns=["claims"])
def tag_claims(analysis, parsed) -> None:
    if not available():
        return
    tagger = _tagger(str(MODEL))
    text = analysis.document.text
    found = list(analysis.claims)
    quotes = rules.quotations(text)  # one scan for features and assembly both
    # Features are many small strings and lists, none in a cycle: the cyclic garbage
    # collector would only walk them over and over (a third of the stage's time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        paras = list(paragraphs(text, parsed, found, quotes))
        labels = [tagger.tag(p.features) for p in paras]
    finally:
        if collecting:
            gc.enable()
    tagged = assemble(text, paras, labels, found, _subjects(parsed), quotes)
    # "accused the commander of selling rifles": where the tagger stops at the accused, the
    # rules' content that goes on to the charge is the accusation.
    accusations = [c for c in found if c.stance == "alleges" and c.content]
    for t in tagged:
        rule = next((c for c in accusations if _overlaps(c.cue, t.cue)), None)
        if (rule is not None and t.content and rule.content[0] <= t.content[0]
                and t.content[1] < rule.content[1]):
            t.content = rule.content
    # A refusal to comment is the rules' fixed phrase; the tagger's reading of "did not
    # respond to" + "a request for comment" as a cue and its content gives way to it.
    refusals = [c for c in found if c.stance == "declines" and c.content is None]
    tagged = [t for t in tagged if not any(r.cue[0] < t.cue[1] and t.cue[0] < r.cue[1] for r in refusals)]
    # A transcript line or a signed quotation is the rules' reading of the layout, which
    # the tagger (trained on sentences) has no better view of.
    layout = rules.layout_claims(text)
    tagged = [t for t in tagged if not any(c.cue[0] < t.cue[1] and t.cue[0] < c.cue[1] for c in layout)]
    # The rules' claims that the tagger has nothing for are kept: refusals to comment,
    # claims reported inside a tagged content, and outer claims whose cue and content the
    # tagger left untouched (on PolNeAR dev, content-overlap F1 0.804 -> 0.807).
    # So is a count or a happening a source puts somewhere ("put the death toll at 13",
    # "located the blast near Kanaan", after "citing two army officers"): the tagger, trained
    # on PolNeAR's politics, has seen few.
    placed = {c.cue for c in rules.placing_claims(text, parsed)}
    kept = [c for c in found
            if (c.content is None
                or c.cue in placed
                or any(c.via and o.content and o.content[0] <= c.cue[0] < o.content[1] for o in tagged)
                or (not c.via and not any(_overlaps(c.content, o.content) for o in tagged)))
            and not any(_overlaps(o.cue, c.cue) for o in tagged + layout)]
    rules.finish(analysis, tagged + kept + layout)
