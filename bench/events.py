"""Events on WikiEvents dev: crosscheck's event triggers, places and participants against the gold.

    python -m bench.events [--errors K]

WikiEvents (``wikievents/dev.jsonl``) annotates event triggers with KAIROS types and their
arguments. The types crosscheck covers are mapped from theirs (``TYPES`` below); a
predicted trigger matches a gold one of the mapped type when their spans overlap, one to
one. Place: for each matched trigger whose gold event has a Place argument, whether the
event's place mention overlaps it. Figures and dates are not annotated by WikiEvents.

Arguments (``ROLES`` below): gold is every argument of the mapped roles of every gold event
of a mapped type, wherever in the document it is; predicted is, for each predicted trigger,
the event's places and participants that lie in the trigger's sentence (a merged event
carries those of all its mentions; the stage takes them from the trigger's own sentence).
A predicted argument is right when its trigger matched a gold trigger and it overlaps a
gold argument of the same role of that gold event, one to one. Arrests are scored in rows
of their own: KAIROS' Detainee against our victim of an arrest, its Jailer against our
perpetrator of an arrest.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter

from bench import corpora

# KAIROS type (its first two parts) -> crosscheck's event type.
TYPES = {
    "Conflict.Attack": "attack",
    "Life.Die": "die",
    "Life.Injure": "injure",
    "Justice.ArrestJailDetain": "arrest",
    "Conflict.Demonstrate": "protest",
    "Personnel.EndPosition": "dismissal",
    "Personnel.StartPosition": "appointment",
    "Personnel.Elect": "election",
}


# (KAIROS type, its role) -> the row it is scored in; our (event type, role) -> the same rows.
ROLES = {
    **{(k, "Place"): "place" for k in TYPES},
    ("Conflict.Attack", "Attacker"): "perpetrator",
    ("Life.Die", "Killer"): "perpetrator",
    ("Life.Injure", "Injurer"): "perpetrator",
    ("Conflict.Attack", "Target"): "target",
    ("Life.Die", "Victim"): "victim",
    ("Life.Injure", "Victim"): "victim",
    ("Justice.ArrestJailDetain", "Detainee"): "detainee",
    ("Justice.ArrestJailDetain", "Jailer"): "jailer",
}
ARREST_ROWS = {"victim": "detainee", "perpetrator": "jailer"}
ROWS = ("place", "perpetrator", "target", "victim", "detainee", "jailer")


def our_row(event_type: str, role: str) -> str | None:
    """The row our (event type, role) is scored in."""
    if role == "place":
        return "place"
    return ARREST_ROWS.get(role) if event_type == "arrest" else role


def gold_events(split: str = "dev") -> list[dict]:
    out = []
    for doc in corpora.wikievents_documents(split):
        text, char_of, _ = corpora.wikievents_text(doc)
        entity_span = {m["id"]: (char_of[m["start"]][0], char_of[m["end"] - 1][1])
                       for m in doc["entity_mentions"]}
        events = []
        for e in doc["event_mentions"]:
            kairos = ".".join(e["event_type"].split(".")[:2])
            kind = TYPES.get(kairos)
            t = e["trigger"]
            span = (char_of[t["start"]][0], char_of[t["end"] - 1][1])
            places = [entity_span[a["entity_id"]] for a in e["arguments"]
                      if a["role"] == "Place" and a["entity_id"] in entity_span]
            arguments = [(ROLES[kairos, a["role"]], entity_span[a["entity_id"]]) for a in e["arguments"]
                         if (kairos, a["role"]) in ROLES and a["entity_id"] in entity_span]
            events.append({"type": kind, "kairos": e["event_type"], "trigger": span, "places": places,
                           "arguments": arguments})
        out.append({"id": doc["doc_id"], "text": text, "events": events})
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def run() -> dict:
    from crosscheck.extract import Extractor
    from crosscheck.model import Document

    docs = gold_events()
    extractor = Extractor()
    t0 = time.perf_counter()
    analyses = list(extractor.pipe(Document(text=d["text"], id=d["id"]) for d in docs))
    seconds = time.perf_counter() - t0
    gold_n, pred_n, hit_n = Counter(), Counter(), Counter()
    arg_gold, arg_pred, arg_hit = Counter(), Counter(), Counter()
    place_gold = place_hit = 0
    errors: dict[str, list] = {"missed": [], "spurious": [], "argument missed": [], "argument spurious": []}
    for d, a in zip(docs, analyses, strict=True):
        gold = [g for g in d["events"] if g["type"]]
        # A unit's strength has no KAIROS counterpart: not scored.
        predicted = [(span, e) for e in a.events if e.type != "strength" for span in e.triggers]
        for g in gold:
            gold_n[g["type"]] += 1
        for _, e in predicted:
            pred_n[e.type] += 1
        used: set[int] = set()
        matches: list[int | None] = []
        for span, e in predicted:
            i = next((i for i, g in enumerate(gold)
                      if i not in used and g["type"] == e.type and _overlap(g["trigger"], span)), None)
            matches.append(i)
            if i is None:
                errors["spurious"].append((e.type, d["text"][slice(*span)], d["id"]))
                continue
            used.add(i)
            hit_n[e.type] += 1
            if gold[i]["places"]:
                place_gold += 1
                place_hit += any(_overlap(p, q) for p in e.places for q in gold[i]["places"])
        for i, g in enumerate(gold):
            if i not in used:
                errors["missed"].append((g["type"], d["text"][slice(*g["trigger"])], d["id"]))
        sentences = [(s.start, s.end) for s in a.sentences]
        arguments = [(i, _arguments(e, span, sentences))
                     for (span, e), i in zip(predicted, matches, strict=True)]
        counts = score_arguments(gold, arguments, errors, d)
        for total, n in zip((arg_gold, arg_pred, arg_hit), counts, strict=True):
            total.update(n)
    rows = {}
    for t in sorted(set(gold_n) | set(pred_n)):
        rows[t] = _prf(gold_n[t], pred_n[t], hit_n[t])
    rows["all"] = _prf(sum(gold_n.values()), sum(pred_n.values()), sum(hit_n.values()))
    roles = {r: _prf(arg_gold[r], arg_pred[r], arg_hit[r]) for r in ROWS}
    roles["all"] = _prf(sum(arg_gold.values()), sum(arg_pred.values()), sum(arg_hit.values()))
    return {"documents": len(docs), "extractor": extractor.version, "rows": rows,
            "place": {"gold": place_gold, "right": place_hit,
                      "accuracy": round(place_hit / place_gold, 3) if place_gold else None},
            "roles": roles,
            "unmapped_gold": sum(1 for d in docs for g in d["events"] if not g["type"]),
            "seconds": round(seconds, 1), "errors": errors}


def _arguments(event, trigger: tuple[int, int], sentences: list[tuple[int, int]]) -> list:
    """A predicted trigger's arguments: its event's places and participants in its sentence."""
    start, end = next(((a, b) for a, b in sentences if a <= trigger[0] < b), trigger)
    spans = [("place", s) for s in event.places]
    spans += [(our_row(event.type, role), s) for role, ss in event.participants.items() for s in ss]
    return [(row, s) for row, s in spans if row and start <= s[0] and s[1] <= end]


def score_arguments(gold: list[dict], predicted: list[tuple[int | None, list]], errors: dict | None = None,
                    doc: dict | None = None) -> tuple[Counter, Counter, Counter]:
    """Gold, predicted and matched arguments by row in one document. ``gold``: its gold events
    (``arguments``: [(row, span)]); ``predicted``: for each predicted trigger, the index of the
    gold event it matched (or None) and its arguments [(row, span)]."""
    gold_n, pred_n, hit_n = Counter(), Counter(), Counter()
    for g in gold:
        gold_n.update(row for row, _ in g["arguments"])
    used: set[tuple[int, int]] = set()
    for i, arguments in predicted:
        for row, span in arguments:
            pred_n[row] += 1
            j = None if i is None else next(
                (j for j, (r, s) in enumerate(gold[i]["arguments"])
                 if r == row and (i, j) not in used and _overlap(s, span)), None)
            if j is None:
                if errors is not None and doc is not None:
                    errors["argument spurious"].append((row, doc["text"][slice(*span)], doc["id"]))
                continue
            used.add((i, j))
            hit_n[row] += 1
    if errors is not None and doc is not None:
        errors["argument missed"] += [(row, doc["text"][slice(*s)], doc["id"]) for i, g in enumerate(gold)
                                      for j, (row, s) in enumerate(g["arguments"]) if (i, j) not in used]
    return gold_n, pred_n, hit_n


def _prf(gold: int, predicted: int, hit: int) -> dict:
    p = hit / predicted if predicted else 0.0
    r = hit / gold if gold else 0.0
    return {"gold": gold, "predicted": predicted, "matched": hit, "precision": round(p, 3),
            "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.events", description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, metavar="K", help="print K misses and K spurious")
    args = parser.parse_args(argv)
    try:
        result = run()
    except corpora.DataAbsent as e:
        print(f"WikiEvents not found: {e}", file=sys.stderr)
        return 1
    print(f"WikiEvents dev: {result['documents']} documents ({result['unmapped_gold']} gold events of types "
          f"crosscheck does not cover); crosscheck: {result['extractor']}")
    print("| type | gold | predicted | matched | P | R | F1 |\n|---|---:|---:|---:|---:|---:|---:|")
    for t, r in result["rows"].items():
        print(f"| {t} | {r['gold']} | {r['predicted']} | {r['matched']} | {r['precision']:.3f} | "
              f"{r['recall']:.3f} | {r['f1']:.3f} |")
    pl = result["place"]
    print(f"place of matched triggers with a gold Place: {pl['right']}/{pl['gold']}; "
          f"extraction {result['seconds']} s")
    print("| role | gold | predicted | matched | P | R | F1 |\n|---|---:|---:|---:|---:|---:|---:|")
    for t, r in result["roles"].items():
        print(f"| {t} | {r['gold']} | {r['predicted']} | {r['matched']} | {r['precision']:.3f} | "
              f"{r['recall']:.3f} | {r['f1']:.3f} |")
    for kind in result["errors"]:
        for e in result["errors"][kind][: args.errors]:
            print(f"  {kind}: {e[0]} {e[1]!r} ({e[2]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
