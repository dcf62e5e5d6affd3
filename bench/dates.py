"""Date normalisation: crosscheck.extract.dates on hand-written expressions.

    python -m bench.dates [--errors]

Reads ``bench/data/dates.tsv`` (expressions with a document date, an earlier date in the
report where one matters, and the expected value and precision; written by hand for this
project) and reports the share read exactly right: the same value and precision, or a
duration, or "unresolved" where the text cannot be read without a document date. DATE
span F1 on IEER comes from ``python -m bench.ner`` (the stage relabels durations).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data" / "dates.tsv"


@dataclass
class Case:
    anchor: str
    previous: str
    text: str
    value: str
    precision: str


def cases(path: Path = DATA) -> list[Case]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(Case(*line.split("\t")))
    return out


def outcome(found) -> tuple[str, str]:
    """(value, precision) as the file writes them."""
    if found.kind == "duration":
        return "-", "duration"
    if found.value is None:
        return "-", "unresolved"
    return found.value, found.precision


def run(path: Path = DATA) -> dict:
    from crosscheck.extract.dates import DateValue, anchor_of, resolve

    rows, by_precision, right_by = [], Counter(), Counter()
    t0 = time.perf_counter()
    for case in cases(path):
        previous = None
        if case.previous != "-":
            precision = {1: "year", 2: "month", 3: "day"}[len(case.previous.split("-"))]
            previous = DateValue(case.previous, case.previous, precision)
        got = outcome(resolve(case.text, anchor_of(None if case.anchor == "-" else case.anchor), previous))
        ok = got == (case.value, case.precision)
        by_precision[case.precision] += 1
        right_by[case.precision] += ok
        rows.append({"case": case.__dict__, "got": got, "ok": ok})
    seconds = time.perf_counter() - t0
    right = sum(r["ok"] for r in rows)
    return {"cases": len(rows), "right": right, "accuracy": round(right / len(rows), 3),
            "by_precision": {p: f"{right_by[p]}/{n}" for p, n in sorted(by_precision.items())},
            "rows": rows, "seconds": round(seconds, 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.dates", description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the expressions read wrongly")
    parser.add_argument("--file", type=Path, default=DATA,
                        help="another set in the same form (bench/data/dates-held.tsv: the second set)")
    args = parser.parse_args(argv)
    result = run(args.file)
    print(f"{dt.date.today().isoformat()}: {result['cases']} expressions, {result['right']} read right: "
          f"accuracy {result['accuracy']:.3f} ({result['seconds']} s)")
    print("by expected precision: " + ", ".join(f"{p} {v}" for p, v in result["by_precision"].items()))
    if args.errors:
        for r in result["rows"]:
            if not r["ok"]:
                c = r["case"]
                print(f"  {c['anchor']:10} {c['text']!r:32} expected {c['value']} ({c['precision']}), "
                      f"got {r['got'][0]} ({r['got'][1]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
