"""Relations on CrossRE news dev: crosscheck's relations against CrossRE's ``role`` and
``part-of`` edges.

    python -m bench.relations [--limit N] [--errors K]
    python -m bench.relations --review      # PolNeAR dev's relations from verbs, to judge by hand

CrossRE (``crossre/news-dev.json`` and the extension ``ext-news-dev.json``) annotates
relations between entity spans of single news sentences. Its ``role`` type (a person's
role in an organisation: works for, leads, plays for, speaks for) is what crosscheck's
``leads``, ``member_of``, ``founded``, ``advises`` and a post in a named organisation
mean; its ``part-of`` what ``attached_to`` and ``reports_to`` mean. Its ``physical`` type
(where something is) crosscheck does not read (reported as a count only). Each sentence is
one document (tokens joined by spaces). A predicted relation with an object matches a gold
edge of its CrossRE type when its subject overlaps one of the edge's spans and its object
the other; pairs are one to one.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter

from bench import corpora

FILES = ("news-dev.json", "ext-news-dev.json")
# CrossRE type -> crosscheck's relation types that mean it.
OURS = {"role": {"leads", "member_of", "founded", "advises", "holds_post"},
        "part-of": {"attached_to", "reports_to"}}


def sentences(limit: int | None = None) -> list[dict]:
    out = []
    for name in FILES:
        path = corpora.require("crossre", name)
        for line in path.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            tokens = d["sentence"]
            starts, pos = [], 0
            for t in tokens:
                starts.append(pos)
                pos += len(t) + 1
            text = " ".join(tokens)

            def span(a: int, b: int, starts=starts, tokens=tokens) -> tuple[int, int]:
                return starts[a], starts[b] + len(tokens[b])

            gold = [(span(r[0], r[1]), span(r[2], r[3]), r[4]) for r in d["relations"]]
            out.append({"id": d["doc_key"], "text": text, "gold": gold})
            if limit and len(out) >= limit:
                return out
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def run(limit: int | None = None) -> dict:
    from crosscheck.extract import Extractor
    from crosscheck.model import Document

    items = sentences(limit)
    extractor = Extractor()
    t0 = time.perf_counter()
    analyses = list(extractor.pipe(Document(text=s["text"], id=s["id"]) for s in items))
    seconds = time.perf_counter() - t0
    gold_types = Counter(t for s in items for _, _, t in s["gold"])
    rows, by_type = {}, Counter()
    errors: dict[str, list] = {"missed": [], "spurious": []}
    for crossre_type, ours_types in OURS.items():
        predicted = matched = 0
        for s, a in zip(items, analyses, strict=True):
            gold = [(x, y) for x, y, t in s["gold"] if t == crossre_type]
            ours = [r for r in a.relations if r.object is not None and r.type in ours_types]
            predicted += len(ours)
            used: set[int] = set()
            for r in ours:
                hit = next((i for i, (x, y) in enumerate(gold) if i not in used and (
                    (_overlap(r.subject, x) and _overlap(r.object, y))
                    or (_overlap(r.subject, y) and _overlap(r.object, x)))), None)
                if hit is None:
                    errors["spurious"].append((s["text"], r.type, s["text"][slice(*r.subject)],
                                               s["text"][slice(*r.object)]))
                else:
                    used.add(hit)
                    matched += 1
                    by_type[r.type] += 1
            for i, (x, y) in enumerate(gold):
                if i not in used:
                    errors["missed"].append((s["text"], crossre_type, s["text"][slice(*x)],
                                             s["text"][slice(*y)]))
        gold_n = gold_types[crossre_type]
        p = matched / predicted if predicted else 0.0
        r = matched / gold_n if gold_n else 0.0
        rows[crossre_type] = {"gold": gold_n, "predicted": predicted, "matched": matched,
                              "precision": round(p, 3), "recall": round(r, 3),
                              "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}
    return {
        "sentences": len(items), "extractor": extractor.version, "gold_types": dict(gold_types),
        "rows": rows, "role": rows["role"],
        "matched_by_our_type": dict(by_type), "seconds": round(seconds, 1), "errors": errors,
    }


# The types only a verb gives (not a title or an apposition): no gold for them is at hand,
# so ``--review`` lists each one found in PolNeAR dev for a person to judge.
VERB_TYPES = ("appointed", "dismissed", "trained_by", "formed_with", "reports_to", "attached_to",
              "accused_of", "targeted")


def review(split: str = "dev") -> list[dict]:
    from crosscheck.extract import Extractor
    from crosscheck.model import Document

    docs = list(corpora.polnear(split))
    out = []
    for g, a in zip(docs, Extractor().pipe(Document(text=g.text, id=g.id) for g in docs), strict=True):
        words = lambda s, t=g.text: t[s[0]:s[1]] if s else None  # noqa: E731
        for r in a.relations:
            if r.type in VERB_TYPES:
                out.append({"document": g.id, "type": r.type, "subject": words(r.subject),
                            "object": words(r.object), "role": r.role, "since": words(r.since),
                            "until": words(r.until), "evidence": words(r.evidence)})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.relations", description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="at most N sentences")
    parser.add_argument("--errors", type=int, default=0, metavar="K", help="print K misses and K spurious")
    parser.add_argument("--review", action="store_true",
                        help="list the relations read from verbs in PolNeAR dev, to judge by hand")
    args = parser.parse_args(argv)
    if args.review:
        try:
            found = review()
        except corpora.DataAbsent as e:
            print(f"PolNeAR not found: {e}", file=sys.stderr)
            return 1
        for r in found:
            print(f"{r['type']} | {r['subject']} | {r['object']} | {r['role']} | since {r['since']} "
                  f"until {r['until']} <- {r['evidence'][:140]!r} ({r['document']})")
        print(f"{len(found)} relations from verbs")
        return 0
    try:
        result = run(args.limit)
    except corpora.DataAbsent as e:
        print(f"CrossRE not found: {e}", file=sys.stderr)
        return 1
    print(f"CrossRE news dev: {result['sentences']} sentences; crosscheck: {result['extractor']}")
    print("gold relation types: " + ", ".join(f"{t} {n}" for t, n in sorted(result["gold_types"].items(),
                                                                            key=lambda kv: -kv[1])))
    print("| type | gold | predicted | matched | P | R | F1 |\n|---|---:|---:|---:|---:|---:|---:|")
    for name, row in result["rows"].items():
        print(f"| {name} | {row['gold']} | {row['predicted']} | {row['matched']} | {row['precision']:.3f} | "
              f"{row['recall']:.3f} | {row['f1']:.3f} |")
    print(f"matched by our type: {result['matched_by_our_type']}; extraction {result['seconds']} s")
    for kind in ("missed", "spurious"):
        for e in result["errors"][kind][: args.errors]:
            print(f"  {kind}: {' | '.join(e[1:])}  <- {e[0][:140]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
