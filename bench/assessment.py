"""Corroboration and contradiction on crosscheck's own assessment corpora.

    python -m bench.assessment [--corpus dev|test|test2|...|test20] [--split dev|held|all] [--errors K]
    python -m bench.assessment --polnear

Corpora of reports written for this benchmark (``CORPORA``), each with the expected pairs
annotated in ``pairs.yml`` as the reports were written, before any detector ran on them (see
their READMEs): ``bench/data/assessment`` (``dev``: Babil, March 2025; the detector was built
on it; ``--split`` picks its storylines) and the test sets ``bench/data/assessment-test``
to ``assessment-test20``, each written by another hand, committed unread and scored once
before its errors were read (docs/benchmarks.md keeps those first runs). A corpus is
ingested with the full pipeline into a temporary workspace and assessed. Each annotated
side (a document and a quote) stands for the statements whose span overlaps the quote; a
predicted pair is right when its two statements stand for the two sides of an annotated
pair of the same kind. Precision: right predicted pairs over predicted pairs (a pair of
statements no annotation covers, or a near miss, counts against it); recall: annotated
pairs found over annotated pairs. For the pairs found, how often the independence level
(corroborations) and the reason (contradictions) agree with the annotation.

``--polnear`` assesses PolNeAR dev (real articles of 2016, several outlets on the same
stories, no annotation) and prints what it finds, for reading.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml

from bench import corpora

CORPUS = Path(__file__).parent / "data" / "assessment"
CORPORA = {"dev": CORPUS, "test": Path(__file__).parent / "data" / "assessment-test",
           "test2": Path(__file__).parent / "data" / "assessment-test2",
           "test3": Path(__file__).parent / "data" / "assessment-test3",
           "test4": Path(__file__).parent / "data" / "assessment-test4",
           "test5": Path(__file__).parent / "data" / "assessment-test5",
           "test6": Path(__file__).parent / "data" / "assessment-test6",
           "test7": Path(__file__).parent / "data" / "assessment-test7",
           "test8": Path(__file__).parent / "data" / "assessment-test8",
           "test9": Path(__file__).parent / "data" / "assessment-test9",
           "test10": Path(__file__).parent / "data" / "assessment-test10",
           "test11": Path(__file__).parent / "data" / "assessment-test11",
           "test12": Path(__file__).parent / "data" / "assessment-test12",
           "test13": Path(__file__).parent / "data" / "assessment-test13",
           "test14": Path(__file__).parent / "data" / "assessment-test14",
           "test15": Path(__file__).parent / "data" / "assessment-test15",
           "test16": Path(__file__).parent / "data" / "assessment-test16",
           "test17": Path(__file__).parent / "data" / "assessment-test17",
           "test18": Path(__file__).parent / "data" / "assessment-test18",
           "test19": Path(__file__).parent / "data" / "assessment-test19",
           "test20": Path(__file__).parent / "data" / "assessment-test20"}
KINDS = ("corroboration", "contradiction")


def annotations(corpus: Path = CORPUS) -> list[dict]:
    return yaml.safe_load((corpus / "pairs.yml").read_text(encoding="utf-8"))


def split_of(corpus: Path = CORPUS) -> dict[str, str]:
    """Report name -> "dev" or "held", as the corpus README's storylines are split (a corpus
    with no ``split.yml`` is one split, "all")."""
    if not (corpus / "split.yml").exists():
        return {p.stem: "all" for p in (corpus / "reports").glob("*.md")}
    data = yaml.safe_load((corpus / "split.yml").read_text(encoding="utf-8"))
    return {doc: name for name, docs in data.items() for doc in docs}


def assess(paths: list[Path]):
    """Ingest the reports into a fresh workspace, assess it, and return (engine, pairs,
    statements, document id by report name)."""
    from sqlalchemy import select

    from crosscheck.extract import Extractor
    from crosscheck.ingest.batch import ingest
    from crosscheck.store import assessment, db
    from crosscheck.store.schema import documents

    folder = Path(tempfile.mkdtemp(prefix="crosscheck-assessment-"))
    engine = db.open_workspace(folder / "ws", create_missing=True)
    ingest(engine, paths, Extractor())
    assessment.run(engine)
    with engine.connect() as conn:
        ids = {Path(p).stem: i for i, p in conn.execute(select(documents.c.id, documents.c.path))}
        texts = dict(conn.execute(select(documents.c.id, documents.c.text)).all())
        found = assessment.statements(conn)
    return engine, assessment.pairs(engine), found, ids, texts


def score(gold: list[dict], predicted: list[dict], statements, ids: dict[str, str],
          texts: dict[str, str]) -> dict:
    """Precision and recall per kind (see the module's docstring)."""
    def sides(side: dict) -> set[str]:
        doc = ids[side["doc"]]
        at = texts[doc].find(side["quote"])
        if at < 0:
            raise ValueError(f"quote not in {side['doc']}: {side['quote']!r}")
        end = at + len(side["quote"])
        return {s.id for s in statements if s.document == doc and s.span[0] < end and at < s.span[1]}

    annotated = [(g, sides(g["a"]), sides(g["b"])) for g in gold]
    out: dict = {}
    for kind in KINDS:
        mine = [p for p in predicted if p["kind"] == kind]
        theirs = [(g, a, b) for g, a, b in annotated if g["kind"] == kind]
        right, found, agree = 0, set(), 0
        errors = {"spurious": [], "missed": []}
        for p in mine:
            hits = [g for g, a, b in theirs if (p["a"] in a and p["b"] in b) or (p["a"] in b and p["b"] in a)]
            if hits:
                right += 1
                for g in hits:
                    if g["id"] not in found:
                        found.add(g["id"])
                        label = g.get("independence") if kind == "corroboration" else g.get("reason")
                        agree += label == (p["independence"] if kind == "corroboration" else p["reason"])
            else:
                near = [g["id"] for g, a, b in annotated
                        if (p["a"] in a and p["b"] in b) or (p["a"] in b and p["b"] in a)]
                errors["spurious"].append((p, near))
        errors["missed"] = [(g, bool(a), bool(b)) for g, a, b in theirs if g["id"] not in found]
        precision = right / len(mine) if mine else 0.0
        recall = len(found) / len(theirs) if theirs else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[kind] = {"gold": len(theirs), "predicted": len(mine), "right": right, "found": len(found),
                     "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
                     "label_agreement": round(agree / len(found), 3) if found else None,
                     "errors": errors}
    return out


def run(split: str = "dev", corpus: Path = CORPUS) -> dict:
    chosen = split_of(corpus)
    names = sorted(n for n, s in chosen.items() if split == "all" or s == split)
    gold = [g for g in annotations(corpus) if g["a"]["doc"] in names and g["b"]["doc"] in names]
    t0 = time.perf_counter()
    _, predicted, statements, ids, texts = assess([corpus / "reports" / f"{n}.md" for n in names])
    result = score(gold, predicted, statements, ids, texts)
    result["documents"] = len(names)
    result["statements"] = len(statements)
    result["seconds"] = round(time.perf_counter() - t0, 1)
    return result


def polnear() -> list[dict]:
    """PolNeAR dev assessed: the pairs found, with their statements' words."""
    import shutil

    folder = Path(tempfile.mkdtemp(prefix="crosscheck-polnear-"))
    for g in corpora.polnear("dev"):
        # PolNeAR names each article outlet_date_slug: the outlet and the date as metadata.
        outlet, date, *_ = g.id.split("_")
        front = f'---\noutlet: "{outlet}"\ndate: {date}\n---\n'
        (folder / f"{g.id}.md").write_text(front + g.text, encoding="utf-8")
    try:
        _, predicted, *_ = assess(sorted(folder.glob("*.md")))
    finally:
        shutil.rmtree(folder)
    return predicted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.assessment", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="dev")
    parser.add_argument("--split", choices=("dev", "held", "all"), default="all",
                        help="storylines of the dev corpus (the test corpus is one split)")
    parser.add_argument("--errors", type=int, default=0, metavar="K", help="print K misses and K spurious")
    parser.add_argument("--polnear", action="store_true", help="assess PolNeAR dev and print what is found")
    args = parser.parse_args(argv)
    if args.polnear:
        try:
            found = polnear()
        except corpora.DataAbsent as e:
            print(f"PolNeAR not found: {e}", file=sys.stderr)
            return 1
        print(Counter((p["kind"], p["reason"], p["independence"]) for p in found))
        for p in found[: args.errors or len(found)]:
            print(f"{p['kind']} ({p['reason']}, {p['independence']}): {p['detail']}")
            for side in ("a", "b"):
                s = p[f"{side}_statement"]
                print(f"    {s['document']} [{s['source']}, {s['stance']}] {s['text'][:160]!r}")
        return 0
    split = args.split if args.corpus == "dev" else "all"
    result = run(split, CORPORA[args.corpus])
    print(f"assessment corpus {args.corpus}, {split}: {result['documents']} reports, "
          f"{result['statements']} statements; {result['seconds']} s")
    print("| kind | gold | predicted | right | found | P | R | F1 | label agreement |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for kind in KINDS:
        r = result[kind]
        print(f"| {kind} | {r['gold']} | {r['predicted']} | {r['right']} | {r['found']} | "
              f"{r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {r['label_agreement']} |")
    for kind in KINDS:
        errors = result[kind]["errors"]
        for g, has_a, has_b in errors["missed"][: args.errors]:
            print(f"  missed {kind} {g['id']} ({g.get('reason') or g.get('independence')}; statements found: "
                  f"a {has_a}, b {has_b}): {g['a']['quote'][:70]!r} / {g['b']['quote'][:70]!r}")
        for p, near in errors["spurious"][: args.errors]:
            a, b = p["a_statement"], p["b_statement"]
            print(f"  spurious {kind} ({p['reason']}, {p['independence']}; {p['detail'][:50]}) {near}: "
                  f"{a['text'][:70]!r} / {b['text'][:70]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
